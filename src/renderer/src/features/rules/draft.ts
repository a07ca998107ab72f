import type { RuleActions, RuleConditions, RuleStage } from '../../../../shared/rules';
import { toDecimalString } from '../../format/money';

/**
 * What the rule editor's inputs hold: text as typed, so a half-typed amount ("12.") stays on
 * screen instead of being rounded away. build.ts turns it into the contract's conditions and
 * actions; this module turns a saved rule (or a seed) back into it.
 */

export type TextField = 'payee' | 'bankText';
export type TextOp = 'contains' | 'is' | 'matches';
export type Direction = 'out' | 'in';

export interface TextDraft {
  /** A stable React key, so removing one condition never moves focus into another. */
  key: number;
  field: TextField;
  op: TextOp;
  value: string;
}

export interface SplitPartDraft {
  key: number;
  amount: string;
  percent: string;
  category: string;
  notes: string;
}

export interface RuleDraft {
  name: string;
  stage: RuleStage;
  stopAfter: boolean;
  text: TextDraft[];
  amountOn: boolean;
  direction: Direction;
  amountMode: 'exact' | 'range';
  exact: string;
  lowest: string;
  highest: string;
  /** '' means any account. */
  accountId: string;
  /** '' means any of Plaid's categories. */
  plaidCategory: string;
  daysOn: boolean;
  dayFrom: number;
  dayTo: number;
  category: string;
  payee: string;
  notes: string;
  /** Tags as typed, separated by commas. */
  tags: string;
  exclude: boolean;
  transfer: boolean;
  splitOn: boolean;
  splitBy: 'amount' | 'percent';
  parts: SplitPartDraft[];
}

/** The parts of a rule a seed or a saved rule supplies; the editor fills in the rest. */
export interface RuleSeed {
  name?: string;
  stage?: RuleStage;
  stopAfter?: boolean;
  conditions: RuleConditions;
  actions: RuleActions;
}

let keys = 1;
/** Keys only need to be unique within one editor's lifetime. */
export const nextKey = () => keys++;

export const emptyText = (): TextDraft => ({
  key: nextKey(),
  field: 'bankText',
  op: 'contains',
  value: '',
});

export const emptyPart = (): SplitPartDraft => ({
  key: nextKey(),
  amount: '',
  percent: '',
  category: '',
  notes: '',
});

export function emptyDraft(): RuleDraft {
  return {
    name: '',
    stage: 'default',
    stopAfter: false,
    text: [emptyText()],
    amountOn: false,
    direction: 'out',
    amountMode: 'exact',
    exact: '',
    lowest: '',
    highest: '',
    accountId: '',
    plaidCategory: '',
    daysOn: false,
    dayFrom: 1,
    dayTo: 31,
    category: '',
    payee: '',
    notes: '',
    tags: '',
    exclude: false,
    transfer: false,
    splitOn: false,
    splitBy: 'percent',
    parts: [emptyPart(), emptyPart()],
  };
}

const magnitude = (minor: number | undefined, currency: string) =>
  minor === undefined ? '' : toDecimalString(Math.abs(minor), currency);

/**
 * The editor's view of a rule. The amount comes back as a direction and magnitudes, the inverse
 * of build.ts: "money out of at most 50" is stored as min -5000 with max -1 (any money out), and
 * that -1 (or 1 for money in) is the "no bound" it was made from.
 */
export function draftFromSeed(seed: RuleSeed, currency: string): RuleDraft {
  const draft = emptyDraft();
  const c = seed.conditions;
  const a = seed.actions;
  draft.name = seed.name ?? '';
  draft.stage = seed.stage ?? 'default';
  draft.stopAfter = seed.stopAfter ?? false;
  draft.text = (c.text ?? []).map((t) => ({ key: nextKey(), ...t }));
  if (draft.text.length === 0) draft.text = [emptyText()];

  const amount = c.amount;
  if (amount) {
    draft.amountOn = true;
    if (amount.exact !== undefined) {
      draft.direction = amount.exact < 0 ? 'out' : 'in';
      draft.amountMode = 'exact';
      draft.exact = magnitude(amount.exact, currency);
    } else {
      const out = (amount.max !== undefined && amount.max < 0) || (amount.min ?? 0) < 0;
      draft.direction = out ? 'out' : 'in';
      draft.amountMode = 'range';
      if (out) {
        draft.highest = magnitude(amount.min, currency);
        draft.lowest = amount.max === -1 ? '' : magnitude(amount.max, currency);
      } else {
        draft.lowest = amount.min === 1 ? '' : magnitude(amount.min, currency);
        draft.highest = magnitude(amount.max, currency);
      }
    }
  }
  draft.accountId = c.accountId ?? '';
  draft.plaidCategory = c.plaidCategory ?? '';
  if (c.dayOfMonth) {
    draft.daysOn = true;
    draft.dayFrom = c.dayOfMonth.from;
    draft.dayTo = c.dayOfMonth.to;
  }

  draft.category = a.category ?? '';
  draft.payee = a.payee ?? '';
  draft.notes = a.notes ?? '';
  draft.tags = (a.addTags ?? []).join(', ');
  draft.exclude = a.exclude === true;
  draft.transfer = a.transfer === true;
  if (a.split) {
    draft.splitOn = true;
    draft.splitBy = a.split.by;
    draft.parts = a.split.parts.map((p) => ({
      key: nextKey(),
      amount: magnitude(p.amount, currency),
      percent: p.percent === undefined ? '' : String(p.percent),
      category: p.category ?? '',
      notes: p.notes ?? '',
    }));
  }
  return draft;
}
