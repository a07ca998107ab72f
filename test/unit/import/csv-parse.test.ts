import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CSV_DELIMITERS,
  csvMappingSchema,
  type CsvMapping,
} from '../../../src/shared/import-mapping';
import { parseCsv, sniffCsv } from '../../../src/main/import/csv';
import { bytesOf } from './fixtures';
import { signedCsvMapping } from '../../support/csv-mapping';

const SIGNED = signedCsvMapping({ date: 0, description: 1, amount: 2 });

const DEBIT_CREDIT: CsvMapping = {
  ...SIGNED,
  amountMode: 'debit-credit',
  columns: { date: 0, description: 1, debit: 2, credit: 3 },
};

describe('parseCsv, amounts', () => {
  it('takes debit as money out and credit as money in, whatever sign the bank gave them', () => {
    const file = [
      'Date,Description,Debit,Credit',
      '2026-01-01,Groceries,12.50,',
      '2026-01-02,Refund,,3.00',
      '2026-01-03,Fee written negative,-4.00,',
      '2026-01-04,Zero beside an amount,0.00,7.25',
      '2026-01-05,Both,1.00,2.00',
      '2026-01-06,Neither,,',
    ].join('\n');
    const { rows, problems } = parseCsv(bytesOf(file), DEBIT_CREDIT, 2);
    expect(rows.map((r) => [r.line, r.amount])).toEqual([
      [2, -1250],
      [3, 300],
      [4, -400],
      [5, 725],
    ]);
    expect(problems).toEqual([
      {
        line: 6,
        message:
          'Line 6: there is an amount both in money out (“1.00”) and in money in (“2.00”), so it is not clear which it is.',
      },
      { line: 7, message: 'Line 7: there is no amount in money out or in money in.' },
    ]);
  });

  it('signs amounts by an indicator column', () => {
    const mapping: CsvMapping = {
      ...SIGNED,
      amountMode: 'indicator',
      indicatorOut: 'DR',
      columns: { date: 0, description: 1, amount: 2, indicator: 3 },
    };
    const file =
      'Date,Text,Amount,Dr/Cr\n2026-01-01,a,5.00, dr \n2026-01-02,b,6.00,CR\n2026-01-03,c,-7.00,Cr\n';
    expect(parseCsv(bytesOf(file), mapping, 2).rows.map((r) => r.amount)).toEqual([-500, 600, 700]);
  });

  it('flips the sign of every amount when the file shows money out as positive', () => {
    const file = 'Date,Text,Amount\n2026-01-01,Coffee,4.50\n2026-01-02,Payment,-100.00\n';
    const rows = parseCsv(bytesOf(file), { ...SIGNED, flipSign: true }, 2).rows;
    expect(rows.map((r) => r.amount)).toEqual([-450, 10000]);
  });

  it('says what is wrong with an amount in words a person can act on', () => {
    const file = [
      'Date,Text,Amount',
      '2026-01-01,Comma decimals,"12,50"',
      '2026-01-02,Too precise,1.005',
      '2026-01-03,Not money,abc',
    ].join('\n');
    expect(parseCsv(bytesOf(file), SIGNED, 2).problems.map((p) => p.message)).toEqual([
      'Line 2: the amount “12,50” is written with a comma before the cents; choose that way of writing numbers.',
      'Line 3: the amount “1.005” has more decimal places than the account’s currency.',
      'Line 4: “abc” is not an amount.',
    ]);
    const comma = parseCsv(
      bytesOf('Date,Text,Amount\n2026-01-01,x,1.50\n'),
      { ...SIGNED, numberFormat: 'comma' },
      2,
    );
    expect(comma.problems[0]?.message).toBe(
      'Line 2: the amount “1.50” is written with a point before the cents; choose that way of writing numbers.',
    );
  });

  it('reads whole-unit currencies with exponent 0 and three-decimal ones with exponent 3', () => {
    const file = 'Date,Text,Amount\n2026-01-01,Ramen,"-1,200"\n2026-01-02,Fuel,-3.250\n';
    expect(parseCsv(bytesOf(file), SIGNED, 0).rows.map((r) => r.amount)).toEqual([-1200]);
    expect(parseCsv(bytesOf(file), SIGNED, 3).rows.map((r) => r.amount)).toEqual([-1200000, -3250]);
  });
});

