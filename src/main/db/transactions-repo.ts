import { LedgerError } from '../../shared/errors';
import {
  USER_FIELDS,
  type Transaction,
  type TransactionPage,
  type TransactionTotals,
  type TransactionSource,
  type TransactionSplit,
  type UserField,
} from '../../shared/model';
import type { Database } from './open';
import { SplitsRepo } from './splits-repo';
import { withStatementCache } from './statement-cache';
import { TagsRepo } from './tags-repo';

export interface TransactionFilter {
  accountId?: string;
  connectionId?: string;
  from?: string;
  to?: string;
  type?: 'in' | 'out';
  category?: string;
  /** Rows carrying this tag, whatever its letter case. */
  tag?: string;
  search?: string;
  includeRemoved?: boolean;
  batchId?: number;
  show?: TransactionShow;
}

export type TransactionShow =
  'needs-review' | 'uncategorized' | 'excluded' | 'unreviewed' | 'removed';
export type TransactionSort = 'date' | 'payee' | 'category' | 'account' | 'amount';
export interface SortOrder {
  by: TransactionSort;
  direction: 'asc' | 'desc';
}

/**
 * What each order sorts by, as SQL that is never NULL (keyset paging compares it). The account
 * order walks the accounts by the name shown instead (see `byAccount`).
 */
const SORT_KEY: Record<Exclude<TransactionSort, 'account'>, string> = {
  date: 't.date',
  amount: 't.amount',
  payee: 'COALESCE(t.payee, t.merchant_name, t.name) COLLATE NOCASE',
  category: "COALESCE(t.user_category, t.category, '')",
};

export const NEWEST_FIRST: SortOrder = { by: 'date', direction: 'desc' };

/** A `transactions` row as SQLite returns it. */
export interface TransactionRow {
  seq: number;
  id: string;
  account_id: string;
  connection_id: string | null;
  source: TransactionSource;
  date: string;
  authorized_date: string | null;
  name: string;
  merchant_name: string | null;
  category: string | null;
  category_detailed: string | null;
  amount: number;
  currency: string;
  pending: number;
  pending_transaction_id: string | null;
  payment_channel: string | null;
  removed_at: string | null;
  batch_id: number | null;
  payee: string | null;
  user_category: string | null;
  notes: string | null;
  excluded: number;
  reviewed: number;
  locks: string;
  needs_review: string | null;
}

export const DEFAULT_PAGE_SIZE = 100;

/**
 * Transactions in a stable order (newest date first, then newest row first) with keyset paging:
 * the cursor is the (date, seq) of the last row shown, so a page costs the same at row 10 or at
 * row 1,000,000 and rows arriving meanwhile never shift what the next page holds. A page never
 * counts: counting grows with the ledger, so the screen asks for `count` beside the first page.
 */
export class TransactionsRepo {
  private readonly db: Database;
  private readonly tags: TagsRepo;
  private readonly splits: SplitsRepo;

  constructor(db: Database) {
    // Each page compiles its query once: compiling cost as much as reading a page.
    this.db = withStatementCache(db);
    this.tags = new TagsRepo(db);
    this.splits = new SplitsRepo(db);
  }

  page(
    filter: TransactionFilter,
    limit = DEFAULT_PAGE_SIZE,
    cursor?: string,
    order: SortOrder = NEWEST_FIRST,
  ): TransactionPage {
    const { where, params } = this.where(filter, this.searchPlan(filter.search));
    const after = cursor ? decodeCursor(cursor, order) : undefined;
    if (order.by === 'account') {
      const found = this.byAccount(where, params, limit + 1, order.direction, after);
      return this.finishPage(found, limit, order);
    }
    const key = SORT_KEY[order.by];
    const dir = order.direction === 'asc' ? 'ASC' : 'DESC';
    const beyond = order.direction === 'asc' ? '>' : '<';
    // Rows of the same key are ordered by seq in the same direction as the key, so every row is on
    // exactly one page and one (key, seq) index serves both directions; the row-value comparison
    // lets SQLite seek to the cursor instead of scanning up to it.
    const pageWhere = after ? [...where, `(${key}, t.seq) ${beyond} (?, ?)`] : where;
    const pageParams = after ? [...params, after.key, after.seq] : params;
    const rows = this.db
      .prepare<unknown[], TransactionRow & { sort_key: string | number }>(
        `SELECT t.*, ${key} AS sort_key FROM transactions t ${clause(pageWhere)}
         ORDER BY ${key} ${dir}, t.seq ${dir} LIMIT ?`,
      )
      .all(...pageParams, limit + 1);
    return this.finishPage(rows, limit, order);
  }

