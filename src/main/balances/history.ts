/**
 * An account's balance on every day, rebuilt from the balances we really know and the
 * transactions between them. Pure: no clock, no database, no local time zone.
 */

import { dateOfDay, dayNumber } from '../iso-days';

/** Plaid's convention: an asset's balance is what you have, a liability's what you owe. */
export type BalanceSide = 'asset' | 'liability';

/** A transaction, or a day's net of them: positive is money into the account. */
export interface DatedAmount {
  date: string;
  amount: number;
}

/** A balance as the bank reported it (or the person recorded it) at the end of that day. */
export interface RealBalance {
  date: string;
  current: number;
}

export interface BalancePoint {
  date: string;
  current: number;
  /** Rebuilt from transactions rather than reported. */
  derived: boolean;
}

/**
 * One point per day from `from` (or the first day there is any data, if later) to `to`.
 *
 * A day with a real balance shows it. Any other day is worked out from the nearest real balance
 * after it, undoing the transactions in between; days after the newest real balance carry it
 * forward with the transactions since. Each stretch leans only on the real balance that closes
 * it, so when an older snapshot disagrees with what the transactions imply, the difference shows
 * as a step on that day instead of being spread over the days around it.
 */
export function rebuildDailyBalances(input: {
  side: BalanceSide;
  /** The newest known balance and its date (end of that day). */
  anchor: RealBalance;
  /** Real balances, in any order; may include the anchor's day, where the anchor wins. */
  snapshots: readonly RealBalance[];
  /** In any order; several on one day are netted. */
  transactions: readonly DatedAmount[];
  from: string;
  to: string;
}): BalancePoint[] {
  const { side, anchor, snapshots, transactions, from, to } = input;
  const real = new Map<string, number>();
  for (const snapshot of snapshots) real.set(snapshot.date, snapshot.current);
  real.set(anchor.date, anchor.current);

  // Nothing before the first activity: a flat line back to `from` would be made up.
  const first = firstActivityDate(transactions, [...snapshots, anchor]) ?? anchor.date;
  const start = from > first ? from : first;
  if (start > to) return [];

  const netByDate = new Map<string, number>();
  for (const t of transactions) netByDate.set(t.date, (netByDate.get(t.date) ?? 0) + t.amount);
  const netDates = [...netByDate.keys()].sort();
  const realDates = [...real.keys()].sort();
  // The running net through each real day, so that the net between any two days is a subtraction.
  const netThroughReal = runningNetAt(realDates, netDates, netByDate);

  // Money in raises an asset's balance and lowers what a liability owes.
  const apply = (balance: number, net: number): number =>
    side === 'asset' ? balance + net : balance - net;
  const undo = (balance: number, net: number): number =>
    side === 'asset' ? balance - net : balance + net;

  const points: BalancePoint[] = [];
  let netIndex = 0;
  let netThroughDay = 0;
  let realIndex = 0;
  const startDay = dayNumber(start);
  const endDay = dayNumber(to);
  for (let day = startDay; day <= endDay; day++) {
    const date = dateOfDay(day);
    let nextNet = netDates[netIndex];
    while (nextNet !== undefined && nextNet <= date) {
      netThroughDay += netByDate.get(nextNet) ?? 0;
      nextNet = netDates[++netIndex];
    }
    let nextReal = realDates[realIndex];
    while (nextReal !== undefined && nextReal < date) nextReal = realDates[++realIndex];

    if (nextReal === date) {
      points.push({ date, current: real.get(date) ?? 0, derived: false });
    } else if (nextReal !== undefined) {
      const between = (netThroughReal[realIndex] ?? 0) - netThroughDay;
      points.push({ date, current: undo(real.get(nextReal) ?? 0, between), derived: true });
    } else {
      const lastIndex = realDates.length - 1;
      const lastReal = realDates[lastIndex] ?? anchor.date;
      const since = netThroughDay - (netThroughReal[lastIndex] ?? 0);
      points.push({ date, current: apply(real.get(lastReal) ?? 0, since), derived: true });
    }
  }
  return points;
}

/** The earliest day with a transaction or a real balance, or null when there is neither. */
export function firstActivityDate(
  transactions: readonly DatedAmount[],
  snapshots: readonly RealBalance[],
): string | null {
  let first: string | null = null;
  for (const { date } of [...transactions, ...snapshots]) {
    if (first === null || date < first) first = date;
  }
  return first;
}

/** For each of `days` (ascending), the net of every transaction dated on or before it. */
function runningNetAt(
  days: readonly string[],
  netDates: readonly string[],
  netByDate: ReadonlyMap<string, number>,
): number[] {
  const out: number[] = [];
  let index = 0;
  let running = 0;
  for (const day of days) {
    let next = netDates[index];
    while (next !== undefined && next <= day) {
      running += netByDate.get(next) ?? 0;
      next = netDates[++index];
    }
    out.push(running);
  }
  return out;
}
