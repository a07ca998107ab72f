import { describe, expect, it } from 'vitest';
import { readLiability, type StoredLiability } from '../../../src/main/portfolio/liability-reader';
import type { Account, CardLiability, LoanLiability } from '../../../src/shared/model';

const account: Account = {
  id: 'acc_card',
  connectionId: 'conn_1',
  source: 'plaid',
  closedAt: null,
  name: 'Platinum card',
  bankName: 'Plaid Credit Card',
  institutionName: 'First Platypus Bank',
  hidden: false,
  officialName: null,
  type: 'credit',
  subtype: 'credit card',
  mask: '3333',
  currency: 'USD',
  balances: { current: 41_000, available: null, limit: 200_000 },
  balanceUpdatedAt: null,
};

const row = (kind: string, details: unknown): StoredLiability => ({
  accountId: 'acc_card',
  kind,
  details: typeof details === 'string' ? details : JSON.stringify(details),
  updatedAt: '2026-11-20T10:00:00.000Z',
});

describe('readLiability', () => {
  it('reads a complete card into minor units', () => {
    const card = readLiability(
      row('credit', {
        account_id: 'acc_card',
        aprs: [{ apr_type: 'purchase_apr', apr_percentage: 22.99, balance_subject_to_apr: 410.0 }],
        is_overdue: false,
        last_payment_amount: 168.25,
        last_payment_date: '2026-10-26',
        last_statement_balance: 1708.77,
        last_statement_issue_date: '2026-10-31',
        minimum_payment_amount: 34.18,
        next_payment_due_date: '2026-11-26',
      }),
      account,
    ) as CardLiability;
    expect(card).toMatchObject({
      kind: 'credit',
      accountName: 'Platinum card',
      balance: 41_000,
      minimumPayment: 3418,
      lastStatementBalance: 170_877,
      lastStatementDate: '2026-10-31',
      lastPaymentAmount: 16_825,
      nextPaymentDueDate: '2026-11-26',
      isOverdue: false,
    });
    expect(card.aprs).toEqual([
      { type: 'purchase_apr', percentage: 22.99, balanceSubjectToApr: 41_000 },
    ]);
  });

  it('turns missing, null and odd fields into null rather than zero, keeping the rest', () => {
    const card = readLiability(
      row('credit', {
        aprs: [
          { apr_type: 'purchase_apr' },
          'not an apr',
          { apr_type: 'cash_apr', apr_percentage: 27.99 },
        ],
        minimum_payment_amount: '34.18',
        last_statement_balance: null,
        next_payment_due_date: '26/11/2026',
        is_overdue: 'no',
      }),
      account,
    ) as CardLiability;
    expect(card).toMatchObject({
      minimumPayment: null,
      lastStatementBalance: null,
      lastStatementDate: null,
      nextPaymentDueDate: null,
      lastPaymentAmount: null,
      isOverdue: null,
    });
    expect(card.aprs).toEqual([{ type: 'cash_apr', percentage: 27.99, balanceSubjectToApr: null }]);

    const noAprs = readLiability(row('credit', { aprs: null }), account) as CardLiability;
    expect(noAprs.aprs).toEqual([]);
  });

  it('reads a mortgage and a student loan, with a term worked out when Plaid gives none', () => {
    const mortgage = readLiability(
      row('mortgage', {
        interest_rate: { percentage: 3.99, type: 'fixed' },
        loan_term: null,
        origination_date: '2019-07-01',
        maturity_date: '2049-07-01',
        next_monthly_payment: 2002.72,
        escrow_balance: 3141.54,
        past_due_amount: 0,
      }),
      account,
    ) as LoanLiability;
    expect(mortgage).toMatchObject({
      kind: 'mortgage',
      interestRatePercentage: 3.99,
      interestRateType: 'fixed',
      term: '30 years',
      nextPaymentAmount: 200_272,
      escrowBalance: 314_154,
      isOverdue: false,
    });
    const student = readLiability(
      row('student', {
        interest_rate_percentage: 5.25,
        origination_date: '2016-09-15',
        expected_payoff_date: '2026-09-15',
        minimum_payment_amount: 343.33,
        repayment_plan: { description: 'Standard Repayment', type: 'standard' },
      }),
      account,
    ) as LoanLiability;
    expect(student).toMatchObject({
      kind: 'student',
      term: '10 years',
      nextPaymentAmount: 34_333,
      escrowBalance: null,
      repaymentPlan: 'Standard Repayment',
      interestRateType: null,
    });
    const bare = readLiability(
      row('mortgage', { interest_rate: 'high' }),
      account,
    ) as LoanLiability;
    expect(bare).toMatchObject({ interestRatePercentage: null, term: null, escrowBalance: null });
  });

  it('gives nothing for a row that is not a liability at all', () => {
    expect(readLiability(row('credit', 'not json'), account)).toBeNull();
    expect(readLiability(row('credit', '[1, 2]'), account)).toBeNull();
    expect(readLiability(row('credit', 'null'), account)).toBeNull();
    expect(readLiability(row('payday', {}), account)).toBeNull();
  });
});
