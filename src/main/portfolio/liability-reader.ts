import { z } from 'zod';
import type { Account, CardApr, Liability } from '../../shared/model';
import { toMinorUnits } from '../plaid/money';

/**
 * Reads the liability objects Plaid sent (kept as JSON in `liabilities.details`) into the
 * app's own shape. Each field is read on its own: a field that is missing, null or of a shape
 * Plaid never documented becomes null, so one odd field hides one fact rather than the whole
 * card or loan. Nothing here invents a value: a missing figure stays missing.
 */

const text = z.string().trim().min(1).nullable().catch(null);
const day = z.iso.date().nullable().catch(null);
const decimal = z.number().finite().nullable().catch(null);
const flag = z.boolean().nullable().catch(null);

const aprSchema = z.object({
  apr_type: z.string().min(1),
  apr_percentage: z.number().finite(),
  balance_subject_to_apr: decimal.optional(),
});

const commonFields = {
  account_id: text.optional(),
  is_overdue: flag.optional(),
  last_payment_amount: decimal.optional(),
  last_payment_date: day.optional(),
  last_statement_balance: decimal.optional(),
  last_statement_issue_date: day.optional(),
  next_payment_due_date: day.optional(),
};

const creditSchema = z.object({
  ...commonFields,
  aprs: z
    .array(z.unknown())
    .catch([])
    .transform((list) => list.flatMap((a) => aprSchema.safeParse(a).data ?? [])),
  minimum_payment_amount: decimal.optional(),
});

const studentSchema = z.object({
  ...commonFields,
  loan_name: text.optional(),
  interest_rate_percentage: decimal.optional(),
  minimum_payment_amount: decimal.optional(),
  origination_date: day.optional(),
  origination_principal_amount: decimal.optional(),
  expected_payoff_date: day.optional(),
  ytd_interest_paid: decimal.optional(),
  ytd_principal_paid: decimal.optional(),
  repayment_plan: z
    .object({ description: text.optional(), type: text.optional() })
    .nullable()
    .catch(null)
    .optional(),
});

const mortgageSchema = z.object({
  ...commonFields,
  loan_type_description: text.optional(),
  loan_term: text.optional(),
  interest_rate: z
    .object({ percentage: decimal.optional(), type: text.optional() })
    .nullable()
    .catch(null)
    .optional(),
  next_monthly_payment: decimal.optional(),
  origination_date: day.optional(),
  origination_principal_amount: decimal.optional(),
  maturity_date: day.optional(),
  escrow_balance: decimal.optional(),
  past_due_amount: decimal.optional(),
  ytd_interest_paid: decimal.optional(),
  ytd_principal_paid: decimal.optional(),
});

export interface StoredLiability {
  accountId: string;
  kind: string;
  details: string;
  updatedAt: string;
}

/** The liability as the app shows it, or null when the stored row is not a liability at all. */
export function readLiability(row: StoredLiability, account: Account): Liability | null {
  let raw: unknown;
  try {
    raw = JSON.parse(row.details);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const currency = account.currency;
  const money = (value: number | null | undefined) =>
    value === null || value === undefined ? null : minor(value, currency);
  const base = {
    accountId: row.accountId,
    accountName: account.name,
    institutionName: account.institutionName,
    mask: account.mask,
    currency,
    balance: account.balances.current,
    updatedAt: row.updatedAt,
  };
  if (row.kind === 'credit') {
    const c = creditSchema.safeParse(raw);
    if (!c.success) return null;
    const d = c.data;
    return {
      ...base,
      kind: 'credit',
      nextPaymentDueDate: d.next_payment_due_date ?? null,
      lastPaymentDate: d.last_payment_date ?? null,
      lastPaymentAmount: money(d.last_payment_amount),
      isOverdue: d.is_overdue ?? null,
      aprs: d.aprs.map((a): CardApr => ({
        type: a.apr_type,
        percentage: a.apr_percentage,
        balanceSubjectToApr: money(a.balance_subject_to_apr),
      })),
      minimumPayment: money(d.minimum_payment_amount),
      lastStatementBalance: money(d.last_statement_balance),
      lastStatementDate: d.last_statement_issue_date ?? null,
    };
  }
  if (row.kind === 'student') {
    const s = studentSchema.safeParse(raw);
    if (!s.success) return null;
    const d = s.data;
    return {
      ...base,
      kind: 'student',
      nextPaymentDueDate: d.next_payment_due_date ?? null,
      lastPaymentDate: d.last_payment_date ?? null,
      lastPaymentAmount: money(d.last_payment_amount),
      isOverdue: d.is_overdue ?? null,
      loanName: d.loan_name ?? null,
      interestRatePercentage: d.interest_rate_percentage ?? null,
      interestRateType: null,
      term: termBetween(d.origination_date ?? null, d.expected_payoff_date ?? null),
      originationDate: d.origination_date ?? null,
      originationPrincipal: money(d.origination_principal_amount),
      payoffDate: d.expected_payoff_date ?? null,
      nextPaymentAmount: money(d.minimum_payment_amount),
      escrowBalance: null,
      ytdInterestPaid: money(d.ytd_interest_paid),
      ytdPrincipalPaid: money(d.ytd_principal_paid),
      pastDueAmount: null,
      repaymentPlan: d.repayment_plan?.description ?? null,
    };
  }
  if (row.kind === 'mortgage') {
    const m = mortgageSchema.safeParse(raw);
    if (!m.success) return null;
    const d = m.data;
    return {
      ...base,
      kind: 'mortgage',
      nextPaymentDueDate: d.next_payment_due_date ?? null,
      lastPaymentDate: d.last_payment_date ?? null,
      lastPaymentAmount: money(d.last_payment_amount),
      isOverdue:
        d.past_due_amount === null || d.past_due_amount === undefined
          ? null
          : d.past_due_amount > 0,
      loanName: d.loan_type_description ?? null,
      interestRatePercentage: d.interest_rate?.percentage ?? null,
      interestRateType: d.interest_rate?.type ?? null,
      term: d.loan_term ?? termBetween(d.origination_date ?? null, d.maturity_date ?? null),
      originationDate: d.origination_date ?? null,
      originationPrincipal: money(d.origination_principal_amount),
      payoffDate: d.maturity_date ?? null,
      nextPaymentAmount: money(d.next_monthly_payment),
      escrowBalance: money(d.escrow_balance),
      ytdInterestPaid: money(d.ytd_interest_paid),
      ytdPrincipalPaid: money(d.ytd_principal_paid),
      pastDueAmount: money(d.past_due_amount),
      repaymentPlan: null,
    };
  }
  return null;
}

/** A figure from Plaid in minor units; one with stray extra decimals is rounded, not dropped. */
function minor(value: number, currency: string): number | null {
  return toMinorUnits(value, currency) ?? toMinorUnits(Math.round(value * 100) / 100, currency);
}

/** "10 years" or "18 months" between two dates, when both are known. */
function termBetween(from: string | null, to: string | null): string | null {
  if (!from || !to || to <= from) return null;
  const months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
  if (months <= 0) return null;
  if (months % 12 === 0) return `${months / 12} year${months === 12 ? '' : 's'}`;
  return `${months} months`;
}
