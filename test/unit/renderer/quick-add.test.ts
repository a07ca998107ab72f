import { describe, expect, it } from 'vitest';
import type { Transaction } from '../../../src/shared/model';
import {
  afterSave,
  buildCreateRequest,
  buildEditChange,
  cameFromText,
  changeText,
  emptyDraft,
  hasChange,
  nextDraft,
  ownFieldsDraft,
  readDay,
  readEntryAmount,
  readTags,
  splitAmount,
  type EntryDraft,
} from '../../../src/renderer/src/features/entry/quick-add-logic';

/**
 * Adding a transaction by hand, without a window: typed amounts → exact minor units for the
 * account's currency (never through a float), money out negative, problems as sentences, the
 * create and edit requests, and a history change in words.
 */

const wallet = { id: 'acc-wallet', name: 'Wallet', currency: 'EUR', closedAt: null };
const draft = (patch: Partial<EntryDraft> = {}): EntryDraft => ({
  ...emptyDraft('acc-wallet', '2025-03-14'),
  amount: '3.50',
  description: 'Coffee',
  ...patch,
});

/** A sentence a person can read: a capital first, one full stop (or ? !) at the end. */
const isSentence = (text: string) => {
  expect(text).toMatch(/^[A-Z“]/);
  expect(text).toMatch(/[^.?!][.?!]$/);
  expect(text).not.toMatch(/\.\.|\s\./);
  expect(text).not.toMatch(/undefined|NaN|null|zod|regex/i);
};

const amount = (text: string, currency: string, direction: 'out' | 'in' = 'out') => {
  const read = readEntryAmount(text, currency, direction);
  return read.ok ? read.value : read.message;
};

describe('readEntryAmount', () => {
  it('reads 2-digit currencies exactly, money out negative', () => {
    expect(amount('12', 'EUR')).toBe(-1200);
    expect(amount('12.5', 'EUR')).toBe(-1250);
    expect(amount('1,234.56', 'EUR')).toBe(-123456);
    expect(amount('0.07', 'USD', 'in')).toBe(7);
    expect(amount('  4.50 ', 'EUR', 'in')).toBe(450);
    // Amounts a float would get wrong.
    expect(amount('1.005', 'KWD', 'in')).toBe(1005);
    expect(amount('0.29', 'EUR')).toBe(-29);
    expect(amount('1.15', 'USD')).toBe(-115);
    expect(amount('9,007,199,254,740.99', 'USD', 'in')).toBe('That amount is too large.');
    expect(amount('99,999,999,999.99', 'USD', 'in')).toBe(9_999_999_999_999);
  });

  it('reads 0-digit currencies as whole units', () => {
    expect(amount('1,234', 'JPY')).toBe(-1234);
    expect(amount('500', 'JPY', 'in')).toBe(500);
    const cents = amount('12.5', 'JPY');
    expect(typeof cents).toBe('string');
    isSentence(cents as string);
    expect(cents).toContain('JPY');
  });

  it('reads 3-digit currencies into thousandths', () => {
    expect(amount('12', 'KWD')).toBe(-12000);
    expect(amount('12.5', 'BHD')).toBe(-12500);
    expect(amount('1,234.567', 'KWD', 'in')).toBe(1234567);
    expect(typeof amount('1.2345', 'KWD')).toBe('string');
  });

  it('refuses what cannot be read, in sentences', () => {
    for (const text of [
      '',
      '   ',
      'abc',
      '12..5',
      '1,23',
      '0',
      '0.00',
      '-12',
      '−3',
      '12,50',
      '1.234',
    ]) {
      const read = readEntryAmount(text, 'EUR', 'out');
      expect(read.ok, text).toBe(false);
      if (!read.ok) isSentence(read.message);
    }
    const empty = readEntryAmount('', 'EUR', 'out');
    expect(!empty.ok && empty.message).toBe('Type the amount, like 1,234.56.');
    const zero = readEntryAmount('0', 'EUR', 'in');
    expect(!zero.ok && zero.message).toMatch(/zero/);
    const comma = readEntryAmount('12,50', 'EUR', 'in');
    expect(!comma.ok && comma.message).toBe('Use a point for the decimals, like 12.50.');
    const minus = readEntryAmount('-12', 'EUR', 'out');
    expect(!minus.ok && minus.message).toMatch(/without a minus sign/);
  });

  it('splits a stored amount back into a direction and a positive text, exactly', () => {
    expect(splitAmount(-350, 'EUR')).toEqual({ direction: 'out', text: '3.50' });
    expect(splitAmount(123456, 'EUR')).toEqual({ direction: 'in', text: '1234.56' });
    expect(splitAmount(-1234, 'JPY')).toEqual({ direction: 'out', text: '1234' });
    expect(splitAmount(5, 'KWD')).toEqual({ direction: 'in', text: '0.005' });
    // And back again.
    for (const [minor, currency] of [
      [-350, 'EUR'],
      [7, 'USD'],
      [-1234, 'JPY'],
      [1234567, 'KWD'],
    ] as const) {
      const { direction, text } = splitAmount(minor, currency);
      expect(amount(text, currency, direction)).toBe(minor);
    }
  });
});

