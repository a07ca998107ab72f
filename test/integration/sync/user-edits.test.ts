import BetterSqlite3 from 'better-sqlite3';
import type { WireTransaction } from '@ledgerlight/plaid-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransactionRow } from '../../../src/main/db/transactions-repo';
import type { ChannelInput } from '../../../src/shared/contract';
import {
  expectedTransactions,
  linkSandbox,
  startHarness,
  visibleTransactions,
  type Harness,
} from '../../support/sync-harness';

/**
 * The iron rule: nothing the person set is undone by the bank feed. Each case edits rows through
 * the core's own channel, makes the emulator's bank report something, syncs with the real SDK, and
 * compares the person's columns byte for byte.
 */

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type UserColumns = Pick<
  TransactionRow,
  | 'seq'
  | 'id'
  | 'payee'
  | 'user_category'
  | 'notes'
  | 'excluded'
  | 'reviewed'
  | 'locks'
  | 'removed_at'
  | 'needs_review'
>;

function storedRow(h: Harness, column: 'seq' | 'id', value: number | string): UserColumns {
  const db = new BetterSqlite3(h.databasePath, { readonly: true });
  try {
    return db.prepare(`SELECT * FROM transactions WHERE ${column} = ?`).get(value) as UserColumns;
  } finally {
    db.close();
  }
}
const rowBySeq = (h: Harness, seq: number) => storedRow(h, 'seq', seq);
const rowById = (h: Harness, id: string) => storedRow(h, 'id', id);

/** The person's own columns only: what the feed must never change. */
const userPart = (r: UserColumns) => ({
  payee: r.payee,
  user_category: r.user_category,
  notes: r.notes,
  excluded: r.excluded,
  reviewed: r.reviewed,
  locks: r.locks,
});

const EDIT = {
  payee: 'Corner café ☕',
  category: 'Eating out',
  notes: 'Lunch with Ana — split later',
  excluded: true,
  reviewed: true,
} satisfies ChannelInput<'transactions.update'>['set'];

async function setup() {
  h = await startHarness({ core: { manualCooldownMs: 0 } });
  const linked = await linkSandbox(h);
  const sync = async () => {
    await h!.call('connections.sync', { connectionId: linked.connectionId });
    await h!.core.idle();
  };
  const truth = () => h!.emulator.control.groundTruth(linked.itemId);
  const edit = async (id: string, set: ChannelInput<'transactions.update'>['set'] = EDIT) => {
    await h!.call('transactions.update', { ids: [id], set });
    return rowById(h!, id);
  };
  const noDuplicates = () =>
    expect(visibleTransactions(h!.databasePath, linked.connectionId)).toEqual(
      expectedTransactions(h!.emulator, linked.itemId),
    );
  return { ...linked, h, sync, truth, edit, noDuplicates };
}

const posted = (rows: WireTransaction[]) => rows.filter((t) => !t.pending);
const pendingRows = (rows: WireTransaction[]) => rows.filter((t) => t.pending);

