import { lastDayOfMonthOnOrBefore, monthsBetween } from '../dates';

/**
 * Amortising loans behind the student-loan and mortgage accounts. Balances are a pure function of
 * the date, so a clock advance pays them down exactly as the checking account's payments show.
 */

export interface LoanTerms {
  originationDate: string;
  principalCents: number;
  annualRatePercent: number;
  termMonths: number;
  /** Day of month the payment is debited. */
  paymentDay: number;
}

/** Ten years from 2020, so it is still being repaid on any `today` a test or the demo uses. */
export const STUDENT_LOAN: LoanTerms = {
  originationDate: '2020-09-15',
  principalCents: 3_200_000,
  annualRatePercent: 5.25,
  termMonths: 120,
  paymentDay: 15,
};

export const MORTGAGE: LoanTerms = {
  originationDate: '2019-07-01',
  principalCents: 42_000_000,
  annualRatePercent: 3.99,
  termMonths: 360,
  paymentDay: 1,
};

export function monthlyPaymentCents(terms: LoanTerms): number {
  const r = terms.annualRatePercent / 100 / 12;
  const payment = (terms.principalCents * r) / (1 - Math.pow(1 + r, -terms.termMonths));
  return Math.round(payment);
}

/** Payments made on or before `date` (the first one falls a month after origination). */
export function paymentsMade(terms: LoanTerms, date: string): number {
  if (date < terms.originationDate) return 0;
  const lastPayment = lastDayOfMonthOnOrBefore(date, terms.paymentDay);
  const n = monthsBetween(terms.originationDate, lastPayment);
  return Math.max(0, Math.min(terms.termMonths, n));
}

export interface LoanPosition {
  balanceCents: number;
  ytdInterestCents: number;
  ytdPrincipalCents: number;
  lastPaymentDate: string | null;
}

export function loanPosition(terms: LoanTerms, date: string): LoanPosition {
  const payment = monthlyPaymentCents(terms);
  const r = terms.annualRatePercent / 100 / 12;
  const made = paymentsMade(terms, date);
  const year = date.slice(0, 4);
  let balance = terms.principalCents;
  let ytdInterest = 0;
  let ytdPrincipal = 0;
  const [oy, om] = terms.originationDate.split('-').map(Number) as [number, number];
  for (let i = 1; i <= made; i++) {
    const interest = Math.round(balance * r);
    const principal = Math.min(balance, payment - interest);
    balance -= principal;
    const monthIndex = om - 1 + i;
    const paymentYear = String(oy + Math.floor(monthIndex / 12));
    if (paymentYear === year) {
      ytdInterest += interest;
      ytdPrincipal += principal;
    }
  }
  return {
    balanceCents: balance,
    ytdInterestCents: ytdInterest,
    ytdPrincipalCents: ytdPrincipal,
    lastPaymentDate: made > 0 ? lastDayOfMonthOnOrBefore(date, terms.paymentDay) : null,
  };
}
