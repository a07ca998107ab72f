import {
  addDays,
  dayOfMonth,
  daysBetween,
  daysInMonth,
  monthKey,
  previousMonth,
  weekday,
} from '../dates';
import { rngFor, type Rng } from '../prng';
import type { AccountKey } from './accounts';
import { MORTGAGE, STUDENT_LOAN, monthlyPaymentCents } from './loans';
import {
  BILLS,
  CANADA,
  COFFEE,
  DINING,
  ENTERTAINMENT,
  FLOWS,
  FUEL,
  GROCERIES,
  PHARMACY,
  SHOPPING,
  SUBSCRIPTIONS,
  TRANSPORT,
  TRAVEL,
  type Merchant,
} from './merchants';

/**
 * The life of one transaction, decided once: when it is authorised and posts, whether a pending
 * version precedes it (and whether that pending one vanishes instead of posting), and whether it is
 * later enriched (a `modified` update) or reversed (a `removed` one). Which version is visible on a
 * given day is then a pure function of the date: see timeline.ts.
 */
export interface TxnEvent {
  key: string;
  /** 0 for the usual household, 1… for the extra ones of a dense history (`transactionVolume`). */
  household: number;
  account: AccountKey;
  merchant: Merchant;
  authorizedDate: string;
  postDate: string;
  minuteOfDay: number;
  hasPending: boolean;
  /** The authorisation is released without ever posting (hotel holds, voided orders). */
  vanishes: boolean;
  /** Posts without pending_transaction_id: Plaid could not match it to its pending twin. */
  unmatched: boolean;
  pendingAmountCents: number;
  /** Positive = money out, as Plaid signs it. */
  amountCents: number;
  /** Day the posted transaction is enriched (merchant, category) and so shows up as modified. */
  modifyOn: string | null;
  /** Day the posted transaction is reversed and disappears (shows up as removed). */
  removeOn: string | null;
  /** Card purchases count toward the next statement; payments and refunds too. */
  cardStatementItem: boolean;
}

/**
 * No event changes more than this many days after it was authorised (posting ≤ 3 days, enrichment
 * ≤ 5 days after that, reversal ≤ 10 days after posting): a day's changes only involve events
 * from this window, which keeps advancing the clock cheap.
 */
export const MAX_EVENT_SPAN_DAYS = 16;

const PAYROLL_ANCHOR = '2020-01-03'; // a Friday; paid every other Friday from here
const CARD_PAYMENT_DAY = 26;

export class EventSchedule {
  private readonly byDate = new Map<string, TxnEvent[]>();
  private readonly statementTotals = new Map<string, number>();
  private readonly has: (key: AccountKey) => boolean;

  /**
   * `volume` (an integer ≥ 1) is how many households' worth of everyday spending each day holds:
   * the first is the usual household, and every further one draws its purchases from a
   * random stream of its own, so volume 1 is exactly the usual data and a larger volume only adds.
   * Salary, bills, subscriptions and the card payment stay one household's.
   */
  constructor(
    private readonly dataSalt: string,
    accounts: readonly AccountKey[],
    private readonly volume = 1,
  ) {
    if (!Number.isInteger(volume) || volume < 1)
      throw new Error(`transaction volume must be a whole number from 1, got ${volume}`);
    const set = new Set(accounts);
    this.has = (key) => set.has(key);
  }

  on(date: string): TxnEvent[] {
    let events = this.byDate.get(date);
    if (!events) {
      events = this.generate(date, true);
      this.byDate.set(date, events);
    }
    return events;
  }

  /** What the card autopay debits: everything charged in `month` that stuck. */
  cardStatementCents(month: string): number {
    let total = this.statementTotals.get(month);
    if (total === undefined) {
      total = 0;
      for (let day = 1; day <= daysInMonth(month); day++) {
        const date = `${month}-${String(day).padStart(2, '0')}`;
        for (const e of this.generate(date, false)) {
          if (e.account === 'card' && e.cardStatementItem && !e.vanishes && e.removeOn === null) {
            total += e.amountCents;
          }
        }
      }
      this.statementTotals.set(month, total);
    }
    return total;
  }

  private generate(date: string, withPayments: boolean): TxnEvent[] {
    const out = this.generateShare(date, withPayments, 0);
    for (let share = 1; share < this.volume; share++)
      out.push(...this.generateShare(date, false, share));
    return out;
  }

