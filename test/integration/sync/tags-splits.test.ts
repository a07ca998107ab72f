import BetterSqlite3 from 'better-sqlite3';
import type { WireTransaction } from '@ledgerlight/plaid-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../src/shared/contract';
import type { Transaction } from '../../../src/shared/model';
import {
  expectedTransactions,
  linkSandbox,
  startHarness,
  visibleTransactions,
  type Harness,
} from '../../support/sync-harness';

/**
 * Tags and splits are the person's: they go through the core's own channels, undo like any edit,
 * and ride along when the bank posts, renumbers or modifies a row. Each case drives the real SDK
 * against the emulator and reads the real SQLite file.
 */

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function setup() {
  h = await startHarness({ core: { manualCooldownMs: 0 } });
  const linked = await linkSandbox(h);
  const sync = async () => {
    await h!.call('connections.sync', { connectionId: linked.connectionId });
    await h!.core.idle();
  };
  const truth = () => h!.emulator.control.groundTruth(linked.itemId);
  const get = async (id: string): Promise<Transaction> =>
    (await h!.call('transactions.get', { id })).transaction;
  const tag = (input: ChannelInput<'transactions.tag'>) => h!.call('transactions.tag', input);
  const split = (input: ChannelInput<'transactions.split'>) => h!.call('transactions.split', input);
  const list = async (input: ChannelInput<'transactions.list'>) =>
    (await h!.call('transactions.list', { limit: 500, ...input })).items;
  const noDuplicates = () =>
    expect(visibleTransactions(h!.databasePath, linked.connectionId)).toEqual(
      expectedTransactions(h!.emulator, linked.itemId),
    );
  return { ...linked, h, sync, truth, get, tag, split, list, noDuplicates };
}

const posted = (rows: WireTransaction[]) => rows.filter((t) => !t.pending);
const pendingRows = (rows: WireTransaction[]) => rows.filter((t) => t.pending);

/** What is stored for a row, straight from the file: its seq, tags and parts. */
function stored(h: Harness, id: string) {
  const db = new BetterSqlite3(h.databasePath, { readonly: true });
  try {
    const row = db
      .prepare('SELECT seq, amount, needs_review FROM transactions WHERE id = ?')
      .get(id) as { seq: number; amount: number; needs_review: string | null };
    const tags = db
      .prepare(
        `SELECT g.name FROM transaction_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.seq = ?
         ORDER BY g.name COLLATE NOCASE`,
      )
      .pluck()
      .all(row.seq);
    const parts = db
      .prepare(
        'SELECT position, amount, category, notes FROM transaction_splits WHERE seq = ? ORDER BY position',
      )
      .all(row.seq);
    return { ...row, tags, parts };
  } finally {
    db.close();
  }
}

/** Two parts of a row's amount: a third (rounded toward zero) and the rest. */
function twoParts(amount: number) {
  const first = Math.trunc(amount / 3);
  return [
    { amount: first, category: 'Groceries', notes: 'food' },
    { amount: amount - first, category: 'Household', notes: null },
  ];
}

