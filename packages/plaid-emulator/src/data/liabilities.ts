import type { CreditCardLiability, MortgageLiability, StudentLoan } from 'plaid';
import {
  addDays,
  lastDayOfMonthOnOrBefore,
  monthKey,
  nextDayOfMonthAfter,
  previousMonth,
} from '../dates';
import type { Wire } from '../wire';
import type { EventSchedule } from './events';
import { MORTGAGE, STUDENT_LOAN, loanPosition, monthlyPaymentCents, type LoanTerms } from './loans';

/** Liability details consistent with the card statements and loan schedules of the same Item. */

const dollars = (cents: number) => Math.round(cents) / 100;
const CARD_PAYMENT_DAY = 26;

export function creditLiability(
  accountId: string,
  schedule: EventSchedule,
  balanceCents: number,
  date: string,
): Wire<CreditCardLiability> {
  const lastPaymentDate = lastDayOfMonthOnOrBefore(date, CARD_PAYMENT_DAY);
  const lastPaid = schedule.cardStatementCents(previousMonth(monthKey(lastPaymentDate)));
  // Statements close on the last day of each month.
  const statementDate = addDays(`${monthKey(date)}-01`, -1);
  const statement = schedule.cardStatementCents(monthKey(statementDate));
  return {
    account_id: accountId,
    aprs: [
      {
        apr_percentage: 22.99,
        apr_type: 'purchase_apr',
        balance_subject_to_apr: dollars(Math.max(0, balanceCents)),
        interest_charge_amount: 0,
      },
      {
        apr_percentage: 27.99,
        apr_type: 'cash_apr',
        balance_subject_to_apr: 0,
        interest_charge_amount: 0,
      },
    ],
    is_overdue: false,
    last_payment_amount: lastPaid > 0 ? dollars(lastPaid) : null,
    last_payment_date: lastPaid > 0 ? lastPaymentDate : null,
    last_statement_issue_date: statementDate,
    last_statement_balance: dollars(statement),
    minimum_payment_amount: dollars(
      Math.min(statement, Math.max(2500, Math.round(statement * 0.02))),
    ),
    next_payment_due_date: nextDayOfMonthAfter(date, CARD_PAYMENT_DAY),
  };
}

function payoffDate(terms: LoanTerms): string {
  const [y, m] = terms.originationDate.split('-').map(Number) as [number, number];
  const total = m - 1 + terms.termMonths;
  return `${y + Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(terms.paymentDay).padStart(2, '0')}`;
}

export function studentLiability(accountId: string, date: string): Wire<StudentLoan> {
  const position = loanPosition(STUDENT_LOAN, date);
  const payment = monthlyPaymentCents(STUDENT_LOAN);
  const made = Math.round((STUDENT_LOAN.principalCents - position.balanceCents) / payment);
  return {
    account_id: accountId,
    account_number: '4277075694',
    disbursement_dates: [STUDENT_LOAN.originationDate],
    expected_payoff_date: payoffDate(STUDENT_LOAN),
    guarantor: 'DEPT OF ED',
    interest_rate_percentage: STUDENT_LOAN.annualRatePercent,
    is_overdue: false,
    last_payment_amount: position.lastPaymentDate ? dollars(payment) : null,
    last_payment_date: position.lastPaymentDate,
    last_statement_balance: dollars(position.balanceCents),
    last_statement_issue_date: position.lastPaymentDate
      ? addDays(position.lastPaymentDate, -20)
      : null,
    loan_name: 'Consolidation',
    loan_status: { end_date: payoffDate(STUDENT_LOAN), type: 'repayment' },
    minimum_payment_amount: dollars(payment),
    next_payment_due_date: nextDayOfMonthAfter(date, STUDENT_LOAN.paymentDay),
    origination_date: STUDENT_LOAN.originationDate,
    origination_principal_amount: dollars(STUDENT_LOAN.principalCents),
    outstanding_interest_amount: dollars(
      Math.round((position.balanceCents * STUDENT_LOAN.annualRatePercent) / 100 / 24),
    ),
    payment_reference_number: '4277075694',
    pslf_status: {
      estimated_eligibility_date: null,
      payments_made: Math.max(0, made),
      payments_remaining: Math.max(0, 120 - made),
    },
    repayment_plan: { description: 'Standard Repayment', type: 'standard' },
    sequence_number: '1',
    servicer_address: {
      city: 'San Matias',
      country: 'US',
      postal_code: '99415',
      region: 'CA',
      street: '123 Relaxation Road',
    },
    ytd_interest_paid: dollars(position.ytdInterestCents),
    ytd_principal_paid: dollars(position.ytdPrincipalCents),
  };
}

export function mortgageLiability(accountId: string, date: string): Wire<MortgageLiability> {
  const position = loanPosition(MORTGAGE, date);
  const payment = monthlyPaymentCents(MORTGAGE);
  return {
    account_id: accountId,
    account_number: '3120194154',
    current_late_fee: 0,
    escrow_balance: 3141.54,
    has_pmi: false,
    has_prepayment_penalty: false,
    interest_rate: { percentage: MORTGAGE.annualRatePercent, type: 'fixed' },
    last_payment_amount: position.lastPaymentDate ? dollars(payment) : null,
    last_payment_date: position.lastPaymentDate,
    loan_type_description: 'conventional',
    loan_term: '30 year',
    maturity_date: payoffDate(MORTGAGE),
    next_monthly_payment: dollars(payment),
    next_payment_due_date: nextDayOfMonthAfter(date, MORTGAGE.paymentDay),
    origination_date: MORTGAGE.originationDate,
    origination_principal_amount: dollars(MORTGAGE.principalCents),
    past_due_amount: 0,
    property_address: {
      city: 'Malakoff',
      country: 'US',
      postal_code: '14236',
      region: 'NY',
      street: '2992 Cameron Road',
    },
    ytd_interest_paid: dollars(position.ytdInterestCents),
    ytd_principal_paid: dollars(position.ytdPrincipalCents),
  };
}
