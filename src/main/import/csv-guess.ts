import {
  CSV_DELIMITERS,
  csvMappingSchema,
  DATE_ORDERS,
  NUMBER_FORMATS,
  type CsvDelimiter,
  type CsvMapping,
  type Encoding,
  type NumberFormat,
} from '../../shared/import-mapping';
import { readRecords, type CsvRecord } from './csv-records';
import { likelyDateOrders, parseDateText, type DateOrder } from './date-text';
import { guessNumberFormat, parseMoneyText } from './money-text';

/** Enough lines to see past any bank's preamble and into its table. */
const LAYOUT_LINES = 200;
/** Enough rows to judge a column by, however long the file. */
const JUDGED_ROWS = 1000;

type Role = keyof CsvMapping['columns'];

/**
 * Header words, best first, per role: English, German, French, Dutch and Spanish as banks write
 * them (accents and punctuation dropped). The indicator comes first so that "Credit Debit
 * Indicator" is not taken for a credit column.
 */
const HEADER_WORDS: readonly (readonly [Role, readonly string[]])[] = [
  [
    'indicator',
    [
      'credit debit indicator',
      'debit credit indicator',
      'af bij',
      'bij af',
      'debit credit',
      'credit debit',
      'debit or credit',
      'credit or debit',
      'dr cr',
      'cr dr',
      'soll haben',
      's h',
      'd c',
      'indicator',
    ],
  ],
  [
    'date',
    [
      'posting date',
      'transaction date',
      'trans date',
      'booking date',
      'date posted',
      'buchungstag',
      'buchungsdatum',
      'date operation',
      'date de l operation',
      'fecha operacion',
      'fecha de operacion',
      'transactiedatum',
      'boekdatum',
      'date',
      'datum',
      'fecha',
      'value date',
      'valutadatum',
      'valuta',
      'wertstellung',
      'date valeur',
      'fecha valor',
    ],
  ],
  [
    'amount',
    ['amount', 'transaction amount', 'betrag', 'umsatz', 'montant', 'bedrag', 'importe', 'monto'],
  ],
  [
    'debit',
    [
      'debit',
      'debits',
      'debit amount',
      'withdrawal',
      'withdrawals',
      'money out',
      'paid out',
      'out',
      'soll',
      'ausgang',
      'belastung',
      'af',
      'debet',
      'cargo',
      'cargos',
      'debe',
    ],
  ],
  [
    'credit',
    [
      'credit',
      'credits',
      'credit amount',
      'deposit',
      'deposits',
      'money in',
      'paid in',
      'in',
      'haben',
      'eingang',
      'gutschrift',
      'bij',
      'abono',
      'abonos',
      'haber',
    ],
  ],
  [
    'description',
    [
      'description',
      'transaction description',
      'narrative',
      'verwendungszweck',
      'beschreibung',
      'libelle',
      'libelle operation',
      'naam omschrijving',
      'omschrijving',
      'concepto',
      'descripcion',
      'details',
      'buchungstext',
    ],
  ],
  [
    'payee',
    [
      'payee',
      'merchant',
      'merchant name',
      'beguenstigter zahlungspflichtiger',
      'beguenstigter',
      'zahlungspflichtiger',
      'empfanger',
      'auftraggeber',
      'beneficiaire',
      'tiers',
      'counterparty',
      'beneficiario',
      'name',
      'naam',
    ],
  ],
  ['category', ['category', 'kategorie', 'categorie', 'categoria', 'rubrique']],
  ['notes', ['memo', 'notes', 'note', 'notiz', 'mededelingen', 'remarque', 'commentaire', 'notas']],
  [
    'id',
    [
      'transaction id',
      'transaction reference',
      'reference number',
      'reference',
      'ref',
      'fitid',
      'id',
      'transaktions id',
      'referencia',
    ],
  ],
];

/** What an indicator column says for money out, in the spellings banks use. */
const OUT_WORDS = new Set(['af', 'dr', 'db', 'd', 'debit', 'debet', 'soll', 's', 'out', 'cargo']);