  /** One household's share of a day: share 0 is the whole household, later ones only spending. */
  private generateShare(date: string, withPayments: boolean, share: number): TxnEvent[] {
    const first = share === 0;
    const rng = first
      ? rngFor(this.dataSalt, 'day', date)
      : rngFor(this.dataSalt, 'day', date, share);
    const out: TxnEvent[] = [];
    const dom = dayOfMonth(date);
    const month = monthKey(date);
    const isWeekend = weekday(date) === 0 || weekday(date) === 6;
    const spendAccount: AccountKey = this.has('card') ? 'card' : 'checking';

    const add = (
      account: AccountKey,
      merchant: Merchant,
      amountCents: number,
      kind: 'purchase' | 'ach' | 'transfer',
    ): TxnEvent | undefined => {
      if (!this.has(account)) return undefined;
      const key = first ? `${date}#${out.length}` : `${date}#${share}.${out.length}`;
      const e = lifecycle(rngFor(this.dataSalt, 'event', key), {
        key,
        household: share,
        account,
        merchant,
        date,
        amountCents,
        kind,
      });
      out.push(e);
      return e;
    };
    const price = (merchant: Merchant, r: Rng = rng) => cents(r, merchant.amount);

    if (this.has('checking')) {
      if (first && daysBetween(PAYROLL_ANCHOR, date) % 14 === 0) {
        add('checking', FLOWS.payroll, -price(FLOWS.payroll), 'ach');
      }
      if (first && dom === 1) {
        if (this.has('mortgage'))
          add('checking', FLOWS.mortgage, monthlyPaymentCents(MORTGAGE), 'ach');
        else add('checking', FLOWS.rent, price(FLOWS.rent), 'ach');
      }
      if (first && dom === 2 && this.has('savings')) {
        add('checking', FLOWS.toSavings, price(FLOWS.toSavings), 'transfer');
        add('savings', FLOWS.fromChecking, -price(FLOWS.fromChecking), 'transfer');
      }
      if (first && dom === 8) {
        // Electricity follows the seasons: more in winter than in summer.
        const m = Number(month.slice(5));
        const seasonal = 1 + 0.35 * Math.cos(((m - 1) / 12) * 2 * Math.PI);
        add('checking', BILLS.electric, Math.round(price(BILLS.electric) * seasonal), 'ach');
      }
      if (first && dom === 10 && Number(month.slice(5)) % 3 === 0)
        add('checking', BILLS.water, price(BILLS.water), 'ach');
      if (first && dom === 12) add('checking', BILLS.internet, price(BILLS.internet), 'ach');
      if (first && dom === 20) add('checking', BILLS.phone, price(BILLS.phone), 'purchase');
      if (first && dom === STUDENT_LOAN.paymentDay && this.has('student')) {
        add('checking', FLOWS.studentLoan, monthlyPaymentCents(STUDENT_LOAN), 'ach');
      }
      if (rng.chance(0.2)) {
        const g = rng.pick(GROCERIES);
        add('checking', g, price(g), 'purchase');
      }
      if (!isWeekend && rng.chance(0.3)) {
        const c = rng.pick(COFFEE);
        add('checking', c, price(c), 'purchase');
      }
      if (rng.chance(0.1)) {
        const g = rng.pick(FUEL);
        add('checking', g, price(g), 'purchase');
      }
      if (rng.chance(0.04)) {
        const p = rng.pick(PHARMACY);
        add('checking', p, price(p), 'purchase');
      }
      if (rng.chance(0.05))
        add('checking', FLOWS.atm, rng.pick([4000, 6000, 10000, 20000]), 'purchase');
      if (rng.chance(0.06)) add('checking', FLOWS.venmo, price(FLOWS.venmo), 'transfer');
    }

    if (rng.chance(isWeekend ? 0.5 : 0.3)) {
      const d = rng.pick(DINING);
      add(spendAccount, d, price(d), 'purchase');
    }
    if (rng.chance(0.2)) {
      const s = rng.pick(SHOPPING);
      add(spendAccount, s, price(s), 'purchase');
    }
    if (rng.chance(0.18)) {
      const t = rng.pick(TRANSPORT);
      add(spendAccount, t, price(t), 'purchase');
    }
    if (rng.chance(0.04)) {
      const en = rng.pick(ENTERTAINMENT);
      add(spendAccount, en, price(en), 'purchase');
    }
    if (first && dom === 5)
      add(spendAccount, SUBSCRIPTIONS.netflix, price(SUBSCRIPTIONS.netflix), 'purchase');
    if (first && dom === 18)
      add(spendAccount, SUBSCRIPTIONS.spotify, price(SUBSCRIPTIONS.spotify), 'purchase');
    if (first && dom === 22)
      add(spendAccount, SUBSCRIPTIONS.icloud, price(SUBSCRIPTIONS.icloud), 'purchase');
    if (first && dom === 3) add(spendAccount, SUBSCRIPTIONS.gym, price(SUBSCRIPTIONS.gym), 'ach');
    if (rng.chance(0.012)) add(spendAccount, TRAVEL.airline, price(TRAVEL.airline), 'purchase');
    if (rng.chance(0.006)) {
      // A hotel: the card hold is released at checkout and the real bill posts on its own, so
      // the posted charge carries no pending_transaction_id.
      const hold = add(spendAccount, TRAVEL.hotel, rng.int(200, 400) * 100, 'purchase');
      if (hold) {
        hold.hasPending = true;
        hold.vanishes = true;
        hold.postDate = addDays(date, 3);
        hold.cardStatementItem = false;
        hold.modifyOn = null;
        hold.removeOn = null;
        const bill = add(spendAccount, TRAVEL.hotel, price(TRAVEL.hotel), 'ach');
        if (bill) bill.postDate = addDays(date, 3);
      }
    }
    if (rng.chance(0.01)) add(spendAccount, FLOWS.refund, -price(FLOWS.refund), 'ach');

    if (first && this.has('savings') && dom === daysInMonth(month)) {
      add('savings', FLOWS.interest, -price(FLOWS.interest), 'ach');
    }
    if (this.has('cad')) {
      if (first && dom === 3) add('cad', FLOWS.cadTopUp, -price(FLOWS.cadTopUp), 'ach');
      if (rng.chance(0.18)) {
        const c = rng.pick(CANADA);
        add('cad', c, price(c), 'purchase');
      }
    }

    if (first && withPayments && dom === CARD_PAYMENT_DAY && this.has('card')) {
      const due = this.cardStatementCents(previousMonth(month));
      if (due > 0) {
        add('checking', FLOWS.cardPaymentFromChecking, due, 'ach');
        const onCard = add('card', FLOWS.cardPaymentOnCard, -due, 'ach');
        if (onCard) onCard.cardStatementItem = false;
      }
    }
    return out;
  }
}

