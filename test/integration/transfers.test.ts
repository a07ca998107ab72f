import BetterSqlite3 from 'better-sqlite3';
import type { WireTransaction } from '@ledgerlight/plaid-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransferSuggestion } from '../../src/shared/contract';
import { EMULATOR_TODAY, linkSandbox, startHarness, type Harness } from '../support/sync-harness';

/**
 * Transfers between the person's own accounts, end to end: rows arrive from the emulator's bank
 * through the real SDK and sync, suggestions and decisions go through the core's channels, and
 * the spending report is read back through its own channel.
 *
 * The emulator's bank already holds transfers of its own; every assertion here is about rows the
 * test put in, with amounts no generated row has.
 */

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function setup() {
  // The core's today is the emulator's, so the rows stay inside the suggestion window on any day
  // the tests run.
  const today = new Date(`${EMULATOR_TODAY}T12:00:00Z`);
  h = await startHarness({ core: { manualCooldownMs: 0, clock: { now: () => today } } });
  const linked = await linkSandbox(h);
  const harness = h;
  const accountId = (name: string) => {
    const found = linked.accounts.find((a) => a.name === name);
    if (!found) throw new Error(`no account ${name}`);
    return found.id;
  };
  const accounts = {
    checking: accountId('Plaid Checking'),
    savings: accountId('Plaid Saving'),
    card: accountId('Plaid Credit Card'),
    cad: accountId('Plaid CAD Travel'),
  };
  const template = harness.emulator.control.groundTruth(linked.itemId).find((t) => !t.pending)!;
  /**
   * A posted row at the bank. `amount` is in Ledgerlight's minor units and sign (positive =
   * money in); Plaid sends major units with the opposite sign. Money out is categorised as ordinary spending so that the spending report
   * counts it until the person says it is a transfer.
   */
  const put = (
    id: string,
    account: keyof typeof accounts,
    amount: number,
    date: string,
    kind: 'added' | 'modified' = 'added',
    extra: Partial<WireTransaction> = {},
  ) => {
    const row: WireTransaction = {
      ...template,
      transaction_id: id,
      account_id: accounts[account],
      amount: -amount / 100,
      iso_currency_code: account === 'cad' ? 'CAD' : 'USD',
      unofficial_currency_code: null,
      date,
      authorized_date: date,
      name: `${kind === 'modified' ? 'UPDATED ' : ''}MOVE ${id}`,
      merchant_name: null,
      pending: false,
      pending_transaction_id: null,
      personal_finance_category: {
        primary: 'GENERAL_SERVICES',
        detailed: 'GENERAL_SERVICES_OTHER_GENERAL_SERVICES',
        confidence_level: 'LOW',
      },
      ...extra,
    };
    harness.emulator.control.putTransaction(linked.itemId, row, kind);
  };
  const sync = async () => {
    await harness.call('connections.sync', { connectionId: linked.connectionId });
    await harness.core.idle();
  };
  const suggestions = async () => {
    const all = await harness.call('transfers.suggestions', { limit: 200 });
    // Whatever else is suggested, no row is ever offered twice.
    const ids = all.flatMap((s) => [s.out.id, s.in.id]);
    expect(new Set(ids).size).toBe(ids.length);
    return all;
  };
  /** The suggestions that involve any of the test's own rows, as "out→in". */
  const ours = async (prefix: string) =>
    (await suggestions())
      .filter((s) => s.out.id.startsWith(prefix) || s.in.id.startsWith(prefix))
      .map((s) => `${s.out.id}→${s.in.id}`)
      .sort();
  const seqOf = (id: string) => {
    const db = new BetterSqlite3(harness.databasePath, { readonly: true });
    try {
      return db.prepare('SELECT seq FROM transactions WHERE id = ?').pluck().get(id) as number;
    } finally {
      db.close();
    }
  };
  /** What the spending report counts for the test's category in November 2026 (minor units). */
  const spent = async () => {
    const report = await harness.call('reports.spending', { months: 1, until: '2026-11-30' });
    return report.rows
      .filter((r) => r.category === 'GENERAL_SERVICES' && r.currency === 'USD')
      .reduce((sum, r) => sum + r.amount, 0);
  };
  return { h: harness, ...linked, accounts, put, sync, suggestions, ours, seqOf, spent };
}

/** The bank posts a pending row under a new id that points back at the pending one. */
function post(
  s: Awaited<ReturnType<typeof setup>>,
  pendingId: string,
  postedId: string,
  account: 'checking' | 'savings',
  amount: number,
  date: string,
) {
  s.h.emulator.control.removeTransaction(s.itemId, pendingId);
  s.put(postedId, account, amount, date, 'added', { pending_transaction_id: pendingId });
}