  private finishPage(
    rows: (TransactionRow & { sort_key: string | number })[],
    limit: number,
    order: SortOrder,
  ): TransactionPage {
    const more = rows.length > limit;
    const items = rows.slice(0, limit).map(({ sort_key, ...row }) => ({ row, sortKey: sort_key }));
    const last = items[items.length - 1];
    return {
      items: this.withExtras(items.map((i) => i.row)),
      nextCursor: more && last ? encodeCursor(order, last.sortKey, last.row.seq) : null,
    };
  }

  /**
   * Rows by account name, newest first within an account. Sorting the ledger by a name looked up
   * per row cost seconds a page on 1M rows; walking the (few) accounts in name order and reading
   * each one's rows from its (account, date, seq) index costs what one account's page costs. The
   * cursor's key is the account id, and its seq the last row read in that account.
   */
  private byAccount(
    where: string[],
    params: unknown[],
    wanted: number,
    direction: 'asc' | 'desc',
    after: { key: string | number; seq: number } | undefined,
  ): (TransactionRow & { sort_key: string })[] {
    const accounts = this.db
      .prepare<[], { id: string }>(
        `SELECT id FROM accounts ORDER BY COALESCE(user_name, name) ${direction === 'asc' ? 'ASC' : 'DESC'},
           id ${direction === 'asc' ? 'ASC' : 'DESC'}`,
      )
      .all()
      .map((a) => a.id);
    let start = 0;
    let resume: { date: string; seq: number } | undefined;
    if (after) {
      start = accounts.indexOf(String(after.key));
      const date = this.db
        .prepare<[number], { date: string }>('SELECT date FROM transactions WHERE seq = ?')
        .get(after.seq)?.date;
      if (start < 0 || date === undefined) {
        throw new LedgerError(
          'VALIDATION',
          'The list changed under this page; start again from the top.',
        );
      }
      resume = { date, seq: after.seq };
    }
    const rows: (TransactionRow & { sort_key: string })[] = [];
    for (let i = start; i < accounts.length && rows.length < wanted; i++) {
      const extra = ['t.account_id = ?'];
      const extraParams: unknown[] = [accounts[i]];
      if (i === start && resume) {
        extra.push('(t.date, t.seq) < (?, ?)');
        extraParams.push(resume.date, resume.seq);
      }
      rows.push(
        ...this.db
          .prepare<unknown[], TransactionRow & { sort_key: string }>(
            `SELECT t.*, t.account_id AS sort_key FROM transactions t
             ${clause([...where, ...extra])} ORDER BY t.date DESC, t.seq DESC LIMIT ?`,
          )
          .all(...params, ...extraParams, wanted - rows.length),
      );
    }
    return rows;
  }

  /** One row with where it lives and the other Plaid ids it has had, or undefined. */
  find(id: string):
    | {
        row: TransactionRow;
        accountName: string;
        institutionName: string | null;
        formerIds: string[];
      }
    | undefined {
    const row = this.db
      .prepare<
        [string],
        TransactionRow & { account_name: string; institution_name: string | null }
      >(
        `SELECT t.*, COALESCE(a.user_name, a.name) AS account_name, i.name AS institution_name
         FROM transactions t JOIN accounts a ON a.id = t.account_id
         LEFT JOIN connections c ON c.id = t.connection_id
         LEFT JOIN institutions i ON i.id = c.institution_id
         WHERE t.id = ?`,
      )
      .get(id);
    if (!row) return undefined;
    const formerIds = this.db
      .prepare<[number], { plaid_id: string }>(
        'SELECT plaid_id FROM transaction_aliases WHERE seq = ? ORDER BY created_at, plaid_id',
      )
      .all(row.seq)
      .map((a) => a.plaid_id);
    return {
      row,
      accountName: row.account_name,
      institutionName: row.institution_name,
      formerIds,
    };
  }

