import BetterSqlite3 from 'better-sqlite3';
import type { WireTransaction } from '@ledgerlight/plaid-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src/shared/contract';
import { EMULATOR_TODAY, linkSandbox, startHarness, type Harness } from '../support/sync-harness';

/**
 * The person's rules, end to end: rules are made, previewed, applied and undone through the
 * core's channels; rows arrive from the emulator's bank through the real SDK and sync; every
 * result is read back from the real SQLite file.
 *
 * The test's own rows carry bank texts ("RULETEST …") no generated row has, so every count is
 * known exactly.
 */

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface StoredRow {
  seq: number;
  user_category: string | null;
  payee: string | null;
  notes: string | null;
  excluded: number;
  locks: string;
}

async function setup() {
  const today = new Date(`${EMULATOR_TODAY}T12:00:00Z`);
  h = await startHarness({ core: { manualCooldownMs: 0, clock: { now: () => today } } });
  const linked = await linkSandbox(h);
  const harness = h;
  const checking = linked.accounts.find((a) => a.name === 'Plaid Checking')!.id;
  const template = harness.emulator.control.groundTruth(linked.itemId).find((t) => !t.pending)!;
  /** A posted row at the bank; `amount` in Ledgerlight's minor units and sign (+ = money in). */
  const put = (id: string, name: string, amount: number, date = '2026-11-10') => {
    const row: WireTransaction = {
      ...template,
      transaction_id: id,
      account_id: checking,
      amount: -amount / 100,
      iso_currency_code: 'USD',
      unofficial_currency_code: null,
      date,
      authorized_date: date,
      name,
      merchant_name: null,
      pending: false,
      pending_transaction_id: null,
    };
    harness.emulator.control.putTransaction(linked.itemId, row, 'added');
  };
  const sync = async () => {
    await harness.call('connections.sync', { connectionId: linked.connectionId });
    await harness.core.idle();
  };
  const read = <T>(fn: (db: BetterSqlite3.Database) => T): T => {
    const db = new BetterSqlite3(harness.databasePath, { readonly: true });
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  const row = (id: string) =>
    read(
      (db) =>
        db
          .prepare(
            'SELECT seq, user_category, payee, notes, excluded, locks FROM transactions WHERE id = ?',
          )
          .get(id) as StoredRow,
    );
  const tagsOf = (id: string) =>
    read((db) =>
      db
        .prepare(
          `SELECT g.name FROM transaction_tags tt JOIN tags g ON g.id = tt.tag_id
           JOIN transactions t ON t.seq = tt.seq WHERE t.id = ? ORDER BY g.name`,
        )
        .pluck()
        .all(id),
    );
  const partsOf = (id: string) =>
    read((db) =>
      db
        .prepare(
          `SELECT s.amount, s.category FROM transaction_splits s JOIN transactions t ON t.seq = s.seq
           WHERE t.id = ? ORDER BY s.position`,
        )
        .all(id),
    );
  const create = (input: ChannelInput<'rules.create'>) => harness.call('rules.create', input);
  return { h: harness, ...linked, checking, put, sync, read, row, tagsOf, partsOf, create };
}

describe('rules', () => {
  it('preview what a rule would change, apply it as one undo step, and undo it', async () => {
    const s = await setup();
    for (let i = 1; i <= 4; i++) s.put(`r-coffee-${i}`, `RULETEST COFFEE BAR #${i}`, -450 - i);
    s.put('r-other', 'RULETEST BAKERY', -900);
    await s.sync();
    // The person set one row's category by hand; a rule never overrides that.
    await s.h.call('transactions.update', { ids: ['r-coffee-4'], set: { category: 'Treats' } });
    const before = s.row('r-coffee-4');

    const conditions = {
      text: [{ field: 'bankText' as const, op: 'contains' as const, value: 'ruletest coffee' }],
    };
    const actions = { category: 'Coffee', addTags: ['caffeine'], notes: 'Morning habit' };
    const preview = await s.h.call('rules.preview', { conditions, actions });
    expect(preview.matched).toBe(4);
    // The hand-set row still gets the tag and the note, so it counts as changed too.
    expect(preview.changed).toBe(4);
    const handSet = preview.rows.find((r) => r.id === 'r-coffee-4')!;
    expect(handSet.changes.map((c) => c.field).sort()).toEqual(['notes', 'tags']);
    const plain = preview.rows.find((r) => r.id === 'r-coffee-1')!;
    expect(plain.changes).toContainEqual({
      field: 'category',
      before: 'FOOD_AND_DRINK',
      after: 'Coffee',
    });
    // A preview writes nothing.
    expect(s.row('r-coffee-1').user_category).toBeNull();

    const rule = await s.create({ conditions, actions });
    expect(rule.name).toBe('Bank text contains “ruletest coffee”');
    const applied = await s.h.call('rules.apply', { id: rule.id });
    expect(applied.changedRows).toBe(4);
    for (let i = 1; i <= 3; i++) {
      const r = s.row(`r-coffee-${i}`);
      expect(r.user_category).toBe('Coffee');
      expect(r.notes).toBe('Morning habit');
      // A rule's value is not the person's: it is not locked, so the person or a later rule may change it.
      expect(JSON.parse(r.locks)).toEqual({});
      expect(s.tagsOf(`r-coffee-${i}`)).toEqual(['caffeine']);
    }
    expect(s.row('r-coffee-4').user_category).toBe('Treats');
    expect(s.row('r-coffee-4').locks).toBe(before.locks);
    expect(s.row('r-other').user_category).toBeNull();
    // Applying again changes nothing more.
    expect((await s.h.call('rules.apply', { id: rule.id })).changedRows).toBe(0);

    const undone = await s.h.call('transactions.undo');
    expect(undone.editId).toBe(applied.editId);
    expect(undone.changedRows).toBe(4);
    for (let i = 1; i <= 3; i++) {
      expect(s.row(`r-coffee-${i}`).user_category).toBeNull();
      expect(s.row(`r-coffee-${i}`).notes).toBeNull();
      expect(s.tagsOf(`r-coffee-${i}`)).toEqual([]);
    }
    expect(s.row('r-coffee-4')).toEqual(before);
    // The next undo is the person's own edit, not anything the rule did.
    await s.h.call('transactions.undo');
    expect(s.row('r-coffee-4').user_category).toBeNull();
  });

  it('run on every new row a sync brings before it is shown, and never on old ones', async () => {
    const s = await setup();
    s.put('r-old', 'RULETEST GYM MEMBERSHIP', -5_000);
    await s.sync();
    await s.create({
      conditions: { text: [{ field: 'bankText', op: 'contains', value: 'ruletest gym' }] },
      actions: { category: 'Fitness', payee: 'The Gym' },
    });
    await s.create({
      stage: 'post',
      conditions: { text: [{ field: 'bankText', op: 'matches', value: '^ruletest phone' }] },
      actions: {
        split: { by: 'percent', parts: [{ percent: 40, category: 'Work' }, { percent: 60 }] },
      },
    });
    await s.create({
      conditions: { text: [{ field: 'bankText', op: 'is', value: 'RULETEST MOVE TO SAVINGS' }] },
      actions: { transfer: true },
    });
    s.put('r-new', 'RULETEST GYM MEMBERSHIP', -5_000, '2026-11-12');
    s.put('r-phone', 'RULETEST PHONE BILL', -10_001, '2026-11-12');
    s.put('r-move', 'RULETEST MOVE TO SAVINGS', -20_000, '2026-11-13');
    await s.sync();

    expect(s.row('r-old').user_category).toBeNull();
    expect(s.row('r-new')).toMatchObject({
      user_category: 'Fitness',
      payee: 'The Gym',
      locks: '{}',
    });
    expect(s.partsOf('r-phone')).toEqual([
      { amount: -4_000, category: 'Work' },
      { amount: -6_001, category: null },
    ]);
    expect(s.row('r-move').user_category).toBe('TRANSFER_OUT');
    // The rules' work shows in the row's history, but undo is for what the person did.
    const detail = await s.h.call('transactions.get', { id: 'r-new' });
    expect(detail.history.map((c) => c.field).sort()).toEqual(['category', 'payee']);
    expect(detail.history.map((c) => [c.by, c.ruleName])).toEqual([
      ['rule', 'Bank text contains “ruletest gym”'],
      ['rule', 'Bank text contains “ruletest gym”'],
    ]);
    expect((await s.h.failure('transactions.undo')).message).toBe('There is nothing to undo.');

    // A later change of the row by the bank leaves the rule's fields alone.
    const template = s.h.emulator.control
      .groundTruth(s.itemId)
      .find((t) => t.transaction_id === 'r-new')!;
    s.h.emulator.control.putTransaction(s.itemId, { ...template, amount: 51 }, 'modified');
    await s.sync();
    expect(s.row('r-new')).toMatchObject({ user_category: 'Fitness', payee: 'The Gym' });
  });

  it('run in stage order, last one wins, and stop after a rule that says so', async () => {
    const s = await setup();
    const text = [{ field: 'bankText', op: 'contains', value: 'RULETEST TAXI' }] as const;
    const late = await s.create({
      stage: 'post',
      conditions: { text: [...text] },
      actions: { category: 'Late' },
    });
    const first = await s.create({
      conditions: { text: [...text] },
      actions: { category: 'First' },
    });
    const second = await s.create({
      conditions: { text: [...text] },
      actions: { category: 'Second' },
    });
    const order = (rules: { id: number }[]) => rules.map((r) => r.id);
    expect(order(await s.h.call('rules.list'))).toEqual([first.id, second.id, late.id]);
    expect(order(await s.h.call('rules.move', { id: second.id, direction: 'earlier' }))).toEqual([
      second.id,
      first.id,
      late.id,
    ]);
    // At the end of its stage a rule does not move into another stage.
    expect(order(await s.h.call('rules.move', { id: first.id, direction: 'later' }))).toEqual([
      second.id,
      first.id,
      late.id,
    ]);
    s.put('r-taxi-1', 'RULETEST TAXI 1', -1_500);
    await s.sync();
    expect(s.row('r-taxi-1').user_category).toBe('Late');

    await s.h.call('rules.update', { id: first.id, stopAfter: true });
    s.put('r-taxi-2', 'RULETEST TAXI 2', -1_600);
    await s.sync();
    expect(s.row('r-taxi-2').user_category).toBe('First');

    await s.h.call('rules.update', { id: first.id, enabled: false });
    await s.h.call('rules.delete', { id: late.id });
    s.put('r-taxi-3', 'RULETEST TAXI 3', -1_700);
    await s.sync();
    expect(s.row('r-taxi-3').user_category).toBe('Second');
    expect(order(await s.h.call('rules.list'))).toEqual([second.id, first.id]);
    expect((await s.h.failure('rules.apply', { id: late.id })).message).toBe(
      'That rule is not there any more.',
    );
  });

  it('refuse a rule that cannot work, with a sentence, and store nothing', async () => {
    const s = await setup();
    const failure = await s.h.failure('rules.create', {
      conditions: { text: [{ field: 'payee', op: 'matches', value: 'coffee(' }] },
      actions: { category: 'Coffee' },
    });
    expect(failure.code).toBe('VALIDATION');
    expect(JSON.stringify(failure.details)).toContain('is not a pattern the app can understand');
    const split = await s.h.failure('rules.create', {
      conditions: {},
      actions: { split: { by: 'percent', parts: [{ percent: 30 }, { percent: 30 }] } },
    });
    expect(JSON.stringify(split.details)).toContain('The percentages must add up to 100.');
    expect(s.read((db) => db.prepare('SELECT COUNT(*) FROM rules').pluck().get())).toBe(0);
  });

  it('suggest a rule once the person recategorized the same payee a second time', async () => {
    const s = await setup();
    for (let i = 1; i <= 3; i++) s.put(`r-lunch-${i}`, 'RULETEST LUNCH SPOT', -1_200 - i);
    await s.sync();
    const first = await s.h.call('transactions.update', {
      ids: ['r-lunch-1'],
      set: { category: 'Lunch' },
    });
    expect(first.ruleSuggestion).toBeNull();
    const second = await s.h.call('transactions.update', {
      ids: ['r-lunch-2'],
      set: { category: 'Lunch' },
    });
    expect(second.ruleSuggestion).toEqual({
      payee: 'RULETEST LUNCH SPOT',
      category: 'Lunch',
      rows: 2,
    });
    // Once a rule does it, the suggestion is not made again.
    await s.create({
      conditions: { text: [{ field: 'payee', op: 'is', value: 'RULETEST LUNCH SPOT' }] },
      actions: { category: 'Lunch' },
    });
    const third = await s.h.call('transactions.update', {
      ids: ['r-lunch-3'],
      set: { category: 'Lunch' },
    });
    expect(third.ruleSuggestion).toBeNull();
  });
});
