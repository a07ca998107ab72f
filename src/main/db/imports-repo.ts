import type { ImportMethod } from '../../shared/model';
import type { CandidateRow } from '../import/match';
import { MATCH_WINDOW_DAYS } from '../import/match';
import type { Database } from './open';
import { withStatementCache } from './statement-cache';
import { addDays } from '../iso-days';

export type LinkStatus = 'matched' | 'suggested' | 'kept' | 'confirmed';
export type LinkHow = 'id' | 'amount-date' | 'person';

/** The sentence a row carries while it may be the same money as another row. */
export const MAYBE_SAME_MONEY =
  'This may be the same money as another transaction already here; open its import to choose.';

/**
 * The writes and reads of imports: the batch each file or hand entry makes, the ids files give
 * rows, the links that say which rows a batch found already here (or may have), and reverting.
 */
export class ImportsRepo {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = withStatementCache(db);
  }

  createBatch(
    method: Exclude<ImportMethod, 'PLAID'>,
    accountId: string,
    fileName: string | null,
    now: string,
  ): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO import_batches (method, account_id, file_name, created_at)
           VALUES (?, ?, ?, ?)`,
        )
        .run(method, accountId, fileName, now).lastInsertRowid,
    );
  }

  /** The batch the person's hand entries go into today in this account (one a day, not one a row). */
  manualBatch(accountId: string, now: string): number {
    const existing = this.db
      .prepare<[string, string], { id: number }>(
        `SELECT id FROM import_batches WHERE method = 'MANUAL' AND account_id = ?
           AND substr(created_at, 1, 10) = ? AND reverted_at IS NULL
         ORDER BY id DESC LIMIT 1`,
      )
      .get(accountId, now.slice(0, 10));
    return existing?.id ?? this.createBatch('MANUAL', accountId, null, now);
  }

  setAdded(batchId: number, added: number): void {
    this.db.prepare('UPDATE import_batches SET added = added + ? WHERE id = ?').run(added, batchId);
  }

  /** Every id a file gave a row in this account, deleted rows included. */
  knownIds(accountId: string): Map<string, number> {
    return new Map(
      this.db
        .prepare<[string], { external_id: string; seq: number }>(
          'SELECT external_id, seq FROM transaction_import_ids WHERE account_id = ?',
        )
        .all(accountId)
        .map((r) => [r.external_id, r.seq]),
    );
  }

  /**
   * Rows in view in the account dated within the window of [from, to], as matching sees them.
   * `sources` narrows them (a hand entry looks only at the bank's and files' rows).
   */
  candidates(
    accountId: string,
    from: string,
    to: string,
    sources: readonly string[] = ['plaid', 'file', 'manual'],
  ): CandidateRow[] {
    return this.db
      .prepare<[string, string, string, string], CandidateRow>(
        `SELECT t.seq, t.date, t.amount, COALESCE(t.payee, t.merchant_name, t.name) AS text,
           (SELECT i.external_id FROM transaction_import_ids i
             WHERE i.seq = t.seq AND i.account_id = t.account_id LIMIT 1) AS externalId
         FROM transactions t
         WHERE t.account_id = ? AND t.removed_at IS NULL AND t.date BETWEEN ? AND ?
           AND t.source IN (SELECT value FROM json_each(?))`,
      )
      .all(
        accountId,
        addDays(from, -MATCH_WINDOW_DAYS),
        addDays(to, MATCH_WINDOW_DAYS),
        JSON.stringify(sources),
      );
  }

  recordExternalId(accountId: string, externalId: string, seq: number, batchId: number): void {
    this.db
      .prepare(
        `INSERT INTO transaction_import_ids (account_id, external_id, seq, batch_id)
         VALUES (?, ?, ?, ?) ON CONFLICT(account_id, external_id) DO NOTHING`,
      )
      .run(accountId, externalId, seq, batchId);
  }

  link(
    batchId: number,
    seq: number,
    status: LinkStatus,
    how: LinkHow,
    line: number | null,
    candidates: readonly number[] | null = null,
  ): void {
    this.db
      .prepare(
        `INSERT INTO batch_links (batch_id, seq, status, how, candidates, line)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(batch_id, seq) DO UPDATE SET status = excluded.status, how = excluded.how,
           candidates = excluded.candidates`,
      )
      .run(batchId, seq, status, how, candidates ? JSON.stringify(candidates) : null, line);
  }

  flagMaybeSame(seq: number): void {
    this.db
      .prepare('UPDATE transactions SET needs_review = ? WHERE seq = ? AND needs_review IS NULL')
      .run(MAYBE_SAME_MONEY, seq);
  }

  /** The open suggestion on a row, with the batch that made it. */
  suggestionOn(seq: number): { batchId: number; candidates: number[] } | null {
    const row = this.db
      .prepare<[number], { batch_id: number; candidates: string | null }>(
        `SELECT batch_id, candidates FROM batch_links WHERE seq = ? AND status = 'suggested'
         ORDER BY batch_id DESC LIMIT 1`,
      )
      .get(seq);
    if (!row) return null;
    return { batchId: row.batch_id, candidates: JSON.parse(row.candidates ?? '[]') as number[] };
  }

  /** The person kept both rows: the suggestion is settled and the row no longer asks. */
  keepBoth(batchId: number, seq: number): void {
    this.db
      .prepare(
        `UPDATE batch_links SET status = 'kept', how = 'person' WHERE batch_id = ? AND seq = ?`,
      )
      .run(batchId, seq);
    this.db
      .prepare('UPDATE transactions SET needs_review = NULL WHERE seq = ? AND needs_review = ?')
      .run(seq, MAYBE_SAME_MONEY);
  }

  batchInfo(
    batchId: number,
  ): { method: ImportMethod; accountId: string | null; revertedAt: string | null } | undefined {
    return this.db
      .prepare<
        [number],
        { method: ImportMethod; accountId: string | null; revertedAt: string | null }
      >(
        `SELECT method, account_id AS accountId, reverted_at AS revertedAt
         FROM import_batches WHERE id = ?`,
      )
      .get(batchId);
  }

  /**
   * Takes a file import back: the rows it added go (with their tags, parts and history), the ids
   * it recorded on rows already here are forgotten, and its links with them. A row of it that
   * Plaid has since taken over is the bank's now and stays, as part of the run that took it.
   */
  revert(batchId: number, now: string): number {
    this.db
      .prepare(
        `UPDATE transactions SET batch_id = (
           SELECT l.batch_id FROM batch_links l JOIN import_batches b ON b.id = l.batch_id
           WHERE l.seq = transactions.seq AND b.method = 'PLAID' ORDER BY l.batch_id LIMIT 1)
         WHERE batch_id = ? AND source = 'plaid'`,
      )
      .run(batchId);
    const removed = this.db
      .prepare(`DELETE FROM transactions WHERE batch_id = ? AND source <> 'plaid'`)
      .run(batchId).changes;
    this.db.prepare('DELETE FROM transaction_import_ids WHERE batch_id = ?').run(batchId);
    this.db.prepare('DELETE FROM batch_links WHERE batch_id = ?').run(batchId);
    this.db.prepare('UPDATE import_batches SET reverted_at = ? WHERE id = ?').run(now, batchId);
    return removed;
  }

  /** The CSV mapping last used for this account, as stored (validated by the caller). */
  savedMapping(accountId: string): unknown {
    const row = this.db
      .prepare<[string], { import_mapping: string | null }>(
        'SELECT import_mapping FROM accounts WHERE id = ?',
      )
      .get(accountId);
    return row?.import_mapping ? (JSON.parse(row.import_mapping) as unknown) : null;
  }

  saveMapping(accountId: string, mapping: unknown): void {
    this.db
      .prepare('UPDATE accounts SET import_mapping = ? WHERE id = ?')
      .run(JSON.stringify(mapping), accountId);
  }
}
