import { describe, expect, it } from 'vitest';
import {
  dateProblem,
  guessDateOrders,
  likelyDateOrders,
  parseDateText,
  type DateOrder,
} from '../../../src/main/import/date-text';

describe('parseDateText', () => {
  it.each<[string, DateOrder, string]>([
    ['2026-01-03', 'YMD', '2026-01-03'],
    ['2026/1/3', 'YMD', '2026-01-03'],
    ['2026.01.03', 'YMD', '2026-01-03'],
    ['20260103', 'YMD', '2026-01-03'],
    ['2026-01-03T00:00:00', 'YMD', '2026-01-03'],
    ['2026-01-03T23:59:59.000Z', 'YMD', '2026-01-03'],
    ['2026-01-03 14:22', 'YMD', '2026-01-03'],
    ['01/03/2026', 'MDY', '2026-01-03'],
    ['1/3/26', 'MDY', '2026-01-03'],
    ['12/31/99', 'MDY', '1999-12-31'],
    ['01/03/2026 10:00 AM', 'MDY', '2026-01-03'],
    ['03/01/2026', 'DMY', '2026-01-03'],
    ['03.01.2026', 'DMY', '2026-01-03'],
    ['03-01-2026', 'DMY', '2026-01-03'],
    ['03 01 2026', 'DMY', '2026-01-03'],
    ['3.1.26', 'DMY', '2026-01-03'],
    ['03012026', 'DMY', '2026-01-03'],
    ['01032026', 'MDY', '2026-01-03'],
    ['29/02/2028', 'DMY', '2028-02-29'],
    ['00-01-03', 'YMD', '2000-01-03'],
    ['69-01-03', 'YMD', '2069-01-03'],
    ['70-01-03', 'YMD', '1970-01-03'],
  ])('reads %j in %s as %s', (text, order, expected) => {
    expect(parseDateText(text, order)).toBe(expected);
  });

  it.each<[string, string]>([
    ['03 Jan 2026', '2026-01-03'],
    ['3-JAN-2026', '2026-01-03'],
    ['Jan 3, 2026', '2026-01-03'],
    ['January 3rd, 2026', '2026-01-03'],
    ['Sat, 3 Jan 2026', '2026-01-03'],
    ['2026 Jan 03', '2026-01-03'],
    ['3. März 2026', '2026-03-03'],
    ['03 Mrz 2026', '2026-03-03'],
    ['12 févr. 2026', '2026-02-12'],
    ['1 août 2026', '2026-08-01'],
    ['5 juil. 2026', '2026-07-05'],
    ['7 mei 2026', '2026-05-07'],
    ['15 okt 2026', '2026-10-15'],
    ['3 de enero de 2026', '2026-01-03'],
    ['9 dic 2026', '2026-12-09'],
    ['Sept 30, 2026', '2026-09-30'],
  ])('reads the month name in %j the same in every order', (text, expected) => {
    for (const order of ['YMD', 'MDY', 'DMY'] as const) {
      expect(parseDateText(text, order)).toBe(expected);
    }
  });

  it.each<[string, DateOrder]>([
    ['31/02/2026', 'DMY'],
    ['02/31/2026', 'MDY'],
    ['2026-02-29', 'YMD'],
    ['29.02.2100', 'DMY'],
    ['13/01/2026', 'MDY'],
    ['2026-01-03', 'DMY'],
    ['20261301', 'YMD'],
    ['', 'YMD'],
    ['soon', 'MDY'],
    ['1/2', 'MDY'],
    ['1/2/3/4', 'MDY'],
    ['1/2/202', 'MDY'],
    ['Jui 3 2026', 'MDY'],
    ['Foo 3 2026', 'MDY'],
    ['3 Jan', 'DMY'],
    ['01/03/1850', 'MDY'],
  ])('refuses %j in %s', (text, order) => {
    expect(parseDateText(text, order)).toBeNull();
  });
});

describe('dateProblem', () => {
  it('tells an impossible day from a date in another order and from text that is no date', () => {
    expect(dateProblem('31/02/2026', 'DMY')).toBe('the date “31/02/2026” is not a real day');
    expect(dateProblem('31/01/2026', 'MDY')).toBe(
      'the date “31/01/2026” is not a real day when read as month, day, year',
    );
    expect(dateProblem(' soon ', 'MDY')).toBe('“soon” is not a date');
  });
});

describe('guessDateOrders', () => {
  it('decides when one sample can only be day first', () => {
    expect(guessDateOrders(['01/02/2026', '31/01/2026', ''])).toEqual(['DMY']);
  });
  it('decides when one sample can only be month first', () => {
    expect(guessDateOrders(['01/02/2026', '01/31/2026'])).toEqual(['MDY']);
  });
  it('gives both orders when every sample reads either way', () => {
    expect(guessDateOrders(['01/02/2026', '03.04.2026', '12-11-2026'])).toEqual(['MDY', 'DMY']);
  });
  it('gives year first for ISO and compact dates', () => {
    expect(guessDateOrders(['2026-01-15', '2026-02-01'])).toEqual(['YMD']);
    expect(guessDateOrders(['20260203', '20260228'])).toEqual(['YMD']);
  });
  it('gives all three for two-digit dates that read three ways', () => {
    expect(guessDateOrders(['05/06/07'])).toEqual(['YMD', 'MDY', 'DMY']);
  });
  it('asks nothing about dates with month names, which read alike in every order', () => {
    expect(guessDateOrders(['03 Jan 2026', 'Feb 14, 2026'])).toEqual(['YMD']);
  });
  it('gives none when a sample is no day in any order', () => {
    expect(guessDateOrders(['01/02/2026', '31/02/2026'])).toEqual([]);
  });
  it('lets the most dates decide when a few are impossible', () => {
    expect(likelyDateOrders(['31/01/2026', '02/03/2026', '31/02/2026'])).toEqual(['DMY']);
    expect(likelyDateOrders(['soon', 'later'])).toEqual([]);
  });
});
