import { describe, expect, it } from 'vitest';
import type { CsvMapping, ImportedRow } from '../../../src/shared/import-mapping';
import { parseCsv, sniffCsv } from '../../../src/main/import/csv';
import { fixture } from './fixtures';

/** A bank's file read end to end: its layout guessed, then its rows read with that guess. */
function importGuessed(name: string, change: Partial<CsvMapping> = {}) {
  const bytes = fixture(name);
  const sniff = sniffCsv(bytes, 2);
  expect(sniff.suggested).not.toBeNull();
  const parsed = parseCsv(bytes, { ...sniff.suggested!, ...change }, 2);
  return { sniff, ...parsed };
}

const total = (rows: ImportedRow[]) => rows.reduce((sum, row) => sum + row.amount, 0);
const row = (rows: ImportedRow[], line: number) => rows.find((r) => r.line === line);

describe('chase-checking.csv (US, month first, signed amounts, rows longer than the header)', () => {
  const { sniff, rows, problems } = importGuessed('chase-checking.csv');

  it('finds the header, the columns and the date order', () => {
    expect(sniff).toMatchObject({
      encoding: 'utf-8',
      delimiter: ',',
      skipLines: 0,
      hasHeader: true,
      rowCount: 16,
      dateOrders: ['MDY'],
      problems: [],
    });
    expect(sniff.header).toEqual([
      'Details',
      'Posting Date',
      'Description',
      'Amount',
      'Type',
      'Balance',
      'Check or Slip #',
    ]);
    expect(sniff.sample).toHaveLength(16);
    expect(sniff.suggested).toEqual({
      encoding: 'utf-8',
      delimiter: ',',
      skipLines: 0,
      hasHeader: true,
      dateOrder: 'MDY',
      numberFormat: 'dot',
      amountMode: 'signed',
      flipSign: false,
      indicatorOut: null,
      columns: { date: 1, description: 2, amount: 3 },
    });
  });

  it('reads every row with exact amounts', () => {
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(16);
    expect(total(rows)).toBe(-8391);
    expect(rows[0]).toEqual({
      line: 2,
      date: '2026-01-30',
      amount: -545,
      description: 'STARBUCKS STORE 06453 SEATTLE WA 01/29',
      payee: null,
      category: null,
      notes: null,
      externalId: null,
    });
    expect(row(rows, 4)).toMatchObject({
      date: '2026-01-28',
      amount: -185000,
      description: 'CHECK 1042',
    });
    expect(row(rows, 10)).toMatchObject({
      date: '2026-01-16',
      amount: 324567,
      description: 'ACME CORP PAYROLL PPD ID: 9111111101',
    });
    expect(row(rows, 17)).toMatchObject({
      date: '2026-01-02',
      amount: 12,
      description: 'INTEREST PAYMENT',
    });
  });
});

describe('amex-card.csv (money out shown as positive)', () => {
  const { sniff, rows, problems } = importGuessed('amex-card.csv', { flipSign: true });

  it('maps the reference as the id and the category, and follows the file’s signs by default', () => {
    expect(sniff.suggested).toMatchObject({
      flipSign: false,
      amountMode: 'signed',
      dateOrder: 'MDY',
      columns: { date: 0, description: 1, amount: 4, id: 5, category: 6 },
    });
  });

  it('reads charges as money out and payments as money in when told the signs are flipped', () => {
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(14);
    expect(total(rows)).toBe(-89683);
    expect(rows[0]).toEqual({
      line: 2,
      date: '2026-02-27',
      amount: -2345,
      description: 'UBER TRIP HELP.UBER.COM CA',
      payee: null,
      category: 'Transportation-Taxis & Coach',
      notes: null,
      externalId: '320260580412873361',
    });
    expect(row(rows, 5)).toMatchObject({
      date: '2026-02-21',
      amount: 125000,
      description: 'AUTOPAY PAYMENT - THANK YOU',
      category: null,
      externalId: '320260520001002233',
    });
    expect(row(rows, 9)).toMatchObject({ amount: 8900, externalId: '320260450330256471' });
    expect(row(rows, 12)).toMatchObject({ date: '2026-02-09', amount: -103460 });
    // A zero stays zero, not minus zero.
    expect(Object.is(row(rows, 15)?.amount, 0)).toBe(true);
  });
});

