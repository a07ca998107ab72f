import { parse, type CsvError, type Info } from 'csv-parse/sync';
import type { CsvDelimiter, ImportProblem } from '../../shared/import-mapping';

/** One row of a CSV file as its cells, with the physical line it starts on (1-based). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

interface Parsed {
  record: string[];
  info: Info;
}

/** The text after its first `count` lines, and where that text starts. */
function afterLines(text: string, count: number): string {
  let at = 0;
  for (let i = 0; i < count; i++) {
    const next = text.indexOf('\n', at);
    if (next === -1) return '';
    at = next + 1;
  }
  return text.slice(at);
}

const newlines = (s: string) => s.split('\n').length - 1;

/**
 * The rows of a CSV text (`\n` line ends) after its first `skipLines` lines, skipping blank rows
 * and rows of only empty cells. The preamble is cut off before parsing, not skipped by the
 * parser, so a stray quote in a bank's "Account: …" line cannot swallow the table. A row the
 * parser cannot finish (a quote never closed) is a problem, not an exception.
 */
export function readRecords(
  text: string,
  delimiter: CsvDelimiter,
  skipLines: number,
): { records: CsvRecord[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const body = afterLines(text, skipLines);
  let parsed: Parsed[];
  try {
    parsed = parse(body, {
      delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined, raw: string | undefined) => {
        problems.push(skippedRow(error, raw, body, skipLines));
        return undefined;
      },
      // The sync parser's types ignore `info`; the records are { record, info } all the same.
    }) as unknown as Parsed[];
  } catch {
    return {
      records: [],
      problems: [{ line: 0, message: 'The file could not be read as rows and columns.' }],
    };
  }
  const records = parsed.map(({ record, info }) => ({
    // info.lines is where the row ends; a quoted cell running over several lines starts it earlier.
    line: skipLines + info.lines - record.reduce((n, cell) => n + newlines(cell), 0),
    cells: record.map((cell) => cell.trim()),
  }));
  return { records, problems };
}

function skippedRow(
  error: CsvError | undefined,
  raw: string | undefined,
  body: string,
  skipLines: number,
): ImportProblem {
  const quoteNotClosed = error?.code === 'CSV_QUOTE_NOT_CLOSED' && raw !== undefined;
  // A quote never closed runs to the end of the text, so its row starts as many lines before
  // the end as the row has line breaks (the parser's own line count stops inside the quote).
  const line = quoteNotClosed
    ? skipLines + newlines(body) + 1 - newlines(raw.replace(/^\n+/, ''))
    : skipLines + (typeof error?.lines === 'number' ? error.lines : 1);
  if (quoteNotClosed) {
    return {
      line,
      message: `Line ${line}: a quotation mark opened here is never closed, so the rest of the file cannot be read.`,
    };
  }
  return { line, message: `Line ${line}: this row could not be split into columns.` };
}