describe('tags', () => {
  it('adds and takes away tags on many rows as one step, and undo puts them back', async () => {
    const s = await setup();
    const ids = posted(s.truth())
      .slice(0, 3)
      .map((t) => t.transaction_id);
    const added = await s.tag({ ids, add: ['  Holiday  ', 'work', 'WORK'] });
    expect(added.changedRows).toBe(3);
    for (const id of ids) expect((await s.get(id)).tags).toEqual(['Holiday', 'work']);

    // An existing tag keeps its first spelling whatever case is typed later.
    const again = await s.tag({ ids: [ids[0]!], add: ['holiday', 'Zoo'], remove: ['Work'] });
    expect(again.changedRows).toBe(1);
    expect((await s.get(ids[0]!)).tags).toEqual(['Holiday', 'Zoo']);
    expect(await s.h.call('tags.list')).toEqual([
      { name: 'Holiday', count: 3 },
      { name: 'work', count: 2 },
      { name: 'Zoo', count: 1 },
    ]);
    // Nothing to change is no step at all.
    expect(await s.tag({ ids: [ids[1]!], add: ['holiday'] })).toEqual({
      editId: null,
      changedRows: 0,
    });

    const undone = await s.h.call('transactions.undo');
    expect(undone.changedRows).toBe(1);
    expect((await s.get(ids[0]!)).tags).toEqual(['Holiday', 'work']);
    const detail = await s.h.call('transactions.get', { id: ids[0]! });
    expect(detail.history.map((c) => [c.field, c.before, c.after, c.undone])).toEqual([
      ['tags', 'Holiday, work', 'Holiday, Zoo', true],
      ['tags', null, 'Holiday, work', false],
    ]);

    await s.h.call('transactions.undo');
    for (const id of ids) expect((await s.get(id)).tags).toEqual([]);
    // A tag no row carries any more is not offered.
    expect(await s.h.call('tags.list')).toEqual([]);
  });

  it('undo goes back one step at a time across tags and the other fields', async () => {
    const s = await setup();
    const [a, b] = posted(s.truth()).map((t) => t.transaction_id);
    await s.tag({ ids: [a!, b!], add: ['Trip'] });
    // A later edit of another field on the same row is its own step, undone first.
    await s.h.call('transactions.update', { ids: [a!], set: { notes: 'x' } });
    await s.h.call('transactions.undo');
    expect((await s.get(a!)).tags).toEqual(['Trip']);
    expect((await s.get(a!)).user.notes).toBeNull();
    await s.h.call('transactions.undo');
    expect((await s.get(a!)).tags).toEqual([]);
    expect((await s.get(b!)).tags).toEqual([]);
  });

  it('the tag filter lists exactly the rows carrying the tag, in any letter case', async () => {
    const s = await setup();
    const ids = posted(s.truth())
      .slice(3, 7)
      .map((t) => t.transaction_id);
    await s.tag({ ids: ids.slice(0, 3), add: ['Reimbursable'] });
    await s.tag({ ids: ids.slice(2), add: ['Other'] });
    const tagged = await s.list({ tag: 'reimbursable' });
    expect(tagged.map((t) => t.id).sort()).toEqual(ids.slice(0, 3).sort());
    expect(tagged.every((t) => t.tags.includes('Reimbursable'))).toBe(true);
    const page = await s.h.call('transactions.list', { tag: 'Reimbursable', limit: 2 });
    expect(await s.h.call('transactions.count', { tag: 'Reimbursable' })).toBe(3);
    expect(page.items).toHaveLength(2);
    expect(await s.list({ tag: 'nobody-has-this' })).toEqual([]);
    // Every listed row says its tags, untagged ones none.
    const all = await s.list({});
    const byId = new Map(all.map((t) => [t.id, t.tags]));
    expect(byId.get(ids[2]!)).toEqual(['Other', 'Reimbursable']);
    expect(byId.get(ids[3]!)).toEqual(['Other']);
    expect(all.filter((t) => t.tags.length > 0)).toHaveLength(4);
  });

  it('search finds rows by a tag, mid-word, and still needs every word', async () => {
    const s = await setup();
    const rows = posted(s.truth());
    const target = rows[0]!;
    await s.tag({ ids: [target.transaction_id], add: ['Qwzx project'] });
    expect((await s.list({ search: 'wzx' })).map((t) => t.id)).toEqual([target.transaction_id]);
    expect((await s.list({ search: 'QW' })).map((t) => t.id)).toContain(target.transaction_id);
    // A tag word and a text word together find the row that has both.
    const word = (target.merchant_name ?? target.name).slice(0, 4);
    expect((await s.list({ search: `qwzx ${word}` })).map((t) => t.id)).toEqual([
      target.transaction_id,
    ]);
    expect(await s.list({ search: 'qwzx zzzzzzzz' })).toEqual([]);
    // The ordinary text search still works beside tags.
    expect((await s.list({ search: word })).map((t) => t.id)).toContain(target.transaction_id);
  });

  it('refuses names it cannot keep and rows that are gone, changing nothing', async () => {
    const s = await setup();
    const [a] = posted(s.truth());
    const long = await s.h.failure('transactions.tag', {
      ids: [a!.transaction_id],
      add: ['x'.repeat(41)],
    });
    expect(long.code).toBe('VALIDATION');
    const blank = await s.h.failure('transactions.tag', { ids: [a!.transaction_id], add: ['  '] });
    expect(blank.code).toBe('VALIDATION');
    const gone = await s.h.failure('transactions.tag', {
      ids: [a!.transaction_id, 'no-such-row'],
      add: ['Kept'],
    });
    expect(gone).toMatchObject({ code: 'NOT_FOUND' });
    expect(gone.message).toMatch(/nothing was changed/);
    expect(stored(s.h, a!.transaction_id).tags).toEqual([]);
  });
});

