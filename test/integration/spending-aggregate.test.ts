import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { SpendingRow } from '../../src/shared/model';
import { signedCsvMapping } from '../support/csv-mapping';
import { EMULATOR_TODAY, linkSandbox, startHarness, type Harness } from '../support/sync-harness';

/**
 * The spending report reads sums kept by triggers (migration 020), not the rows: after every kind
 * of change a ledger meets, the report must equal the same sums computed from the rows with the
 * report's own rules (the query the report ran before the sums were kept, below).
 */

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const FROM_ROWS = `
  SELECT substr(t.date, 1, 7) AS month, COALESCE(t.user_category, t.category) AS category,
         t.currency AS currency, -SUM(t.amount) AS amount, COUNT(DISTINCT t.seq) AS count
  FROM (
    SELECT x.seq, x.date, x.amount, x.currency, x.user_category, x.category, x.category_detailed,
           x.removed_at, x.excluded
    FROM transactions x WHERE NOT EXISTS (SELECT 1 FROM transaction_splits s WHERE s.seq = x.seq)
    UNION ALL
    SELECT x.seq, x.date, s.amount, x.currency, COALESCE(s.category, x.user_category), x.category,
           x.category_detailed, x.removed_at, x.excluded
    FROM transactions x JOIN transaction_splits s ON s.seq = x.seq
  ) t
  WHERE t.removed_at IS NULL AND t.amount < 0 AND t.date >= ? AND t.date <= ? AND t.excluded = 0
    AND NOT EXISTS (SELECT 1 FROM transfer_pairs p WHERE p.out_seq = t.seq AND p.status = 'confirmed')
    AND COALESCE(t.user_category, t.category, '') NOT IN ('TRANSFER_IN', 'TRANSFER_OUT')
    AND (t.user_category IS NOT NULL
         OR COALESCE(t.category_detailed, '') NOT IN ('LOAN_PAYMENTS_CREDIT_CARD_PAYMENT'))
  GROUP BY month, 2, t.currency`;

