import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, Transaction } from '../../src/shared/contract';
import { callCore, startTestCore, type TestCore } from '../support/core';

/**
 * The person's categories through the core's channels, on a real SQLite file seeded with rows in
 * four Plaid categories (FOOD_AND_DRINK, GENERAL_MERCHANDISE, TRANSPORTATION, ENTERTAINMENT).
 */

let t: TestCore | undefined;
afterEach(async () => {
  await t?.core.close();
  t = undefined;
});

const call = <C extends Channel>(channel: C, input: unknown = {}) =>
  callCore(t!.core, channel, input);

async function refusal(channel: Channel, input: unknown) {
  const result = await t!.core.invoke(channel, input);
  if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return result.error;
}

const list = () => call('categories.list');
const find = async (name: string) => (await list()).find((c) => c.name === name);
const rows = async (input: object = {}): Promise<Transaction[]> =>
  (await call('transactions.list', { limit: 500, ...input })).items;
/** The category a row shows: the person's where set, else the bank's. */
const shown = (row: Transaction) => row.user.category ?? row.category;

/** A second connection to the file, for what no channel of this feature owns (rules). */
function withFile<T>(use: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(t!.databasePath);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

function addRule(actions: object): number {
  return withFile((db) =>
    Number(
      db
        .prepare(
          `INSERT INTO rules (name, stage, position, conditions, actions, created_at, updated_at)
           VALUES ('r', 'default', 1, '{}', ?, 'then', 'then')`,
        )
        .run(JSON.stringify(actions)).lastInsertRowid,
    ),
  );
}

function ruleActions(id: number): unknown {
  return withFile((db) =>
    JSON.parse(db.prepare('SELECT actions FROM rules WHERE id = ?').pluck().get(id) as string),
  );
}

describe('categories', () => {
  it('lists Plaid’s categories with counts, the ones in use counting their rows', async () => {
    t = await startTestCore({ seed: true });
    const all = await list();
    expect(all).toHaveLength(16);
    const food = all.find((c) => c.plaidKey === 'FOOD_AND_DRINK');
    expect(food).toMatchObject({
      category: 'FOOD_AND_DRINK',
      name: 'Food and drink',
      hidden: false,
    });
    const inView = await rows();
    expect(food!.count).toBe(inView.filter((r) => shown(r) === 'FOOD_AND_DRINK').length);
    expect(food!.count).toBeGreaterThan(0);
    expect(all.find((c) => c.plaidKey === 'TRAVEL')!.count).toBe(0);
    expect(all.reduce((sum, c) => sum + c.count, 0)).toBe(
      inView.filter((r) => shown(r) !== null).length,
    );
  });

  it('creates a category of the person’s own, and refuses one that exists in any letter case', async () => {
    t = await startTestCore({ seed: true });
    expect(await call('categories.create', { name: '  Coffee ' })).toEqual({
      category: 'Coffee',
      name: 'Coffee',
      plaidKey: null,
      hidden: false,
      count: 0,
    });
    expect((await refusal('categories.create', { name: 'COFFEE' })).message).toBe(
      'There is already a category called “Coffee”.',
    );
    expect((await refusal('categories.create', { name: 'food AND drink' })).message).toBe(
      'There is already a category called “Food and drink”.',
    );
    const shouting = await refusal('categories.create', { name: 'PETS' });
    expect(shouting.code).toBe('VALIDATION');
    expect(shouting.message).toBe(
      '“PETS” is written the way the bank writes its own categories; use at least one lower-case ' +
        'letter or a space, for example “Pets”.',
    );
  });

  it('renames a Plaid category: its rows show the new name through the key, none is rewritten', async () => {
    t = await startTestCore({ seed: true });
    const before = await rows({ category: 'FOOD_AND_DRINK' });
    expect(before.length).toBeGreaterThan(0);
    const renamed = await call('categories.rename', {
      name: 'Food and drink',
      newName: 'Eating out',
    });
    expect(renamed).toMatchObject({
      category: 'FOOD_AND_DRINK',
      name: 'Eating out',
      plaidKey: 'FOOD_AND_DRINK',
      count: before.length,
    });
    expect(await find('Food and drink')).toBeUndefined();
    // The filter still finds them by the key, and no row got a category of the person's.
    const after = await rows({ category: 'FOOD_AND_DRINK' });
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect(after.every((r) => r.user.category === null)).toBe(true);
  });

  it('renames a category of the person’s own: rows, parts, history and rules follow, and undo still works', async () => {
    t = await startTestCore({ seed: true });
    const [a, b, c] = await rows();
    await call('categories.create', { name: 'Coffee' });
    await call('transactions.update', { ids: [a!.id, b!.id], set: { category: 'Coffee' } });
    await call('transactions.split', {
      id: c!.id,
      parts: [
        { amount: c!.amount - 1, category: 'Coffee' },
        { amount: 1, category: null },
      ],
    });
    const rule = addRule({ category: 'Coffee', addTags: ['x'] });
    const splitRule = addRule({
      split: { by: 'percent', parts: [{ percent: 50, category: 'coffee' }, { percent: 50 }] },
    });
    const other = addRule({ category: 'FOOD_AND_DRINK' });
    await call('transactions.update', { ids: [a!.id], set: { notes: 'beans' } });

    expect(await call('categories.rename', { name: 'coffee', newName: 'Café' })).toMatchObject({
      category: 'Café',
      name: 'Café',
      count: 2,
    });
    const byId = new Map((await rows()).map((r) => [r.id, r]));
    expect(byId.get(a!.id)!.user.category).toBe('Café');
    expect(byId.get(b!.id)!.user.category).toBe('Café');
    expect(byId.get(c!.id)!.splits.map((p) => p.category)).toEqual(['Café', null]);
    expect(ruleActions(rule)).toEqual({ category: 'Café', addTags: ['x'] });
    expect(ruleActions(splitRule)).toEqual({
      split: { by: 'percent', parts: [{ percent: 50, category: 'Café' }, { percent: 50 }] },
    });
    expect(ruleActions(other)).toEqual({ category: 'FOOD_AND_DRINK' });
    const history = await call('transactions.get', { id: b!.id });
    expect(history.history.map((h) => [h.field, h.after])).toEqual([['category', 'Café']]);

    // Undo the note, the split and the categorization, the last two made under the old name:
    // each still finds the row as it left it, so each is taken back.
    await call('transactions.undo');
    await call('transactions.undo');
    const unsplit = new Map((await rows()).map((r) => [r.id, r]));
    expect(unsplit.get(c!.id)!.splits).toEqual([]);
    expect(unsplit.get(a!.id)!.user.category).toBe('Café');
    await call('transactions.undo');
    const undone = new Map((await rows()).map((r) => [r.id, r]));
    expect(undone.get(a!.id)!.user.category).toBeNull();
    expect(undone.get(b!.id)!.user.category).toBeNull();
  });

  it('refuses a rename onto a name that exists, suggesting a merge, and changes nothing', async () => {
    t = await startTestCore({ seed: true });
    await call('categories.create', { name: 'Coffee' });
    const error = await refusal('categories.rename', { name: 'Coffee', newName: 'travel' });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      'There is already a category called “Travel”. To put the transactions of “Coffee” into it, ' +
        'merge “Coffee” into “Travel” instead.',
    );
    expect(await find('Coffee')).toBeDefined();
    expect((await refusal('categories.rename', { name: 'Tea', newName: 'Herbal' })).message).toBe(
      'There is no category called “Tea”.',
    );
    // A change of letter case alone is a rename, not a clash with itself.
    expect(await call('categories.rename', { name: 'Coffee', newName: 'coffee' })).toMatchObject({
      name: 'coffee',
    });
  });

  it('merges one category into another as one undo step, rules included, and undo takes it all back', async () => {
    t = await startTestCore({ seed: true });
    const transport = (await rows({ category: 'TRANSPORTATION' })).map((r) => r.id).sort();
    const entertainment = (await rows({ category: 'ENTERTAINMENT' })).map((r) => r.id).sort();
    expect(transport.length).toBeGreaterThan(1);
    await call('categories.create', { name: 'Getting around' });
    // One row the person had already put in Transportation themselves.
    await call('transactions.update', {
      ids: [entertainment[0]!],
      set: { category: 'TRANSPORTATION' },
    });
    await call('categories.setHidden', { name: 'Transportation', hidden: true });
    const rule = addRule({ category: 'TRANSPORTATION' });
    const moved = [...transport, entertainment[0]!].sort();

    const result = await call('categories.merge', {
      name: 'Transportation',
      into: 'Getting around',
    });
    expect(result.changedRows).toBe(moved.length);
    expect(result.editId).not.toBeNull();
    expect(await find('Transportation')).toBeUndefined();
    expect((await find('Getting around'))!.count).toBe(moved.length);
    const inTarget = (await rows({ category: 'Getting around' })).map((r) => r.id).sort();
    expect(inTarget).toEqual(moved);
    expect(ruleActions(rule)).toEqual({ category: 'Getting around' });

    // One undo puts every row back as it was, the category (still hidden) and the rule too.
    const undo = await call('transactions.undo');
    expect(undo).toEqual({ editId: result.editId, changedRows: moved.length });
    expect((await rows({ category: 'Getting around' })).length).toBe(0);
    const back = await rows({ category: 'TRANSPORTATION' });
    expect(back.map((r) => r.id).sort()).toEqual(moved);
    expect(back.filter((r) => r.user.category !== null).map((r) => r.id)).toEqual([
      entertainment[0],
    ]);
    expect(await find('Transportation')).toMatchObject({
      plaidKey: 'TRANSPORTATION',
      hidden: true,
      count: moved.length,
    });
    expect(ruleActions(rule)).toEqual({ category: 'TRANSPORTATION' });
  });

  it('refuses to merge a category into itself or into one that does not exist', async () => {
    t = await startTestCore({ seed: true });
    expect((await refusal('categories.merge', { name: 'Travel', into: 'travel' })).message).toBe(
      '“Travel” cannot be merged into itself; choose another category to merge it into.',
    );
    expect((await refusal('categories.merge', { name: 'Travel', into: 'Holidays' })).message).toBe(
      'There is no category called “Holidays”.',
    );
    expect(await find('Travel')).toBeDefined();
  });

  it('hides and shows a category; rows keep it while it is hidden', async () => {
    t = await startTestCore({ seed: true });
    const count = (await find('Entertainment'))!.count;
    expect(
      await call('categories.setHidden', { name: 'Entertainment', hidden: true }),
    ).toMatchObject({ hidden: true, count });
    expect((await rows({ category: 'ENTERTAINMENT' })).length).toBe(count);
    expect(
      await call('categories.setHidden', { name: 'Entertainment', hidden: false }),
    ).toMatchObject({ hidden: false });
  });

  it('lists a category typed on a row that the list did not have, and can act on it', async () => {
    t = await startTestCore({ seed: true });
    const [a] = await rows();
    await call('transactions.update', { ids: [a!.id], set: { category: 'Gifts' } });
    expect(await find('Gifts')).toEqual({
      category: 'Gifts',
      name: 'Gifts',
      plaidKey: null,
      hidden: false,
      count: 1,
    });
    expect(await call('categories.rename', { name: 'Gifts', newName: 'Presents' })).toMatchObject({
      count: 1,
    });
    expect((await rows({ category: 'Presents' })).map((r) => r.id)).toEqual([a!.id]);
  });
});
