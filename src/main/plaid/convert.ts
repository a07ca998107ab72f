import { z } from 'zod';
import type { AccountBase, Transaction as PlaidTransaction } from 'plaid';
import type { Transaction } from '../../shared/model';
import { toMinorUnits } from './money';

/**
 * Plaid data enters the core here and only here: validated, converted to integer minor units,
 * and turned to Ledgerlight's sign (positive = money in; Plaid's positive is money out). Anything
 * that does not fit comes back as a reason for the quarantine instead.
 */
export type Converted<T> = { ok: true; row: T } | { ok: false; reason: string };

const isoDate = z.iso.date();

const transactionSchema = z.object({
  transaction_id: z.string().min(1),
  account_id: z.string().min(1),
  amount: z.number().finite(),
  iso_currency_code: z.string().nullable().optional(),
  unofficial_currency_code: z.string().nullable().optional(),
  date: isoDate,
  authorized_date: isoDate.nullable().optional(),
  pending: z.boolean(),
  pending_transaction_id: z.string().nullable().optional(),
  name: z.string(),
  merchant_name: z.string().nullable().optional(),
  payment_channel: z.string().nullable().optional(),
  personal_finance_category: z
    .object({ primary: z.string(), detailed: z.string() })
    .passthrough()
    .nullable()
    .optional(),
});

/** A transaction as it enters the ledger: the model's shape without what the ledger adds. */
export type TransactionRow = Omit<
  Transaction,
  'connectionId' | 'source' | 'removed' | 'batchId' | 'user' | 'tags' | 'splits'
>;

export function convertTransaction(raw: PlaidTransaction | unknown): Converted<TransactionRow> {
  const parsed = transactionSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      reason: `malformed transaction: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
    };
  }
  const t = parsed.data;
  const currency = currencyOf(t);
  if (!currency.ok) return currency;
  const minor = toMinorUnits(t.amount, currency.row);
  if (minor === null)
    return { ok: false, reason: `amount ${t.amount} does not fit ${currency.row}` };
  return {
    ok: true,
    row: {
      id: t.transaction_id,
      accountId: t.account_id,
      date: t.date,
      authorizedDate: t.authorized_date ?? null,
      name: t.name,
      merchantName: t.merchant_name ?? null,
      category: t.personal_finance_category?.primary ?? null,
      categoryDetailed: t.personal_finance_category?.detailed ?? null,
      // Plaid: positive = money out. Ledgerlight: positive = money in.
      amount: minor === 0 ? 0 : -minor,
      currency: currency.row,
      pending: t.pending,
      pendingTransactionId: t.pending_transaction_id ?? null,
      paymentChannel: t.payment_channel ?? null,
    },
  };
}

const accountSchema = z.object({
  account_id: z.string().min(1),
  name: z.string(),
  official_name: z.string().nullable().optional(),
  type: z.string().min(1),
  subtype: z.string().nullable().optional(),
  mask: z.string().nullable().optional(),
  balances: z.object({
    current: z.number().finite().nullable().optional(),
    available: z.number().finite().nullable().optional(),
    limit: z.number().finite().nullable().optional(),
    iso_currency_code: z.string().nullable().optional(),
    unofficial_currency_code: z.string().nullable().optional(),
  }),
});

export interface AccountRow {
  id: string;
  name: string;
  officialName: string | null;
  type: string;
  subtype: string | null;
  mask: string | null;
  currency: string;
  current: number | null;
  available: number | null;
  limit: number | null;
}

/** Balances keep Plaid's sign: a card's or a loan's `current` is what is owed. */
export function convertAccount(raw: AccountBase | unknown): Converted<AccountRow> {
  const parsed = accountSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      reason: `malformed account: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
    };
  }
  const a = parsed.data;
  const currency = currencyOf(a.balances);
  if (!currency.ok) return currency;
  const money = (value: number | null | undefined): number | null | 'bad' => {
    if (value === null || value === undefined) return null;
    return toMinorUnits(value, currency.row) ?? 'bad';
  };
  const current = money(a.balances.current);
  const available = money(a.balances.available);
  const limit = money(a.balances.limit);
  if (current === 'bad' || available === 'bad' || limit === 'bad') {
    return { ok: false, reason: `a balance does not fit ${currency.row}` };
  }
  return {
    ok: true,
    row: {
      id: a.account_id,
      name: a.name,
      officialName: a.official_name ?? null,
      type: a.type,
      subtype: a.subtype ?? null,
      mask: a.mask ?? null,
      currency: currency.row,
      current,
      available,
      limit,
    },
  };
}

function currencyOf(value: {
  iso_currency_code?: string | null | undefined;
  unofficial_currency_code?: string | null | undefined;
}): Converted<string> {
  const code = value.iso_currency_code ?? value.unofficial_currency_code;
  if (!code) return { ok: false, reason: 'no currency code' };
  return { ok: true, row: code.toUpperCase() };
}

/**
 * Parts of a Plaid transaction Ledgerlight never reads, and the largest: a sync's staged pages
 * (`db/sync-stage-repo.ts`) leave them out, which makes the stage about half the size and keeps
 * the apply's memory small. Every field `convertTransaction` reads stays, so a row it refuses is
 * still quarantined with everything that decided it.
 */
const UNREAD_TRANSACTION_FIELDS = new Set([
  'location',
  'payment_meta',
  'counterparties',
  'logo_url',
  'website',
  'personal_finance_category_icon_url',
]);

/**
 * Transactions as JSON without the fields above, written straight from Plaid's answer (a
 * `JSON.stringify` replacer, so no trimmed copy of each row is made first).
 */
export function transactionsJson(rows: readonly unknown[]): string {
  return JSON.stringify(rows, (key, value: unknown) =>
    UNREAD_TRANSACTION_FIELDS.has(key) ? undefined : value,
  );
}