describe('barclays-uk.csv (day first, Money In and Money Out, pounds, a preamble)', () => {
  const { sniff, rows, problems } = importGuessed('barclays-uk.csv');

  it('skips the three preamble lines and maps the two amount columns', () => {
    expect(sniff).toMatchObject({
      skipLines: 3,
      hasHeader: true,
      rowCount: 12,
      dateOrders: ['DMY'],
    });
    expect(sniff.header).toEqual(['Date', 'Description', 'Money In', 'Money Out', 'Balance']);
    expect(sniff.suggested).toMatchObject({
      dateOrder: 'DMY',
      numberFormat: 'dot',
      amountMode: 'debit-credit',
      columns: { date: 0, description: 1, credit: 2, debit: 3 },
    });
  });

  it('reads money out as negative and money in as positive, on the file’s own lines', () => {
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(12);
    expect(total(rows)).toBe(125148);
    expect(rows[0]).toMatchObject({
      line: 5,
      date: '2026-02-02',
      amount: -4218,
      description: 'TESCO STORES 3117 ON 01 FEB BCC',
    });
    expect(row(rows, 14)).toMatchObject({
      date: '2026-02-25',
      amount: 284107,
      description: 'SALARY NORTHWIND LTD BGC',
    });
    expect(row(rows, 15)).toMatchObject({ date: '2026-02-26', amount: -145000 });
  });
});

describe('sparkasse-de.csv (Windows-1252, semicolons, 1.234,56, day first with points)', () => {
  const { sniff, rows, problems } = importGuessed('sparkasse-de.csv');

  it('finds the encoding, the delimiter, the number format and the German column names', () => {
    expect(sniff).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ';',
      skipLines: 0,
      hasHeader: true,
      rowCount: 11,
      dateOrders: ['DMY'],
    });
    expect(sniff.suggested).toEqual({
      encoding: 'windows-1252',
      delimiter: ';',
      skipLines: 0,
      hasHeader: true,
      dateOrder: 'DMY',
      numberFormat: 'comma',
      amountMode: 'signed',
      flipSign: false,
      indicatorOut: null,
      columns: { date: 1, description: 4, payee: 5, amount: 8 },
    });
  });

  it('reads umlauts, the euro sign and thousands', () => {
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(11);
    expect(total(rows)).toBe(194899);
    expect(rows[0]).toEqual({
      line: 2,
      date: '2026-03-02',
      amount: -485,
      description: 'Bäckerei Müller GmbH//Köln/DE 2026-03-01T08:14:22 Karte1 2028-12',
      payee: 'Bäckerei Müller GmbH',
      category: null,
      notes: null,
      externalId: null,
    });
    expect(row(rows, 4)).toMatchObject({
      date: '2026-03-03',
      amount: -118000,
      description: 'Überweisung Miete März Wohnung 3.OG links',
      payee: 'Hausverwaltung Schäfer & Söhne',
    });
    expect(row(rows, 9)).toMatchObject({
      amount: 3995,
      description: 'Rückerstattung Bestellung 302-4471 – 39,95 €',
    });
    expect(row(rows, 11)).toMatchObject({ date: '2026-03-27', amount: 341256 });
    expect(row(rows, 12)).toMatchObject({ amount: -790, payee: null });
  });
});

