import { DATE_ORDERS, type ImportedRow, type ImportProblem } from '../../shared/import-mapping';
import { dateProblem, parseDateText, type DateOrder } from './date-text';
import { decodeBytes } from './decode';
import { guessNumberFormat, parseMoneyText } from './money-text';

/** The `!Type:` sections that hold an account's transactions; every other section is a list. */
const TRANSACTION_TYPES = new Set(['bank', 'ccard', 'cash', 'oth a', 'oth l']);

interface QifRecord {
  /** The line of the record's first field. */
  line: number;
  /** Each field's first value by its letter (splits and address lines are left out). */
  fields: Map<string, string>;
}

/**
 * The transaction records of a QIF file. Only `!Type:` sections of an account's transactions
 * count: the fields of `!Account` blocks describe the account, and category, class and
 * memorized lists are not money.
 */
function records(text: string): QifRecord[] {
  const out: QifRecord[] = [];
  let inTransactions = false;
  let current: QifRecord | null = null;
  const flush = () => {
    if (current && current.fields.size > 0) out.push(current);
    current = null;
  };
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (line.startsWith('!')) {
      flush();
      const type = /^!type:\s*(.*)$/i.exec(line)?.[1]?.trim().toLowerCase();
      // `!Option:` and `!Clear:` lines only switch Quicken's own behaviour.
      if (type !== undefined) inTransactions = TRANSACTION_TYPES.has(type);
      else if (/^!account/i.test(line)) inTransactions = false;
      return;
    }
    if (!inTransactions) return;
    if (line.startsWith('^')) {
      flush();
      return;
    }
    const code = line[0]!.toUpperCase();
    current ??= { line: i + 1, fields: new Map() };
    // S, E, $ and % are split lines and A the payee's address: the record keeps its own total.
    if ('SE$%A'.includes(code)) return;
    if (!current.fields.has(code)) current.fields.set(code, line.slice(1).trim());
  });
  flush();
  return out;
}

/**
 * A Quicken date: "1/ 2'26" (the apostrophe marks a year from 2000), "1/2/98", "01/02/2026",
 * "1-2-2026", "01.02.2026".
 */
function qifDate(text: string, order: DateOrder): string | null {
  const quirk = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*'\s*(\d{1,2})$/.exec(text.trim());
  if (!quirk) return parseDateText(text, order);
  if (order === 'YMD') return null;
  return parseDateText(`${quirk[1]}/${quirk[2]}/${2000 + Number(quirk[3])}`, order);
}

/** "[Savings]" is a transfer to the account Savings; "Food:Dining/Holiday" has a class after "/". */
function category(text: string | undefined): string | null {
  const transfer = /^\[([^\]]*)\]/.exec(text?.trim() ?? '');
  if (transfer) return transfer[1]!.trim() ? `Transfer: ${transfer[1]!.trim()}` : null;
  const withoutClass = text?.split('/')[0]!.trim();
  return withoutClass ? withoutClass : null;
}

function filled(text: string | undefined): string | null {
  const cleaned = text?.replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned : null;
}

export function parseQif(
  bytes: Uint8Array,
  dateOrder: DateOrder,
  exponent: number,
): { rows: ImportedRow[]; problems: ImportProblem[] } {
  const found = records(decodeBytes(bytes).text);
  const amountOf = (r: QifRecord) => r.fields.get('T') ?? r.fields.get('U') ?? '';
  // Quicken writes amounts the way the computer's region does, the same way throughout a file.
  const numberFormat = guessNumberFormat(found.map(amountOf).filter(Boolean), exponent);
  const rows: ImportedRow[] = [];
  const problems: ImportProblem[] = [];
  for (const record of found) {
    const said = (message: string) =>
      problems.push({ line: record.line, message: `Line ${record.line}: ${message}.` });
    const dateText = record.fields.get('D');
    if (!dateText) {
      said('the transaction has no date');
      continue;
    }
    const date = qifDate(dateText, dateOrder);
    if (date === null) {
      said(dateProblem(dateText, dateOrder));
      continue;
    }
    const amountText = amountOf(record);
    if (amountText === '') {
      said('the transaction has no amount');
      continue;
    }
    const amount = parseMoneyText(amountText, numberFormat, exponent);
    if (amount === null) {
      said(`“${amountText}” is not an amount`);
      continue;
    }
    const payee = filled(record.fields.get('P'));
    const memo = filled(record.fields.get('M'));
    // N also holds words like "ATM" or "EFT"; only a number is a check worth keeping.
    const checkNumber = /^\d+$/.exec(record.fields.get('N') ?? '')?.[0] ?? null;
    const description = payee ?? memo ?? (checkNumber ? `Check ${checkNumber}` : '');
    const memoNote = payee !== null ? memo : null;
    const notes =
      checkNumber === null || (payee === null && memo === null)
        ? memoNote
        : memoNote
          ? `${memoNote} (check ${checkNumber})`
          : `Check ${checkNumber}`;
    rows.push({
      line: record.line,
      date,
      amount,
      description,
      payee,
      category: category(record.fields.get('L')),
      notes,
      externalId: null,
    });
  }
  return { rows, problems };
}

/** Every date order under which all of the file's transaction dates are real days. */
export function guessQifDateOrders(bytes: Uint8Array): DateOrder[] {
  const dates = records(decodeBytes(bytes).text).flatMap((r) => {
    const d = r.fields.get('D');
    return d ? [d] : [];
  });
  const fitting = DATE_ORDERS.filter((order) => dates.every((d) => qifDate(d, order) !== null));
  // Orders that read every date as the same day leave nothing to ask.
  const seen = new Set<string>();
  return fitting.filter((order) => {
    const key = dates.map((d) => qifDate(d, order)).join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