describe('splits', () => {
  it('splits a row into parts that add up, and undo puts it back whole', async () => {
    const s = await setup();
    const target = posted(s.truth())[0]!;
    const row = await s.get(target.transaction_id);
    const parts = twoParts(row.amount);
    const result = await s.split({ id: row.id, parts });
    expect(result.changedRows).toBe(1);
    expect((await s.get(row.id)).splits).toEqual(parts);
    expect((await s.list({})).find((t) => t.id === row.id)?.splits).toEqual(parts);
    const detail = await s.h.call('transactions.get', { id: row.id });
    expect(detail.history[0]).toMatchObject({ field: 'splits', before: null, after: '2 parts' });

    await s.h.call('transactions.undo');
    expect((await s.get(row.id)).splits).toEqual([]);
    expect(stored(s.h, row.id).parts).toEqual([]);

    // Split again, then take the split away: that too is one step undo reverses.
    await s.split({ id: row.id, parts });
    await s.split({ id: row.id, parts: [] });
    expect((await s.get(row.id)).splits).toEqual([]);
    await s.h.call('transactions.undo');
    expect((await s.get(row.id)).splits).toEqual(parts);
  });

  it('spending counts a split row by its parts’ categories, and the total stays the same', async () => {
    const s = await setup();
    // A purchase (not a transfer or a card payment, which spending leaves out whatever the split).
    const outflow = posted(s.truth()).find(
      (t) =>
        t.amount > 1 &&
        !/^(TRANSFER|LOAN_PAYMENTS)/.test(t.personal_finance_category?.primary ?? 'TRANSFER'),
    )!;
    const until = outflow.date;
    const spent = async () =>
      (await s.h.call('reports.spending', { months: 1, until })).rows.filter(
        (r) => r.month === until.slice(0, 7),
      );
    const total = (rows: { amount: number }[]) => rows.reduce((sum, r) => sum + r.amount, 0);
    const before = await spent();
    const row = await s.get(outflow.transaction_id);
    const first = Math.trunc(row.amount / 3);
    await s.split({
      id: row.id,
      parts: [
        { amount: first, category: 'Split food' },
        { amount: row.amount - first, category: 'Split home' },
      ],
    });
    const after = await spent();
    expect(total(after)).toBe(total(before));
    expect(after.find((r) => r.category === 'Split food')).toMatchObject({
      amount: -first,
      count: 1,
    });
    expect(after.find((r) => r.category === 'Split home')).toMatchObject({
      amount: -(row.amount - first),
      count: 1,
    });
    await s.h.call('transactions.undo');
    expect(await spent()).toEqual(before);
  });

  it('refuses parts that do not add up, a zero part or a single part, and changes nothing', async () => {
    const s = await setup();
    const target = posted(s.truth())[1]!;
    const row = await s.get(target.transaction_id);
    const good = twoParts(row.amount);
    await s.split({ id: row.id, parts: good });
    const before = stored(s.h, row.id);

    const short = await s.h.failure('transactions.split', {
      id: row.id,
      parts: [good[0]!, { ...good[1]!, amount: good[1]!.amount - 1 }],
    });
    expect(short.code).toBe('VALIDATION');
    expect(short.message).toMatch(
      /^The parts add up to .* but the transaction is .*Nothing was changed\.$/,
    );
    // One cent more in the row's own direction is too much; one cent less is still to assign.
    expect(short.message).toContain(
      row.amount < 0 ? '0.01 USD is too much' : '0.01 USD is still to assign',
    );

    const zero = await s.h.failure('transactions.split', {
      id: row.id,
      parts: [{ amount: row.amount }, { amount: 0 }],
    });
    expect(zero.code).toBe('VALIDATION');
    expect(zero.message).toMatch(/Every part of a split needs an amount/);

    const single = await s.h.failure('transactions.split', {
      id: row.id,
      parts: [{ amount: row.amount }],
    });
    expect(single.code).toBe('VALIDATION');

    expect(stored(s.h, row.id)).toEqual(before);
    // The refusals made no undo step: undo takes away the one good split.
    await s.h.call('transactions.undo');
    expect(stored(s.h, row.id).parts).toEqual([]);
    await expect(s.h.failure('transactions.undo')).resolves.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the bank feed keeps tags and splits', () => {
  it('pending → posted: the posted row takes over the pending one’s tags and parts', async () => {
    const s = await setup();
    const pending = pendingRows(s.truth())[0]!;
    const row = await s.get(pending.transaction_id);
    await s.tag({ ids: [row.id], add: ['Dinner'] });
    const parts = twoParts(row.amount);
    await s.split({ id: row.id, parts });
    const before = stored(s.h, row.id);

    s.h.emulator.control.removeTransaction(s.itemId, pending.transaction_id);
    s.h.emulator.control.putTransaction(s.itemId, {
      ...pending,
      transaction_id: 'posted-dinner',
      pending: false,
      pending_transaction_id: pending.transaction_id,
    });
    await s.sync();

    const after = stored(s.h, 'posted-dinner');
    expect(after.seq).toBe(before.seq);
    expect(after.tags).toEqual(['Dinner']);
    expect(after.parts).toEqual(before.parts);
    expect(after.needs_review).toBeNull();
    const shown = await s.get('posted-dinner');
    expect(shown).toMatchObject({ pending: false, tags: ['Dinner'], splits: parts });
    expect((await s.list({ tag: 'Dinner' })).map((t) => t.id)).toEqual(['posted-dinner']);
    s.noDuplicates();
  });

  it('modified without an amount change keeps tags and parts and asks for nothing', async () => {
    const s = await setup();
    const target = posted(s.truth())[2]!;
    const row = await s.get(target.transaction_id);
    await s.tag({ ids: [row.id], add: ['Kept'] });
    await s.split({ id: row.id, parts: twoParts(row.amount) });
    const before = stored(s.h, row.id);
    s.h.emulator.control.putTransaction(
      s.itemId,
      { ...target, name: `${target.name} RENAMED` },
      'modified',
    );
    await s.sync();
    expect((await s.get(row.id)).name).toBe(`${target.name} RENAMED`);
    expect(stored(s.h, row.id)).toEqual(before);
    s.noDuplicates();
  });

  it('modified with a new amount: the parts stay as they were and the row asks for a look', async () => {
    const s = await setup();
    const target = posted(s.truth())[3]!;
    const row = await s.get(target.transaction_id);
    await s.tag({ ids: [row.id], add: ['Tip'] });
    await s.split({ id: row.id, parts: twoParts(row.amount) });
    const before = stored(s.h, row.id);
    s.h.emulator.control.putTransaction(
      s.itemId,
      { ...target, amount: target.amount + 2.5 },
      'modified',
    );
    await s.sync();
    const after = stored(s.h, row.id);
    expect(after.amount).toBe(before.amount - 250);
    expect(after.parts).toEqual(before.parts);
    expect(after.tags).toEqual(['Tip']);
    expect(after.needs_review).toBe('The bank changed the amount; the split no longer adds up.');
    expect((await s.get(row.id)).user.needsReview).toMatch(/split no longer adds up/);
    s.noDuplicates();
  });

  it('a tip when a split pending row posts: parts unchanged, the row flagged for review', async () => {
    const s = await setup();
    const pending = pendingRows(s.truth())[0]!;
    const row = await s.get(pending.transaction_id);
    const parts = twoParts(row.amount);
    await s.split({ id: row.id, parts });
    s.h.emulator.control.removeTransaction(s.itemId, pending.transaction_id);
    s.h.emulator.control.putTransaction(s.itemId, {
      ...pending,
      transaction_id: 'posted-with-tip',
      pending: false,
      pending_transaction_id: pending.transaction_id,
      amount: pending.amount + 3,
    });
    await s.sync();
    const after = await s.get('posted-with-tip');
    expect(after.amount).toBe(row.amount - 300);
    expect(after.splits).toEqual(parts);
    expect(after.user.needsReview).toBe(
      'The bank changed the amount; the split no longer adds up.',
    );
    // Parts that fit the new amount take the flag away; undoing them brings it back.
    await s.split({ id: after.id, parts: twoParts(after.amount) });
    const refitted = await s.get(after.id);
    expect(refitted.splits).toEqual(twoParts(after.amount));
    expect(refitted.user.needsReview).toBeNull();
    await s.h.call('transactions.undo');
    expect((await s.get(after.id)).user.needsReview).toMatch(/split no longer adds up/);
    expect((await s.get(after.id)).splits).toEqual(parts);
    s.noDuplicates();
  });

  it('a row without a split keeps no review flag when only its amount changes', async () => {
    const s = await setup();
    const target = posted(s.truth())[4]!;
    await s.tag({ ids: [target.transaction_id], add: ['Plain'] });
    s.h.emulator.control.putTransaction(
      s.itemId,
      { ...target, amount: target.amount + 1 },
      'modified',
    );
    await s.sync();
    expect(stored(s.h, target.transaction_id).needs_review).toBeNull();
    expect(stored(s.h, target.transaction_id).tags).toEqual(['Plain']);
  });
});
