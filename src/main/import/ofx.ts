import { XMLParser } from 'fast-xml-parser';
import type { ImportedRow, ImportProblem } from '../../shared/import-mapping';
import { parseDateText } from './date-text';
import { decodeBytes } from './decode';
import { parseMoneyText } from './money-text';
import { sgmlToXml } from './ofx-sgml';

type Node = { [name: string]: unknown };

export interface OfxParse {
  rows: ImportedRow[];
  problems: ImportProblem[];
  /** The first statement's currency (CURDEF). */
  currency: string | null;
  /** The first statement's account number (ACCTID). */
  accountId: string | null;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const listOf = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

function child(node: Node | null, name: string): Node | null {
  const value = node ? listOf(node[name])[0] : undefined;
  return isNode(value) ? value : null;
}

/** A leaf's text, trimmed, with runs of spaces made one; null when absent or empty. */
function text(node: Node | null, name: string): string | null {
  const value = node ? listOf(node[name])[0] : undefined;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const trimmed = String(value).replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

/** Every element with one of `names` under `node`, in the order the file has them. */
function findAll(node: unknown, names: ReadonlySet<string>): Node[] {
  const found: Node[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    if (!isNode(value)) return;
    for (const [name, inner] of Object.entries(value)) {
      if (names.has(name)) found.push(...listOf(inner).filter(isNode));
      else walk(inner);
    }
  };
  walk(node);
  return found;
}

const STATEMENTS = new Set(['STMTRS', 'CCSTMTRS']);
const TRANSACTIONS = new Set(['STMTTRN']);

const fileProblem = (message: string): OfxParse => ({
  rows: [],
  problems: [{ line: 0, message }],
  currency: null,
  accountId: null,
});

/**
 * The transactions of an OFX or QFX file, 1.x (SGML) or 2.x (XML), bank or card statements,
 * as many statements as it holds. Amounts are already signed as the ledger signs them (+ in).
 */
export function parseOfx(bytes: Uint8Array, exponent: number): OfxParse {
  const { text: content } = decodeBytes(bytes);
  const start = content.search(/<OFX>/i);
  if (start === -1) return fileProblem('The file has no bank statement in it that can be read.');
  let document: unknown;
  try {
    document = new XMLParser({
      ignoreAttributes: true,
      // Ids and amounts stay text: "00012" is an id, and amounts are read exactly below.
      parseTagValue: false,
      trimValues: true,
      // Banks escape accented letters as numeric references ("Caf&#233;").
      htmlEntities: true,
    }).parse(sgmlToXml(content.slice(start)));
  } catch {
    return fileProblem(
      'The file looks like an OFX statement but is damaged, so it cannot be read.',
    );
  }
  const statements = findAll(document, STATEMENTS);
  if (statements.length === 0) {
    return fileProblem('The file has no bank or card statement in it.');
  }
  const rows: ImportedRow[] = [];
  const problems: ImportProblem[] = [];
  let line = 0;
  for (const statement of statements) {
    for (const transaction of findAll(statement, TRANSACTIONS)) {
      line++;
      const read = readTransaction(transaction, line, exponent);
      if (typeof read === 'string') problems.push({ line, message: read });
      else rows.push(read);
    }
  }
  const first = statements[0]!;
  const account = child(first, 'BANKACCTFROM') ?? child(first, 'CCACCTFROM');
  return {
    rows,
    problems,
    currency: text(first, 'CURDEF')?.toUpperCase() ?? null,
    accountId: text(account, 'ACCTID'),
  };
}

function readTransaction(node: Node, n: number, exponent: number): ImportedRow | string {
  const posted = text(node, 'DTPOSTED') ?? text(node, 'DTUSER');
  if (posted === null) return `Transaction ${n} has no date.`;
  // The day as the bank wrote it: the time and zone after it would only move it across midnight.
  const date = /^\d{8}/.test(posted) ? parseDateText(posted.slice(0, 8), 'YMD') : null;
  if (date === null) return `Transaction ${n}: the date “${posted}” is not a real day.`;

  const amountText = text(node, 'TRNAMT')?.replace(/\s/g, '') ?? null;
  if (amountText === null) return `Transaction ${n} has no amount.`;
  // Some servers send a comma before the cents; OFX itself has no thousands separators.
  const format = amountText.includes(',') && !amountText.includes('.') ? 'comma' : 'dot';
  const amount = parseMoneyText(amountText, format, exponent);
  if (amount === null) return `Transaction ${n}: “${amountText}” is not an amount.`;

  const name = text(node, 'NAME') ?? text(child(node, 'PAYEE'), 'NAME');
  const memo = text(node, 'MEMO');
  const description = name ?? memo ?? '';
  return {
    line: n,
    date,
    amount,
    description,
    payee: null,
    category: null,
    notes: memo !== null && memo !== description ? memo : null,
    externalId: text(node, 'FITID'),
  };
}