function cents(rng: Rng, [min, max]: [number, number]): number {
  return Math.round((min + rng.next() * (max - min)) * 100);
}

interface LifecycleInput {
  key: string;
  household: number;
  account: AccountKey;
  merchant: Merchant;
  date: string;
  amountCents: number;
  kind: 'purchase' | 'ach' | 'transfer';
}

/** Decides an event's pending phase, posting lag and later edits from its own random stream. */
function lifecycle(rng: Rng, input: LifecycleInput): TxnEvent {
  const { key, household, account, merchant, date, amountCents, kind } = input;
  const purchase = kind === 'purchase';
  const hasPending = purchase;
  const lag = purchase ? rng.int(1, 3) : 0;
  const postDate = addDays(date, lag);
  let pendingAmount = amountCents;
  let amount = amountCents;
  if (merchant.tip) {
    // The authorisation is the bill; the tip is added when it settles.
    pendingAmount = amountCents;
    amount = Math.round(amountCents * (1 + rng.int(15, 22) / 100));
  }
  const vanishes = hasPending && rng.chance(0.02);
  const unmatched = hasPending && !vanishes && rng.chance(0.04);
  const canEnrich = merchant.merchantName !== null && kind !== 'transfer';
  const modifyOn =
    canEnrich && !vanishes && rng.chance(merchant.enrichable ? 0.5 : 0.06)
      ? addDays(postDate, rng.int(1, 5))
      : null;
  const removeOn =
    purchase && !vanishes && rng.chance(0.015) ? addDays(postDate, rng.int(2, 10)) : null;
  return {
    key,
    household,
    account,
    merchant,
    authorizedDate: date,
    postDate,
    minuteOfDay: rng.int(7 * 60, 22 * 60),
    hasPending,
    vanishes,
    unmatched,
    pendingAmountCents: pendingAmount,
    amountCents: amount,
    modifyOn,
    removeOn,
    cardStatementItem: account === 'card',
  };
}