  /** Rows by seq, in the order given (missing ones left out). */
  bySeqs(seqs: readonly number[]): Transaction[] {
    return this.bySeqsWithRows(seqs).map((found) => found.transaction);
  }

  /** The same, each with its stored row. */
  bySeqsWithRows(seqs: readonly number[]): { row: TransactionRow; transaction: Transaction }[] {
    const find = this.db.prepare<[number], TransactionRow>(
      'SELECT * FROM transactions WHERE seq = ?',
    );
    const rows = seqs.flatMap((seq) => find.get(seq) ?? []);
    const transactions = this.withExtras(rows);
    return rows.map((row, i) => ({ row, transaction: transactions[i]! }));
  }

  /** Rows as the contract's transactions, their tags and parts read in one query each. */
  withExtras(rows: readonly TransactionRow[]): Transaction[] {
    const seqs = rows.map((r) => r.seq);
    const tags = this.tags.namesFor(seqs);
    const splits = this.splits.partsFor(seqs);
    return rows.map((row) =>
      toTransaction(row, { tags: tags.get(row.seq) ?? [], splits: splits.get(row.seq) ?? [] }),
    );
  }

  /** Sums per currency of every matching row; rows the person left out of reports are not summed. */
  totals(filter: TransactionFilter): TransactionTotals[] {
    const { where, params } = this.where(filter, 'set');
    return this.db
      .prepare<unknown[], TransactionTotals>(
        `SELECT t.currency AS currency,
           COALESCE(SUM(CASE WHEN t.amount > 0 THEN t.amount END), 0) AS moneyIn,
           COALESCE(SUM(CASE WHEN t.amount < 0 THEN t.amount END), 0) AS moneyOut,
           SUM(t.amount) AS net, COUNT(*) AS count
         FROM transactions t ${clause([...where, 't.excluded = 0'])}
         GROUP BY t.currency ORDER BY count DESC, t.currency`,
      )
      .all(...params);
  }

  /**
   * How many rows match, exactly. The rows in view are counted from their partial index alone
   * (SQLite would read the whole table otherwise); a plain search counts the search index's
   * matches and takes away the removed rows among them, instead of looking every match up.
   */
  count(filter: TransactionFilter): number {
    const text = filter.search && searchOnly(filter) ? this.plainTextSearch(filter.search) : null;
    if (text) {
      return this.db
        .prepare<[string], { n: number }>(
          `SELECT COUNT(*) AS n FROM transactions_fts WHERE transactions_fts MATCH ?
             AND rowid NOT IN (SELECT seq FROM transactions WHERE removed_at IS NOT NULL)`,
        )
        .get(text)!.n;
    }
    const { where, params } = this.where(filter, 'set');
    const only = Object.entries(filter).filter(([, v]) => v !== undefined && v !== false);
    const dated = only.every(([k]) => k === 'from' || k === 'to');
    const unreviewed = only.length === 1 && filter.show === 'unreviewed';
    const index = dated
      ? 'INDEXED BY transactions_visible_by_date'
      : unreviewed
        ? 'INDEXED BY transactions_visible_unreviewed'
        : '';
    return this.db
      .prepare<unknown[], { n: number }>(
        `SELECT COUNT(*) AS n FROM transactions t ${index} ${clause(where)}`,
      )
      .get(...params)!.n;
  }

  /**
   * The FTS query of a search that is only words of three letters or more found in the rows' text
   * (no tag names, no amount), or null for any other search.
   */
  private plainTextSearch(search: string): string | null {
    const words = searchWords(search);
    if (words.length === 0 || words.some((w) => [...w].length < 3)) return null;
    if (words.length === 1 && amountOf(words[0]!) !== null) return null;
    if (words.some((w) => this.tags.idsMatching(w).length > 0)) return null;
    return toFtsQuery(words);
  }