const key = (r: SpendingRow) => `${r.month}|${r.category}|${r.currency}`;
const sorted = (rows: SpendingRow[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

function fromRows(harness: Harness, from: string, until: string): SpendingRow[] {
  const db = new BetterSqlite3(harness.databasePath, { readonly: true });
  try {
    return db.prepare(FROM_ROWS).all(from, until) as SpendingRow[];
  } finally {
    db.close();
  }
}

function csv(rows: [date: string, text: string, amount: string][]): string {
  const lines = ['Date,Description,Amount,Id', ...rows.map((r) => `${r.join(',')},`)];
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8').toString('base64');
}

describe('the kept spending sums', () => {
  it('equal the sums over the rows after syncs, edits, splits, transfers, removals and imports', async () => {
    const today = new Date(`${EMULATOR_TODAY}T12:00:00Z`);
    h = await startHarness({ core: { manualCooldownMs: 0, clock: { now: () => today } } });
    const harness = h;
    const { connectionId, itemId } = await linkSandbox(harness);
    const sync = async () => {
      await harness.call('connections.sync', { connectionId });
      await harness.core.idle();
    };
    let checks = 0;
    const same = async (step: string) => {
      // Two windows: 24 months to today, and one ending mid-month in the past.
      for (const [months, until] of [
        [24, EMULATOR_TODAY],
        [3, '2026-09-17'],
      ] as const) {
        const report = await harness.call('reports.spending', { months, until });
        const expected = fromRows(harness, `${report.months[0]!}-01`, until);
        expect(sorted(report.rows), `${step}, ${months} months to ${until}`).toEqual(
          sorted(expected),
        );
        // Ordered by month, then biggest first.
        for (let i = 1; i < report.rows.length; i++) {
          const [a, b] = [report.rows[i - 1]!, report.rows[i]!];
          expect(a.month < b.month || (a.month === b.month && a.amount >= b.amount)).toBe(true);
        }
      }
      checks++;
    };

    await same('after the first sync');
    const spend = (await harness.call('transactions.list', { type: 'out', limit: 40 })).items;
    expect(spend.length).toBeGreaterThan(10);
    const [a, b, c, d, e, f] = spend;

    await harness.call('transactions.update', { ids: [a!.id, b!.id], set: { category: 'Gifts' } });
    await same('after recategorising');
    await harness.call('transactions.update', { ids: [b!.id], set: { category: null } });
    await harness.call('transactions.update', { ids: [c!.id], set: { category: 'TRANSFER_OUT' } });
    await same('after clearing a category and choosing a transfer category');

    await harness.call('transactions.split', {
      id: d!.id,
      parts: [
        { amount: d!.amount - 100, category: 'Groceries' },
        { amount: 60, category: 'Refund' },
        { amount: 40 },
      ],
    });
    await same('after a split with a part of money in');
    await harness.call('transactions.split', {
      id: d!.id,
      parts: [
        { amount: d!.amount + 50, category: 'Groceries' },
        { amount: -50, category: 'Groceries' },
      ],
    });
    await same('after a split whose parts share a category');
    await harness.call('transactions.update', { ids: [e!.id], set: { excluded: true } });
    await same('after leaving a row out of reports');
    await harness.call('transactions.undo');
    await same('after undoing that');

    const savings = await harness.call('accounts.create', {
      name: 'Savings',
      kind: 'savings',
      currency: f!.currency,
    });
    const arrived = await harness.call('transactions.create', {
      accountId: savings.id,
      date: f!.date,
      amount: -f!.amount,
      name: 'From checking',
    });
    if (arrived.outcome !== 'added') throw new Error('the hand entry was not added');
    const income = arrived.transaction;
    await same('after a hand entry of money in');
    await harness.call('transfers.confirm', { outId: f!.id, inId: income.id });
    await same('after confirming a transfer');
    await harness.call('transfers.unconfirm', { outId: f!.id, inId: income.id });
    await same('after taking the transfer back');
    await harness.call('transfers.confirm', { outId: f!.id, inId: income.id });

    const truth = harness.emulator.control.groundTruth(itemId);
    // Plaid's amounts are positive for money out.
    const posted = truth.filter((t) => !t.pending && t.amount > 0 && t.transaction_id !== f!.id);
    expect(truth.some((t) => t.transaction_id === f!.id)).toBe(true);
    for (const t of [...posted.slice(0, 3).map((t) => t.transaction_id), f!.id])
      harness.emulator.control.removeTransaction(itemId, t);
    await sync();
    await same('after the bank removed rows, one of them a confirmed transfer');

    const account = await harness.call('accounts.create', {
      name: 'Wallet',
      kind: 'cash',
      currency: 'EUR',
    });
    await harness.call('import.commit', {
      accountId: account.id,
      fileName: 'oct.csv',
      content: csv([
        ['2026-10-01', 'Coffee', '-2.50'],
        ['2026-10-02', 'Salary', '2500.00'],
        ['2026-11-03', 'Rent', '-1200.00'],
      ]),
      mapping: signedCsvMapping({ date: 0, description: 1, amount: 2, id: 3 }),
    });
    await same('after an import');
    const made = await harness.call('transactions.create', {
      accountId: account.id,
      date: '2026-11-19',
      amount: -4_200,
      name: 'Market',
      category: 'Groceries',
    });
    await same('after a hand entry');
    if (made.outcome !== 'added') throw new Error('the hand entry was not added');
    await harness.call('transactions.delete', { ids: [made.transaction.id] });
    await same('after deleting it');
    await harness.call('accounts.close', { accountId: account.id, closed: true });
    await same('after closing the account');
    await harness.call('connections.resync', { connectionId });
    await harness.core.idle();
    await same('after a full resync');
    await harness.call('connections.disconnect', { connectionId, deleteData: true });
    await same("after disconnecting and deleting the bank's rows");
    expect(checks).toBe(17);
  });
});
