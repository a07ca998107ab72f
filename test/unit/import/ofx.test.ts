import { describe, expect, it } from 'vitest';
import { parseOfx } from '../../../src/main/import/ofx';
import { sgmlToXml } from '../../../src/main/import/ofx-sgml';
import { bytesOf, fixture } from './fixtures';

describe('bank-sgml.ofx (OFX 1.02, SGML)', () => {
  const parsed = parseOfx(fixture('bank-sgml.ofx'), 2);

  it('reads the statement’s currency, account and every transaction', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.currency).toBe('USD');
    expect(parsed.accountId).toBe('0004417755');
    expect(parsed.rows).toHaveLength(12);
    expect(parsed.rows.reduce((n, r) => n + r.amount, 0)).toBe(36904);
  });

  it('takes NAME as the description, a different MEMO as notes and FITID as the id', () => {
    expect(parsed.rows[0]).toEqual({
      line: 1,
      date: '2026-01-02',
      amount: -4217,
      description: 'SAFEWAY #1479',
      payee: null,
      category: null,
      notes: 'POS PURCHASE SEATTLE WA',
      externalId: '202601020001',
    });
    expect(parsed.rows[1]).toMatchObject({ amount: 265000, externalId: '202601020002' });
    expect(parsed.rows[2]).toMatchObject({
      line: 3,
      date: '2026-01-05',
      amount: -140000,
      description: 'CHECK 1187',
      notes: null,
    });
  });

  it('keeps a bare ampersand and decodes character references, and drops a MEMO equal to NAME', () => {
    expect(parsed.rows[3]).toMatchObject({
      description: 'AT&T *PAYMENT',
      notes: null,
      amount: -8999,
    });
    expect(parsed.rows[9]).toMatchObject({
      line: 10,
      date: '2026-01-20',
      amount: 2499,
      description: 'AMAZON.COM REFUND',
      notes: 'Café grinder return',
      externalId: '202601200001',
    });
    expect(parsed.rows[11]).toMatchObject({ date: '2026-01-31', amount: 37, notes: null });
  });
});

describe('OFX 2.11 XML', () => {
  it('gives exactly the rows of the same statement in SGML', () => {
    const xml = parseOfx(fixture('bank-xml.ofx'), 2);
    const sgml = parseOfx(fixture('bank-sgml.ofx'), 2);
    expect(xml.problems).toEqual([]);
    expect(xml.rows).toHaveLength(12);
    expect(xml.rows).toEqual(sgml.rows);
    expect(xml.currency).toBe(sgml.currency);
    expect(xml.accountId).toBe(sgml.accountId);
  });
});

describe('card.qfx (QFX credit card statement with Intuit tags)', () => {
  const parsed = parseOfx(fixture('card.qfx'), 2);

  it('reads the card statement', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.currency).toBe('USD');
    expect(parsed.accountId).toBe('4147202099881234');
    expect(parsed.rows).toHaveLength(10);
    expect(parsed.rows.reduce((n, r) => n + r.amount, 0)).toBe(96452);
    expect(parsed.rows[1]).toEqual({
      line: 2,
      date: '2026-03-04',
      amount: -1200,
      description: 'LYFT *RIDE SUN 8PM',
      payee: null,
      category: null,
      notes: 'LYFT.COM CA',
      externalId: '2026030424445003064000179338826',
    });
    expect(parsed.rows[3]).toMatchObject({ amount: 150000, description: 'PAYMENT THANK YOU' });
    expect(parsed.rows[9]).toMatchObject({ date: '2026-03-25', amount: -725 });
  });
});

/** A minimal OFX 1.x file around the given statement aggregates. */
const sgmlFile = (messages: string) =>
  bytesOf(`OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX>\n${messages}\n</OFX>\n`);
const bankStatement = (account: string, currency: string, transactions: string) =>
  `<STMTTRNRS><STMTRS><CURDEF>${currency}<BANKACCTFROM><BANKID>1<ACCTID>${account}<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST>${transactions}</BANKTRANLIST></STMTRS></STMTTRNRS>`;