  /**
   * How a search's first page is best found. A word in one row in ten is met within a thousand
   * rows of the list's order, so the page walks that order and checks each row's own text
   * ('scan'); a rare word is cheaper the other way round: its few matches from the index, sorted
   * ('set'). Reading every match of a common word (114,000 on 1M rows) cost ~80 ms a page; walking
   * costs ~1 ms. The share is estimated from the first matches in the index's (seq) order.
   */
  private searchPlan(search: string | undefined): SearchPlan {
    if (!search) return 'set';
    const words = searchWords(search).filter((w) => [...w].length >= 3);
    if (words.length === 0 || !words.every((w) => PRINTABLE_ASCII.test(w))) return 'set';
    const sample = this.db
      .prepare<[string, number], { n: number; last: number | null }>(
        `SELECT COUNT(*) AS n, MAX(rowid) AS last FROM (SELECT rowid FROM transactions_fts
           WHERE transactions_fts MATCH ? ORDER BY rowid LIMIT ?)`,
      )
      .get(toFtsQuery(words), SEARCH_SAMPLE)!;
    if (sample.n < SEARCH_SAMPLE || !sample.last) return 'set';
    const rows = this.db
      .prepare<[], { n: number | null }>('SELECT MAX(seq) AS n FROM transactions')
      .get()!.n!;
    const share = sample.n / sample.last;
    // Walking costs ~101/share rows, the set ~share × rows matches: walk when that is less.
    return share * share * rows > 200 ? 'scan' : 'set';
  }

  private where(
    filter: TransactionFilter,
    plan: SearchPlan,
  ): { where: string[]; params: unknown[] } {
    return buildWhere(filter, plan, (word) => this.tags.idsMatching(word));
  }
}

/** Matches read to choose a search's plan: few enough to cost well under a millisecond. */
const SEARCH_SAMPLE = 400;
const PRINTABLE_ASCII = /^[ -~]+$/;

/**
 * 'set': the search's matches come from the index as a set; 'scan': each row the list's order
 * reaches is checked (see `searchPlan`).
 */
type SearchPlan = 'set' | 'scan';

/** A filter that is a search and nothing else (rows in view, any order). */
function searchOnly(filter: TransactionFilter): boolean {
  return Object.entries(filter).every(
    ([key, value]) => key === 'search' || value === undefined || value === false,
  );
}

function searchWords(input: string): string[] {
  return input
    .split(/\s+/)
    .map((word) => word.trim())
    .filter((word) => word.length > 0);
}

/** The ids of tags whose name holds a typed word, so search finds rows by their tags too. */
export type TagMatcher = (word: string) => number[];

function buildWhere(
  filter: TransactionFilter,
  plan: SearchPlan,
  tagsMatching?: TagMatcher,
): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (filter.show === 'removed') add('t.removed_at IS NOT NULL');
  else if (!filter.includeRemoved) add('t.removed_at IS NULL');
  if (filter.accountId) add('t.account_id = ?', filter.accountId);
  if (filter.connectionId) add('t.connection_id = ?', filter.connectionId);
  if (filter.from) add('t.date >= ?', filter.from);
  if (filter.to) add('t.date <= ?', filter.to);
  if (filter.type === 'in') add('t.amount > 0');
  if (filter.type === 'out') add('t.amount < 0');
  if (filter.category) add('COALESCE(t.user_category, t.category) = ?', filter.category);
  if (filter.batchId !== undefined) add('t.batch_id = ?', filter.batchId);
  if (filter.show === 'needs-review') add('t.needs_review IS NOT NULL');
  if (filter.show === 'uncategorized') add('COALESCE(t.user_category, t.category) IS NULL');
  if (filter.show === 'excluded') add('t.excluded = 1');
  if (filter.show === 'unreviewed') add('t.reviewed = 0');
  if (filter.tag) {
    // The tag's rows come from its index; `name` is NOCASE, so any letter case finds it.
    add(
      `t.seq IN (SELECT tt.seq FROM transaction_tags tt JOIN tags g ON g.id = tt.tag_id
                 WHERE g.name = ?)`,
      filter.tag,
    );
  }
  if (filter.search) {
    const search = searchClause(filter.search, tagsMatching, plan);
    if (search) add(search.sql, ...search.params);
  }
  return { where, params };
}

