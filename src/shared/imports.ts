import type {
  CsvMapping,
  DATE_ORDERS,
  ENCODINGS,
  CSV_DELIMITERS,
  ImportFormat,
  ImportProblem,
} from './import-mapping';
import type { Transaction } from './model';

export type DateOrder = (typeof DATE_ORDERS)[number];

/** What the import found of a CSV file's layout, for the column-mapping step. */
export interface CsvLayout {
  encoding: (typeof ENCODINGS)[number];
  delimiter: (typeof CSV_DELIMITERS)[number];
  skipLines: number;
  hasHeader: boolean;
  header: string[] | null;
  /** The first data rows as cells, to show beside the mapping. */
  sample: string[][];
  rowCount: number;
}

/** What importing one file row would do. */
export type ImportRowOutcome =
  /** Added as a new row. */
  | 'new'
  /** The same money as a row already here (by the file's id, or amount and date): not added. */
  | 'matched'
  /** Added, but it may be the same as one of several rows here; the person chooses. */
  | 'suggested';

export interface ImportPreviewRow {
  line: number;
  date: string;
  amount: number;
  description: string;
  payee: string | null;
  category: string | null;
  notes: string | null;
  externalId: string | null;
  outcome: ImportRowOutcome;
  /** The row already here it matched, or the first candidate of a suggestion. */
  matchedId: string | null;
}

export interface ImportCounts {
  rows: number;
  new: number;
  matched: number;
  suggested: number;
  problems: number;
}

export interface ImportPreview {
  format: ImportFormat;
  /** CSV only: the layout found, for mapping columns. */
  csv: CsvLayout | null;
  /** CSV only: the mapping used; `mappingFrom` says whether it was given, remembered or guessed. */
  mapping: CsvMapping | null;
  mappingFrom: 'given' | 'saved' | 'guessed' | null;
  /** CSV and QIF: every date order the file's dates allow; more than one asks the person. */
  dateOrders: DateOrder[];
  dateOrder: DateOrder | null;
  /** The currency the file states (OFX), when it differs from the account's. */
  fileCurrency: string | null;
  /** The first rows as they would be imported. */
  rows: ImportPreviewRow[];
  counts: ImportCounts;
  /** Rows that cannot be imported, each with its line and why (the first of them). */
  problems: ImportProblem[];
}

export interface ImportResult extends ImportCounts {
  /** The batch the import made; null when it added and matched nothing. */
  batchId: number | null;
}

/** What adding a row by hand did: added it, or found it already here and added nothing. */
export type CreateTransactionResult =
  | { outcome: 'added'; transaction: Transaction }
  | { outcome: 'already-here'; matches: Transaction[] };