function words(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A header cell names a phrase when it is the phrase, or (for longer phrases) holds its words. */
function names(cell: string, phrase: string): boolean {
  if (cell === phrase) return true;
  return phrase.length >= 4 && ` ${cell} `.includes(` ${phrase} `);
}

/**
 * The delimiter and the lines before the table: the delimiter that splits the most rows into the
 * same number of cells (two or more), and the table starting at the first row of that width.
 */
export function guessLayout(text: string): { delimiter: CsvDelimiter; skipLines: number } {
  const head = text.split('\n', LAYOUT_LINES).join('\n');
  let best = { delimiter: CSV_DELIMITERS[0] as CsvDelimiter, start: 0, rows: 0, width: 0 };
  let bestRecords: CsvRecord[] = [];
  for (const delimiter of CSV_DELIMITERS) {
    const { records } = readRecords(head, delimiter, 0);
    const byWidth = new Map<number, number[]>();
    records.forEach((record, i) => {
      const width = record.cells.length;
      if (width >= 2) byWidth.set(width, [...(byWidth.get(width) ?? []), i]);
    });
    for (const [width, rows] of byWidth) {
      if (rows.length > best.rows || (rows.length === best.rows && width > best.width)) {
        best = { delimiter, start: rows[0]!, rows: rows.length, width };
        bestRecords = records;
      }
    }
  }
  // A header can be a cell shorter than its rows: Chase ends every row, not the header, with ",".
  const before = bestRecords[best.start - 1];
  const start =
    before && Math.abs(before.cells.length - best.width) === 1 && looksLikeHeader(before.cells, 2)
      ? before
      : bestRecords[best.start];
  return { delimiter: best.delimiter, skipLines: Math.min((start?.line ?? 1) - 1, 50) };
}

const isDate = (cell: string) => DATE_ORDERS.some((o) => parseDateText(cell, o) !== null);
const isAmount = (cell: string, exponent: number) =>
  NUMBER_FORMATS.some((f) => parseMoneyText(cell, f, exponent) !== null);

/**
 * An amount with cents or a sign ("-4.50", "(12,00)"): a bare whole number is as likely a
 * reference or a check number as money, so it does not make a column an amount column.
 */
const isMoney = (cell: string, exponent: number) =>
  isAmount(cell, exponent) && /[.,]\d+\D*$|^\D*[-\u2212+(]|[-)]$/.test(cell);

/** A header row names its columns: words, and no cell that reads as a date or an amount. */
export function looksLikeHeader(cells: readonly string[], exponent: number): boolean {
  const filled = cells.filter((c) => c !== '');
  return (
    filled.some((c) => /\p{L}/u.test(c)) &&
    !filled.some((c) => isDate(c) || isAmount(c, Math.max(exponent, 4)))
  );
}

/** The share of a column's filled cells that pass a test (0 when it has none). */
function share(rows: readonly string[][], index: number, test: (cell: string) => boolean): number {
  const cells = rows.map((r) => r[index] ?? '').filter((c) => c !== '');
  return cells.length === 0 ? 0 : cells.filter(test).length / cells.length;
}

function columnFromHeader(header: readonly string[], taken: Set<number>, role: Role) {
  const phrases = HEADER_WORDS.find(([r]) => r === role)?.[1] ?? [];
  const cells = header.map(words);
  for (const phrase of phrases) {
    const exact = cells.findIndex((c, i) => !taken.has(i) && c === phrase);
    if (exact !== -1) return exact;
    const within = cells.findIndex((c, i) => !taken.has(i) && names(c, phrase));
    if (within !== -1) return within;
  }
  return null;
}

/** A column of the bank's own ids is only one when no two rows share an id. */
function holdsIds(rows: readonly string[][], index: number): boolean {
  const ids = rows.map((r) => r[index] ?? '');
  return ids.every((id) => id !== '') && new Set(ids).size === ids.length;
}

export interface Suggestion {
  mapping: CsvMapping | null;
  /** Every order the date column's dates allow (the most of them, if a few are impossible). */
  dateOrders: DateOrder[];
}

/**
 * A mapping to start from: columns named by the header (in the languages banks export in), else
 * found from what the cells hold; the number format and date orders from the values themselves.
 */
export function suggestMapping(input: {
  encoding: Encoding;
  delimiter: CsvDelimiter;
  skipLines: number;
  header: readonly string[] | null;
  rows: readonly string[][];
  exponent: number;
}): Suggestion {
  const rows = input.rows.slice(0, JUDGED_ROWS);
  const width = Math.max(input.header?.length ?? 0, ...rows.map((r) => r.length), 0);
  const taken = new Set<number>();
  const found: Partial<Record<Role, number>> = {};
  const take = (role: Role, index: number | null) => {
    if (index === null || taken.has(index)) return;
    found[role] = index;
    taken.add(index);
  };
  if (input.header) {
    for (const [role] of HEADER_WORDS) take(role, columnFromHeader(input.header, taken, role));
  }
  const free = () => Array.from({ length: width }, (_, i) => i).filter((i) => !taken.has(i));
  if (found.date === undefined) {
    take('date', free().find((i) => share(rows, i, isDate) >= 0.8) ?? null);
  }
  const hasAmounts = [found.amount, found.debit, found.credit].some((i) => i !== undefined);
  if (!hasAmounts) {
    // Without a header, the first column of money is the amount; a later one is the balance.
    take(
      'amount',
      free().find((i) => share(rows, i, (c) => isMoney(c, input.exponent)) >= 0.8) ?? null,
    );
  }
  if (found.description === undefined && found.payee !== undefined) {
    // A file with a payee column and no description: the payee is what describes each row.
    found.description = found.payee;
    delete found.payee;
  }
  if (found.description === undefined) {
    const texts = free().filter((i) => share(rows, i, (c) => /\p{L}/u.test(c)) >= 0.5);
    const longest = texts.sort((a, b) => averageLength(rows, b) - averageLength(rows, a))[0];
    take('description', longest ?? null);
  }
  if (found.id !== undefined && !holdsIds(rows, found.id)) delete found.id;

  const amountColumns = [found.amount, found.debit, found.credit].filter(
    (i): i is number => i !== undefined,
  );
  const amounts = rows.flatMap((r) => amountColumns.map((i) => r[i] ?? '')).filter((c) => c);
  const indicatorOut =
    found.indicator === undefined ? null : outWord(rows.map((r) => r[found.indicator!] ?? ''));
  const amountMode: CsvMapping['amountMode'] =
    found.amount !== undefined && found.indicator !== undefined && indicatorOut !== null
      ? 'indicator'
      : found.amount !== undefined
        ? 'signed'
        : 'debit-credit';
  const unused: Role[] =
    amountMode === 'debit-credit'
      ? ['amount', 'indicator']
      : amountMode === 'indicator'
        ? ['debit', 'credit']
        : ['debit', 'credit', 'indicator'];
  const columns = Object.fromEntries(
    Object.entries(found).filter(([role]) => !unused.includes(role as Role)),
  );
  const numberFormat = guessNumberFormat(amounts, input.exponent);
  const dateCells = found.date === undefined ? [] : rows.map((r) => r[found.date!] ?? '');
  const dateOrders = likelyDateOrders(dateCells);
  const parsed = csvMappingSchema.safeParse({
    encoding: input.encoding,
    delimiter: input.delimiter,
    skipLines: input.skipLines,
    hasHeader: input.header !== null,
    dateOrder: likelyOrder(dateOrders, dateCells, numberFormat),
    numberFormat,
    amountMode,
    // A file's own signs are followed: whether positive means spent is the person's to say.
    flipSign: false,
    indicatorOut: amountMode === 'indicator' ? indicatorOut : null,
    columns,
  });
  return { mapping: parsed.success ? parsed.data : null, dateOrders };
}

function averageLength(rows: readonly string[][], index: number): number {
  if (rows.length === 0) return 0;
  return rows.reduce((n, r) => n + (r[index]?.length ?? 0), 0) / rows.length;
}

/** The indicator column's word for money out, spelled as the file spells it. */
function outWord(cells: readonly string[]): string | null {
  return cells.find((c) => OUT_WORDS.has(c.trim().toLowerCase()))?.trim() ?? null;
}

/**
 * Of the orders a file's dates allow, the likelier: day first for dates written with points
 * ("03.02.2026") or beside comma decimals, as continental Europe writes them; else the first.
 */
function likelyOrder(
  orders: readonly DateOrder[],
  dates: readonly string[],
  numberFormat: NumberFormat,
): DateOrder {
  const european = numberFormat === 'comma' || dates.some((d) => /^\d{1,2}\.\d{1,2}\./.test(d));
  if (european && orders.includes('DMY')) return 'DMY';
  return orders[0] ?? 'YMD';
}