function clause(where: string[]): string {
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

const SEARCHED_COLUMNS = ['t.name', 't.merchant_name', 't.payee', 't.notes'];

/**
 * What a person types, as SQL: every word must appear somewhere in the row's text (bank text,
 * merchant, payee, notes) or in one of its tags' names, anywhere in a word. Words of three letters or more go through the
 * trigram index; shorter ones are a LIKE on what the index left. A search that reads as an amount
 * ("93.41", "$1,200") also finds rows of that amount, in or out.
 */
export function searchClause(
  input: string,
  tagsMatching?: TagMatcher,
  plan: SearchPlan = 'set',
): { sql: string; params: unknown[] } | null {
  const words = searchWords(input);
  if (words.length === 0) return null;
  const tagged = words.map((word) => tagsMatching?.(word) ?? []);
  return tagged.some((ids) => ids.length > 0)
    ? taggedSearch(words, tagged)
    : textSearch(words, plan);
}

/** Words found in the row's text only: one index lookup for all long words together. */
function textSearch(words: string[], plan: SearchPlan): { sql: string; params: unknown[] } {
  const long = words.filter((word) => [...word].length >= 3);
  const short = words.filter((word) => [...word].length < 3);
  const parts: string[] = [];
  const params: unknown[] = [];
  const amount = words.length === 1 ? amountOf(words[0]!) : null;
  // A word with other letters than printable ASCII may match text it is not a substring of
  // (the index folds "é" to "e"), so only the index can answer for it.
  const walkable = plan === 'scan' && long.every((word) => PRINTABLE_ASCII.test(word));
  if (long.length > 0 && walkable && amount === null) {
    const scan = rowTextClause(long);
    parts.push(scan.sql);
    params.push(...scan.params);
  } else if (long.length > 0) {
    parts.push('t.seq IN (SELECT rowid FROM transactions_fts WHERE transactions_fts MATCH ?)');
    params.push(toFtsQuery(long));
  }
  for (const word of short) {
    const like = likeClause(word);
    parts.push(like.sql);
    params.push(...like.params);
  }
  if (amount === null) return { sql: parts.join(' AND '), params };
  if (long.length === 0) {
    return {
      sql: `(${parts.join(' AND ')} OR t.amount IN (?, ?))`,
      params: [...params, amount, -amount],
    };
  }
  // One word, three characters or more (an amount is): the index lookup and the amount lookup
  // as one set of rows, so neither reads the whole table.
  return {
    sql: `t.seq IN (SELECT rowid FROM transactions_fts WHERE transactions_fts MATCH ?
            UNION ALL SELECT seq FROM transactions WHERE removed_at IS NULL AND amount IN (?, ?))`,
    params: [toFtsQuery(words), amount, -amount],
  };
}

/**
 * When a word names a tag (rare next to the text, and the tags table is small), each word is
 * looked up on its own: in the row's text, or among the rows carrying a tag that holds it.
 */
function taggedSearch(words: string[], tagged: number[][]): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  words.forEach((word, i) => {
    const text =
      [...word].length >= 3
        ? {
            sql: 't.seq IN (SELECT rowid FROM transactions_fts WHERE transactions_fts MATCH ?)',
            params: [toFtsQuery([word])] as unknown[],
          }
        : likeClause(word);
    const ids = tagged[i] ?? [];
    if (ids.length === 0) {
      parts.push(text.sql);
      params.push(...text.params);
      return;
    }
    parts.push(
      `(${text.sql} OR t.seq IN (SELECT seq FROM transaction_tags
          WHERE tag_id IN (SELECT value FROM json_each(?))))`,
    );
    params.push(...text.params, JSON.stringify(ids));
  });
  const amount = words.length === 1 ? amountOf(words[0]!) : null;
  if (amount === null) return { sql: parts.join(' AND '), params };
  return {
    sql: `(${parts.join(' AND ')} OR t.amount IN (?, ?))`,
    params: [...params, amount, -amount],
  };
}

/**
 * The trigram index's answer for one row, read from the row itself: for printable-ASCII words and
 * text, a trigram phrase matches exactly where the word is a substring of a column, ignoring
 * letter case, which `instr(lower(…))` tells without the index. A row whose text holds anything
 * else (accents the index folds, other scripts, control characters) asks the index for that one
 * row, so the answer is the index's in every case.
 */
