import { describe, expect, it } from 'vitest';
import type { Account } from '../../../src/shared/model';
import { buildRule } from '../../../src/renderer/src/features/rules/build';
import {
  draftFromSeed,
  emptyDraft,
  type RuleDraft,
} from '../../../src/renderer/src/features/rules/draft';
import { groupIssues, placeOf, sentenceFor } from '../../../src/renderer/src/features/rules/issues';
import { seedFromTransaction } from '../../../src/renderer/src/features/rules/seed';
import { defaultRuleName, ruleSummary } from '../../../src/renderer/src/features/rules/summary';

/**
 * The rule editor's own logic, without a window: typed text → the contract's conditions and
 * actions (exact minor units, the sign from "money out / in"), back again, problems placed next
 * to the right input, and the one-sentence summary the rules list shows.
 */

const draft = (patch: Partial<RuleDraft>): RuleDraft => ({ ...emptyDraft(), ...patch });
const text = (value: string, field: 'payee' | 'bankText' = 'bankText') => [
  { key: 1, field, op: 'contains' as const, value },
];

describe('buildRule', () => {
  it('turns typed amounts into signed minor units without a float', () => {
    const built = buildRule(
      draft({
        text: text('UBER'),
        amountOn: true,
        direction: 'out',
        amountMode: 'exact',
        exact: '12.50',
        category: 'TRAVEL',
      }),
      'USD',
    );
    expect(built.issues).toEqual([]);
    expect(built.rule).toEqual({
      conditions: {
        text: [{ field: 'bankText', op: 'contains', value: 'UBER' }],
        amount: { exact: -1250 },
      },
      actions: { category: 'TRAVEL' },
    });
  });

  it('keeps a range on its direction when one side is left open', () => {
    const out = buildRule(
      draft({ amountOn: true, amountMode: 'range', highest: '50', notes: 'x' }),
      'USD',
    );
    expect(out.rule?.conditions.amount).toEqual({ min: -5000, max: -1 });
    const into = buildRule(
      draft({ amountOn: true, direction: 'in', amountMode: 'range', lowest: '0.99', notes: 'x' }),
      'USD',
    );
    expect(into.rule?.conditions.amount).toEqual({ min: 99 });
    // And back: the open side reads as empty again.
    const back = draftFromSeed(out.rule!, 'USD');
    expect([back.direction, back.lowest, back.highest]).toEqual(['out', '', '50.00']);
  });

  it('says what is wrong with a typed amount, a pattern and a split, at their places', () => {
    const built = buildRule(
      draft({
        text: [{ key: 1, field: 'bankText', op: 'matches', value: 'A(' }],
        amountOn: true,
        exact: '-3',
        splitOn: true,
        splitBy: 'percent',
        parts: [
          { key: 1, amount: '', percent: '60', category: '', notes: '' },
          { key: 2, amount: '', percent: '30', category: '', notes: '' },
        ],
      }),
      'USD',
    );
    expect(built.rule).toBeNull();
    const shown = groupIssues(built.issues, true);
    expect(shown.get('text.0')?.[0]).toMatch(/is not a pattern the app can understand/);
    expect(shown.get('amount')).toEqual([
      'Type the amount without a minus sign; choose money out or money in instead.',
    ]);
    expect(shown.get('split')).toEqual(['The percentages must add up to 100.']);
    // Only what is wrong with what was typed shows before a save is tried.
    expect(groupIssues(built.issues, false).get('split')).toBeUndefined();
  });

  it('refuses a category together with a transfer, next to the transfer box', () => {
    const built = buildRule(
      draft({ text: text('PAYMENT'), category: 'TRAVEL', transfer: true }),
      'USD',
    );
    expect(groupIssues(built.issues, true).get('transfer')).toEqual([
      'A rule can set a category or mark a transfer, not both.',
    ]);
  });

  it('splits by amount with the last part taking the rest', () => {
    const built = buildRule(
      draft({
        text: text('COSTCO'),
        splitOn: true,
        splitBy: 'amount',
        parts: [
          { key: 1, amount: '20', percent: '', category: 'FOOD_AND_DRINK', notes: '' },
          { key: 2, amount: 'ignored', percent: '', category: 'GENERAL_MERCHANDISE', notes: '' },
        ],
      }),
      'USD',
    );
    expect(built.rule?.actions.split).toEqual({
      by: 'amount',
      parts: [{ amount: 2000, category: 'FOOD_AND_DRINK' }, { category: 'GENERAL_MERCHANDISE' }],
    });
  });
});

describe('issues from the core', () => {
  it('map to the input they are about, in sentences', () => {
    expect(placeOf('conditions.text.2.value')).toBe('text.2');
    expect(placeOf('actions.split.parts.1.amount')).toBe('split.1');
    expect(placeOf('actions.split')).toBe('split');
    expect(placeOf('conditions.dayOfMonth')).toBe('dayOfMonth');
    expect(placeOf('name')).toBe('name');
    expect(placeOf('somewhere.else')).toBe('general');
    expect(sentenceFor({ path: 'name', message: 'use a single line without tabs' })).toBe(
      'Use a single line without tabs.',
    );
    expect(
      sentenceFor({
        path: 'actions.notes',
        message: 'Too big: expected string to have <=2000 characters',
      }),
    ).toBe('Use at most 2000 characters.');
  });
});

describe('the rule in one sentence', () => {
  const accounts = [{ id: 'a1', name: 'Plaid Checking', currency: 'USD' } as Account];
  it('reads conditions and actions as plain English', () => {
    expect(
      ruleSummary(
        {
          conditions: {
            text: [{ field: 'bankText', op: 'contains', value: 'STARBUCKS' }],
            amount: { min: -5000, max: -1000 },
            accountId: 'a1',
            dayOfMonth: { from: 1, to: 3 },
          },
          actions: { category: 'Coffee', addTags: ['work'], exclude: true },
        },
        accounts,
        'USD',
      ),
    ).toBe(
      'When the bank text contains “STARBUCKS”, money out is between $10.00 and $50.00, it is in Plaid Checking and it is dated between the 1st and the 3rd of the month: set category to Coffee, add tag work, leave it out of reports',
    );
    expect(ruleSummary({ conditions: {}, actions: { transfer: true } }, accounts, 'USD')).toBe(
      'For every transaction: mark it as a transfer',
    );
  });

  it('names an unnamed rule after what it looks for', () => {
    expect(
      defaultRuleName({
        conditions: { text: [{ field: 'payee', op: 'is', value: 'Starbucks' }] },
        actions: { category: 'TRAVEL' },
      }),
    ).toBe('Starbucks → Travel');
  });
});

describe('a rule from a transaction', () => {
  const row = {
    name: 'STARBUCKS STORE 04321',
    category: 'FOOD_AND_DRINK',
    user: { payee: null, category: null },
  };
  it('matches the bank text, or the payee the person set, and keeps the shown category', () => {
    expect(seedFromTransaction(row as never)).toEqual({
      conditions: { text: [{ field: 'bankText', op: 'contains', value: 'STARBUCKS STORE 04321' }] },
      actions: { category: 'FOOD_AND_DRINK' },
    });
    expect(
      seedFromTransaction({ ...row, user: { payee: 'Coffee', category: 'Treats' } } as never),
    ).toEqual({
      conditions: { text: [{ field: 'payee', op: 'is', value: 'Coffee' }] },
      actions: { category: 'Treats' },
    });
  });
});
