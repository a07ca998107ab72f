import type {
  CsvDelimiter,
  CsvMapping,
  Encoding,
  ImportedRow,
  ImportProblem,
  NumberFormat,
} from '../../shared/import-mapping';
import { guessLayout, looksLikeHeader, suggestMapping } from './csv-guess';
import { readRecords, type CsvRecord } from './csv-records';
import { dateProblem, parseDateText, type DateOrder } from './date-text';
import { decodeBytes } from './decode';
import { parseMoneyText } from './money-text';

const SAMPLE_ROWS = 20;

/** What a CSV file looks like, for the person to map its columns (with a guess to start from). */
export interface CsvSniff {
  encoding: Encoding;
  delimiter: CsvDelimiter;
  skipLines: number;
  hasHeader: boolean;
  header: string[] | null;
  /** The first data rows, as cells. */
  sample: string[][];
  rowCount: number;
  suggested: CsvMapping | null;
  /** Every date order the date column allows; more than one and the person is asked. */
  dateOrders: DateOrder[];
  problems: ImportProblem[];
}

export function sniffCsv(bytes: Uint8Array, exponent: number): CsvSniff {
  const { text, encoding } = decodeBytes(bytes);
  const { delimiter, skipLines } = guessLayout(text);
  const { records, problems } = readRecords(text, delimiter, skipLines);
  const first = records[0];
  const header = first && looksLikeHeader(first.cells, exponent) ? first.cells : null;
  const data = (header ? records.slice(1) : records).map((r) => r.cells);
  const { mapping, dateOrders } = suggestMapping({
    encoding,
    delimiter,
    skipLines,
    header,
    rows: data,
    exponent,
  });
  if (records.length === 0 && problems.length === 0) {
    problems.push({ line: 0, message: 'The file has no rows in it.' });
  }
  return {
    encoding,
    delimiter,
    skipLines,
    hasHeader: header !== null,
    header,
    sample: data.slice(0, SAMPLE_ROWS),
    rowCount: data.length,
    suggested: mapping,
    dateOrders,
    problems,
  };
}

/**
 * The file's header and first rows as a mapping reads them, so that when the person changes the
 * delimiter, the encoding, the lines to skip or the header, the columns they map follow.
 */
export function csvLayoutWith(
  bytes: Uint8Array,
  mapping: CsvMapping,
): { header: string[] | null; sample: string[][]; rowCount: number } {
  const { text } = decodeBytes(bytes, mapping.encoding);
  const { records } = readRecords(text, mapping.delimiter, mapping.skipLines);
  const header = mapping.hasHeader && records[0] ? records[0].cells : null;
  const data = (header ? records.slice(1) : records).map((r) => r.cells);
  return { header, sample: data.slice(0, SAMPLE_ROWS), rowCount: data.length };
}

/**
 * The rows of a CSV file read with the person's mapping. A row whose date or amount cannot be
 * read is a problem with its line, never a guess; a row with no date at all is a total or a
 * footer and is left out without a word.
 */
export function parseCsv(
  bytes: Uint8Array,
  mapping: CsvMapping,
  exponent: number,
): { rows: ImportedRow[]; problems: ImportProblem[] } {
  const { text } = decodeBytes(bytes, mapping.encoding);
  const { records, problems } = readRecords(text, mapping.delimiter, mapping.skipLines);
  const rows: ImportedRow[] = [];
  for (const record of mapping.hasHeader ? records.slice(1) : records) {
    const read = readRow(record, mapping, exponent);
    if (read === null) continue;
    if ('problem' in read) problems.push({ line: record.line, message: read.problem });
    else rows.push(read.row);
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems };
}

type RowRead = { row: ImportedRow } | { problem: string } | null;

function readRow(record: CsvRecord, mapping: CsvMapping, exponent: number): RowRead {
  const { cells, line } = record;
  const cell = (index: number | null | undefined) =>
    index === null || index === undefined ? '' : (cells[index] ?? '');
  const text = (index: number | null | undefined) => cell(index).replace(/\s+/g, ' ') || null;
  const said = (message: string) => ({ problem: `Line ${line}: ${message}.` });

  const dateCell = cell(mapping.columns.date);
  if (dateCell === '') return null;
  const date = parseDateText(dateCell, mapping.dateOrder);
  if (date === null) return said(dateProblem(dateCell, mapping.dateOrder));

  const amount = readAmount(cell, mapping, exponent);
  if (typeof amount === 'string') return said(amount);

  const payee = text(mapping.columns.payee);
  const notes = text(mapping.columns.notes);
  return {
    row: {
      line,
      date,
      amount,
      description: text(mapping.columns.description) ?? payee ?? notes ?? '',
      payee,
      category: text(mapping.columns.category),
      notes,
      externalId: text(mapping.columns.id),
    },
  };
}

/** The row's amount in minor units (+ in, - out), or why it cannot be read. */
function readAmount(
  cell: (index: number | null | undefined) => string,
  mapping: CsvMapping,
  exponent: number,
): number | string {
  const { columns, numberFormat } = mapping;
  if (mapping.amountMode === 'debit-credit') {
    const outText = cell(columns.debit);
    const inText = cell(columns.credit);
    if (outText === '' && inText === '') return 'there is no amount in money out or in money in';
    const out = outText === '' ? 0 : parseMoneyText(outText, numberFormat, exponent);
    if (out === null) return amountProblem(outText, numberFormat, exponent);
    const into = inText === '' ? 0 : parseMoneyText(inText, numberFormat, exponent);
    if (into === null) return amountProblem(inText, numberFormat, exponent);
    if (out !== 0 && into !== 0) {
      return `there is an amount both in money out (“${outText}”) and in money in (“${inText}”), so it is not clear which it is`;
    }
    // Some banks write money out as a negative number; the column already says which way it went.
    return out !== 0 ? -Math.abs(out) : Math.abs(into);
  }
  const amountText = cell(columns.amount);
  if (amountText === '') return 'the amount is empty';
  const amount = parseMoneyText(amountText, numberFormat, exponent);
  if (amount === null) return amountProblem(amountText, numberFormat, exponent);
  if (mapping.amountMode === 'indicator') {
    const out = cell(columns.indicator).toLowerCase() === mapping.indicatorOut?.toLowerCase();
    return out ? -Math.abs(amount) : Math.abs(amount);
  }
  return mapping.flipSign && amount !== 0 ? -amount : amount;
}

const OTHER_FORMAT: Record<NumberFormat, { format: NumberFormat; words: string }> = {
  dot: { format: 'comma', words: 'a comma' },
  comma: { format: 'dot', words: 'a point' },
};

/** Why an amount cannot be read: too many decimals, the other number format, or not a number. */
function amountProblem(text: string, format: NumberFormat, exponent: number): string {
  const shown = `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
  const other = OTHER_FORMAT[format];
  if (parseMoneyText(text, format, 12) !== null) {
    return `the amount ${shown} has more decimal places than the account’s currency`;
  }
  if (parseMoneyText(text, other.format, exponent) !== null) {
    return `the amount ${shown} is written with ${other.words} before the cents; choose that way of writing numbers`;
  }
  return `${shown} is not an amount`;
}
