import {
  csvMappingSchema,
  type CsvMapping,
  type CsvLayout,
  type DateOrder,
  type ImportPreview,
} from '../../../../shared/contract';

export type AmountMode = CsvMapping['amountMode'];
export type Columns = CsvMapping['columns'];
export type ColumnRole = keyof Columns;

/** What each column can hold, in the order the form asks. */
export const ROLE_LABELS: Record<ColumnRole, string> = {
  date: 'Date',
  description: 'Description',
  amount: 'Amount',
  debit: 'Money out',
  credit: 'Money in',
  indicator: 'In or out',
  payee: 'Payee',
  category: 'Category',
  notes: 'Notes',
  id: 'Transaction id',
};

/** The columns each way of writing amounts uses. */
export const AMOUNT_ROLES: Record<AmountMode, readonly ColumnRole[]> = {
  signed: ['amount'],
  'debit-credit': ['debit', 'credit'],
  indicator: ['amount', 'indicator'],
};

export const OPTIONAL_ROLES: readonly ColumnRole[] = ['payee', 'category', 'notes', 'id'];

export const AMOUNT_MODE_LABELS: Record<AmountMode, { title: string; help: string }> = {
  signed: {
    title: 'One amount column',
    help: 'Money out and money in share a column, one of them with a minus sign.',
  },
  'debit-credit': {
    title: 'A column for money out and one for money in',
    help: 'Often called debit and credit, or withdrawals and deposits.',
  },
  indicator: {
    title: 'An amount, and a column that says whether it is out or in',
    help: 'For example a column with “D” and “C”, or “Debit” and “Credit”.',
  },
};

export const NUMBER_FORMAT_LABELS: Record<CsvMapping['numberFormat'], string> = {
  dot: '1,234.56',
  comma: '1.234,56',
};

export const ENCODING_LABELS: Record<CsvMapping['encoding'], string> = {
  'utf-8': 'UTF-8 (most files)',
  'windows-1252': 'Windows-1252 (older Windows programs)',
};

export const DELIMITER_LABELS: Record<CsvMapping['delimiter'], string> = {
  ',': 'Comma (,)',
  ';': 'Semicolon (;)',
  '\t': 'Tab',
  '|': 'Vertical bar (|)',
};

/** How many columns the file has, as far as its header and first rows show. */
export function columnCount(layout: CsvLayout): number {
  return Math.max(layout.header?.length ?? 0, ...layout.sample.map((row) => row.length), 0);
}

/** A column's name as the file gives it, else its number. */
export function columnName(layout: CsvLayout, index: number): string {
  const named = layout.header?.[index]?.trim();
  return named ? named : `Column ${index + 1}`;
}

/** A mapping to start from when the file's columns could not be guessed. */
export function startingMapping(preview: ImportPreview): CsvMapping | null {
  if (preview.mapping) return preview.mapping;
  const layout = preview.csv;
  if (!layout) return null;
  const width = columnCount(layout);
  return {
    encoding: layout.encoding,
    delimiter: layout.delimiter,
    skipLines: layout.skipLines,
    hasHeader: layout.hasHeader,
    dateOrder: preview.dateOrders[0] ?? 'YMD',
    numberFormat: 'dot',
    amountMode: 'signed',
    flipSign: false,
    indicatorOut: null,
    columns: {
      date: 0,
      description: Math.min(1, width - 1),
      amount: Math.min(2, width - 1),
    },
  };
}

/** Puts a column to a use (or none); every other role keeps its column. */
export function withColumn(
  mapping: CsvMapping,
  role: ColumnRole,
  column: number | null,
): CsvMapping {
  const columns: Columns = { ...mapping.columns };
  if (column === null) delete columns[role];
  else columns[role] = column;
  return { ...mapping, columns: columns as CsvMapping['columns'] };
}

/** Changes how amounts are written, keeping what columns fit the new way. */
export function withAmountMode(mapping: CsvMapping, mode: AmountMode): CsvMapping {
  const columns: Columns = { ...mapping.columns };
  const wanted = AMOUNT_ROLES[mode];
  for (const role of ['amount', 'debit', 'credit', 'indicator'] as const) {
    if (!wanted.includes(role)) delete columns[role];
  }
  const free = (mapping.columns.amount ?? mapping.columns.debit ?? null) as number | null;
  for (const role of wanted) {
    if (columns[role] === undefined || columns[role] === null) {
      if (free !== null && !Object.values(columns).includes(free)) columns[role] = free;
    }
  }
  return {
    ...mapping,
    amountMode: mode,
    columns: columns as CsvMapping['columns'],
    indicatorOut: mode === 'indicator' ? (mapping.indicatorOut ?? '') : null,
  };
}

export const setDateOrder = (mapping: CsvMapping, dateOrder: DateOrder): CsvMapping => ({
  ...mapping,
  dateOrder,
});

export type MappingProblems = Partial<Record<ColumnRole | 'indicatorOut' | 'general', string>>;

/**
 * What is still missing or doubled before the file can be read with this mapping, as the shared
 * schema says it (the core says the same words), placed by the input each is about.
 */
export function mappingProblems(mapping: CsvMapping): MappingProblems {
  const parsed = csvMappingSchema.safeParse(mapping);
  if (parsed.success) return {};
  const problems: MappingProblems = {};
  for (const issue of parsed.error.issues) {
    const [first, second] = issue.path;
    const key =
      first === 'columns' && typeof second === 'string' && second in ROLE_LABELS
        ? (second as ColumnRole)
        : first === 'indicatorOut'
          ? 'indicatorOut'
          : 'general';
    problems[key] ??= issue.message;
  }
  return problems;
}
