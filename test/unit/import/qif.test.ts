import { describe, expect, it } from 'vitest';
import { guessQifDateOrders, parseQif } from '../../../src/main/import/qif';
import { bytesOf, fixture } from './fixtures';

describe('checking.qif', () => {
  const { rows, problems } = parseQif(fixture('checking.qif'), 'MDY', 2);

  it('reads the bank transactions only, not the category list or the account block', () => {
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(12);
    expect(rows.reduce((n, r) => n + r.amount, 0)).toBe(1739);
    expect(rows.map((r) => r.date)).toEqual([
      '2026-01-02',
      '2026-01-03',
      '2026-01-06',
      '2026-01-09',
      '2026-01-12',
      '2026-01-15',
      '2026-01-18',
      '2026-01-21',
      '2026-01-24',
      '2026-01-27',
      '2026-01-28',
      '2026-01-31',
    ]);
  });

  it('reads a check: payee, memo, category and check number, on the line of its first field', () => {
    expect(rows[0]).toEqual({
      line: 20,
      date: '2026-01-02',
      amount: -125000,
      description: 'Pinecrest Property Management',
      payee: 'Pinecrest Property Management',
      category: 'Housing:Rent',
      notes: 'January rent (check 1042)',
      externalId: null,
    });
  });

  it('keeps the total of a split transaction', () => {
    expect(rows[1]).toMatchObject({
      line: 28,
      amount: -8437,
      description: 'Whole Foods Market',
      category: 'Groceries',
      notes: null,
    });
  });

  it('names a transfer category by its account', () => {
    expect(rows[2]).toMatchObject({ amount: -50000, category: 'Transfer: Ally Savings' });
    expect(rows[9]).toMatchObject({ amount: -100000, category: 'Transfer: Visa Signature Card' });
  });

  it('ignores a non-numeric N, takes U when there is no T, and drops a category’s class', () => {
    expect(rows[3]).toMatchObject({ amount: 287540, notes: 'Payroll direct deposit' });
    expect(rows[8]).toMatchObject({ line: 78, amount: 25000, description: 'Maria Lopez' });
    expect(rows[5]).toMatchObject({ category: 'Entertainment' });
  });

  it('finds month first from a date like 1/15’26', () => {
    expect(guessQifDateOrders(fixture('checking.qif'))).toEqual(['MDY']);
  });
});

const qif = (...records: string[][]) =>
  bytesOf(`!Type:Bank\n${records.map((r) => `${r.join('\n')}\n^`).join('\n')}\n`);

describe('parseQif details', () => {
  it.each<[string, 'MDY' | 'DMY', string]>([
    ["1/ 2'26", 'MDY', '2026-01-02'],
    ["1/ 2'26", 'DMY', '2026-02-01'],
    ["12/31'99", 'MDY', '2099-12-31'],
    ['1/2/98', 'MDY', '1998-01-02'],
    ['1/2/05', 'MDY', '2005-01-02'],
    ['01/02/2026', 'MDY', '2026-01-02'],
    ['1-2-2026', 'MDY', '2026-01-02'],
    ['01.02.2026', 'DMY', '2026-02-01'],
    ['2026-01-02', 'MDY', '2026-01-02'],
  ])('reads the Quicken date %j in %s as %s', (date, order, expected) => {
    const read = order === 'MDY' && date === '2026-01-02' ? 'YMD' : order;
    expect(parseQif(qif([`D${date}`, 'T-1.00']), read, 2).rows[0]?.date).toBe(expected);
  });

  it('reads comma decimals when the whole file writes them', () => {
    const file = qif(['D01.02.2026', 'T-1.234,56', 'PBäckerei'], ['D02.02.2026', 'T12,00']);
    expect(parseQif(file, 'DMY', 2).rows.map((r) => r.amount)).toEqual([-123456, 1200]);
  });

  it('uses the memo as the description without a payee, and a check number without either', () => {
    const file = qif(['D1/2/2026', 'T-3.00', 'MParking meter'], ['D1/3/2026', 'T-40.00', 'N2001']);
    expect(parseQif(file, 'MDY', 2).rows.map((r) => [r.description, r.payee, r.notes])).toEqual([
      ['Parking meter', null, null],
      ['Check 2001', null, null],
    ]);
  });

  it('reports records it cannot read, on the line each starts', () => {
    const file = qif(
      ['D2/30/2026', 'T-1.00'],
      ['T-2.00', 'PNo date'],
      ['D1/2/2026', 'PNo amount'],
      ['D1/3/2026', 'Tabc'],
    );
    expect(parseQif(file, 'MDY', 2)).toEqual({
      rows: [],
      problems: [
        { line: 2, message: 'Line 2: the date “2/30/2026” is not a real day.' },
        { line: 5, message: 'Line 5: the transaction has no date.' },
        { line: 8, message: 'Line 8: the transaction has no amount.' },
        { line: 11, message: 'Line 11: “abc” is not an amount.' },
      ],
    });
  });

  it('skips memorized and class lists and investment sections, and keeps a last record with no ^', () => {
    const file = bytesOf(
      [
        '!Type:Memorized',
        'KC',
        'T-50.00',
        'PGym',
        '^',
        '!Type:Class',
        'NVacation',
        '^',
        '!Type:Invst',
        'D1/2/2026',
        'NBuy',
        'T-100.00',
        '^',
        '!Type:CCard',
        'D1/5/2026',
        'T-9.99',
        'PStreaming',
      ].join('\r\n'),
    );
    expect(parseQif(file, 'MDY', 2).rows).toEqual([
      {
        line: 15,
        date: '2026-01-05',
        amount: -999,
        description: 'Streaming',
        payee: 'Streaming',
        category: null,
        notes: null,
        externalId: null,
      },
    ]);
  });

  it('asks about dates that read either way, and asks nothing for a file with none', () => {
    expect(guessQifDateOrders(qif(["D1/ 2'26", 'T-1.00'], ["D3/ 4'26", 'T-1.00']))).toEqual([
      'MDY',
      'DMY',
    ]);
    expect(guessQifDateOrders(qif(["D13/ 2'26", 'T-1.00']))).toEqual(['DMY']);
  });
});
