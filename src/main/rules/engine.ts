import type { Rule, RuleConditions } from './schema';

/** The part of a transaction the rules read; decoupled from SQL so the logic stays pure. */
export interface RuleRow {
  name: string;
  payee: string | null;
  merchantName: string | null;
  amount: number;
  accountId: string;
  category: string | null;
  date: string;
  userCategory: string | null;
  notes: string | null;
  excluded: boolean;
  locks: Record<string, unknown>;
}

export type PlannedField = 'payee' | 'category' | 'notes' | 'excluded';

export interface FieldChange {
  field: PlannedField;
  after: string | boolean;
  ruleId: number;
}

export interface Plan {
  changes: FieldChange[];
  addTags: { tag: string; ruleId: number }[];
}

const STAGE_ORDER = { pre: 0, default: 1, post: 2 } as const;
/** Regex runs on bank text that can be long; refusing huge patterns keeps one rule from stalling sync. */
const MAX_PATTERN = 200;

/** Returns a sentence for a person when the pattern cannot be used, otherwise null. */
export function regexProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN) return `The pattern is longer than ${MAX_PATTERN} characters.`;
  try {
    new RegExp(pattern, 'i');
    return null;
  } catch {
    return `“${pattern}” is not a pattern the app can understand. Check brackets and special characters.`;
  }
}

function textMatches(haystack: string, op: 'contains' | 'is' | 'matches', needle: string): boolean {
  if (op === 'matches')
    return regexProblem(needle) === null && new RegExp(needle, 'i').test(haystack);
  const h = haystack.toLocaleLowerCase();
  const n = needle.toLocaleLowerCase();
  return op === 'is' ? h === n : h.includes(n);
}

export function matches(conditions: RuleConditions, row: RuleRow): boolean {
  for (const t of conditions.text ?? []) {
    const haystack = t.field === 'payee' ? (row.payee ?? row.merchantName ?? row.name) : row.name;
    if (!textMatches(haystack, t.op, t.value)) return false;
  }
  const a = conditions.amount;
  if (a) {
    if (a.exact !== undefined && row.amount !== a.exact) return false;
    if (a.min !== undefined && row.amount < a.min) return false;
    if (a.max !== undefined && row.amount > a.max) return false;
  }
  if (conditions.accountId !== undefined && row.accountId !== conditions.accountId) return false;
  if (conditions.plaidCategory !== undefined && row.category !== conditions.plaidCategory)
    return false;
  if (conditions.dayOfMonth) {
    const day = Number(row.date.slice(8, 10));
    if (day < conditions.dayOfMonth.from || day > conditions.dayOfMonth.to) return false;
  }
  return true;
}

export function orderRules(rules: readonly Rule[]): Rule[] {
  return [...rules]
    .filter((r) => r.enabled)
    .sort(
      (x, y) =>
        STAGE_ORDER[x.stage] - STAGE_ORDER[y.stage] || x.position - y.position || x.id - y.id,
    );
}

function current(row: RuleRow, field: PlannedField): string | boolean | null {
  if (field === 'payee') return row.payee;
  if (field === 'category') return row.userCategory;
  if (field === 'notes') return row.notes;
  return row.excluded;
}

/**
 * Every matching rule runs in stage/position order and a later one overrides an earlier one's field
 * (last wins), so broad rules go early and exceptions late. stop_after ends processing for the row.
 * A field the person set (in locks) is never planned: their choice outranks automation.
 */
export function plan(rules: readonly Rule[], row: RuleRow): Plan {
  const byField = new Map<PlannedField, FieldChange>();
  const tags = new Map<string, number>();
  for (const rule of orderRules(rules)) {
    if (!matches(rule.conditions, row)) continue;
    const act = rule.actions;
    const wanted: [PlannedField, string | boolean | undefined][] = [
      ['category', act.category],
      ['payee', act.payee],
      ['notes', act.notes],
      ['excluded', act.exclude],
    ];
    for (const [field, value] of wanted) {
      if (value === undefined || field in row.locks) continue;
      byField.set(field, { field, after: value, ruleId: rule.id });
    }
    for (const tag of act.addTags ?? []) if (!tags.has(tag)) tags.set(tag, rule.id);
    if (rule.stopAfter) break;
  }
  const changes = [...byField.values()].filter((c) => current(row, c.field) !== c.after);
  return { changes, addTags: [...tags].map(([tag, ruleId]) => ({ tag, ruleId })) };
}