describe('readDay and readTags', () => {
  it('accepts a real calendar day only', () => {
    expect(readDay('2025-03-14')).toEqual({ ok: true, value: '2025-03-14' });
    expect(readDay('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    for (const text of ['', '2025-02-29', '2025-13-01', '14/03/2025', '2025-3-14', '0099-01-01']) {
      const read = readDay(text);
      expect(read.ok, text).toBe(false);
      if (!read.ok) isSentence(read.message);
    }
  });

  it('reads tags between commas, each once whatever its case', () => {
    expect(readTags('')).toEqual({ ok: true, value: [] });
    expect(readTags(' Holiday,  receipts , holiday,,')).toEqual({
      ok: true,
      value: ['Holiday', 'receipts'],
    });
    const long = readTags('x'.repeat(41));
    expect(long.ok).toBe(false);
    if (!long.ok) isSentence(long.message);
    const many = readTags(Array.from({ length: 21 }, (_, i) => `t${i}`).join(','));
    expect(many.ok).toBe(false);
  });
});

describe('buildCreateRequest', () => {
  it('builds the request with exact minor units and only the fields given', () => {
    expect(buildCreateRequest(draft(), wallet)).toEqual({
      ok: true,
      request: { accountId: 'acc-wallet', date: '2025-03-14', amount: -350, name: 'Coffee' },
    });
    const full = buildCreateRequest(
      draft({
        direction: 'in',
        amount: '1,200',
        description: '  Birthday money ',
        payee: ' Grandma ',
        category: 'INCOME',
        notes: ' In a card ',
        tags: 'Family, gifts',
      }),
      wallet,
    );
    expect(full).toEqual({
      ok: true,
      request: {
        accountId: 'acc-wallet',
        date: '2025-03-14',
        amount: 120000,
        name: 'Birthday money',
        payee: 'Grandma',
        category: 'INCOME',
        notes: 'In a card',
        tags: ['Family', 'gifts'],
      },
    });
  });

  it('uses the account currency’s digits', () => {
    const yen = { ...wallet, currency: 'JPY' };
    const dinar = { ...wallet, currency: 'KWD' };
    const built = (d: EntryDraft, a: typeof wallet) => {
      const r = buildCreateRequest(d, a);
      return r.ok ? r.request.amount : r.problems;
    };
    expect(built(draft({ amount: '980' }), yen)).toBe(-980);
    expect(built(draft({ amount: '2.250' }), dinar)).toBe(-2250);
    expect(built(draft({ amount: '2.25' }), wallet)).toBe(-225);
  });

  it('places each problem under its input, as a sentence', () => {
    const result = buildCreateRequest(
      draft({ amount: 'ten', description: '   ', date: '', payee: 'x'.repeat(101) }),
      wallet,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.problems).sort()).toEqual(['amount', 'date', 'name', 'payee']);
    for (const message of Object.values(result.problems)) isSentence(message);

    const noAccount = buildCreateRequest(draft(), undefined);
    expect(!noAccount.ok && noAccount.problems.accountId).toBeTruthy();
    const closed = buildCreateRequest(draft(), { ...wallet, closedAt: '2025-01-01T00:00:00Z' });
    expect(!closed.ok && closed.problems.accountId).toBe(
      'The account “Wallet” is closed; choose an open one.',
    );
    const line = buildCreateRequest(draft({ description: 'two\tlines' }), wallet);
    expect(!line.ok && line.problems.name).toBe('Keep the description on a single line.');
  });

  it('keeps the account and day for the next entry, and what was typed meanwhile', () => {
    const sent = draft({ direction: 'in', payee: 'Bakery', tags: 'Food' });
    expect(nextDraft(sent)).toEqual(emptyDraft('acc-wallet', '2025-03-14'));
    // The person already typed the next amount while the save was out.
    const typing = { ...sent, amount: '2' };
    expect(afterSave(typing, sent)).toEqual({
      ...emptyDraft('acc-wallet', '2025-03-14'),
      amount: '2',
    });
  });
});