describe('parseOfx details', () => {
  it('reads several statements, bank and card, numbering transactions through the file', () => {
    const file = sgmlFile(
      `<BANKMSGSRSV1>${bankStatement('111', 'EUR', '<STMTTRN><DTPOSTED>20260105<TRNAMT>-1.00<FITID>a</STMTTRN>')}${bankStatement('222', 'EUR', '<STMTTRN><DTPOSTED>20260106<TRNAMT>2.00<FITID>b<NAME>Second</STMTTRN>')}</BANKMSGSRSV1>` +
        '<CREDITCARDMSGSRSV1><CCSTMTTRNRS><CCSTMTRS><CURDEF>EUR<CCACCTFROM><ACCTID>333</CCACCTFROM><BANKTRANLIST><STMTTRN><DTPOSTED>20260107<TRNAMT>-3.00<FITID>c<NAME>Third</STMTTRN></BANKTRANLIST></CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1>',
    );
    const parsed = parseOfx(file, 2);
    expect(parsed.accountId).toBe('111');
    expect(parsed.currency).toBe('EUR');
    expect(parsed.rows.map((r) => [r.line, r.externalId, r.amount, r.description])).toEqual([
      [1, 'a', -100, ''],
      [2, 'b', 200, 'Second'],
      [3, 'c', -300, 'Third'],
    ]);
  });

  it('takes the day as written whatever the time and zone, a comma decimal, and MEMO or PAYEE when NAME is missing', () => {
    const file = sgmlFile(
      `<BANKMSGSRSV1>${bankStatement(
        '9',
        'usd',
        [
          '<STMTTRN><DTPOSTED>20260131235959.000[-8:PST]<TRNAMT>-12,50<FITID>1<MEMO>Only a memo</STMTTRN>',
          '<STMTTRN><DTPOSTED>20260201000000<TRNAMT>+5<FITID>2<PAYEE><NAME>Payee aggregate<ADDR1>1 Main St</PAYEE></STMTTRN>',
        ].join('\n'),
      )}</BANKMSGSRSV1>`,
    );
    const parsed = parseOfx(file, 2);
    expect(parsed.currency).toBe('USD');
    expect(parsed.rows).toEqual([
      {
        line: 1,
        date: '2026-01-31',
        amount: -1250,
        description: 'Only a memo',
        payee: null,
        category: null,
        notes: null,
        externalId: '1',
      },
      {
        line: 2,
        date: '2026-02-01',
        amount: 500,
        description: 'Payee aggregate',
        payee: null,
        category: null,
        notes: null,
        externalId: '2',
      },
    ]);
  });

  it('reports a transaction it cannot read, by its place in the file', () => {
    const file = sgmlFile(
      `<BANKMSGSRSV1>${bankStatement(
        '9',
        'USD',
        [
          '<STMTTRN><DTPOSTED>20260230<TRNAMT>-1.00<FITID>1</STMTTRN>',
          '<STMTTRN><TRNAMT>-1.00<FITID>2</STMTTRN>',
          '<STMTTRN><DTPOSTED>20260201<TRNAMT>lots<FITID>3</STMTTRN>',
          '<STMTTRN><DTPOSTED>20260201<FITID>4</STMTTRN>',
          '<STMTTRN><DTPOSTED>20260202<TRNAMT>-4.00<FITID>5<NAME>Fine</STMTTRN>',
        ].join('\n'),
      )}</BANKMSGSRSV1>`,
    );
    const parsed = parseOfx(file, 2);
    expect(parsed.rows.map((r) => r.externalId)).toEqual(['5']);
    expect(parsed.problems).toEqual([
      { line: 1, message: 'Transaction 1: the date “20260230” is not a real day.' },
      { line: 2, message: 'Transaction 2 has no date.' },
      { line: 3, message: 'Transaction 3: “lots” is not an amount.' },
      { line: 4, message: 'Transaction 4 has no amount.' },
    ]);
  });

  it('says so when a file holds no statement', () => {
    expect(parseOfx(bytesOf('Date,Amount\n'), 2)).toEqual({
      rows: [],
      problems: [{ line: 0, message: 'The file has no bank statement in it that can be read.' }],
      currency: null,
      accountId: null,
    });
    expect(parseOfx(sgmlFile('<SIGNONMSGSRSV1></SIGNONMSGSRSV1>'), 2).problems).toEqual([
      { line: 0, message: 'The file has no bank or card statement in it.' },
    ]);
  });
});

describe('sgmlToXml', () => {
  it('closes leaf elements left open and escapes stray ampersands', () => {
    expect(sgmlToXml('<OFX><A><B>x & y<C>1</C><D></A></OFX>')).toBe(
      '<OFX><A><B>x &amp; y</B><C>1</C><D></D></A></OFX>',
    );
  });
  it('leaves XML as it was, bar whitespace', () => {
    expect(sgmlToXml('<OFX>\n  <A>\n    <B>AT&amp;T</B>\n    <E/>\n  </A>\n</OFX>')).toBe(
      '<OFX><A><B>AT&amp;T</B><E></E></A></OFX>',
    );
  });
});
