import { describe, expect, it } from 'vitest';
import { detectFormat, parseImportFile } from '../../../src/main/import/index';
import { bytesOf, fixture } from './fixtures';

describe('detectFormat', () => {
  it('knows a file by what it holds before its name', () => {
    expect(detectFormat('statement.txt', fixture('bank-sgml.ofx'))).toBe('ofx');
    expect(detectFormat('download.csv', fixture('bank-xml.ofx'))).toBe('ofx');
    expect(detectFormat('card.qfx', fixture('card.qfx'))).toBe('ofx');
    expect(detectFormat('export.txt', fixture('checking.qif'))).toBe('qif');
    expect(detectFormat('x', bytesOf('\ufeff!Account\nNChecking\n^\n'))).toBe('qif');
    expect(detectFormat('x', bytesOf('  <OFX>\n<BANKMSGSRSV1>'))).toBe('ofx');
  });

  it('falls back on the extension', () => {
    expect(detectFormat('chase.CSV', fixture('chase-checking.csv'))).toBe('csv');
    expect(detectFormat('export.txt', bytesOf('a;b\n1;2\n'))).toBe('csv');
    expect(detectFormat('empty.ofx', new Uint8Array())).toBe('ofx');
    expect(detectFormat('empty.qif', new Uint8Array())).toBe('qif');
  });

  it('knows no other file', () => {
    expect(
      detectFormat('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])),
    ).toBeNull();
    expect(detectFormat('statement', bytesOf('Date,Amount\n'))).toBeNull();
  });
});

describe('parseImportFile', () => {
  it('reads OFX with its currency and account', () => {
    const parsed = parseImportFile({ format: 'ofx', bytes: fixture('card.qfx'), exponent: 2 });
    expect(parsed).toMatchObject({ currency: 'USD', accountId: '4147202099881234', problems: [] });
    expect(parsed.rows).toHaveLength(10);
  });

  it('reads QIF in the order it is told, or the one its dates allow', () => {
    const told = parseImportFile({
      format: 'qif',
      bytes: bytesOf("!Type:Bank\nD1/ 2'26\nT-1.00\n^\n"),
      dateOrder: 'DMY',
      exponent: 2,
    });
    expect(told.rows[0]?.date).toBe('2026-02-01');
    const guessed = parseImportFile({
      format: 'qif',
      bytes: fixture('checking.qif'),
      dateOrder: null,
      exponent: 2,
    });
    expect(guessed).toMatchObject({ currency: null, accountId: null, problems: [] });
    expect(guessed.rows[0]?.date).toBe('2026-01-02');
  });

  it('reads CSV with the mapping it is given, or the guessed one', () => {
    const guessed = parseImportFile({
      format: 'csv',
      bytes: fixture('barclays-uk.csv'),
      exponent: 2,
    });
    expect(guessed.rows).toHaveLength(12);
    expect(guessed.rows[0]).toMatchObject({ line: 5, amount: -4218 });
    expect(guessed.currency).toBeNull();
    const unreadable = parseImportFile({
      format: 'csv',
      bytes: bytesOf('just words\nmore words\n'),
      exponent: 2,
    });
    expect(unreadable).toEqual({
      rows: [],
      problems: [
        {
          line: 0,
          message:
            'Choose which columns hold the date, the description and the amount; they could not be recognised.',
        },
      ],
      currency: null,
      accountId: null,
    });
  });
});
