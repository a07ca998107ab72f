import BetterSqlite3 from 'better-sqlite3';
import type { WireTransaction } from '@ledgerlight/plaid-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { EMULATOR_TODAY, linkSandbox, startHarness, type Harness } from '../support/sync-harness';
import { signedCsvMapping } from '../support/csv-mapping';

/**
 * Money Plaid cannot reach, end to end through the core's channels on a real SQLite file: manual
 * accounts and hand entries, files imported into manual and Plaid-linked accounts, and a sync
 * through the real SDK against the emulator meeting rows the person brought in first.
 */

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const MAPPING = signedCsvMapping({ date: 0, description: 1, amount: 2, id: 3 });

function csv(rows: [date: string, text: string, amount: string, id?: string][]): string {
  const lines = [
    'Date,Description,Amount,Id',
    ...rows.map(([d, t, a, i]) => [d, t, a, i ?? ''].join(',')),
  ];
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8').toString('base64');
}

async function setup() {
  const today = new Date(`${EMULATOR_TODAY}T12:00:00Z`);
  h = await startHarness({ core: { manualCooldownMs: 0, clock: { now: () => today } } });
  return h;
}

function query<T>(harness: Harness, sql: string, ...params: unknown[]): T[] {
  const db = new BetterSqlite3(harness.databasePath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

describe('manual accounts and hand entries', () => {
  it('keeps a cash account whose balance moves with what is spent from it, with undo', async () => {
    const harness = await setup();
    const wallet = await harness.call('accounts.create', {
      name: 'Wallet',
      kind: 'cash',
      currency: 'eur',
      balance: 20000,
      balanceDate: '2026-11-01',
    });
    expect(wallet).toMatchObject({
      source: 'manual',
      connectionId: null,
      currency: 'EUR',
      type: 'depository',
      balances: { current: 20000 },
    });

    const added = await harness.call('transactions.create', {
      accountId: wallet.id,
      date: '2026-11-05',
      amount: -350,
      name: 'Bakery',
      category: 'Groceries',
      tags: ['weekend'],
    });
    expect(added.outcome).toBe('added');
    if (added.outcome !== 'added') return;
    expect(added.transaction).toMatchObject({
      source: 'manual',
      connectionId: null,
      amount: -350,
      currency: 'EUR',
      tags: ['weekend'],
      user: { category: 'Groceries', locked: ['category'] },
    });
    // Two coffees typed in on one day are two coffees.
    for (let i = 0; i < 2; i++) {
      const coffee = await harness.call('transactions.create', {
        accountId: wallet.id,
        date: '2026-11-06',
        amount: -250,
        name: 'Coffee',
      });
      expect(coffee.outcome).toBe('added');
    }
    expect(
      (await harness.call('accounts.get', { accountId: wallet.id })).account.balances.current,
    ).toBe(20000 - 350 - 500);

    await harness.call('transactions.edit', { id: added.transaction.id, amount: -450 });
    expect(
      (await harness.call('accounts.get', { accountId: wallet.id })).account.balances.current,
    ).toBe(20000 - 450 - 500);
    await harness.call('transactions.undo');
    expect(
      (await harness.call('accounts.get', { accountId: wallet.id })).account.balances.current,
    ).toBe(20000 - 350 - 500);
    await harness.call('transactions.delete', { ids: [added.transaction.id] });
    const afterDelete = await harness.call('transactions.list', { accountId: wallet.id });
    expect(afterDelete.items.map((t) => t.name)).toEqual(['Coffee', 'Coffee']);
    await harness.call('transactions.undo');
    expect(await harness.call('transactions.count', { accountId: wallet.id })).toBe(3);

    const detail = await harness.call('transactions.get', { id: added.transaction.id });
    expect(detail.history.map((c) => c.field)).toEqual(['deleted', 'amount', 'deleted']);
    expect(detail.history[1]).toMatchObject({
      before: '-3.50 EUR',
      after: '-4.50 EUR',
      undone: true,
    });

    // A recorded count of the cash becomes the balance from that day on.
    const counted = await harness.call('accounts.setBalance', {
      accountId: wallet.id,
      date: '2026-11-06',
      balance: 15000,
    });
    expect(counted.balances.current).toBe(15000);

    // A bank's rows keep the bank's facts.
    const refused = await harness.failure('transactions.delete', { ids: ['nope'] });
    expect(refused.code).toBe('NOT_FOUND');

    // Closing hides it from the list but keeps its history.
    await harness.call('accounts.close', { accountId: wallet.id, closed: true });
    expect((await harness.call('accounts.list', {})).map((a) => a.id)).not.toContain(wallet.id);
    expect(
      (await harness.call('accounts.list', { includeClosed: true })).map((a) => a.id),
    ).toContain(wallet.id);
    const closedAdd = await harness.failure('transactions.create', {
      accountId: wallet.id,
      date: '2026-11-07',
      amount: -100,
      name: 'x',
    });
    expect(closedAdd.message).toMatch(/closed; reopen it/);
  });

  it('refuses what cannot be, with a sentence, and changes nothing', async () => {
    const harness = await setup();
    const before = query(harness, 'SELECT COUNT(*) AS n FROM accounts');
    const bad = await harness.failure('accounts.create', {
      name: 'House',
      kind: 'property',
      currency: 'ZZZ',
    });
    expect(bad.code).toBe('VALIDATION');
    expect(query(harness, 'SELECT COUNT(*) AS n FROM accounts')).toEqual(before);
    const zero = await harness.failure('transactions.create', {
      accountId: 'x',
      date: '2026-11-07',
      amount: 0,
      name: 'x',
    });
    expect(zero.code).toBe('VALIDATION');
  });

  it('a rule runs on a hand entry before it is shown, and never over what the person typed', async () => {
    const harness = await setup();
    const cash = await harness.call('accounts.create', {
      name: 'Cash',
      kind: 'cash',
      currency: 'USD',
    });
    await harness.call('rules.create', {
      conditions: { text: [{ field: 'bankText', op: 'contains', value: 'laundry' }] },
      actions: { category: 'Household', addTags: ['chores'] },
    });
    const laundry = await harness.call('transactions.create', {
      accountId: cash.id,
      date: '2026-11-10',
      amount: -600,
      name: 'Laundry',
    });
    const typed = await harness.call('transactions.create', {
      accountId: cash.id,
      date: '2026-11-11',
      amount: -700,
      name: 'Laundry again',
      category: 'Mine',
    });
    if (laundry.outcome !== 'added' || typed.outcome !== 'added') throw new Error('not added');
    const rows = await harness.call('transactions.list', { accountId: cash.id });
    const byId = new Map(rows.items.map((t) => [t.id, t]));
    expect(byId.get(laundry.transaction.id)).toMatchObject({
      user: { category: 'Household' },
      tags: ['chores'],
    });
    expect(byId.get(typed.transaction.id)?.user.category).toBe('Mine');
  });
});

describe('file import', () => {
  it('adds a file once: the same file again adds nothing, two identical rows both stay, and revert takes it back', async () => {
    const harness = await setup();
    const account = await harness.call('accounts.create', {
      name: 'Credit union',
      kind: 'checking',
      currency: 'USD',
    });
    const file = csv([
      ['2026-10-01', 'Coffee', '-2.50'],
      ['2026-10-01', 'Coffee', '-2.50'],
      ['2026-10-02', 'Salary', '2500.00'],
      ['2026-10-03', 'Rent', '-1200.00'],
    ]);
    const input = { accountId: account.id, fileName: 'oct.csv', content: file, mapping: MAPPING };
    const preview = await harness.call('import.preview', input);
    expect(preview.counts).toEqual({ rows: 4, new: 4, matched: 0, suggested: 0, problems: 0 });
    expect(query(harness, 'SELECT COUNT(*) AS n FROM transactions')).toEqual([{ n: 0 }]);

    const first = await harness.call('import.commit', input);
    expect(first).toMatchObject({ new: 4, matched: 0 });
    const list = await harness.call('transactions.list', { accountId: account.id });
    expect(list.items.filter((t) => t.name === 'Coffee')).toHaveLength(2);
    expect(list.items.every((t) => t.source === 'file' && t.batchId === first.batchId)).toBe(true);
    expect(
      (await harness.call('accounts.get', { accountId: account.id })).account.balances.current,
    ).toBe(250000 - 120000 - 500);

    const again = await harness.call('import.commit', { ...input, fileName: 'oct-again.csv' });
    expect(again).toMatchObject({ new: 0, matched: 4 });
    expect(await harness.call('transactions.count', { accountId: account.id })).toBe(4);

    // The mapping is remembered for the account.
    const remembered = await harness.call('import.preview', { ...input, mapping: undefined });
    expect(remembered.mappingFrom).toBe('saved');
    expect(remembered.mapping).toEqual(MAPPING);

    const batches = await harness.call('batches.list', { accountId: account.id });
    expect(batches.map((b) => [b.importMethod, b.count, b.unmatched, b.matched])).toEqual([
      ['CSV', 4, 0, 4],
      ['CSV', 4, 4, 0],
    ]);
    expect(batches[1]).toMatchObject({
      fileName: 'oct.csv',
      minDate: '2026-10-01',
      maxDate: '2026-10-03',
      accountName: 'Credit union',
    });

    // Reverting the second import changes nothing the first brought.
    const rowsBefore = query(harness, 'SELECT * FROM transactions ORDER BY seq');
    expect(await harness.call('import.revert', { batchId: again.batchId! })).toEqual({
      removed: 0,
    });
    expect(query(harness, 'SELECT * FROM transactions ORDER BY seq')).toEqual(rowsBefore);
    expect(await harness.call('import.revert', { batchId: first.batchId! })).toEqual({
      removed: 4,
    });
    expect(await harness.call('transactions.count', { accountId: account.id })).toBe(0);
    const reverted = await harness.call('batches.list', { accountId: account.id });
    expect(reverted.every((b) => b.revertedAt !== null)).toBe(true);
    expect((await harness.failure('import.revert', { batchId: first.batchId! })).code).toBe(
      'CONFLICT',
    );
  });

  it('a row the person deleted stays deleted when its file comes again', async () => {
    const harness = await setup();
    const account = await harness.call('accounts.create', {
      name: 'CU',
      kind: 'savings',
      currency: 'USD',
    });
    const input = {
      accountId: account.id,
      fileName: 'a.csv',
      content: csv([
        ['2026-09-01', 'Interest', '0.05', 'FIT-1'],
        ['2026-09-02', 'Interest', '0.05', 'FIT-2'],
      ]),
      mapping: MAPPING,
    };
    await harness.call('import.commit', input);
    const rows = await harness.call('transactions.list', { accountId: account.id });
    await harness.call('transactions.delete', { ids: [rows.items[0]!.id] });
    const again = await harness.call('import.commit', input);
    expect(again).toMatchObject({ new: 0, matched: 2 });
    expect(await harness.call('transactions.count', { accountId: account.id })).toBe(1);
  });

  it('refuses a file it cannot read and one with unreadable rows, changing nothing, unless told to skip them', async () => {
    const harness = await setup();
    const account = await harness.call('accounts.create', {
      name: 'CU',
      kind: 'checking',
      currency: 'USD',
    });
    const notAFile = await harness.failure('import.commit', {
      accountId: account.id,
      fileName: 'photo.png',
      content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]).toString('base64'),
    });
    expect(notAFile.code).toBe('VALIDATION');
    const mixed = {
      accountId: account.id,
      fileName: 'mixed.csv',
      content: csv([
        ['2026-09-01', 'Fine', '-1.00'],
        ['2026-02-31', 'Not a day', '-2.00'],
        ['2026-09-03', 'No amount', 'abc'],
      ]),
      mapping: MAPPING,
    };
    const refused = await harness.failure('import.commit', mixed);
    expect(refused.message).toMatch(
      /^2 rows of this file cannot be read, so nothing was imported\. Line 3/,
    );
    expect(query(harness, 'SELECT COUNT(*) AS n FROM import_batches')).toEqual([{ n: 0 }]);
    const skipped = await harness.call('import.commit', { ...mixed, skipUnreadable: true });
    expect(skipped).toMatchObject({ new: 1, problems: 2 });
  });

  it('pages a batch past its first 200 rows', async () => {
    const harness = await setup();
    const account = await harness.call('accounts.create', {
      name: 'Old bank',
      kind: 'checking',
      currency: 'USD',
    });
    const rows: [string, string, string][] = [];
    for (let i = 0; i < 450; i++) {
      const day = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      rows.push([day, `Row ${i}`, `-${i + 1}.00`]);
    }
    const result = await harness.call('import.commit', {
      accountId: account.id,
      fileName: 'history.csv',
      content: csv(rows),
      mapping: MAPPING,
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await harness.call('batches.get', {
        batchId: result.batchId!,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((item) => item.transaction.id));
      expect(page.items.every((item) => item.status === 'unmatched')).toBe(true);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(450);
    expect((await harness.call('batches.get', { batchId: result.batchId! })).batch.count).toBe(450);
  });
});

describe('a file and the bank feed meeting', () => {
  async function linked() {
    const harness = await setup();
    const link = await linkSandbox(harness);
    const checking = link.accounts.find((a) => a.name === 'Plaid Checking')!;
    const template = harness.emulator.control.groundTruth(link.itemId).find((t) => !t.pending)!;
    const put = (
      id: string,
      amount: number,
      date: string,
      name: string,
      extra: Partial<WireTransaction> = {},
    ) =>
      harness.emulator.control.putTransaction(link.itemId, {
        ...template,
        transaction_id: id,
        account_id: checking.id,
        amount: -amount / 100,
        iso_currency_code: 'USD',
        unofficial_currency_code: null,
        date,
        authorized_date: date,
        name,
        merchant_name: null,
        pending: false,
        pending_transaction_id: null,
        ...extra,
      });
    const sync = async () => {
      await harness.call('connections.sync', { connectionId: link.connectionId });
      await harness.core.idle();
    };
    return { harness, link, checking, put, sync };
  }

  it('an import that the sync later brings becomes one row with the person’s fields, and importing again adds nothing', async () => {
    const { harness, checking, put, sync } = await linked();
    const input = {
      accountId: checking.id,
      fileName: 'statement.csv',
      content: csv([
        ['2026-11-17', 'Corner Cafe', '-12.34', 'F1'],
        ['2026-11-17', 'Hardware Town', '-77.71', 'F2'],
        ['2026-10-01', 'Only in the file', '-987.65', 'F3'],
      ]),
      mapping: MAPPING,
    };
    const imported = await harness.call('import.commit', input);
    expect(imported).toMatchObject({ new: 3, matched: 0 });
    const cafe = (
      await harness.call('transactions.list', { accountId: checking.id, search: 'Corner' })
    ).items[0]!;
    await harness.call('transactions.update', {
      ids: [cafe.id],
      set: { category: 'Coffee', notes: 'with Sam' },
    });
    await harness.call('transactions.tag', { ids: [cafe.id], add: ['friends'] });

    put('plaid-cafe', -1234, '2026-11-18', 'CORNER CAFE 991');
    put('plaid-hardware', -7771, '2026-11-16', 'HARDWARE TOWN #2');
    await sync();

    const rows = query<{
      id: string;
      source: string;
      notes: string | null;
      user_category: string | null;
    }>(
      harness,
      `SELECT id, source, notes, user_category FROM transactions
       WHERE account_id = ? AND amount IN (-1234, -7771, -98765) AND removed_at IS NULL ORDER BY amount`,
      checking.id,
    );
    expect(rows).toEqual([
      { id: expect.stringMatching(/^file-/), source: 'file', notes: null, user_category: null },
      { id: 'plaid-hardware', source: 'plaid', notes: null, user_category: null },
      { id: 'plaid-cafe', source: 'plaid', notes: 'with Sam', user_category: 'Coffee' },
    ]);
    const detail = await harness.call('transactions.get', { id: 'plaid-cafe' });
    expect(detail.transaction.tags).toEqual(['friends']);
    expect(detail.formerIds).toEqual([cafe.id]);
    expect(detail.transaction.batchId).toBe(imported.batchId);

    const runBatch = (await harness.call('batches.list', {})).find(
      (b) => b.importMethod === 'PLAID',
    )!;
    const runRows = await harness.call('batches.get', { batchId: runBatch.id });
    expect(
      runRows.items
        .filter((i) => i.status === 'matched')
        .map((i) => i.transaction.id)
        .sort(),
    ).toEqual(['plaid-cafe', 'plaid-hardware']);

    const again = await harness.call('import.commit', input);
    expect(again).toMatchObject({ new: 0, matched: 3 });
    expect(
      query(
        harness,
        'SELECT COUNT(*) AS n FROM transactions WHERE amount IN (-1234, -7771, -98765)',
      ),
    ).toEqual([{ n: 3 }]);

    // Reverting the import leaves the bank's rows, which are the bank's now.
    expect(await harness.call('import.revert', { batchId: imported.batchId! })).toEqual({
      removed: 1,
    });
    expect(
      query(
        harness,
        'SELECT id FROM transactions WHERE amount IN (-1234, -7771, -98765) ORDER BY id',
      ),
    ).toEqual([{ id: 'plaid-cafe' }, { id: 'plaid-hardware' }]);
  });

  it('a row that could be either of two is a suggestion the person settles, never a guess', async () => {
    const { harness, checking, put, sync } = await linked();
    put('gas', -4001, '2026-11-09', 'GAS STATION');
    put('books', -4001, '2026-11-11', 'BOOKSHOP');
    await sync();
    const input = {
      accountId: checking.id,
      fileName: 'one.csv',
      content: csv([['2026-11-10', 'Withdrawal', '-40.01']]),
      mapping: MAPPING,
    };
    const preview = await harness.call('import.preview', input);
    expect(preview.counts).toMatchObject({ suggested: 1, new: 0, matched: 0 });
    const result = await harness.call('import.commit', input);
    const page = await harness.call('batches.get', { batchId: result.batchId! });
    expect(page.items).toHaveLength(1);
    const item = page.items[0]!;
    expect(item.status).toBe('suggested');
    expect(item.match?.candidates.map((c) => c.id).sort()).toEqual(['books', 'gas']);
    expect(item.transaction.user.needsReview).toMatch(/same money/);

    const wrong = await harness.failure('import.resolve', {
      id: item.transaction.id,
      sameAs: 'nope',
    });
    expect(wrong.code).toBe('NOT_FOUND');
    await harness.call('transactions.update', {
      ids: [item.transaction.id],
      set: { notes: 'cash for the trip' },
    });
    await harness.call('import.resolve', { id: item.transaction.id, sameAs: 'gas' });
    const gas = await harness.call('transactions.get', { id: 'gas' });
    expect(gas.transaction.user.notes).toBe('cash for the trip');
    expect(gas.transaction.user.needsReview).toBeNull();
    expect(query(harness, 'SELECT COUNT(*) AS n FROM transactions WHERE amount = -4001')).toEqual([
      { n: 2 },
    ]);
    const settled = await harness.call('batches.get', { batchId: result.batchId! });
    expect(settled.batch).toMatchObject({ count: 1, confirmed: 1, suggested: 0 });
  });

  it('a hand entry the bank already has is not added twice', async () => {
    const { harness, checking, put, sync } = await linked();
    put('lunch', -1899, '2026-11-12', 'NOODLE BAR');
    await sync();
    const typed = await harness.call('transactions.create', {
      accountId: checking.id,
      date: '2026-11-13',
      amount: -1899,
      name: 'Noodles',
    });
    expect(typed.outcome).toBe('already-here');
    if (typed.outcome === 'already-here') expect(typed.matches.map((t) => t.id)).toEqual(['lunch']);
    const anyway = await harness.call('transactions.create', {
      accountId: checking.id,
      date: '2026-11-13',
      amount: -1899,
      name: 'Noodles',
      addAnyway: true,
    });
    expect(anyway.outcome).toBe('added');
  });

  it('a hand entry the bank brings later becomes one row, the person’s fields kept', async () => {
    const { harness, link, checking, put, sync } = await linked();
    const typed = await harness.call('transactions.create', {
      accountId: checking.id,
      date: '2026-11-19',
      amount: -6543,
      name: 'Dinner',
      category: 'Eating out',
      notes: 'birthday',
    });
    if (typed.outcome !== 'added') throw new Error('not added');
    // The bank first shows a hold, which must not take the hand entry (a hold may never post).
    put('hold', -6543, '2026-11-19', 'TRATTORIA', { pending: true });
    await sync();
    const visible = () =>
      query<{ id: string; notes: string | null; user_category: string | null }>(
        harness,
        'SELECT id, notes, user_category FROM transactions WHERE amount = -6543 AND removed_at IS NULL ORDER BY id',
      );
    expect(visible().map((r) => r.id)).toEqual(['hold', typed.transaction.id]);
    // It posts: the posted row takes the hold over, and the hand entry joins it.
    harness.emulator.control.removeTransaction(link.itemId, 'hold');
    put('posted', -6543, '2026-11-20', 'TRATTORIA', { pending_transaction_id: 'hold' });
    await sync();
    expect(visible()).toEqual([{ id: 'posted', notes: 'birthday', user_category: 'Eating out' }]);
    const detail = await harness.call('transactions.get', { id: 'posted' });
    expect(detail.formerIds.sort()).toEqual(['hold', typed.transaction.id].sort());
    expect(detail.history.map((c) => c.field)).toContain('deleted');
  });
});

describe('balance and net-worth history', () => {
  it('an account with transactions has its history on day one, rebuilt backwards and marked so', async () => {
    const harness = await setup();
    const link = await linkSandbox(harness);
    const checking = link.accounts.find((a) => a.name === 'Plaid Checking')!;
    const detail = await harness.call('accounts.get', { accountId: checking.id });
    const history = detail.balanceHistory;
    expect(history.length).toBeGreaterThan(300);
    const last = history[history.length - 1]!;
    expect(last).toMatchObject({
      date: EMULATOR_TODAY,
      current: detail.account.balances.current,
      derived: false,
    });
    expect(history.slice(0, -1).every((p) => p.derived)).toBe(true);
    // Each rebuilt day is the next day's balance less that next day's rows.
    const net = new Map(
      query<{ date: string; net: number }>(
        harness,
        `SELECT date, SUM(amount) AS net FROM transactions
         WHERE account_id = ? AND removed_at IS NULL GROUP BY date`,
        checking.id,
      ).map((r) => [r.date, r.net]),
    );
    for (let i = history.length - 2; i >= 0; i--) {
      expect(history[i]!.current).toBe(
        history[i + 1]!.current! - (net.get(history[i + 1]!.date) ?? 0),
      );
    }
  });

  it('net worth over time counts manual accounts, per currency, never adding currencies', async () => {
    const harness = await setup();
    const wallet = await harness.call('accounts.create', {
      name: 'Wallet',
      kind: 'cash',
      currency: 'EUR',
      balance: 10000,
      balanceDate: '2026-10-01',
    });
    await harness.call('transactions.create', {
      accountId: wallet.id,
      date: '2026-10-15',
      amount: -2500,
      name: 'Groceries',
    });
    await harness.call('accounts.create', {
      name: 'Car loan',
      kind: 'loan',
      currency: 'USD',
      balance: 800000,
      balanceDate: '2026-09-01',
    });
    await harness.call('accounts.create', {
      name: 'House',
      kind: 'property',
      currency: 'USD',
      balance: 30000000,
      balanceDate: '2026-09-01',
    });
    const series = await harness.call('reports.netWorth', { months: 3, step: 'day' });
    expect(series.map((s) => s.currency)).toEqual(['EUR', 'USD']);
    const eur = series[0]!.points;
    const at = (points: typeof eur, date: string) => points.find((p) => p.date === date);
    expect(at(eur, '2026-10-01')).toMatchObject({ assets: 10000, liabilities: 0, net: 10000 });
    expect(at(eur, '2026-10-15')).toMatchObject({ net: 7500 });
    expect(eur[eur.length - 1]).toMatchObject({ date: EMULATOR_TODAY, net: 7500 });
    const usd = series[1]!.points;
    expect(usd[usd.length - 1]).toMatchObject({
      assets: 30000000,
      liabilities: 800000,
      net: 29200000,
    });
    // Before the first record of the wallet there is nothing in euros.
    expect(at(eur, '2026-09-15')).toBeUndefined();
  });
});