const row = (patch: Partial<Transaction> = {}): Transaction => ({
  id: 'manual-1',
  accountId: 'acc-wallet',
  connectionId: null,
  source: 'manual',
  date: '2025-03-14',
  authorizedDate: null,
  name: 'Coffee',
  merchantName: null,
  category: null,
  categoryDetailed: null,
  amount: -350,
  currency: 'EUR',
  pending: false,
  pendingTransactionId: null,
  removed: false,
  paymentChannel: null,
  batchId: 7,
  user: {
    payee: null,
    category: null,
    notes: null,
    excluded: false,
    reviewed: false,
    needsReview: null,
    locked: [],
  },
  tags: [],
  splits: [],
  ...patch,
});

describe('buildEditChange', () => {
  it('sends only what changed', () => {
    const t = row();
    const start = ownFieldsDraft(t);
    expect(start).toEqual({
      date: '2025-03-14',
      direction: 'out',
      amount: '3.50',
      description: 'Coffee',
    });
    const same = buildEditChange(t, start);
    expect(same.ok && hasChange(same.change)).toBe(false);
    expect(buildEditChange(t, { ...start, amount: '4.5' })).toEqual({
      ok: true,
      change: { amount: -450 },
    });
    expect(buildEditChange(t, { ...start, direction: 'in', date: '2025-03-13' })).toEqual({
      ok: true,
      change: { date: '2025-03-13', amount: 350 },
    });
    expect(buildEditChange(t, { ...start, description: ' Coffee beans ' })).toEqual({
      ok: true,
      change: { name: 'Coffee beans' },
    });
  });

  it('refuses an unreadable edit, by input', () => {
    const t = row();
    const result = buildEditChange(t, { date: '', direction: 'out', amount: '0', description: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.problems).sort()).toEqual(['amount', 'date', 'name']);
    for (const message of Object.values(result.problems)) isSentence(message);
  });
});

describe('where a row came from and its history, in words', () => {
  it('names the source', () => {
    expect(cameFromText(row())).toBe('Entered by hand');
    expect(cameFromText(row({ source: 'file', batchId: 12 }))).toBe(
      'Imported from a file (batch #12)',
    );
    expect(cameFromText(row({ source: 'plaid' }))).toBe('From your bank');
  });

  it('reads the new fields well', () => {
    expect(changeText({ field: 'amount', before: '-3.50 EUR', after: '-4.50 EUR' }, true)).toBe(
      'Amount from -3.50 EUR to -4.50 EUR',
    );
    expect(changeText({ field: 'description', before: 'Coffee', after: 'Tea' }, true)).toBe(
      'Description from “Coffee” to “Tea”',
    );
    const date = changeText({ field: 'date', before: '2025-03-14', after: '2025-03-13' }, true);
    expect(date).toMatch(/^Date from .*2025 to .*2025$/);
    expect(date).not.toContain('2025-03');
    expect(changeText({ field: 'deleted', before: true, after: false }, true)).toBe(
      'Added by hand',
    );
    expect(changeText({ field: 'deleted', before: false, after: true }, true)).toBe('Deleted');
  });

  it('says "none" for an empty field of a row the person owns, "the bank’s" for a bank row', () => {
    expect(changeText({ field: 'payee', before: null, after: 'Café' }, true)).toBe(
      'Payee from none to “Café”',
    );
    expect(changeText({ field: 'payee', before: null, after: 'Café' }, false)).toBe(
      'Payee from the bank’s to “Café”',
    );
  });
});
