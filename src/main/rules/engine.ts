import { regexProblem, type Rule, type RuleConditions, type RuleSplit } from '../../shared/rules';
import type { TransactionSplit } from '../../shared/model';

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
  /** Tag names the row carries now. */
  tags: readonly string[];
  /** A row split by hand or by an earlier rule is never split again by a rule. */
  hasSplits: boolean;
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
  split: { parts: TransactionSplit[]; ruleId: number } | null;
}

/** Plaid's own transfer categories, which reports already leave out of spending. */
export function transferCategory(amount: number): string {
  return amount < 0 ? 'TRANSFER_OUT' : 'TRANSFER_IN';
}

/**
 * A rule's split as parts of this row's amount, or null when it does not fit (fixed amounts that
 * leave nothing for the last part). Percentages are rounded by largest remainder, so the parts
 * always add up to the row exactly, in integer minor units.
 */
export function splitParts(split: RuleSplit, amount: number): TransactionSplit[] | null {
  const whole = Math.abs(amount);
  const sign = amount < 0 ? -1 : 1;
  if (whole === 0) return null;
  let sizes: number[];
  if (split.by === 'percent') {
    const exact = split.parts.map((p) => (whole * (p.percent ?? 0)) / 100);
    sizes = exact.map(Math.floor);
    let left = whole - sizes.reduce((a, b) => a + b, 0);
    const byRemainder = exact
      .map((x, i) => ({ i, r: x - Math.floor(x) }))
      .sort((a, b) => b.r - a.r || a.i - b.i);
    for (const { i } of byRemainder) {
      if (left === 0) break;
      sizes[i]! += 1;
      left -= 1;
    }
  } else {
    const fixed = split.parts.slice(0, -1).map((p) => p.amount ?? 0);
    const rest = whole - fixed.reduce((a, b) => a + b, 0);
    sizes = [...fixed, rest];
  }
  if (sizes.some((size) => size <= 0)) return null;
  return split.parts.map((p, i) => ({
    amount: sign * sizes[i]!,
    category: p.category ?? null,
    notes: p.notes ?? null,
  }));
}

const STAGE_ORDER = { pre: 0, default: 1, post: 2 } as const;

/** Applying a rule to 100k rows must not compile its pattern 100k times. */
const patterns = new Map<string, RegExp | null>();
function compiled(pattern: string): RegExp | null {
  let re = patterns.get(pattern);
  if (re === undefined) {
    re = regexProblem(pattern) === null ? new RegExp(pattern, 'i') : null;
    if (patterns.size > 500) patterns.clear();
    patterns.set(pattern, re);
  }
  return re;
}

function textMatches(haystack: string, op: 'contains' | 'is' | 'matches', needle: string): boolean {
  if (op === 'matches') return compiled(needle)?.test(haystack) ?? false;
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
  const tags = new Map<string, { tag: string; ruleId: number }>();
  let split: Plan['split'] = null;
  for (const rule of orderRules(rules)) {
    if (!matches(rule.conditions, row)) continue;
    const act = rule.actions;
    const wanted: [PlannedField, string | boolean | undefined][] = [
      ['category', act.transfer ? transferCategory(row.amount) : act.category],
      ['payee', act.payee],
      ['notes', act.notes],
      ['excluded', act.exclude],
    ];
    for (const [field, value] of wanted) {
      if (value === undefined || field in row.locks) continue;
      byField.set(field, { field, after: value, ruleId: rule.id });
    }
    for (const tag of act.addTags ?? []) {
      if (!tags.has(tag.toLowerCase())) tags.set(tag.toLowerCase(), { tag, ruleId: rule.id });
    }
    if (act.split && !row.hasSplits) {
      const parts = splitParts(act.split, row.amount);
      if (parts) split = { parts, ruleId: rule.id };
    }
    if (rule.stopAfter) break;
  }
  const changes = [...byField.values()].filter((c) => current(row, c.field) !== c.after);
  const has = new Set(row.tags.map((t) => t.toLowerCase()));
  const addTags = [...tags.values()].filter((t) => !has.has(t.tag.toLowerCase()));
  return { changes, addTags, split };
}

/** True when the plan changes nothing on the row. */
export function isEmpty(p: Plan): boolean {
  return p.changes.length === 0 && p.addTags.length === 0 && p.split === null;
}
