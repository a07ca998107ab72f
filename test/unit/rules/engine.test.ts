import { describe, expect, it } from 'vitest';
import { matches, plan, type RuleRow } from '../../../src/main/rules/engine';
import { ruleConditionsSchema, type Rule } from '../../../src/main/rules/schema';

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
};

function rule(partial: Partial<Rule> & Pick<Rule, 'id' | 'actions'>): Rule {
  return {
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
});
