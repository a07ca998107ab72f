/**
 * A bank's file into rows, whatever its format. Pure: bytes in, rows and problems out; deciding
 * what is already in the ledger is the import service's.
 */
import type {
  CsvMapping,
  ImportedRow,
  ImportFormat,
  ImportProblem,
} from '../../shared/import-mapping';
import { parseCsv, sniffCsv } from './csv';
import type { DateOrder } from './date-text';
import { decodeBytes } from './decode';
import { parseOfx } from './ofx';
import { guessQifDateOrders, parseQif } from './qif';

export interface ImportFileRequest {
  format: ImportFormat;
  bytes: Uint8Array;
  /** CSV: how its columns read; left out, the columns are guessed. */
  mapping?: CsvMapping | null;
  /** QIF: the order of its dates; left out, the one its dates allow (month first when both do). */
  dateOrder?: DateOrder | null;
  /** The account currency's decimal places (2 for USD, 0 for JPY). */
  exponent: number;
}

export interface ParsedImport {
  rows: ImportedRow[];
  problems: ImportProblem[];
  /** OFX: the currency the file states; null for formats that state none. */
  currency: string | null;
  /** OFX: the account number the file states. */
  accountId: string | null;
}

export function parseImportFile(request: ImportFileRequest): ParsedImport {
  const { bytes, exponent } = request;
  const none = { currency: null, accountId: null };
  switch (request.format) {
    case 'ofx':
      return parseOfx(bytes, exponent);
    case 'qif': {
      const order = request.dateOrder ?? preferred(guessQifDateOrders(bytes));
      return { ...parseQif(bytes, order, exponent), ...none };
    }
    case 'csv': {
      const mapping = request.mapping ?? sniffCsv(bytes, exponent).suggested;
      if (!mapping) {
        const message =
          'Choose which columns hold the date, the description and the amount; they could not be recognised.';
        return { rows: [], problems: [{ line: 0, message }], ...none };
      }
      return { ...parseCsv(bytes, mapping, exponent), ...none };
    }
  }
}

/** With both orders possible, month first: the order of the US Quicken that writes most QIF. */
function preferred(orders: readonly DateOrder[]): DateOrder {
  return orders.includes('MDY') ? 'MDY' : (orders[0] ?? 'MDY');
}

/** How far into a file its kind shows: OFX headers and QIF's first line come first. */
const LOOK_BYTES = 4096;

/**
 * A file's format from what it holds, else from its name's extension; null when it is none of
 * the formats read here. Content first, because banks name QFX files ".ofx" and CSV files ".txt".
 */
export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat | null {
  const start = decodeBytes(bytes.subarray(0, LOOK_BYTES)).text.trimStart();
  if (/^OFXHEADER/i.test(start) || /<OFX>|<\?OFX/i.test(start)) return 'ofx';
  if (/^!(Type:|Account|Option:)/i.test(start)) return 'qif';
  const extension = /\.([a-z]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  switch (extension) {
    case 'csv':
    case 'txt':
    case 'tsv':
      return 'csv';
    case 'ofx':
    case 'qfx':
      return 'ofx';
    case 'qif':
      return 'qif';
    default:
      return null;
  }
}