function rowTextClause(words: readonly string[]): { sql: string; params: unknown[] } {
  const columns = SEARCHED_COLUMNS.map((c) => `COALESCE(${c}, '')`);
  const inText = words.map(
    () => `(${columns.map((c) => `instr(lower(${c}), ?) > 0`).join(' OR ')})`,
  );
  return {
    sql: `(CASE WHEN ${columns.join(' || ')} NOT GLOB '*[^ -~]*' THEN ${inText.join(' AND ')}
      ELSE EXISTS (SELECT 1 FROM transactions_fts WHERE transactions_fts MATCH ? AND rowid = t.seq)
      END)`,
    params: [...words.flatMap((word) => columns.map(() => word.toLowerCase())), toFtsQuery(words)],
  };
}

/** A short word anywhere in the row's text, read without the index. */
function likeClause(word: string): { sql: string; params: unknown[] } {
  const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return {
    sql: `(${SEARCHED_COLUMNS.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`,
    params: SEARCHED_COLUMNS.map(() => pattern),
  };
}

/** Each fragment a quoted trigram phrase, so FTS syntax a person types is plain text. */
export function toFtsQuery(words: readonly string[]): string {
  return words.map((word) => `"${word.replace(/"/g, '""')}"`).join(' ');
}

/** Minor units of a typed amount with two decimals or none ("93.41", "$1,200", "-12.5"), or null. */
function amountOf(word: string): number | null {
  const match = /^[-+]?[$€£]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(word);
  if (!match) return null;
  const whole = Number(match[1]!.replace(/,/g, ''));
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  const minor = whole * 100 + cents;
  return Number.isSafeInteger(minor) ? minor : null;
}

function encodeCursor(order: SortOrder, key: string | number, seq: number): string {
  return Buffer.from(JSON.stringify([`${order.by}:${order.direction}`, key, seq])).toString(
    'base64url',
  );
}

/** The cursor's place in the list; one made for another order is refused, not misread. */
function decodeCursor(cursor: string, order: SortOrder): { key: string | number; seq: number } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 3 &&
      value[0] === `${order.by}:${order.direction}` &&
      (typeof value[1] === 'string' || Number.isSafeInteger(value[1])) &&
      Number.isSafeInteger(value[2])
    ) {
      return { key: value[1] as string | number, seq: value[2] as number };
    }
  } catch {
    // fall through to the validation error
  }
  const lost = 'Ledgerlight lost its place in this list. Start again from the top.';
  throw new LedgerError('VALIDATION', lost, { issues: [{ path: 'cursor', message: lost }] });
}

/** A stored row as the contract's transaction; tags and parts come from their own tables. */
export function toTransaction(
  row: TransactionRow,
  extras: { tags: string[]; splits: TransactionSplit[] },
): Transaction {
  return {
    id: row.id,
    accountId: row.account_id,
    connectionId: row.connection_id,
    source: row.source,
    date: row.date,
    authorizedDate: row.authorized_date,
    name: row.name,
    merchantName: row.merchant_name,
    category: row.category,
    categoryDetailed: row.category_detailed,
    amount: row.amount,
    currency: row.currency,
    pending: row.pending === 1,
    pendingTransactionId: row.pending_transaction_id,
    removed: row.removed_at !== null,
    paymentChannel: row.payment_channel,
    batchId: row.batch_id,
    user: {
      payee: row.payee,
      category: row.user_category,
      notes: row.notes,
      excluded: row.excluded === 1,
      reviewed: row.reviewed === 1,
      needsReview: row.needs_review,
      locked: lockedFields(row.locks),
    },
    tags: extras.tags,
    splits: extras.splits,
  };
}

/** The fields named in a row's `locks` JSON, in the contract's order. */
export function lockedFields(locks: string): UserField[] {
  const parsed = parseLocks(locks);
  return USER_FIELDS.filter((field) => Object.prototype.hasOwnProperty.call(parsed, field));
}

/** A row's `locks` JSON ({field: when the person set it}); anything unreadable is no locks. */
export function parseLocks(locks: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(locks);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}
