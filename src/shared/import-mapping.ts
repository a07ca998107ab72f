/**
 * How a bank's file is read: the formats the import takes, how a CSV file's columns map to a
 * transaction, and the rows every parser hands back. Shared by the core's parsers and the
 * renderer's column form, so it imports nothing that only runs in Node.
 */
import { z } from 'zod';

export const IMPORT_FORMATS = ['csv', 'ofx', 'qif'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * The order of year, month and day in a file's dates. Years may have 2 or 4 digits, parts may be
 * split by / - . or spaces, and months may be written as names ("03 Jan 2026", "Jan 3, 2026").
 */
export const DATE_ORDERS = ['YMD', 'MDY', 'DMY'] as const;
/** dot: 1,234.56; comma: 1.234,56. Either also takes spaces or apostrophes between thousands. */
export const NUMBER_FORMATS = ['dot', 'comma'] as const;
export type NumberFormat = (typeof NUMBER_FORMATS)[number];
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];
export const ENCODINGS = ['utf-8', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];
export const AMOUNT_MODES = ['signed', 'debit-credit', 'indicator'] as const;

/** Wide enough for any bank's export, small enough that a typo cannot ask for a millionth column. */
const MAX_COLUMN = 199;

const column = z
  .number()
  .int()
  .min(0, 'A column number cannot be below zero.')
  .max(MAX_COLUMN, `A file can have at most ${MAX_COLUMN + 1} columns.`);
const optionalColumn = column.nullable().optional();

const columnsSchema = z.strictObject({
  date: column,
  description: column,
  amount: optionalColumn,
  debit: optionalColumn,
  credit: optionalColumn,
  indicator: optionalColumn,
  payee: optionalColumn,
  category: optionalColumn,
  notes: optionalColumn,
  id: optionalColumn,
});

type ColumnRole = keyof z.infer<typeof columnsSchema>;

/** What each column is, in the words the sentences below use. */
const ROLE_WORDS: Record<ColumnRole, string> = {
  date: 'the date',
  description: 'the description',
  amount: 'the amount',
  debit: 'money out',
  credit: 'money in',
  indicator: 'whether money went out or came in',
  payee: 'the payee',
  category: 'the category',
  notes: 'the notes',
  id: 'the transaction id',
};

export const csvMappingSchema = z
  .strictObject({
    encoding: z.enum(ENCODINGS),
    delimiter: z.enum(CSV_DELIMITERS),
    /** Lines before the header: the preamble some banks put first ("Account: …"). */
    skipLines: z
      .number()
      .int()
      .min(0, 'The number of lines to skip cannot be below zero.')
      .max(50, 'At most 50 lines can be skipped before the header.'),
    hasHeader: z.boolean(),
    dateOrder: z.enum(DATE_ORDERS),
    numberFormat: z.enum(NUMBER_FORMATS),
    amountMode: z.enum(AMOUNT_MODES),
    /** signed mode: true when the file shows money out as positive (many card exports). */
    flipSign: z.boolean(),
    /**
     * indicator mode: the cell text (case-insensitive, trimmed) that means money out, e.g. "DR"
     * or "Debit". Any other value means money in.
     */
    indicatorOut: z
      .string()
      .trim()
      .max(40, 'What the in-or-out column says for money out can be at most 40 characters.')
      .nullable(),
    columns: columnsSchema,
  })
  // Each sentence names what is missing, because the column form shows it as it is.
  .superRefine((mapping, ctx) => {
    const { columns } = mapping;
    const missing = (role: ColumnRole, message: string) => {
      if (columns[role] === null || columns[role] === undefined) {
        ctx.addIssue({ code: 'custom', path: ['columns', role], message });
      }
    };
    if (mapping.amountMode === 'signed') {
      missing('amount', 'Choose the column with the amount.');
    } else if (mapping.amountMode === 'debit-credit') {
      missing('debit', 'Choose the column with money out.');
      missing('credit', 'Choose the column with money in.');
    } else {
      missing('amount', 'Choose the column with the amount.');
      missing('indicator', 'Choose the column that says whether money went out or came in.');
      if (!mapping.indicatorOut) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicatorOut'],
          message: 'Type what the in-or-out column says for money out, such as “DR”.',
        });
      }
    }
    const used = new Map<number, ColumnRole>();
    for (const [role, index] of Object.entries(columns) as [ColumnRole, number | null][]) {
      if (index === null || index === undefined) continue;
      const other = used.get(index);
      if (other) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', role],
          message: `Column ${index + 1} is chosen for both ${ROLE_WORDS[other]} and ${ROLE_WORDS[role]}; choose a different column for one of them.`,
        });
      } else {
        used.set(index, role);
      }
    }
  });

export type CsvMapping = z.infer<typeof csvMappingSchema>;

/** One transaction read from a file, before anything decides whether it is already here. */
export interface ImportedRow {
  /** 1-based line (CSV: physical line in the file; QIF: line of the record's first field; OFX: the n-th STMTTRN). */
  line: number;
  /** YYYY-MM-DD */
  date: string;
  /** Minor units: positive is money into the account, negative is money out. */
  amount: number;
  /** The bank's text for the row (CSV description column; OFX NAME, or MEMO when NAME is empty; QIF payee, or memo). */
  description: string;
  payee: string | null;
  category: string | null;
  /** OFX MEMO when NAME was the description; QIF memo and check number. */
  notes: string | null;
  /** The bank's own id for the row (CSV id column, OFX FITID); QIF has none. */
  externalId: string | null;
}

/** A part of the file that could not be read, as a sentence a person can act on. */
export interface ImportProblem {
  /** As ImportedRow's line; 0 when the problem is with the whole file. */
  line: number;
  message: string;
}
