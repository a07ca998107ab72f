import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NumberFormat } from '../../../src/shared/import-mapping';
import { guessNumberFormat, parseMoneyText } from '../../../src/main/import/money-text';

describe('parseMoneyText', () => {
  it.each<[string, NumberFormat, number, number]>([
    ['1,234.56', 'dot', 2, 123456],
    ['1.234,56', 'comma', 2, 123456],
    ['1 234,56', 'comma', 2, 123456],
    ['1\u00a0234,56', 'comma', 2, 123456],
    ['1\u202f234,56', 'comma', 2, 123456],
    ["1'234.56", 'dot', 2, 123456],
    ['1,23,456.78', 'dot', 2, 12345678],
    ['-12.50', 'dot', 2, -1250],
    ['\u221212.50', 'dot', 2, -1250],
    ['12.50-', 'dot', 2, -1250],
    ['(12.50)', 'dot', 2, -1250],
    ['($1,200.00)', 'dot', 2, -120000],
    ['+5', 'dot', 2, 500],
    ['$1,234.56', 'dot', 2, 123456],
    ['-$12.50', 'dot', 2, -1250],
    ['$-12.50', 'dot', 2, -1250],
    ['US$ 7.00', 'dot', 2, 700],
    ['€ 12,50', 'comma', 2, 1250],
    ['12,50 €', 'comma', 2, 1250],
    ['-1.180,00 EUR', 'comma', 2, -118000],
    ['£2,841.07', 'dot', 2, 284107],
    ['USD 12.50', 'dot', 2, 1250],
    ['12', 'dot', 2, 1200],
    ['.5', 'dot', 2, 50],
    [',5', 'comma', 2, 50],
    ['12.', 'dot', 2, 1200],
    ['0.1', 'dot', 2, 10],
    ['12.340', 'dot', 2, 1234],
    ['1,234', 'dot', 0, 1234],
    ['¥1,234', 'dot', 0, 1234],
    ['1,234.00', 'dot', 0, 1234],
    ['12.345', 'dot', 3, 12345],
    ['1.5', 'dot', 3, 1500],
    ['  -7.25  ', 'dot', 2, -725],
    ['9007199254740.99', 'dot', 2, 900719925474099],
  ])('reads %j (%s, %i decimals) as %i', (text, format, exponent, expected) => {
    expect(parseMoneyText(text, format, exponent)).toBe(expected);
  });

  it('reads a negative zero as plain zero', () => {
    expect(Object.is(parseMoneyText('-0.00', 'dot', 2), 0)).toBe(true);
    expect(Object.is(parseMoneyText('(0,00)', 'comma', 2), 0)).toBe(true);
  });

  it.each<[string, NumberFormat, number]>([
    ['', 'dot', 2],
    ['   ', 'dot', 2],
    ['abc', 'dot', 2],
    ['N/A', 'dot', 2],
    ['12..50', 'dot', 2],
    ['1e5', 'dot', 2],
    ['--5', 'dot', 2],
    ['(-5)', 'dot', 2],
    ['(5', 'dot', 2],
    ['5)', 'dot', 2],
    ['12.50 DR', 'dot', 2],
    // The wrong format is refused, never misread: "12,50" is not 1250 dollars.
    ['12,50', 'dot', 2],
    ['1.234,56', 'dot', 2],
    ['1,234.56', 'comma', 2],
    ['12,3', 'dot', 2],
    ['1,2345', 'dot', 2],
    ["1'234,5.6", 'dot', 2],
    ['1 234,567.89', 'dot', 2],
    // More decimals than the currency has, and not zeros: it would have to be rounded.
    ['12.345', 'dot', 2],
    ['1.5', 'dot', 0],
    ['0.0001', 'dot', 3],
    ['$', 'dot', 2],
    ['.', 'dot', 2],
    ['99999999999999999.99', 'dot', 2],
  ])('refuses %j (%s, %i decimals)', (text, format, exponent) => {
    expect(parseMoneyText(text, format, exponent)).toBeNull();
  });

  /** An amount written as banks write it, from its minor units. */
  function bankText(
    minor: number,
    exponent: number,
    format: NumberFormat,
    style: { grouping: string; negative: 'minus' | 'parentheses' | 'trailing'; currency: string },
  ): string {
    const abs = Math.abs(minor);
    const scale = 10 ** exponent;
    const whole = String(Math.floor(abs / scale)).replace(/\B(?=(\d{3})+(?!\d))/g, style.grouping);
    const fraction = exponent === 0 ? '' : String(abs % scale).padStart(exponent, '0');
    const decimal = format === 'dot' ? '.' : ',';
    const body = `${style.currency}${whole}${fraction ? decimal + fraction : ''}`;
    if (minor >= 0) return body;
    if (style.negative === 'parentheses') return `(${body})`;
    if (style.negative === 'trailing') return `${body}-`;
    return `-${body}`;
  }

  it('reads back any amount written the way banks write it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.constantFrom(0, 2, 3),
        fc.constantFrom<NumberFormat>('dot', 'comma'),
        fc.constantFrom<'minus' | 'parentheses' | 'trailing'>('minus', 'parentheses', 'trailing'),
        fc.constantFrom('', '$', '€ ', '£', 'USD '),
        fc.nat(3),
        (minor, exponent, format, negative, currency, groupingChoice) => {
          const groupings = format === 'dot' ? ['', ',', "'", ' '] : ['', '.', ' ', '\u00a0'];
          const grouping = groupings[groupingChoice]!;
          const text = bankText(minor, exponent, format, { grouping, negative, currency });
          expect(parseMoneyText(text, format, exponent)).toBe(minor);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('guessNumberFormat', () => {
  it('finds comma decimals from the amounts', () => {
    expect(guessNumberFormat(['-4,85', '1.180,00', '39,95'], 2)).toBe('comma');
  });
  it('finds dot decimals, and prefers dot when whole numbers read either way', () => {
    expect(guessNumberFormat(['-4.85', '1,180.00', '39.95'], 2)).toBe('dot');
    expect(guessNumberFormat(['12', '-40'], 2)).toBe('dot');
    expect(guessNumberFormat([], 2)).toBe('dot');
  });
  it('reads "1.234" as a thousand and more when the currency has cents', () => {
    expect(guessNumberFormat(['1.234', '2.500'], 2)).toBe('comma');
  });
});