describe('the bank feed keeps every edit', () => {
  it('modified: the bank’s fields follow the bank, the person’s stay byte for byte', async () => {
    const s = await setup();
    const target = posted(s.truth())[0]!;
    const edited = await s.edit(target.transaction_id);
    expect(edited.locks).toContain('payee');

    s.h.emulator.control.putTransaction(s.itemId, {
      ...target,
      amount: target.amount + 1.25,
      name: `${target.name} ADJ`,
      merchant_name: 'Someone Else',
      personal_finance_category: {
        primary: 'GENERAL_MERCHANDISE',
        detailed: 'GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE',
        confidence_level: 'HIGH',
      },
    });
    await s.sync();

    const after = rowBySeq(s.h, edited.seq);
    expect(userPart(after)).toEqual(userPart(edited));
    const detail = await s.h.call('transactions.get', { id: target.transaction_id });
    expect(detail.transaction.name).toBe(`${target.name} ADJ`);
    expect(detail.transaction.merchantName).toBe('Someone Else');
    expect(detail.transaction.category).toBe('GENERAL_MERCHANDISE');
    expect(detail.transaction.user).toMatchObject({ payee: EDIT.payee, category: EDIT.category });
    s.noDuplicates();
  });

  it('pending → posted by pending_transaction_id, with the removal on an earlier page', async () => {
    const s = await setup();
    const pending = pendingRows(s.truth())[0]!;
    const edited = await s.edit(pending.transaction_id);

    // The removal first, then a full page of other rows, then the posted row: two pages.
    s.h.emulator.control.removeTransaction(s.itemId, pending.transaction_id);
    for (let i = 0; i < 500; i++) {
      s.h.emulator.control.putTransaction(s.itemId, {
        ...posted(s.truth())[0]!,
        transaction_id: `filler${String(i).padStart(5, '0')}`,
        pending_transaction_id: null,
      });
    }
    const postedId = 'posted-of-the-pending-one';
    s.h.emulator.control.putTransaction(s.itemId, {
      ...pending,
      transaction_id: postedId,
      pending: false,
      pending_transaction_id: pending.transaction_id,
    });
    await s.sync();

    const runs = await s.h.call('connections.logs', { connectionId: s.connectionId });
    expect(runs[0]!.status).toBe('succeeded');
    const after = rowBySeq(s.h, edited.seq);
    expect(after.id).toBe(postedId);
    expect(after.removed_at).toBeNull();
    expect(userPart(after)).toEqual(userPart(edited));
    const detail = await s.h.call('transactions.get', { id: postedId });
    expect(detail.formerIds).toEqual([pending.transaction_id]);
    expect(detail.transaction.pending).toBe(false);
    s.noDuplicates();
  });

  it('pending → posted without pending_transaction_id: the one pending row of that amount', async () => {
    const s = await setup();
    const pending = pendingRows(s.truth())[0]!;
    const edited = await s.edit(pending.transaction_id);
    s.h.emulator.control.removeTransaction(s.itemId, pending.transaction_id);
    s.h.emulator.control.putTransaction(s.itemId, {
      ...pending,
      transaction_id: 'posted-no-link',
      pending: false,
      pending_transaction_id: null,
      name: `${pending.name} POSTED`,
    });
    await s.sync();
    const after = rowBySeq(s.h, edited.seq);
    expect(after.id).toBe('posted-no-link');
    expect(userPart(after)).toEqual(userPart(edited));
    s.noDuplicates();
  });

  it('a tip that changes the amount when it posts flags the edited row for review', async () => {
    const s = await setup();
    const pending = pendingRows(s.truth())[0]!;
    const edited = await s.edit(pending.transaction_id, { category: 'Eating out' });
    s.h.emulator.control.removeTransaction(s.itemId, pending.transaction_id);
    s.h.emulator.control.putTransaction(s.itemId, {
      ...pending,
      transaction_id: 'posted-with-tip',
      pending: false,
      pending_transaction_id: pending.transaction_id,
      amount: pending.amount + 3,
    });
    await s.sync();
    const after = rowBySeq(s.h, edited.seq);
    expect(userPart(after)).toEqual(userPart(edited));
    expect(after.needs_review).toMatch(/changed the amount/);
    s.noDuplicates();
  });

  it('a removed transaction stays removed when the bank sends its id again', async () => {
    const s = await setup();
    const target = posted(s.truth())[1]!;
    const edited = await s.edit(target.transaction_id);
    s.h.emulator.control.removeTransaction(s.itemId, target.transaction_id);
    await s.sync();
    const removed = rowBySeq(s.h, edited.seq);
    expect(removed.removed_at).not.toBeNull();

    s.h.emulator.control.putTransaction(
      s.itemId,
      { ...target, amount: target.amount + 1 },
      'modified',
    );
    await s.sync();
    const after = rowBySeq(s.h, edited.seq);
    expect(after.removed_at).toBe(removed.removed_at);
    expect(userPart(after)).toEqual(userPart(edited));
    expect(visibleTransactions(s.h.databasePath, s.connectionId).map((t) => t.id)).not.toContain(
      target.transaction_id,
    );
  });

  it('a hold that never posts goes, keeping the edits on its tombstone, and adds nothing', async () => {
    const s = await setup();
    const hold = pendingRows(s.truth())[0]!;
    const edited = await s.edit(hold.transaction_id);
    const before = visibleTransactions(s.h.databasePath, s.connectionId).length;
    s.h.emulator.control.removeTransaction(s.itemId, hold.transaction_id);
    await s.sync();
    const after = rowBySeq(s.h, edited.seq);
    expect(after.removed_at).not.toBeNull();
    expect(userPart(after)).toEqual(userPart(edited));
    expect(visibleTransactions(s.h.databasePath, s.connectionId)).toHaveLength(before - 1);
    s.noDuplicates();
  });

  it('the same merchant twice on one day stays two rows, each with its own edits', async () => {
    const s = await setup();
    const template = posted(s.truth())[0]!;
    const twin = (id: string) => ({
      ...template,
      transaction_id: id,
      pending_transaction_id: null,
    });
    s.h.emulator.control.putTransaction(s.itemId, twin('coffee-1'));
    s.h.emulator.control.putTransaction(s.itemId, twin('coffee-2'));
    await s.sync();
    const first = await s.edit('coffee-1', { notes: 'mine' });
    const second = await s.edit('coffee-2', { notes: 'for Ana' });
    s.h.emulator.control.putTransaction(s.itemId, { ...twin('coffee-2'), amount: 9.99 });
    await s.sync();
    expect(userPart(rowBySeq(s.h, first.seq))).toEqual(userPart(first));
    expect(userPart(rowBySeq(s.h, second.seq))).toEqual(userPart(second));
    s.noDuplicates();
  });

  it('a bank that renumbers an id: the new id takes the old row over, edits and all', async () => {
    const s = await setup();
    const target = posted(s.truth())[2]!;
    const edited = await s.edit(target.transaction_id);
    s.h.emulator.control.removeTransaction(s.itemId, target.transaction_id);
    s.h.emulator.control.putTransaction(s.itemId, {
      ...target,
      transaction_id: 'renumbered-id',
    });
    await s.sync();
    const after = rowBySeq(s.h, edited.seq);
    expect(after.id).toBe('renumbered-id');
    expect(after.removed_at).toBeNull();
    expect(userPart(after)).toEqual(userPart(edited));
    s.noDuplicates();
  });

  it('a full resync from no cursor re-reads every row and keeps every edit', async () => {
    const s = await setup();
    const ids = posted(s.truth())
      .slice(0, 40)
      .map((t) => t.transaction_id);
    await s.h.call('transactions.update', { ids, set: { category: 'Groceries', reviewed: true } });
    const before = ids.map((id) => rowById(s.h, id));
    const db = new BetterSqlite3(s.h.databasePath);
    db.prepare('UPDATE connections SET cursor = NULL WHERE id = ?').run(s.connectionId);
    db.close();
    await s.sync();
    const runs = await s.h.call('connections.logs', { connectionId: s.connectionId });
    expect(runs[0]!.status).toBe('succeeded');
    expect(ids.map((id) => userPart(rowById(s.h, id)))).toEqual(before.map(userPart));
    s.noDuplicates();
  });

  it('undo puts back a whole bulk edit, and a later edit of the same field survives it', async () => {
    const s = await setup();
    const ids = posted(s.truth())
      .slice(0, 3)
      .map((t) => t.transaction_id);
    const pristine = ids.map((id) => userPart(rowById(s.h, id)));
    await s.h.call('transactions.update', { ids, set: { category: 'Travel', notes: 'Trip' } });
    const later = await s.h.call('transactions.update', {
      ids: [ids[0]!],
      set: { excluded: true },
    });
    expect(later.changedRows).toBe(1);
    // Undo the exclusion, then the bulk edit: each is one step.
    await s.h.call('transactions.undo');
    expect(rowById(s.h, ids[0]!).excluded).toBe(0);
    const undone = await s.h.call('transactions.undo');
    expect(undone.changedRows).toBe(3);
    expect(ids.map((id) => userPart(rowById(s.h, id)))).toEqual(pristine);
    const detail = await s.h.call('transactions.get', { id: ids[0]! });
    expect(detail.history.map((c) => [c.field, c.after, c.undone])).toEqual([
      ['excluded', true, true],
      ['notes', 'Trip', true],
      ['category', 'Travel', true],
    ]);
    const nothing = await s.h.failure('transactions.undo');
    expect(nothing).toMatchObject({ code: 'NOT_FOUND', message: 'There is nothing to undo.' });
  });

  it('spending follows the person: their category, and nothing they excluded', async () => {
    const s = await setup();
    const outflow = posted(s.truth()).find((t) => t.amount > 0 && !t.pending)!;
    const until = outflow.date;
    const spent = async () =>
      (await s.h.call('reports.spending', { months: 1, until })).rows.filter(
        (r) => r.month === until.slice(0, 7),
      );
    const total = (rows: { amount: number }[]) => rows.reduce((sum, r) => sum + r.amount, 0);
    const before = await spent();
    await s.edit(outflow.transaction_id, { category: 'Gifts for family' });
    const recategorized = await spent();
    expect(total(recategorized)).toBe(total(before));
    expect(recategorized.find((r) => r.category === 'Gifts for family')?.count).toBe(1);
    await s.edit(outflow.transaction_id, { excluded: true });
    const excluded = await spent();
    expect(excluded.find((r) => r.category === 'Gifts for family')).toBeUndefined();
    expect(total(before) - total(excluded)).toBe(Math.round(outflow.amount * 100));
  });

  it('search finds what people type: mid-word, an amount, their payee and notes', async () => {
    const s = await setup();
    const rows = posted(s.truth());
    const target = rows.find((t) => (t.merchant_name ?? t.name).length >= 6)!;
    const text = target.merchant_name ?? target.name;
    const middle = text.slice(1, 5);
    const search = async (q: string) =>
      (await s.h.call('transactions.list', { search: q, limit: 500 })).items;

    const mid = await search(middle);
    expect(mid.map((t) => t.id)).toContain(target.transaction_id);
    expect(
      mid.every((t) =>
        `${t.name} ${t.merchantName ?? ''}`.toLowerCase().includes(middle.toLowerCase()),
      ),
    ).toBe(true);

    const cents = Math.round(Math.abs(target.amount) * 100);
    const typed = (cents / 100).toFixed(2);
    const byAmount = await search(typed);
    expect(byAmount.map((t) => t.id)).toContain(target.transaction_id);
    expect(byAmount.every((t) => Math.abs(t.amount) === cents || t.name.includes(typed))).toBe(
      true,
    );

    // A whole amount of one or two digits is matched as an amount too.
    const small = rows.find((t) => Math.abs(t.amount) < 100 && Number.isInteger(t.amount));
    if (small) {
      const found = await search(String(Math.abs(small.amount)));
      expect(found.map((t) => t.id)).toContain(small.transaction_id);
    }

    await s.edit(target.transaction_id, { payee: 'Zyxwv Bakery', notes: 'birthday cake for Ana' });
    expect((await search('xwv')).map((t) => t.id)).toEqual([target.transaction_id]);
    expect((await search('hday ca')).map((t) => t.id)).toEqual([target.transaction_id]);
    // A fragment shorter than three letters still narrows, and FTS syntax is plain text.
    expect((await search('Zy ke')).map((t) => t.id)).toEqual([target.transaction_id]);
    expect(await search('"NEAR( OR * -')).toEqual([]);
    expect(await search('100%_')).toEqual([]);
  });

  it('renaming a payee once names every row with that bank text, and the rows later syncs bring', async () => {
    const s = await setup();
    const counts = new Map<string, WireTransaction[]>();
    for (const t of posted(s.truth())) counts.set(t.name, [...(counts.get(t.name) ?? []), t]);
    const group = [...counts.values()].find((g) => g.length >= 3)!;
    const [first, own, ...rest] = group;
    // One row the person named on its own keeps its name.
    await s.edit(own!.transaction_id, { payee: 'Just this one' });
    const result = await s.h.call('transactions.update', {
      ids: [first!.transaction_id],
      set: { payee: 'Neighbourhood Grocer' },
      payeeForSameText: true,
    });
    expect(result.changedRows).toBe(1 + rest.length);
    const payeeOf = (id: string) => rowById(s.h, id).payee;
    expect(payeeOf(first!.transaction_id)).toBe('Neighbourhood Grocer');
    expect(payeeOf(own!.transaction_id)).toBe('Just this one');
    for (const t of rest) expect(payeeOf(t.transaction_id)).toBe('Neighbourhood Grocer');
    // Only the row the person edited is locked; the followers came from the rule.
    expect(rowById(s.h, first!.transaction_id).locks).toContain('payee');
    expect(rowById(s.h, rest[0]!.transaction_id).locks).toBe('{}');

    s.h.emulator.control.putTransaction(s.itemId, {
      ...first!,
      transaction_id: 'next-visit',
      date: s.h.emulator.control.today(s.itemId),
      amount: first!.amount + 2,
      pending_transaction_id: null,
    });
    await s.sync();
    expect(payeeOf('next-visit')).toBe('Neighbourhood Grocer');

    // Undo takes the names and the rule away; a later row keeps the bank's name.
    await s.h.call('transactions.undo');
    for (const t of [first!, ...rest]) expect(payeeOf(t.transaction_id)).toBeNull();
    expect(payeeOf(own!.transaction_id)).toBe('Just this one');
    expect(payeeOf('next-visit')).toBe('Neighbourhood Grocer');
    s.h.emulator.control.putTransaction(s.itemId, {
      ...first!,
      transaction_id: 'visit-after-undo',
      amount: first!.amount + 4,
      pending_transaction_id: null,
    });
    await s.sync();
    expect(payeeOf('visit-after-undo')).toBeNull();
  });

  it('an account the person renamed and hid keeps both through a sync; the bank’s name stays beside', async () => {
    const s = await setup();
    const [account] = await s.h.call('accounts.list', { connectionId: s.connectionId });
    const renamed = await s.h.call('accounts.update', {
      accountId: account!.id,
      name: 'Bills account',
      hidden: true,
    });
    expect(renamed).toMatchObject({ name: 'Bills account', bankName: account!.name, hidden: true });
    expect(renamed.institutionName).toBe(account!.institutionName);
    expect(renamed.institutionName).toBeTruthy();
    s.h.emulator.control.advance({ days: 2, itemId: s.itemId });
    await s.sync();
    const after = await s.h.call('accounts.get', { accountId: account!.id });
    expect(after.account).toMatchObject({
      name: 'Bills account',
      bankName: account!.name,
      hidden: true,
    });
    const back = await s.h.call('accounts.update', { accountId: account!.id, name: '' });
    expect(back).toMatchObject({ name: account!.name, hidden: true });
    const missing = await s.h.failure('accounts.update', { accountId: 'nope', hidden: false });
    expect(missing).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an edit of a row that is gone changes nothing and says so', async () => {
    const s = await setup();
    const [a] = posted(s.truth());
    const error = await s.h.failure('transactions.update', {
      ids: [a!.transaction_id, 'no-such-row'],
      set: { notes: 'x' },
    });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/not in your ledger any more, so nothing was changed/);
    expect(rowById(s.h, a!.transaction_id).notes).toBeNull();
  });
});
