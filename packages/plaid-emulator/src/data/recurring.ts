import type { TransactionStream } from 'plaid';
import { addDays, daysBetween } from '../dates';
import { plaidId } from '../ids';
import { rngFor } from '../prng';
import type { Wire } from '../wire';
import type { WireTransaction } from './timeline';

export type WireStream = Wire<TransactionStream>;
type Frequency = WireStream['frequency'];

/**
 * Recurring streams found the way Plaid describes finding them: posted transactions of one
 * account with the same description, at a steady interval. Payroll every other Friday, rent or
 * the mortgage on the 1st, the utilities and subscriptions each month, the card's autopay: all
 * come out of the Item's own timeline, so a stream's transaction_ids are rows a sync delivered.
 */

interface Cadence {
  frequency: Frequency;
  /** Median gaps in this range, in days, mean this frequency. */
  min: number;
  max: number;
  /** How far one gap may stray from the median and still count as on time. */
  slack: number;
}

const CADENCES: readonly Cadence[] = [
  { frequency: 'WEEKLY', min: 6, max: 8, slack: 1 },
  { frequency: 'BIWEEKLY', min: 13, max: 14, slack: 1 },
  { frequency: 'SEMI_MONTHLY', min: 15, max: 16, slack: 3 },
  { frequency: 'MONTHLY', min: 27, max: 33, slack: 4 },
  { frequency: 'ANNUALLY', min: 355, max: 375, slack: 10 },
];

/** Plaid calls a stream mature from its third transaction; before that it is an early detection. */
const MATURE_AFTER = 3;
/** Share of gaps that must be on time for a group of transactions to be a stream at all. */
const ON_TIME_SHARE = 0.75;

export interface RecurringStreams {
  inflow: WireStream[];
  outflow: WireStream[];
}

export function recurringStreams(
  idSalt: string,
  transactions: readonly WireTransaction[],
  today: string,
): RecurringStreams {
  const groups = new Map<string, WireTransaction[]>();
  for (const t of transactions) {
    if (t.pending) continue;
    const key = `${t.account_id}|${t.name}|${t.amount < 0 ? 'in' : 'out'}`;
    const list = groups.get(key) ?? [];
    list.push(t);
    groups.set(key, list);
  }
  const out: RecurringStreams = { inflow: [], outflow: [] };
  for (const [key, rows] of groups) {
    if (rows.length < 2) continue;
    rows.sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? -1 : 1));
    const gaps = rows.slice(1).map((t, i) => daysBetween(rows[i]!.date, t.date));
    const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!;
    const cadence = CADENCES.find((c) => median >= c.min && median <= c.max);
    if (!cadence) continue;
    const onTime = gaps.filter((g) => Math.abs(g - median) <= cadence.slack).length;
    if (onTime / gaps.length < ON_TIME_SHARE) continue;

    const first = rows[0]!;
    const last = rows[rows.length - 1]!;
    const next = predictNext(last.date, cadence.frequency, median);
    // A stream whose next transaction is well overdue has stopped.
    const stopped = daysBetween(next, today) > Math.max(cadence.slack * 2, median / 2);
    const status = stopped
      ? 'TOMBSTONED'
      : rows.length >= MATURE_AFTER
        ? 'MATURE'
        : 'EARLY_DETECTION';
    const total = rows.reduce((sum, t) => sum + Math.round(t.amount * 100), 0);
    const currency = { iso_currency_code: last.iso_currency_code, unofficial_currency_code: null };
    const latestNamed = [...rows].reverse().find((t) => t.merchant_name);
    const stream: WireStream = {
      account_id: last.account_id,
      stream_id: plaidId(rngFor(idSalt, 'stream', key)),
      category: last.category ?? null,
      category_id: last.category_id ?? null,
      description: last.name,
      merchant_name: latestNamed?.merchant_name ?? null,
      first_date: first.date,
      last_date: last.date,
      predicted_next_date: stopped ? null : next,
      frequency: cadence.frequency,
      transaction_ids: rows.map((t) => t.transaction_id),
      average_amount: { amount: Math.round(total / rows.length) / 100, ...currency },
      last_amount: { amount: last.amount, ...currency },
      is_active: !stopped,
      status,
      personal_finance_category: last.personal_finance_category
        ? {
            primary: last.personal_finance_category.primary,
            detailed: last.personal_finance_category.detailed,
            confidence_level: last.personal_finance_category.confidence_level ?? null,
          }
        : null,
      is_user_modified: false,
    };
    (last.amount < 0 ? out.inflow : out.outflow).push(stream);
  }
  const byDescription = (a: WireStream, b: WireStream) =>
    a.description.localeCompare(b.description) || a.stream_id.localeCompare(b.stream_id);
  out.inflow.sort(byDescription);
  out.outflow.sort(byDescription);
  return out;
}

/** The same day next month for monthly streams (the 31st becomes the month's last day). */
function predictNext(last: string, frequency: Frequency, median: number): string {
  if (frequency !== 'MONTHLY' && frequency !== 'ANNUALLY') return addDays(last, median);
  const [y, m, d] = last.split('-').map(Number) as [number, number, number];
  const months = frequency === 'MONTHLY' ? 1 : 12;
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
