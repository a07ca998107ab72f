/**
 * What a rule is: conditions on a transaction and the changes it makes. Shared by the contract
 * (the renderer's input is parsed with these schemas), the core's engine and the rule editor, so
 * a rule the editor accepts is exactly a rule the core stores.
 */
import { z } from 'zod';

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

/** Text conditions look at what the person sees (payee) or what the bank sent (raw name). */
const textCondition = z
  .object({
    field: z.enum(['payee', 'bankText']),
    op: z.enum(['contains', 'is', 'matches']),
    value: z.string().trim().min(1, 'Type the text the rule should look for.').max(500),
  })
  .strict()
  // A bad pattern is refused when the rule is saved, never discovered later during a sync.
  .superRefine((c, ctx) => {
    const problem = c.op === 'matches' ? regexProblem(c.value) : null;
    if (problem !== null) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });

const minor = z.number().int().min(-1e13).max(1e13);

/** Minor units on the row's signed amount, so "spending over 50" and "refunds" stay distinct. */
const amountCondition = z
  .object({ exact: minor.optional(), min: minor.optional(), max: minor.optional() })
  .strict()
  .refine((a) => a.exact !== undefined || a.min !== undefined || a.max !== undefined, {
    message: 'Give an exact amount or a lowest and/or highest amount.',
  })
  .refine((a) => a.min === undefined || a.max === undefined || a.min <= a.max, {
    message: 'The lowest amount must not be above the highest amount.',
  });

const dayWindow = z
  .object({ from: z.number().int().min(1).max(31), to: z.number().int().min(1).max(31) })
  .strict()
  .refine((d) => d.from <= d.to, { message: 'The first day must not be after the last day.' });

export const ruleConditionsSchema = z
  .object({
    text: z.array(textCondition).max(10).optional(),
    amount: amountCondition.optional(),
    accountId: z.string().min(1).max(128).optional(),
    plaidCategory: z.string().min(1).max(100).optional(),
    dayOfMonth: dayWindow.optional(),
  })
  .strict();

const splitPart = z
  .object({
    /** Minor units, a magnitude: the part takes the row's sign. Not on the last part (the rest). */
    amount: z.number().int().positive().max(1e13).optional(),
    /** Whole percent of the row's amount. */
    percent: z.number().int().min(1).max(99).optional(),
    category: z.string().trim().min(1).max(100).optional(),
    notes: z.string().trim().min(1).max(500).optional(),
  })
  .strict();

/**
 * Split by fixed amounts (every part but the last has one; the last takes the rest) or by whole
 * percentages that add up to 100. Percent parts are rounded so they add up to the row exactly.
 */
export const ruleSplitSchema = z
  .object({ by: z.enum(['amount', 'percent']), parts: z.array(splitPart).min(2).max(10) })
  .strict()
  .superRefine((split, ctx) => {
    const last = split.parts.length - 1;
    if (split.by === 'percent') {
      if (split.parts.some((p) => p.percent === undefined || p.amount !== undefined)) {
        ctx.addIssue({ code: 'custom', message: 'Give every part a percentage.' });
      } else if (split.parts.reduce((sum, p) => sum + (p.percent ?? 0), 0) !== 100) {
        ctx.addIssue({ code: 'custom', message: 'The percentages must add up to 100.' });
      }
    } else if (
      split.parts.some((p, i) => p.percent !== undefined || i < last !== (p.amount !== undefined))
    ) {
      ctx.addIssue({
        code: 'custom',
        message: 'Give every part but the last an amount; the last part takes what is left.',
      });
    }
  });

export const ruleActionsSchema = z
  .object({
    category: z.string().trim().min(1).max(100).optional(),
    payee: z.string().trim().min(1).max(100).optional(),
    notes: z.string().trim().min(1).max(2000).optional(),
    addTags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
    exclude: z.boolean().optional(),
    /** Marks the row as money moved between the person's accounts: it leaves spending. */
    transfer: z.literal(true).optional(),
    split: ruleSplitSchema.optional(),
  })
  .strict()
  .refine((a) => Object.values(a).some((v) => v !== undefined), {
    message: 'Choose at least one thing the rule should change.',
  })
  .refine((a) => !(a.transfer && a.category !== undefined), {
    message: 'A rule can set a category or mark a transfer, not both.',
  });

export const RULE_STAGES = ['pre', 'default', 'post'] as const;
export const ruleStageSchema = z.enum(RULE_STAGES);

export type RuleConditions = z.infer<typeof ruleConditionsSchema>;
export type RuleActions = z.infer<typeof ruleActionsSchema>;
export type RuleSplit = z.infer<typeof ruleSplitSchema>;
export type RuleStage = z.infer<typeof ruleStageSchema>;

export interface Rule {
  id: number;
  name: string;
  stage: RuleStage;
  position: number;
  enabled: boolean;
  stopAfter: boolean;
  conditions: RuleConditions;
  actions: RuleActions;
  createdAt: string;
  updatedAt: string;
}

/** A change a rule makes to one field of one row, as the preview shows it. */
export interface RuleFieldChange {
  field: 'payee' | 'category' | 'notes' | 'excluded' | 'tags' | 'splits';
  before: string | boolean | null;
  after: string | boolean | null;
}

export interface RulePreviewRow {
  id: string;
  date: string;
  name: string;
  payee: string | null;
  amount: number;
  currency: string;
  accountName: string;
  changes: RuleFieldChange[];
}

/** What applying a rule to the ledger now would do. */
export interface RulePreview {
  /** Rows in view the conditions match. */
  matched: number;
  /** Of those, rows the rule would change (fields the person set stay theirs). */
  changed: number;
  /** The first rows it would change, newest first. */
  rows: RulePreviewRow[];
}

/** Offered after the person recategorized rows of the same payee more than once. */
export interface RuleSuggestion {
  payee: string;
  category: string;
  /** How many rows of that payee the person has put in that category by hand. */
  rows: number;
}
