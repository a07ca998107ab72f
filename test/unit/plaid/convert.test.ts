import { describe, expect, it } from 'vitest';
import { convertAccount, convertTransaction } from '../../../src/main/plaid/convert';
import { currencyExponent, toMinorUnits } from '../../../src/main/plaid/money';

const base = {
  transaction_id: 'tx1',
  account_id: 'acc1',
  amount: 12.34,
  iso_currency_code: 'USD',
  unofficial_currency_code: null,
  date: '2026-11-01',
  authorized_date: '2026-10-31',
  pending: false,
  pending_transaction_id: null,
  name: 'STARBUCKS 123',
  merchant_name: 'Starbucks',
  payment_channel: 'in store',
  personal_finance_category: {
    primary: 'FOOD_AND_DRINK',
    detailed: 'FOOD_AND_DRINK_COFFEE',
    confidence_level: 'HIGH',
  },
};

describe('money', () => {
  it('knows each currency’s minor units', () => {
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('BHD')).toBe(3);
    expect(currencyExponent('BTC')).toBe(8);
    expect(currencyExponent('XYZ1')).toBeNull();
  });

  it('converts exactly, without float drift, and refuses what would need rounding', () => {
    expect(toMinorUnits(0.1 + 0.2, 'USD')).toBe(30);
    expect(toMinorUnits(1234.56, 'USD')).toBe(123456);
    expect(toMinorUnits(-65262.01, 'USD')).toBe(-6526201);
    expect(toMinorUnits(500, 'JPY')).toBe(500);
    expect(toMinorUnits(1.005, 'JPY')).toBeNull();
    expect(toMinorUnits(12.345, 'USD')).toBeNull();
    expect(toMinorUnits(Number.NaN, 'USD')).toBeNull();
    expect(toMinorUnits(1e20, 'USD')).toBeNull();
  });
});

describe('convertTransaction', () => {
  it('converts to minor units and flips Plaid’s sign once (positive = money in)', () => {
    const spent = convertTransaction(base);
    expect(spent).toEqual({
      ok: true,
      row: {
        id: 'tx1',
        accountId: 'acc1',
        date: '2026-11-01',
        authorizedDate: '2026-10-31',
        name: 'STARBUCKS 123',
        merchantName: 'Starbucks',
        category: 'FOOD_AND_DRINK',
        categoryDetailed: 'FOOD_AND_DRINK_COFFEE',
        amount: -1234,
        currency: 'USD',
        pending: false,
        pendingTransactionId: null,
        paymentChannel: 'in store',
      },
    });
    const paid = convertTransaction({ ...base, amount: -2500 });
    expect(paid.ok && paid.row.amount).toBe(250000);
  });

  it('uses the unofficial currency when no ISO code is set', () => {
    const btc = convertTransaction({
      ...base,
      iso_currency_code: null,
      unofficial_currency_code: 'BTC',
      amount: 0.00012345,
    });
    expect(btc.ok && btc.row).toMatchObject({ currency: 'BTC', amount: -12345 });
  });

  it.each([
    [{ ...base, amount: 'ten' }, /amount/],
    [{ ...base, date: '01/11/2026' }, /date/],
    [{ ...base, iso_currency_code: null }, /no currency/],
    [{ ...base, amount: 1.234 }, /does not fit USD/],
    [{ ...base, transaction_id: '' }, /transaction_id/],
    [null, /malformed/],
  ])('gives a quarantine reason for %j', (raw, reason) => {
    const result = convertTransaction(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('convertAccount', () => {
  it('keeps balances in minor units with Plaid’s sign', () => {
    const card = convertAccount({
      account_id: 'a1',
      name: 'Plaid Credit Card',
      official_name: null,
      type: 'credit',
      subtype: 'credit card',
      mask: '3333',
      balances: {
        current: 410,
        available: null,
        limit: 2000,
        iso_currency_code: 'USD',
        unofficial_currency_code: null,
      },
    });
    expect(card).toEqual({
      ok: true,
      row: {
        id: 'a1',
        name: 'Plaid Credit Card',
        officialName: null,
        type: 'credit',
        subtype: 'credit card',
        mask: '3333',
        currency: 'USD',
        current: 41000,
        available: null,
        limit: 200000,
      },
    });
  });
});
