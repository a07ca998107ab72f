import { z } from 'zod';
import { regexProblem } from './engine';

/** Text conditions look at what the person sees (payee) or what the bank sent (raw name). */
const textCondition = z
  .object({
    field: z.enum(['payee', 'bankText']),
    op: z.enum(['contains', 'is', 'matches']),
    value: z.string().min(1, 'Type the text the rule should look for.').max(500),
  })
  // A bad pattern is refused when the rule is saved, never discovered later during a sync.
  .superRefine((c, ctx) => {
    const problem = c.op === 'matches' ? regexProblem(c.value) : null;
    if (problem !== null) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });

/** Minor units on the row's signed amount, so "spending over 50" and "refunds" stay distinct. */
const amountCondition = z
  .object({
    exact: z.number().int().optional(),
    min: z.number().int().optional(),
    max: z.number().int().optional(),
  })
  .refine((a) => a.exact !== undefined || a.min !== undefined || a.max !== undefined, {
    message: 'Give an exact amount or a lowest and/or highest amount.',
  })
  .refine((a) => a.min === undefined || a.max === undefined || a.min <= a.max, {
    message: 'The lowest amount must not be above the highest amount.',
  });

const dayWindow = z
  .object({ from: z.number().int().min(1).max(31), to: z.number().int().min(1).max(31) })
  .refine((d) => d.from <= d.to, { message: 'The first day must not be after the last day.' });

export const ruleConditionsSchema = z
  .object({
    text: z.array(textCondition).max(10).optional(),
    amount: amountCondition.optional(),
    accountId: z.string().min(1).optional(),
    plaidCategory: z.string().min(1).optional(),
    dayOfMonth: dayWindow.optional(),
  })
  .strict();

export const ruleActionsSchema = z
  .object({
    category: z.string().min(1).max(200).optional(),
    payee: z.string().min(1).max(200).optional(),
    notes: z.string().max(2000).optional(),
    addTags: z.array(z.string().min(1).max(100)).max(20).optional(),
    exclude: z.boolean().optional(),
  })
  .strict()
  .refine((a) => Object.values(a).some((v) => v !== undefined), {
    message: 'Choose at least one thing the rule should change.',
  });

export const ruleStageSchema = z.enum(['pre', 'default', 'post']);

export type RuleConditions = z.infer<typeof ruleConditionsSchema>;
export type RuleActions = z.infer<typeof ruleActionsSchema>;
export type RuleStage = z.infer<typeof ruleStageSchema>;

export interface Rule {
  id: number;
  stage: RuleStage;
  position: number;
  enabled: boolean;
  stopAfter: boolean;
  conditions: RuleConditions;
  actions: RuleActions;
}
