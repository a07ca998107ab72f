import type { z } from 'zod';
import {
  ruleActionsSchema,
  ruleConditionsSchema,
  type RuleActions,
  type RuleConditions,
} from '../../../../shared/rules';
import { toDecimalString } from '../../format/money';
import { parseAmount } from '../transactions/SplitEditor';
import type { RuleDraft } from './draft';
import { withoutRepeats, type RuleIssue } from './issues';

export interface BuiltRule {
  /** The contract's conditions and actions, when the shared schemas accept them. */
  rule: { conditions: RuleConditions; actions: RuleActions } | null;
  issues: RuleIssue[];
}

/**
 * A magnitude the person typed, in minor units. Amounts are typed without a sign: the direction
 * (money out or in) is its own choice, because "-12.50" asks people to know the ledger's sign.
 */
function readMagnitude(
  text: string,
  currency: string,
  path: string,
  issues: RuleIssue[],
): number | undefined {
  if (text.trim() === '') return undefined;
  const minor = parseAmount(text, currency);
  const example = toDecimalString(1250, currency);
  if (minor === null) {
    issues.push({ path, message: `Type an amount like ${example}.`, eager: true });
    return undefined;
  }
  if (minor < 0) {
    issues.push({
      path,
      message: 'Type the amount without a minus sign; choose money out or money in instead.',
      eager: true,
    });
    return undefined;
  }
  if (minor === 0) {
    issues.push({ path, message: 'Type an amount above zero.', eager: true });
    return undefined;
  }
  return minor;
}

function buildAmount(draft: RuleDraft, currency: string, issues: RuleIssue[]) {
  const sign = draft.direction === 'out' ? -1 : 1;
  const path = 'conditions.amount';
  if (draft.amountMode === 'exact') {
    const exact = readMagnitude(draft.exact, currency, path, issues);
    if (exact === undefined && draft.exact.trim() === '') {
      issues.push({ path, message: 'Type the amount the rule should look for.' });
    }
    return exact === undefined ? undefined : { exact: sign * exact };
  }
  const lowest = readMagnitude(draft.lowest, currency, path, issues);
  const highest = readMagnitude(draft.highest, currency, path, issues);
  if (lowest !== undefined && highest !== undefined && lowest > highest) {
    issues.push({ path, message: 'The lowest amount must not be above the highest amount.' });
    return undefined;
  }
  // One minor unit stands for "no bound on this side": it keeps the rule on its own direction.
  return draft.direction === 'out'
    ? { ...(highest !== undefined ? { min: -highest } : {}), max: -(lowest ?? 1) }
    : { min: lowest ?? 1, ...(highest !== undefined ? { max: highest } : {}) };
}

function buildConditions(draft: RuleDraft, currency: string, issues: RuleIssue[]) {
  const conditions: RuleConditions = {};
  // A lone empty text row is no condition (a rule may look only at the amount); any other
  // empty row is a mistake the schema names.
  const lone = draft.text.length === 1 && draft.text[0]!.value.trim() === '';
  if (draft.text.length > 0 && !lone) {
    conditions.text = draft.text.map(({ field, op, value }) => ({ field, op, value }));
  }
  if (draft.amountOn) {
    const amount = buildAmount(draft, currency, issues);
    if (amount) conditions.amount = amount;
  }
  if (draft.accountId) conditions.accountId = draft.accountId;
  if (draft.plaidCategory) conditions.plaidCategory = draft.plaidCategory;
  if (draft.daysOn) conditions.dayOfMonth = { from: draft.dayFrom, to: draft.dayTo };
  return conditions;
}

function readTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    if (tag === '' || seen.has(tag.toLocaleLowerCase())) continue;
    seen.add(tag.toLocaleLowerCase());
    tags.push(tag);
  }
  return tags;
}

function buildSplit(draft: RuleDraft, currency: string, issues: RuleIssue[]) {
  const last = draft.parts.length - 1;
  const parts = draft.parts.map((part, i) => {
    const path = `actions.split.parts.${i}`;
    const out: NonNullable<RuleActions['split']>['parts'][number] = {};
    if (draft.splitBy === 'amount') {
      if (i < last) {
        const amount = readMagnitude(part.amount, currency, path, issues);
        if (amount === undefined && part.amount.trim() === '')
          issues.push({ path, message: 'Give this part an amount.' });
        if (amount !== undefined) out.amount = amount;
      }
    } else if (part.percent.trim() === '') {
      issues.push({ path, message: 'Give this part a percentage.' });
    } else if (!/^\d{1,2}$/.test(part.percent.trim()) || Number(part.percent) < 1) {
      issues.push({ path, message: 'Type a whole percentage from 1 to 99.', eager: true });
    } else {
      out.percent = Number(part.percent);
    }
    if (part.category.trim()) out.category = part.category.trim();
    if (part.notes.trim()) out.notes = part.notes.trim();
    return out;
  });
  return { by: draft.splitBy, parts };
}

function buildActions(draft: RuleDraft, currency: string, issues: RuleIssue[]) {
  const actions: RuleActions = {};
  if (draft.category.trim()) actions.category = draft.category.trim();
  if (draft.payee.trim()) actions.payee = draft.payee.trim();
  if (draft.notes.trim()) actions.notes = draft.notes.trim();
  const tags = readTags(draft.tags);
  if (tags.length) actions.addTags = tags;
  if (draft.exclude) actions.exclude = true;
  if (draft.transfer) {
    actions.transfer = true;
    // Said next to the checkbox; the schema says the same about the actions as a whole.
    if (actions.category !== undefined) {
      issues.push({
        path: 'actions.transfer',
        message: 'A rule can set a category or mark a transfer, not both.',
      });
    }
  }
  if (draft.splitOn) actions.split = buildSplit(draft, currency, issues);
  return actions;
}

const issuesOf = (prefix: string, error: z.ZodError): RuleIssue[] =>
  error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
    // A pattern the app cannot read is worth saying while it is typed.
    eager: issue.code === 'custom' && issue.path[issue.path.length - 1] === 'value',
  }));

/** The draft as the contract's rule, with every problem the renderer can see before saving. */
export function buildRule(draft: RuleDraft, currency: string): BuiltRule {
  const issues: RuleIssue[] = [];
  const conditions = buildConditions(draft, currency, issues);
  const actions = buildActions(draft, currency, issues);
  const c = ruleConditionsSchema.safeParse(conditions);
  const a = ruleActionsSchema.safeParse(actions);
  if (!c.success) issues.push(...issuesOf('conditions', c.error));
  if (!a.success) issues.push(...issuesOf('actions', a.error));
  const all = withoutRepeats(issues);
  if (all.length > 0 || !c.success || !a.success) return { rule: null, issues: all };
  return { rule: { conditions: c.data, actions: a.data }, issues: [] };
}