describe('ing-nl.csv (an Af Bij column, compact dates, comma decimals)', () => {
  const { sniff, rows, problems } = importGuessed('ing-nl.csv');

  it('maps the indicator column and what it says for money out', () => {
    expect(sniff.dateOrders).toEqual(['YMD']);
    expect(sniff.suggested).toEqual({
      encoding: 'utf-8',
      delimiter: ',',
      skipLines: 0,
      hasHeader: true,
      dateOrder: 'YMD',
      numberFormat: 'comma',
      amountMode: 'indicator',
      flipSign: false,
      indicatorOut: 'Af',
      columns: { date: 0, description: 1, indicator: 5, amount: 6, notes: 8 },
    });
  });

  it('signs each amount by its indicator', () => {
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(12);
    expect(total(rows)).toBe(152375);
    expect(rows[0]).toEqual({
      line: 2,
      date: '2026-02-03',
      amount: -2347,
      description: 'Albert Heijn 1308',
      payee: null,
      category: null,
      notes: 'Pasvolgnr: 002 03-02-2026 18:12 Transactie: 8H7G6F Term: 1A2B3C',
      externalId: null,
    });
    expect(row(rows, 4)).toMatchObject({
      date: '2026-02-05',
      amount: 21800,
      description: 'Belastingdienst',
    });
    expect(row(rows, 8)).toMatchObject({ amount: -104500, description: 'Stichting Woonzorg' });
    expect(row(rows, 10)).toMatchObject({ date: '2026-02-24', amount: 298734 });
  });

  it('matches the indicator without regard to case', () => {
    const lower = parseCsv(fixture('ing-nl.csv'), { ...sniff.suggested!, indicatorOut: 'af' }, 2);
    expect(total(lower.rows)).toBe(152375);
  });
});

describe('utf8-bom.csv (a byte order mark, ISO dates, two identical rows)', () => {
  const { sniff, rows, problems } = importGuessed('utf8-bom.csv');

  it('reads the header past the byte order mark', () => {
    expect(sniff.header).toEqual(['Date', 'Description', 'Amount', 'Category']);
    expect(sniff.suggested?.columns).toEqual({ date: 0, description: 1, amount: 2, category: 3 });
    expect(sniff.dateOrders).toEqual(['YMD']);
  });

  it('keeps both of two identical rows', () => {
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(10);
    expect(total(rows)).toBe(65426);
    const cafe = {
      date: '2026-04-01',
      amount: -450,
      description: 'Café Olé',
      payee: null,
      category: 'Coffee',
      notes: null,
      externalId: null,
    };
    expect(rows.slice(0, 2)).toEqual([
      { line: 2, ...cafe },
      { line: 3, ...cafe },
    ]);
    expect(row(rows, 5)).toMatchObject({
      amount: 210433,
      description: 'Paycheck — Northwind Traders',
    });
    expect(row(rows, 11)).toMatchObject({
      date: '2026-04-18',
      amount: -2340,
      description: 'Ramen Kōji',
    });
  });
});

describe('bad-rows.csv (impossible dates and unreadable amounts among good rows)', () => {
  const { rows, problems } = importGuessed('bad-rows.csv');

  it('reads the good rows and says on which line each bad one is and why', () => {
    expect(rows.map((r) => [r.line, r.date, r.amount, r.description])).toEqual([
      [2, '2026-03-02', -645, 'Blue Bottle Coffee'],
      [3, '2026-03-03', -8412, 'Whole Foods Market'],
      [6, '2026-03-06', -4187, "Trader Joe's"],
      [8, '2026-03-09', 231055, 'Paycheck Northwind Traders'],
      [12, '2026-03-14', -12995, 'REI Co-op'],
    ]);
    expect(problems).toEqual([
      { line: 4, message: 'Line 4: the date “02/30/2026” is not a real day.' },
      { line: 5, message: 'Line 5: “N/A” is not an amount.' },
      { line: 7, message: 'Line 7: the date “13/45/2026” is not a real day.' },
      { line: 9, message: 'Line 9: “12..50” is not an amount.' },
      { line: 10, message: 'Line 10: “soon” is not a date.' },
      { line: 11, message: 'Line 11: the amount is empty.' },
    ]);
  });
});