describe('parseCsv, rows and lines', () => {
  it('leaves out total lines with no date, and reports a dated row with no amount', () => {
    const file = 'Date,Text,Amount\n2026-01-01,Coffee,-4.50\n,Total,-4.50\n2026-01-02,No amount,\n';
    const { rows, problems } = parseCsv(bytesOf(file), SIGNED, 2);
    expect(rows).toHaveLength(1);
    expect(problems).toEqual([{ line: 4, message: 'Line 4: the amount is empty.' }]);
  });

  it('counts every physical line: preamble, header, blank lines and cells over several lines', () => {
    const file = [
      'Account: 1234, "Everyday',
      'Exported 2026-02-01',
      '',
      'Date,Text,Amount',
      '2026-01-01,"Two',
      'lines",-1.00',
      '',
      ',,',
      '2026-01-02,After a blank line,-2.00',
      '2026-02-30,Bad,-3.00',
    ].join('\r\n');
    const { rows, problems } = parseCsv(bytesOf(file), { ...SIGNED, skipLines: 3 }, 2);
    expect(rows.map((r) => [r.line, r.description, r.amount])).toEqual([
      [5, 'Two lines', -100],
      [9, 'After a blank line', -200],
    ]);
    expect(problems).toEqual([
      { line: 10, message: 'Line 10: the date “2026-02-30” is not a real day.' },
    ]);
  });

  it('reads a file without a header from its first line', () => {
    const file = '01/02/2026,Coffee,-4.50\n01/03/2026,Tea,-3.00\n';
    const mapping: CsvMapping = { ...SIGNED, hasHeader: false, dateOrder: 'DMY' };
    expect(parseCsv(bytesOf(file), mapping, 2).rows.map((r) => [r.line, r.date])).toEqual([
      [1, '2026-02-01'],
      [2, '2026-03-01'],
    ]);
  });

  it('says when the dates do not fit the order chosen', () => {
    const file = 'Date,Text,Amount\n31/01/2026,Coffee,-4.50\n';
    expect(parseCsv(bytesOf(file), { ...SIGNED, dateOrder: 'MDY' }, 2).problems).toEqual([
      {
        line: 2,
        message: 'Line 2: the date “31/01/2026” is not a real day when read as month, day, year.',
      },
    ]);
  });

  it('reports a quotation mark never closed, keeping the rows before it', () => {
    const file =
      'Date,Text,Amount\n2026-01-01,Fine,-1.00\n2026-01-02,"Broken,-2.00\n2026-01-03,Lost,-3.00\n';
    const { rows, problems } = parseCsv(bytesOf(file), SIGNED, 2);
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(problems).toEqual([
      {
        line: 3,
        message:
          'Line 3: a quotation mark opened here is never closed, so the rest of the file cannot be read.',
      },
    ]);
  });

  it('fills in optional columns, and uses the payee when the description is empty', () => {
    const mapping: CsvMapping = {
      ...SIGNED,
      columns: { date: 0, description: 1, amount: 2, payee: 3, category: 4, notes: 5, id: 6 },
    };
    const file = 'D,T,A,P,C,N,I\n2026-01-01,,-1.00,  Corner   Shop ,Food,,ID-1\n';
    expect(parseCsv(bytesOf(file), mapping, 2).rows).toEqual([
      {
        line: 2,
        date: '2026-01-01',
        amount: -100,
        description: 'Corner Shop',
        payee: 'Corner Shop',
        category: 'Food',
        notes: null,
        externalId: 'ID-1',
      },
    ]);
  });

  it('never throws on arbitrary bytes read with any valid mapping, and what it returns is sound', () => {
    const mapping = fc
      .record({
        encoding: fc.constantFrom('utf-8' as const, 'windows-1252' as const),
        delimiter: fc.constantFrom(...CSV_DELIMITERS),
        skipLines: fc.nat(5),
        hasHeader: fc.boolean(),
        dateOrder: fc.constantFrom('YMD' as const, 'MDY' as const, 'DMY' as const),
        numberFormat: fc.constantFrom('dot' as const, 'comma' as const),
        amountMode: fc.constantFrom(
          'signed' as const,
          'debit-credit' as const,
          'indicator' as const,
        ),
        flipSign: fc.boolean(),
        order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }),
      })
      .map(({ order, ...m }): CsvMapping => {
        const [date, description, a, b] = order as [number, number, number, number];
        const columns =
          m.amountMode === 'signed'
            ? { date, description, amount: a }
            : m.amountMode === 'debit-credit'
              ? { date, description, debit: a, credit: b }
              : { date, description, amount: a, indicator: b };
        return { ...m, indicatorOut: m.amountMode === 'indicator' ? 'D' : null, columns };
      });
    const csvText = fc
      .array(
        fc.constantFrom(
          ',',
          ';',
          '\t',
          '|',
          '"',
          '\n',
          '\r',
          ' ',
          '-',
          '.',
          '(',
          ')',
          '1',
          '2',
          '9',
          '0',
          '/',
          'D',
          'a',
          '€',
          '\u00e9',
        ),
        { maxLength: 300 },
      )
      .map((chars) => bytesOf(chars.join('')));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 600 }), csvText), mapping, (bytes, m) => {
        expect(csvMappingSchema.safeParse(m).success).toBe(true);
        const { rows, problems } = parseCsv(bytes, m, 2);
        for (const row of rows) {
          expect(row.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(Number.isSafeInteger(row.amount)).toBe(true);
        }
        for (const problem of problems) {
          expect(problem.message).toMatch(/^(Line \d+: .*|The file .*)\.$/s);
          expect(problem.message).not.toMatch(/\.\.$/);
        }
        expect(() => sniffCsv(bytes, 2)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe('sniffCsv', () => {
  it('maps a German Soll/Haben export and asks about its dates', () => {
    const file = [
      'Buchungstag;Verwendungszweck;Soll;Haben;Waehrung',
      '03.02.2026;REWE Markt Berlin;12,50;;EUR',
      '05.02.2026;Gehalt Februar;;2.500,00;EUR',
      '07.02.2026;Miete Februar;1.100,00;;EUR',
      '',
    ].join('\r\n');
    const sniff = sniffCsv(bytesOf(file), 2);
    expect(sniff.dateOrders).toEqual(['MDY', 'DMY']);
    expect(sniff.suggested).toEqual({
      encoding: 'utf-8',
      delimiter: ';',
      skipLines: 0,
      hasHeader: true,
      dateOrder: 'DMY',
      numberFormat: 'comma',
      amountMode: 'debit-credit',
      flipSign: false,
      indicatorOut: null,
      columns: { date: 0, description: 1, debit: 2, credit: 3 },
    });
    expect(
      parseCsv(bytesOf(file), sniff.suggested!, 2).rows.map((r) => [r.date, r.amount]),
    ).toEqual([
      ['2026-02-03', -1250],
      ['2026-02-05', 250000],
      ['2026-02-07', -110000],
    ]);
  });

  it('finds tab and vertical-bar delimiters', () => {
    expect(
      sniffCsv(bytesOf('Date\tPayee\tAmount\n2026-01-01\tA, B and C\t-1.00\n'), 2),
    ).toMatchObject({
      delimiter: '\t',
      suggested: { columns: { date: 0, description: 1, amount: 2 } },
    });
    expect(sniffCsv(bytesOf('Date|Description|Amount\n2026-01-01|A;B|-1.00\n'), 2).delimiter).toBe(
      '|',
    );
  });

  it('guesses the columns of a file without a header from what they hold, taking no reference number for money', () => {
    const file =
      '2026-01-01,4411,Corner Cafe,-4.50,995.50\n2026-01-02,4412,Paycheck,1200.00,2195.50\n';
    const sniff = sniffCsv(bytesOf(file), 2);
    expect(sniff).toMatchObject({ hasHeader: false, header: null, rowCount: 2 });
    expect(sniff.suggested?.columns).toEqual({ date: 0, description: 2, amount: 3 });
  });

  it('takes a payee column as the description when there is no description, and keeps no id that repeats', () => {
    const file =
      'Date,Payee,Amount,Reference\n2026-01-01,Cafe,-4.50,NOTPROVIDED\n2026-01-02,Shop,-1.00,NOTPROVIDED\n';
    expect(sniffCsv(bytesOf(file), 2).suggested?.columns).toEqual({
      date: 0,
      description: 1,
      amount: 2,
    });
  });

  it('says when a file has no rows, and suggests nothing it cannot back', () => {
    expect(sniffCsv(new Uint8Array(), 2)).toMatchObject({
      rowCount: 0,
      suggested: null,
      problems: [{ line: 0, message: 'The file has no rows in it.' }],
    });
    expect(sniffCsv(bytesOf('just some words\nand more words\n'), 2).suggested).toBeNull();
  });
});
