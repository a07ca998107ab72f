import { describe, expect, it } from 'vitest';
import { matches, plan, splitParts, type RuleRow } from '../../../src/main/rules/engine';
import { ruleActionsSchema, ruleConditionsSchema, type Rule } from '../../../src/shared/rules';

const row: RuleRow = {
  name: 'STARBUCKS STORE 123',
  payee: null,
  merchantName: 'Starbucks',
  amount: 450,
  accountId: 'acc-1',
  category: 'FOOD_AND_DRINK',
  date: '2026-03-14',
  userCategory: null,
  notes: null,
  excluded: false,
  locks: {},
  tags: [],
  hasSplits: false,
};

function rule(partial: Partial<Rule> & Pick<Rule, 'id' | 'actions'>): Rule {
  return {
    name: `rule ${partial.id}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    stage: 'default',
    position: 0,
    enabled: true,
    stopAfter: false,
    conditions: {},
    ...partial,
  };
}

describe('rules engine', () => {
  it('checks every condition kind', () => {
    expect(
      matches({ text: [{ field: 'bankText', op: 'contains', value: 'starbucks' }] }, row),
    ).toBe(true);
    expect(matches({ text: [{ field: 'payee', op: 'is', value: 'starbucks' }] }, row)).toBe(true);
    expect(
      matches({ text: [{ field: 'bankText', op: 'matches', value: '^star.*\\d+$' }] }, row),
    ).toBe(true);
    expect(matches({ text: [{ field: 'bankText', op: 'is', value: 'starbucks' }] }, row)).toBe(
      false,
    );
    expect(matches({ amount: { min: 400, max: 500 } }, row)).toBe(true);
    expect(matches({ amount: { max: 0 } }, row)).toBe(false);
    expect(matches({ amount: { exact: -450 } }, row)).toBe(false);
    expect(matches({ accountId: 'acc-2' }, row)).toBe(false);
    expect(matches({ plaidCategory: 'FOOD_AND_DRINK' }, row)).toBe(true);
    expect(matches({ dayOfMonth: { from: 1, to: 13 } }, row)).toBe(false);
    expect(matches({ dayOfMonth: { from: 14, to: 14 } }, row)).toBe(true);
  });

  it('runs stages pre → default → post, last wins within order', () => {
    const rules = [
      rule({ id: 1, stage: 'post', actions: { category: 'Post' } }),
      rule({ id: 2, stage: 'pre', actions: { category: 'Pre', payee: 'Coffee' } }),
      rule({ id: 3, stage: 'default', position: 2, actions: { category: 'Default-late' } }),
      rule({ id: 4, stage: 'default', position: 1, actions: { category: 'Default-early' } }),
    ];
    const p = plan(rules, row);
    expect(p.changes).toEqual([
      { field: 'category', after: 'Post', ruleId: 1 },
      { field: 'payee', after: 'Coffee', ruleId: 2 },
    ]);
  });

  it('stops all later rules after a stop_after rule', () => {
    const rules = [
      rule({ id: 1, stage: 'pre', stopAfter: true, actions: { category: 'Pre' } }),
      rule({ id: 2, stage: 'post', actions: { category: 'Post', notes: 'x' } }),
    ];
    expect(plan(rules, row).changes).toEqual([{ field: 'category', after: 'Pre', ruleId: 1 }]);
  });

  it('never plans a locked field and skips disabled rules', () => {
    const locked = { ...row, locks: { category: '2026-01-01' } };
    const rules = [
      rule({ id: 1, actions: { category: 'Coffee', exclude: true } }),
      rule({ id: 2, enabled: false, actions: { payee: 'Nope' } }),
    ];
    expect(plan(rules, locked).changes).toEqual([{ field: 'excluded', after: true, ruleId: 1 }]);
  });

  it('refuses a bad regex with a sentence', () => {
    const result = ruleConditionsSchema.safeParse({
      text: [{ field: 'payee', op: 'matches', value: '(' }],
    });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.message).toMatch(/not a pattern/);
  });

  it('splits by percent into parts that add up to the row exactly', () => {
    const thirds = {
      by: 'percent' as const,
      parts: [{ percent: 33 }, { percent: 33 }, { percent: 34 }],
    };
    for (const amount of [-1, -100, -101, -99_999, 7, 12_345]) {
      const parts = splitParts(thirds, amount);
      if (Math.abs(amount) < 3) {
        expect(parts).toBeNull();
        continue;
      }
      expect(parts!.reduce((sum, p) => sum + p.amount, 0)).toBe(amount);
      expect(parts!.every((p) => Math.sign(p.amount) === Math.sign(amount))).toBe(true);
    }
    expect(splitParts(thirds, -101)!.map((p) => p.amount)).toEqual([-33, -33, -35]);
  });

  it('splits by fixed amounts with the rest in the last part, or not at all', () => {
    const fixed = {
      by: 'amount' as const,
      parts: [{ amount: 1500, category: 'Phone' }, { category: 'Internet' }],
    };
    expect(splitParts(fixed, -4000)).toEqual([
      { amount: -1500, category: 'Phone', notes: null },
      { amount: -2500, category: 'Internet', notes: null },
    ]);
    expect(splitParts(fixed, -1500)).toBeNull();
    const p = plan([rule({ id: 9, actions: { split: fixed } })], { ...row, amount: -4000 });
    expect(p.split?.parts.map((x) => x.amount)).toEqual([-1500, -2500]);
    expect(
      plan([rule({ id: 9, actions: { split: fixed } })], { ...row, hasSplits: true }).split,
    ).toBeNull();
  });

  it('marks a transfer with the category for its direction and adds only new tags', () => {
    const rules = [rule({ id: 1, actions: { transfer: true, addTags: ['Work', 'home'] } })];
    const out = plan(rules, { ...row, amount: -5000, tags: ['HOME'] });
    expect(out.changes).toEqual([{ field: 'category', after: 'TRANSFER_OUT', ruleId: 1 }]);
    expect(out.addTags).toEqual([{ tag: 'Work', ruleId: 1 }]);
    expect(plan(rules, row).changes[0]?.after).toBe('TRANSFER_IN');
  });

  it('refuses split shapes that cannot add up, with a sentence', () => {
    const bad = [
      { split: { by: 'percent', parts: [{ percent: 50 }, { percent: 40 }] } },
      { split: { by: 'amount', parts: [{ amount: 100 }, { amount: 200 }] } },
      { transfer: true, category: 'Coffee' },
      {},
    ];
    for (const actions of bad) {
      const result = ruleActionsSchema.safeParse(actions);
      expect(result.success).toBe(false);
      if (!result.success) expect(result.error.issues[0]?.message).toMatch(/^[A-Z].*\.$/);
    }
  });
});
