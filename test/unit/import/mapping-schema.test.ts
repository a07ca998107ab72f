import { describe, expect, it } from 'vitest';
import { csvMappingSchema } from '../../../src/shared/import-mapping';
import { signedCsvMapping } from '../../support/csv-mapping';

const BASE = signedCsvMapping({ date: 0, description: 1, amount: 2 });

const messages = (value: unknown) => {
  const parsed = csvMappingSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('csvMappingSchema', () => {
  it('accepts a complete mapping, with optional columns left out or null', () => {
    expect(messages(BASE)).toEqual([]);
    expect(messages({ ...BASE, columns: { ...BASE.columns, payee: null, id: 5 } })).toEqual([]);
  });

  it('says in a sentence which column each way of writing amounts still needs', () => {
    expect(messages({ ...BASE, columns: { date: 0, description: 1 } })).toEqual([
      'Choose the column with the amount.',
    ]);
    expect(
      messages({
        ...BASE,
        amountMode: 'debit-credit',
        columns: { date: 0, description: 1, debit: 2 },
      }),
    ).toEqual(['Choose the column with money in.']);
    expect(
      messages({
        ...BASE,
        amountMode: 'indicator',
        indicatorOut: '  ',
        columns: { date: 0, description: 1 },
      }),
    ).toEqual([
      'Choose the column with the amount.',
      'Choose the column that says whether money went out or came in.',
      'Type what the in-or-out column says for money out, such as “DR”.',
    ]);
  });

  it('refuses one column used for two things', () => {
    expect(messages({ ...BASE, columns: { date: 0, description: 1, amount: 1 } })).toEqual([
      'Column 2 is chosen for both the description and the amount; choose a different column for one of them.',
    ]);
  });

  it('trims what the indicator says for money out, and refuses fields it does not know', () => {
    const parsed = csvMappingSchema.parse({
      ...BASE,
      amountMode: 'indicator',
      indicatorOut: ' DR ',
      columns: { date: 0, description: 1, amount: 2, indicator: 3 },
    });
    expect(parsed.indicatorOut).toBe('DR');
    expect(csvMappingSchema.safeParse({ ...BASE, extra: true }).success).toBe(false);
    expect(csvMappingSchema.safeParse({ ...BASE, skipLines: 51 }).success).toBe(false);
    expect(
      csvMappingSchema.safeParse({ ...BASE, columns: { ...BASE.columns, notes: 200 } }).success,
    ).toBe(false);
  });
});