describe('transfer suggestions', () => {
  it('pair opposite amounts across two accounts within four days, each row once', async () => {
    const s = await setup();
    // Checking → savings, two days apart.
    s.put('t-sav-out', 'checking', -123_456, '2026-11-10');
    s.put('t-sav-in', 'savings', 123_456, '2026-11-12');
    // A credit-card payment: out of checking, into the card account.
    s.put('t-card-out', 'checking', -40_013, '2026-11-15');
    s.put('t-card-in', 'card', 40_013, '2026-11-15');
    // Four days apart is still a transfer; five is not.
    s.put('t-four-out', 'checking', -88_888, '2026-11-01');
    s.put('t-four-in', 'savings', 88_888, '2026-11-05');
    s.put('t-five-out', 'checking', -77_777, '2026-11-01');
    s.put('t-five-in', 'savings', 77_777, '2026-11-06');
    // The same account is a refund, not a transfer.
    s.put('t-same-out', 'checking', -55_555, '2026-11-08');
    s.put('t-same-in', 'checking', 55_555, '2026-11-08');
    // The same number in another currency is not the same money.
    s.put('t-cur-out', 'checking', -66_666, '2026-11-08');
    s.put('t-cur-in', 'cad', 66_666, '2026-11-08');
    // Older than the 400 days suggestions look back.
    s.put('t-old-out', 'checking', -99_999, '2025-10-10');
    s.put('t-old-in', 'savings', 99_999, '2025-10-11');
    // Not opposite: both money out.
    s.put('t-sign-a', 'checking', -44_444, '2026-11-08');
    s.put('t-sign-b', 'savings', -44_444, '2026-11-08');
    await s.sync();

    expect(s.seqOf('t-old-in')).toBeGreaterThan(0);
    expect(await s.ours('t-')).toEqual([
      't-card-out→t-card-in',
      't-four-out→t-four-in',
      't-sav-out→t-sav-in',
    ]);
    const pair = (await s.suggestions()).find((x) => x.out.id === 't-sav-out')!;
    expect(pair).toEqual({
      out: {
        id: 't-sav-out',
        date: '2026-11-10',
        name: 'MOVE t-sav-out',
        amount: -123_456,
        currency: 'USD',
        accountId: s.accounts.checking,
        accountName: 'Plaid Checking',
      },
      in: {
        id: 't-sav-in',
        date: '2026-11-12',
        name: 'MOVE t-sav-in',
        amount: 123_456,
        currency: 'USD',
        accountId: s.accounts.savings,
        accountName: 'Plaid Saving',
      },
      daysApart: 2,
    } satisfies TransferSuggestion);
    // Newest first, and the limit is honoured.
    const all = await s.suggestions();
    const dates = all.map((x) => x.out.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(await s.h.call('transfers.suggestions', { limit: 1 })).toEqual(all.slice(0, 1));
  });

  it('a row that matches two others is offered once: the closer date, then the older row', async () => {
    const s = await setup();
    // One payment out, two equally close arrivals: only one pairing is offered.
    s.put('tie-out', 'checking', -32_100, '2026-11-15');
    s.put('tie-in-a', 'savings', 32_100, '2026-11-14');
    s.put('tie-in-b', 'card', 32_100, '2026-11-16');
    // A closer arrival wins over an older but farther one.
    s.put('near-in-far', 'savings', 21_000, '2026-11-01');
    s.put('near-out', 'checking', -21_000, '2026-11-04');
    s.put('near-in-close', 'card', 21_000, '2026-11-05');
    await s.sync();

    const older = s.seqOf('tie-in-a') < s.seqOf('tie-in-b') ? 'tie-in-a' : 'tie-in-b';
    expect(await s.ours('tie-')).toEqual([`tie-out→${older}`]);
    expect(await s.ours('near-')).toEqual(['near-out→near-in-close']);
  });
});

describe('deciding about a pair', () => {
  it('confirm: both rows leave spending and suggestions; unconfirm brings them back', async () => {
    const s = await setup();
    s.put('c-out', 'checking', -123_456, '2026-11-10');
    s.put('c-in', 'savings', 123_456, '2026-11-12');
    await s.sync();
    const before = await s.spent();
    expect(before).toBeGreaterThanOrEqual(123_456);
    expect(await s.ours('c-')).toEqual(['c-out→c-in']);

    // Named the other way round, the pair is still understood money-out first.
    expect(await s.h.call('transfers.confirm', { outId: 'c-in', inId: 'c-out' })).toEqual({
      outId: 'c-out',
      inId: 'c-in',
      status: 'confirmed',
    });
    expect(await s.spent()).toBe(before - 123_456);
    expect(await s.ours('c-')).toEqual([]);
    // Confirming again changes nothing.
    await s.h.call('transfers.confirm', { outId: 'c-out', inId: 'c-in' });
    expect(await s.spent()).toBe(before - 123_456);

    // A second arrival, and a second payment, of the same amount are not offered with a row
    // already in a transfer (either side of it), and cannot be confirmed with it either.
    s.put('c-in-2', 'card', 123_456, '2026-11-11');
    s.put('c-out-2', 'card', -123_456, '2026-11-13');
    await s.sync();
    expect(await s.ours('c-')).toEqual([]);
    const withSecondPayment = before + 123_456;
    const taken = await s.h.failure('transfers.confirm', { outId: 'c-out', inId: 'c-in-2' });
    expect(taken.code).toBe('CONFLICT');
    expect(taken.message).toMatch(/already part of another transfer/);
    expect(taken.message).toContain('MOVE c-out');

    // The bank changing the row's text later keeps the confirmation (it belongs to the row).
    s.put('c-out', 'checking', -123_456, '2026-11-10', 'modified');
    await s.sync();
    expect(await s.spent()).toBe(withSecondPayment - 123_456);

    expect(await s.h.call('transfers.unconfirm', { outId: 'c-out', inId: 'c-in' })).toMatchObject({
      status: 'none',
    });
    expect(await s.spent()).toBe(withSecondPayment);
    // Every row is a candidate again; the pairings a day apart win over the one two days apart.
    expect(await s.ours('c-')).toEqual(['c-out-2→c-in', 'c-out→c-in-2']);
    const again = await s.h.failure('transfers.unconfirm', { outId: 'c-out', inId: 'c-in' });
    expect(again).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a confirmed transfer whose side the bank changes or removes asks for a look', async () => {
    const s = await setup();
    s.put('f-out', 'checking', -61_234, '2026-11-10');
    s.put('f-in', 'savings', 61_234, '2026-11-11');
    s.put('g-out', 'checking', -71_234, '2026-11-10');
    s.put('g-in', 'savings', 71_234, '2026-11-11');
    await s.sync();
    await s.h.call('transfers.confirm', { outId: 'f-out', inId: 'f-in' });
    await s.h.call('transfers.confirm', { outId: 'g-out', inId: 'g-in' });
    const review = async (id: string) =>
      (await s.h.call('transactions.get', { id })).transaction.user.needsReview;
    const detail = await s.h.call('transactions.get', { id: 'f-in' });
    expect(detail.transfer).toMatchObject({
      outId: 'f-out',
      inId: 'f-in',
      other: { id: 'f-out', amount: -61_234, removed: false },
    });

    // A new text alone is not a reason; a new amount on one side flags both.
    s.put('f-out', 'checking', -61_234, '2026-11-10', 'modified');
    await s.sync();
    expect(await review('f-out')).toBeNull();
    s.put('f-out', 'checking', -61_000, '2026-11-10', 'modified');
    await s.sync();
    expect(await review('f-out')).toMatch(/changed the amount of a transfer you confirmed/);
    expect(await review('f-in')).toMatch(/changed the amount of a transfer you confirmed/);

    // The bank removes one side: the other side says so, and can still be taken apart.
    s.h.emulator.control.removeTransaction(s.itemId, 'g-out');
    await s.sync();
    expect(await review('g-in')).toMatch(/removed the other side of this transfer/);
    expect((await s.h.call('transactions.get', { id: 'g-in' })).transfer?.other.removed).toBe(true);
    await s.h.call('transfers.unconfirm', { outId: 'g-out', inId: 'g-in' });
    expect(await review('g-in')).toBeNull();
    await s.h.call('transfers.unconfirm', { outId: 'f-out', inId: 'f-in' });
    expect(await review('f-out')).toBeNull();
    expect(await review('f-in')).toBeNull();
  });

  it('refuses pairs that cannot be one transfer, each with its reason', async () => {
    const s = await setup();
    s.put('b-out', 'checking', -10_000, '2026-11-10');
    s.put('b-same', 'checking', 10_000, '2026-11-10');
    s.put('b-cad', 'cad', 10_000, '2026-11-10');
    s.put('b-other', 'savings', 9_999, '2026-11-10');
    await s.sync();
    const refusal = (outId: string, inId: string) =>
      s.h.failure('transfers.confirm', { outId, inId });

    expect(await refusal('b-out', 'b-same')).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/same account/),
    });
    expect(await refusal('b-out', 'b-cad')).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/different currencies \(USD and CAD\)/),
    });
    expect(await refusal('b-out', 'b-other')).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/amounts do not match/),
    });
    expect(await refusal('b-out', 'no-such-row')).toMatchObject({ code: 'NOT_FOUND' });
    expect(await s.h.failure('transfers.reject', { outId: 'b-out', inId: 'b-same' })).toMatchObject(
      { code: 'VALIDATION' },
    );
    // Nothing was recorded by any refusal.
    const db = new BetterSqlite3(s.h.databasePath, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM transfer_pairs').pluck().get()).toBe(0);
    db.close();
  });

  it('reject: that pair is never suggested again, even after later syncs', async () => {
    const s = await setup();
    s.put('r-out', 'checking', -31_415, '2026-11-10');
    s.put('r-in', 'savings', 31_415, '2026-11-11');
    await s.sync();
    expect(await s.ours('r-')).toEqual(['r-out→r-in']);

    expect(await s.h.call('transfers.reject', { outId: 'r-out', inId: 'r-in' })).toEqual({
      outId: 'r-out',
      inId: 'r-in',
      status: 'rejected',
    });
    expect(await s.ours('r-')).toEqual([]);
    // Still spending: a rejected pair is two ordinary rows.
    const spent = await s.spent();
    expect(spent).toBeGreaterThanOrEqual(31_415);

    // The bank sends both rows again, changed; a further sync finds nothing new either.
    s.put('r-out', 'checking', -31_415, '2026-11-10', 'modified');
    s.put('r-in', 'savings', 31_415, '2026-11-11', 'modified');
    await s.sync();
    await s.sync();
    expect(await s.ours('r-')).toEqual([]);

    // The rejection is about that pair only: the same payment can still pair with another row.
    s.put('r-in-2', 'card', 31_415, '2026-11-12');
    await s.sync();
    expect(await s.ours('r-')).toEqual(['r-out→r-in-2']);
    // And the person may change their mind: confirming the rejected pair is allowed.
    await s.h.call('transfers.confirm', { outId: 'r-out', inId: 'r-in' });
    expect(await s.ours('r-')).toEqual([]);
    expect(await s.spent()).toBe(spent - 31_415);
  });

  it('decisions belong to the rows: they hold when pending rows post under new ids', async () => {
    const s = await setup();
    s.put('p-rej-out', 'checking', -27_182, '2026-11-17', 'added', { pending: true });
    s.put('p-rej-in', 'savings', 27_182, '2026-11-17', 'added', { pending: true });
    s.put('p-ok-out', 'checking', -16_180, '2026-11-18', 'added', { pending: true });
    s.put('p-ok-in', 'savings', 16_180, '2026-11-18', 'added', { pending: true });
    await s.sync();
    expect(await s.ours('p-')).toEqual(['p-ok-out→p-ok-in', 'p-rej-out→p-rej-in']);
    await s.h.call('transfers.reject', { outId: 'p-rej-out', inId: 'p-rej-in' });
    await s.h.call('transfers.confirm', { outId: 'p-ok-out', inId: 'p-ok-in' });
    const spent = await s.spent();
    const rejectedOutSeq = s.seqOf('p-rej-out');

    post(s, 'p-rej-out', 'p-rej-out-posted', 'checking', -27_182, '2026-11-18');
    post(s, 'p-rej-in', 'p-rej-in-posted', 'savings', 27_182, '2026-11-19');
    post(s, 'p-ok-out', 'p-ok-out-posted', 'checking', -16_180, '2026-11-19');
    post(s, 'p-ok-in', 'p-ok-in-posted', 'savings', 16_180, '2026-11-19');
    await s.sync();

    // The posted row took over the pending one (same row, new id).
    expect(s.seqOf('p-rej-out-posted')).toBe(rejectedOutSeq);
    expect(await s.ours('p-')).toEqual([]);
    expect(await s.spent()).toBe(spent);
    // The posted ids (and the pending ones, which now name the same rows) undo the confirmation.
    await s.h.call('transfers.unconfirm', { outId: 'p-ok-out', inId: 'p-ok-in-posted' });
    expect(await s.ours('p-')).toEqual(['p-ok-out-posted→p-ok-in-posted']);
  });
});
