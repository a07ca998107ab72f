import type { Database } from './open';
import { SyncStageRepo } from './sync-stage-repo';
import { matchOne, MATCH_WINDOW_DAYS, type CandidateRow } from '../import/match';
import { ImportsRepo } from './imports-repo';
import { mergeRows } from './row-merge';
import type { ConnectionStatus } from '../../shared/model';
import { SPLIT_NO_LONGER_ADDS_UP } from './splits-repo';
import { TRANSFER_AMOUNT_CHANGED, TRANSFER_SIDE_REMOVED } from './transfers-repo';
import type { TransactionRow as StoredRow } from './transactions-repo';
import type { AccountRow, TransactionRow } from '../plaid/convert';
import { addDays } from '../iso-days';

export interface RunCounts {
  added: number;
  modified: number;
  removed: number;
  duplicatesSkipped: number;
  quarantined: number;
}

export const zeroCounts = (): RunCounts => ({
  added: 0,
  modified: 0,
  removed: 0,
  duplicatesSkipped: 0,
  quarantined: 0,
});

export interface QuarantineEntry {
  kind:
    | 'transaction'
    | 'account'
    | 'removal'
    | 'holding'
    | 'liability'
    | 'investment_transaction'
    | 'recurring_stream';
  plaidId: string | null;
  reason: string;
  payload: unknown;
}

/**
 * Every write the sync engine and linking make, in one place. Upserts are keyed on Plaid's ids,
 * so replaying any page, or a whole run after a crash, changes nothing.
 */
export class SyncStore {
  private readonly findTransaction;
  private readonly insertTransaction;
  private readonly updateTransaction;
  private readonly takeOverTransaction;
  private readonly insertAlias;
  private readonly applyPayeeRule;
  private readonly flagSplitAmount;
  private readonly flagTransfer;
  private readonly seqOf;
  private readonly findAlias;
  private readonly pendingCandidates;
  private readonly postedTwins;
  private readonly markRemoved;
  private readonly upsertAccount;
  private readonly upsertSnapshot;
  private readonly insertQuarantine;
  private readonly ownCandidates;
  private readonly idOfSeq;
  private readonly imports: ImportsRepo;
  private readonly startDeferral;
  private readonly indexDeferred;
  private readonly endDeferral;
  /** Whether the search triggers leave a deferring apply's rows to `finishSearchIndex`. */
  private readonly canDefer: boolean;
  /** The pages of each connection's sync in progress. */
  readonly stage: SyncStageRepo;

  /** Rows inserted since the last `takeFresh`, for the rules to see before anyone else does. */
  private fresh: number[] = [];

  constructor(readonly db: Database) {
    this.stage = new SyncStageRepo(db);
    const insertTrigger = db
      .prepare<[], string>(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'transactions_fts_insert'",
      )
      .pluck()
      .get();
    // Were the triggers ever written without the deferral check, deferring would index twice.
    this.canDefer = insertTrigger?.includes('search_index_deferral') ?? false;
    this.startDeferral = db.prepare(
      'INSERT INTO search_index_deferral (from_seq) SELECT COALESCE(MAX(seq), 0) + 1 FROM transactions',
    );
    this.indexDeferred = db.prepare(
      `INSERT INTO transactions_fts (rowid, name, merchant_name, payee, notes)
       SELECT seq, name, merchant_name, payee, notes FROM transactions
       WHERE seq >= (SELECT MIN(from_seq) FROM search_index_deferral) ORDER BY seq`,
    );
    this.endDeferral = db.prepare('DELETE FROM search_index_deferral');
    this.findTransaction = db.prepare<[string], StoredRow>(
      'SELECT * FROM transactions WHERE id = ?',
    );
    this.insertTransaction = db.prepare(
      `INSERT INTO transactions (id, account_id, connection_id, date, authorized_date, name,
         merchant_name, category, category_detailed, amount, currency, pending,
         pending_transaction_id, payment_channel, batch_id, created_at, updated_at)
       VALUES (@id, @accountId, @connectionId, @date, @authorizedDate, @name, @merchantName,
         @category, @categoryDetailed, @amount, @currency, @pending, @pendingTransactionId,
         @paymentChannel, @batchId, @now, @now)`,
    );
    // Bank fields only: the user's columns (payee, user_category, notes, …) and `removed_at` are
    // never the feed's to write here.
    this.updateTransaction = db.prepare(
      `UPDATE transactions SET account_id = @accountId, date = @date,
         authorized_date = @authorizedDate, name = @name, merchant_name = @merchantName,
         category = @category, category_detailed = @categoryDetailed, amount = @amount,
         currency = @currency, pending = @pending, pending_transaction_id = @pendingTransactionId,
         payment_channel = @paymentChannel, updated_at = @now
       WHERE id = @id`,
    );
    // A row that takes over another (posted over pending, a renumbered id) gets the new id and
    // bank fields and keeps its seq, so its user fields, history and place stay with it.
    this.takeOverTransaction = db.prepare(
      `UPDATE transactions SET id = @id, account_id = @accountId, date = @date,
         authorized_date = @authorizedDate, name = @name, merchant_name = @merchantName,
         category = @category, category_detailed = @categoryDetailed, amount = @amount,
         currency = @currency, pending = @pending, pending_transaction_id = @pendingTransactionId,
         payment_channel = @paymentChannel, removed_at = NULL,
         connection_id = @connectionId, source = 'plaid',
         needs_review = CASE
           WHEN @amountChanged = 1 AND EXISTS (SELECT 1 FROM transaction_splits s WHERE s.seq = @seq)
             THEN @splitReview
           WHEN @amountChanged = 1 AND locks <> '{}'
             THEN 'The bank changed the amount when this transaction posted; check your edits still fit.'
           ELSE needs_review END,
         updated_at = @now
       WHERE seq = @seq`,
    );
    // A split's parts are the person's and are never rescaled: when the bank's amount moves
    // under them, the row asks for a look instead.
    this.flagSplitAmount = db.prepare(
      `UPDATE transactions SET needs_review = ?
       WHERE seq = ? AND EXISTS (SELECT 1 FROM transaction_splits s WHERE s.seq = transactions.seq)`,
    );
    // A confirmed transfer is the person's statement that two rows are the same money; when the
    // bank changes or removes a side, both rows ask for a look instead of silently staying paired.
    this.flagTransfer = db.prepare<{ seq: number; sentence: string; sides: 'both' | 'other' }>(
      `UPDATE transactions SET needs_review = @sentence
       WHERE removed_at IS NULL AND (@sides = 'both' OR seq <> @seq) AND seq IN (
         SELECT out_seq FROM transfer_pairs
           WHERE status = 'confirmed' AND (out_seq = @seq OR in_seq = @seq)
         UNION ALL SELECT in_seq FROM transfer_pairs
           WHERE status = 'confirmed' AND (out_seq = @seq OR in_seq = @seq))`,
    );
    this.seqOf = db.prepare<[string], { seq: number }>('SELECT seq FROM transactions WHERE id = ?');
    // A payee the person gave this bank text once names each new row with it.
    this.applyPayeeRule = db.prepare(
      `UPDATE transactions SET payee = (SELECT r.payee FROM payee_rules r WHERE r.raw_name = transactions.name)
       WHERE seq = ? AND payee IS NULL
         AND EXISTS (SELECT 1 FROM payee_rules r WHERE r.raw_name = transactions.name)`,
    );
    this.insertAlias = db.prepare(
      `INSERT INTO transaction_aliases (plaid_id, seq, reason, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(plaid_id) DO UPDATE SET seq = excluded.seq, reason = excluded.reason`,
    );
    this.findAlias = db.prepare<[string], { seq: number; created_at: string }>(
      'SELECT seq, created_at FROM transaction_aliases WHERE plaid_id = ?',
    );
    this.pendingCandidates = db.prepare<[string, string, string, number], StoredRow>(
      `SELECT * FROM transactions
       WHERE account_id = ? AND pending = 1 AND date BETWEEN ? AND ? AND amount = ?
       ORDER BY date DESC, seq DESC LIMIT 8`,
    );
    this.postedTwins = db.prepare<[string, string, number, string], StoredRow>(
      `SELECT * FROM transactions
       WHERE account_id = ? AND pending = 0 AND date = ? AND amount = ? AND name = ?
         AND removed_at IS NULL
       LIMIT 8`,
    );
    this.markRemoved = db.prepare(
      'UPDATE transactions SET removed_at = ?, updated_at = ? WHERE id = ? AND removed_at IS NULL',
    );
    this.upsertAccount = db.prepare(
      `INSERT INTO accounts (id, connection_id, name, official_name, type, subtype, mask, currency,
         balance_current, balance_available, balance_limit, balance_updated_at, created_at, updated_at)
       VALUES (@id, @connectionId, @name, @officialName, @type, @subtype, @mask, @currency,
         @current, @available, @limit, @balanceAt, @now, @now)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, official_name = excluded.official_name,
         type = excluded.type, subtype = excluded.subtype, mask = excluded.mask,
         currency = excluded.currency,
         balance_current = COALESCE(excluded.balance_current, accounts.balance_current),
         balance_available = COALESCE(excluded.balance_available, accounts.balance_available),
         balance_limit = COALESCE(excluded.balance_limit, accounts.balance_limit),
         balance_updated_at = COALESCE(excluded.balance_updated_at, accounts.balance_updated_at),
         closed_at = NULL, updated_at = excluded.updated_at
       WHERE accounts.connection_id = excluded.connection_id`,
    );
    this.upsertSnapshot = db.prepare(
      `INSERT INTO balance_snapshots (account_id, date, current, available, credit_limit, currency)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(account_id, date) DO UPDATE SET current = excluded.current,
         available = excluded.available, credit_limit = excluded.credit_limit,
         currency = excluded.currency`,
    );
    this.imports = new ImportsRepo(db);
    this.idOfSeq = db.prepare<[number], { id: string }>(
      'SELECT id FROM transactions WHERE seq = ?',
    );
    // The person's own rows (typed in, or from a file) that may be this same money.
    this.ownCandidates = db.prepare<[string, number, string, string], CandidateRow>(
      `SELECT seq, date, amount, COALESCE(payee, merchant_name, name) AS text, NULL AS externalId
       FROM transactions
       WHERE account_id = ? AND amount = ? AND date BETWEEN ? AND ?
         AND removed_at IS NULL AND source <> 'plaid'`,
    );
    this.insertQuarantine = db.prepare(
      `INSERT INTO quarantine (connection_id, run_id, kind, plaid_id, reason, payload, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  // -- runs --------------------------------------------------------------------------------

  startRun(connectionId: string, trigger: string, now: string): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO sync_runs (connection_id, trigger, status, started_at) VALUES (?, ?, 'running', ?)`,
        )
        .run(connectionId, trigger, now).lastInsertRowid,
    );
  }

  /** `pages` is every page applied; `resumedPages` of them were staged by an earlier run. */
  finishRun(runId: number, counts: RunCounts, pages: number, now: string, resumedPages = 0): void {
    this.db
      .prepare(
        `UPDATE sync_runs SET status = 'succeeded', finished_at = ?, pages = ?, pages_resumed = ?,
           added = ?, modified = ?, removed = ?, duplicates_skipped = ?, quarantined = ? WHERE id = ?`,
      )
      .run(
        now,
        pages,
        resumedPages,
        counts.added,
        counts.modified,
        counts.removed,
        counts.duplicatesSkipped,
        counts.quarantined,
        runId,
      );
  }

  failRun(
    runId: number,
    code: string,
    message: string,
    requestId: string | null,
    now: string,
  ): void {
    this.db
      .prepare(
        `UPDATE sync_runs SET status = 'failed', finished_at = ?, error_code = ?, error_message = ?,
           plaid_request_id = ? WHERE id = ? AND status = 'running'`,
      )
      .run(now, code, message, requestId, runId);
  }

  /**
   * Keeps every Plaid request id of a run; the run's own id is the one given (the failing
   * call's) or else its last call's.
   */
  recordRequestIds(runId: number, requestIds: readonly string[], main: string | null = null): void {
    this.db
      .prepare(`UPDATE sync_runs SET plaid_request_ids = ?, plaid_request_id = ? WHERE id = ?`)
      .run(JSON.stringify(requestIds), main ?? requestIds.at(-1) ?? null, runId);
  }

  /**
   * Runs a previous process left 'running' were cut off by its exit; say so. Their staged pages
   * stay for the next run to continue, except a disconnected connection's, which never syncs.
   */
  failInterruptedRuns(now: string): number {
    this.stage.clearDisconnected();
    return this.db
      .prepare(
        `UPDATE sync_runs SET status = 'failed', finished_at = ?, error_code = 'INTERRUPTED',
           error_message = 'Ledgerlight stopped during this sync; nothing from it was saved.'
         WHERE status = 'running'`,
      )
      .run(now).changes;
  }

  lastManualRunStart(connectionId: string): string | null {
    return (
      this.db
        .prepare<[string], { started_at: string }>(
          `SELECT started_at FROM sync_runs WHERE connection_id = ? AND trigger = 'manual'
           ORDER BY id DESC LIMIT 1`,
        )
        .get(connectionId)?.started_at ?? null
    );
  }

  createBatch(connectionId: string, runId: number, now: string): number {
    return Number(
      this.db
        .prepare('INSERT INTO import_batches (connection_id, run_id, created_at) VALUES (?, ?, ?)')
        .run(connectionId, runId, now).lastInsertRowid,
    );
  }

  finishBatch(batchId: number, counts: RunCounts): void {
    this.db
      .prepare('UPDATE import_batches SET added = ?, modified = ?, removed = ? WHERE id = ?')
      .run(counts.added, counts.modified, counts.removed, batchId);
  }

  deleteBatch(batchId: number): void {
    this.db.prepare('DELETE FROM import_batches WHERE id = ?').run(batchId);
  }

  // -- connections ---------------------------------------------------------------------------

  cursor(connectionId: string): string | null {
    return (
      this.db
        .prepare<[string], { cursor: string | null }>('SELECT cursor FROM connections WHERE id = ?')
        .get(connectionId)?.cursor ?? null
    );
  }

  saveCursor(connectionId: string, cursor: string): void {
    this.db.prepare('UPDATE connections SET cursor = ? WHERE id = ?').run(cursor, connectionId);
  }

  recordItemState(
    connectionId: string,
    state: { consentExpiresAt: string | null; products: string[] },
    now: string,
  ): void {
    this.db
      .prepare(
        'UPDATE connections SET consent_expires_at = ?, products = ?, updated_at = ? WHERE id = ?',
      )
      .run(state.consentExpiresAt, JSON.stringify(state.products), now, connectionId);
  }

  products(connectionId: string): string[] {
    const row = this.db
      .prepare<[string], { products: string }>('SELECT products FROM connections WHERE id = ?')
      .get(connectionId);
    try {
      const parsed: unknown = JSON.parse(row?.products ?? '[]');
      return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
    } catch {
      return [];
    }
  }

  markSucceeded(connectionId: string, now: string, nextSyncAt: string | null): void {
    this.db
      .prepare(
        `UPDATE connections SET status = 'ACTIVE', last_sync_at = ?, last_success_at = ?,
           next_sync_at = CASE WHEN paused = 1 THEN NULL ELSE ? END, consecutive_failures = 0,
           error_code = NULL, error_message = NULL, updated_at = ?
         WHERE id = ? AND status <> 'DISCONNECTED'`,
      )
      .run(now, now, nextSyncAt, now, connectionId);
  }

  markFailed(
    connectionId: string,
    failure: { status: ConnectionStatus | null; code: string; message: string },
    now: string,
    nextSyncAt: (consecutiveFailures: number) => string | null,
  ): void {
    const row = this.db
      .prepare<[string], { consecutive_failures: number; status: ConnectionStatus }>(
        'SELECT consecutive_failures, status FROM connections WHERE id = ?',
      )
      .get(connectionId);
    if (!row || row.status === 'DISCONNECTED') return;
    const failures = row.consecutive_failures + 1;
    const status = failure.status ?? row.status;
    this.db
      .prepare(
        `UPDATE connections SET status = ?, last_sync_at = ?, consecutive_failures = ?,
           error_code = ?, error_message = ?, next_sync_at = ?, updated_at = ? WHERE id = ?`,
      )
      .run(
        status,
        now,
        failures,
        failure.code,
        failure.message,
        status === 'ACTIVE' ? nextSyncAt(failures) : null,
        now,
        connectionId,
      );
  }

  // -- accounts and balances ------------------------------------------------------------------

  accountIds(connectionId: string): Set<string> {
    return new Set(
      this.db
        .prepare<[string], { id: string }>('SELECT id FROM accounts WHERE connection_id = ?')
        .all(connectionId)
        .map((r) => r.id),
    );
  }

  /** False when the account belongs to another connection (a Plaid id cannot move). */
  saveAccount(
    connectionId: string,
    account: AccountRow,
    withBalances: boolean,
    now: string,
  ): boolean {
    const balances = withBalances
      ? {
          current: account.current,
          available: account.available,
          limit: account.limit,
          balanceAt: now,
        }
      : { current: null, available: null, limit: null, balanceAt: null };
    return this.upsertAccount.run({ ...account, ...balances, connectionId, now }).changes > 0;
  }

  /**
   * The connection's accounts the Item no longer has (the person left them out in Link's account
   * selection) are closed: they stop syncing and keep their history. Returns their ids.
   */
  closeAccountsNotIn(connectionId: string, present: ReadonlySet<string>, now: string): string[] {
    const gone = this.db
      .prepare<[string], { id: string }>(
        'SELECT id FROM accounts WHERE connection_id = ? AND closed_at IS NULL',
      )
      .all(connectionId)
      .map((r) => r.id)
      .filter((id) => !present.has(id));
    const close = this.db.prepare('UPDATE accounts SET closed_at = ?, updated_at = ? WHERE id = ?');
    for (const id of gone) close.run(now, now, id);
    return gone;
  }

  closedAccountIds(connectionId: string): Set<string> {
    return new Set(
      this.db
        .prepare<[string], { id: string }>(
          'SELECT id FROM accounts WHERE connection_id = ? AND closed_at IS NOT NULL',
        )
        .all(connectionId)
        .map((r) => r.id),
    );
  }

  snapshotBalance(account: AccountRow, date: string): void {
    this.upsertSnapshot.run(
      account.id,
      date,
      account.current,
      account.available,
      account.limit,
      account.currency,
    );
  }

  // -- search index ----------------------------------------------------------------------------

  /**
   * Inside the caller's transaction: rows inserted from now on are not indexed for search one by
   * one by the triggers but all at once by `finishSearchIndex`, which must run before the same
   * transaction commits (a rollback takes the deferral with it).
   */
  deferSearchIndex(): void {
    if (this.canDefer) this.startDeferral.run();
  }

  /** Indexes every row inserted since `deferSearchIndex`, as it is now, in one statement. */
  finishSearchIndex(): void {
    if (!this.canDefer) return;
    this.indexDeferred.run();
    this.endDeferral.run();
  }

  // -- transactions ----------------------------------------------------------------------------

  /**
   * Inserts or updates one transaction's bank fields; the user's fields are never touched.
   * 'duplicate' when it is already stored exactly so (a replayed page) or was removed before (a
   * removed row stays removed). A new row that is the same money as a row already here takes that
   * row over instead of being added beside it (see `takeOverTarget`), so the person's edits stay.
   * `removedIds` are the ids this update removes, which the caller applies after every add.
   */
  saveTransaction(
    connectionId: string,
    row: TransactionRow,
    batchId: number,
    now: string,
    removedIds: ReadonlySet<string> = new Set(),
  ): 'inserted' | 'updated' | 'duplicate' {
    const existing = this.findTransaction.get(row.id);
    const params = {
      ...row,
      pending: row.pending ? 1 : 0,
      connectionId,
      batchId,
      now,
    };
    let outcome: 'inserted' | 'updated' | 'duplicate';
    if (existing) {
      if (existing.removed_at !== null || sameTransaction(existing, row)) {
        outcome = 'duplicate';
      } else {
        this.updateTransaction.run(params);
        if (existing.amount !== row.amount) {
          this.flagSplitAmount.run(SPLIT_NO_LONGER_ADDS_UP, existing.seq);
          this.flagTransfer.run({
            seq: existing.seq,
            sentence: TRANSFER_AMOUNT_CHANGED,
            sides: 'both',
          });
        }
        outcome = 'updated';
      }
    } else if (this.findAlias.get(row.id)) {
      // An id this ledger already folded into another row: that row speaks for it.
      outcome = 'duplicate';
    } else {
      const target = this.takeOverTarget(row, removedIds);
      if (target) {
        this.takeOverTransaction.run({
          ...params,
          seq: target.row.seq,
          amountChanged: target.row.amount === row.amount ? 0 : 1,
          splitReview: SPLIT_NO_LONGER_ADDS_UP,
        });
        this.insertAlias.run(target.row.id, target.row.seq, target.reason, now);
        if (target.row.amount !== row.amount) {
          this.flagTransfer.run({
            seq: target.row.seq,
            sentence: TRANSFER_AMOUNT_CHANGED,
            sides: 'both',
          });
        }
        this.claimOwnRow(target.row.seq, row, batchId, now);
      } else {
        const own = this.ownRowFor(row);
        if (own.kind === 'amount-date') {
          // The person typed this in (or imported it) before the bank had it: the bank's row
          // takes theirs over, keeping its seq, fields and history.
          const ownId = this.idOfSeq.get(own.seq)!.id;
          this.takeOverTransaction.run({
            ...params,
            seq: own.seq,
            amountChanged: 0,
            splitReview: SPLIT_NO_LONGER_ADDS_UP,
          });
          this.insertAlias.run(ownId, own.seq, 'matched', now);
          this.imports.link(batchId, own.seq, 'matched', 'amount-date', null);
        } else {
          const seq = Number(this.insertTransaction.run(params).lastInsertRowid);
          this.applyPayeeRule.run(seq);
          this.fresh.push(seq);
          if (own.kind === 'suggested') this.suggest(batchId, seq, own.candidates);
        }
      }
      outcome = 'inserted';
    }
    if (row.pendingTransactionId && !row.pending) {
      // Rows stored before takeovers existed (or a pending twin Plaid linked to a row that was
      // already here) still leave only one row in view.
      this.markRemoved.run(now, now, row.pendingTransactionId);
    }
    return outcome;
  }

  /**
   * The stored row a new Plaid row replaces, if any, in Plaid's own order of certainty:
   * 1. its `pending_transaction_id`;
   * 2. for a posted row without one (some banks never send it): the one pending row this same
   *    update removes in the same account with the exact amount, dated up to 8 days earlier. A
   *    pending row that stays is never merged (it may be a second, real purchase), and two or
   *    more candidates are a tie, which is never guessed;
   * 3. a bank renumbering its ids: the one posted row this update removes with the same account,
   *    date, amount and text.
   */
  private takeOverTarget(
    row: TransactionRow,
    removedIds: ReadonlySet<string>,
  ): { row: StoredRow; reason: 'posted' | 'renumbered' } | null {
    if (row.pending) return null;
    if (row.pendingTransactionId) {
      const pending = this.findTransaction.get(row.pendingTransactionId);
      if (pending && pending.pending === 1) return { row: pending, reason: 'posted' };
    }
    // Both other ways need a row this update removes (a first sync from no cursor has none).
    if (removedIds.size === 0) return null;
    const leaving = this.pendingCandidates
      .all(row.accountId, addDays(row.date, -8), row.date, row.amount)
      .filter((c) => removedIds.has(c.id));
    if (leaving.length === 1) return { row: leaving[0]!, reason: 'posted' };
    if (leaving.length > 1) return null;
    const twins = this.postedTwins
      .all(row.accountId, row.date, row.amount, row.name)
      .filter((t) => removedIds.has(t.id));
    return twins.length === 1 ? { row: twins[0]!, reason: 'renumbered' } : null;
  }

  /**
   * A posted row's match among the person's own rows in its account: the same amount a few days
   * apart, the closest and same payee first. A pending row never claims one (a hold may never
   * post); its posted row does, when it arrives.
   */
  private ownRowFor(row: TransactionRow): ReturnType<typeof matchOne> {
    if (row.pending) return { kind: 'new' };
    const candidates = this.ownCandidates.all(
      row.accountId,
      row.amount,
      addDays(row.date, -MATCH_WINDOW_DAYS),
      addDays(row.date, MATCH_WINDOW_DAYS),
    );
    if (candidates.length === 0) return { kind: 'new' };
    return matchOne(
      { date: row.date, amount: row.amount, text: row.merchantName ?? row.name, externalId: null },
      candidates,
    );
  }

  /**
   * After a posted row took over its pending one: a row the person typed in for the same money
   * joins it (their fields move over), or, when several could, the question goes to the person.
   */
  private claimOwnRow(seq: number, row: TransactionRow, batchId: number, now: string): void {
    const own = this.ownRowFor(row);
    if (own.kind === 'amount-date') {
      mergeRows(this.db, seq, own.seq, now);
      this.imports.link(batchId, seq, 'matched', 'amount-date', null);
    } else if (own.kind === 'suggested') {
      this.suggest(batchId, seq, own.candidates);
    }
  }

  private suggest(batchId: number, seq: number, candidates: number[]): void {
    this.imports.link(batchId, seq, 'suggested', 'amount-date', null, candidates);
    this.imports.flagMaybeSame(seq);
  }

  /** The seqs of rows inserted since the last call (a row taken over by another is not new). */
  takeFresh(): number[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }

  /** The seq of the row a Plaid id names now (itself, or the row it was folded into). */
  seqFor(plaidId: string): number | null {
    return this.seqOf.get(plaidId)?.seq ?? this.findAlias.get(plaidId)?.seq ?? null;
  }

  accountOf(plaidId: string): string | null {
    return this.findTransaction.get(plaidId)?.account_id ?? null;
  }

  /**
   * After a full resync: the feed's rows of these accounts that Plaid did not send (`seen` holds
   * the seqs it did) are gone at the bank, so they are marked removed like any Plaid removal:
   * kept with the person's fields, shown as removed, never silently deleted. Returns how many.
   */
  removeUnseen(
    connectionId: string,
    accountIds: ReadonlySet<string>,
    seen: ReadonlySet<number>,
    now: string,
  ): number {
    const rows = this.db
      .prepare<[string], { seq: number; id: string; account_id: string }>(
        `SELECT seq, id, account_id FROM transactions
         WHERE connection_id = ? AND source = 'plaid' AND removed_at IS NULL`,
      )
      .all(connectionId);
    let removed = 0;
    for (const row of rows) {
      if (!accountIds.has(row.account_id) || seen.has(row.seq)) continue;
      if (this.removeTransaction(row.id, now)) removed++;
    }
    return removed;
  }

  removeTransaction(id: string, now: string): boolean {
    if (this.markRemoved.run(now, now, id).changes > 0) {
      const removed = this.seqOf.get(id);
      if (removed) {
        this.flagTransfer.run({
          seq: removed.seq,
          sentence: TRANSFER_SIDE_REMOVED,
          sides: 'other',
        });
      }
      return true;
    }
    const stored = this.findTransaction.get(id);
    if (stored) return stored.removed_at === now;
    return this.findAlias.get(id)?.created_at === now;
  }

  quarantine(connectionId: string, runId: number, entry: QuarantineEntry, now: string): void {
    this.insertQuarantine.run(
      connectionId,
      runId,
      entry.kind,
      entry.plaidId,
      entry.reason,
      JSON.stringify(entry.payload) ?? 'null',
      now,
    );
  }
}

function sameTransaction(stored: StoredRow, row: TransactionRow): boolean {
  return (
    stored.removed_at === null &&
    stored.account_id === row.accountId &&
    stored.date === row.date &&
    stored.authorized_date === row.authorizedDate &&
    stored.name === row.name &&
    stored.merchant_name === row.merchantName &&
    stored.category === row.category &&
    stored.category_detailed === row.categoryDetailed &&
    stored.amount === row.amount &&
    stored.currency === row.currency &&
    stored.pending === (row.pending ? 1 : 0) &&
    stored.pending_transaction_id === row.pendingTransactionId &&
    stored.payment_channel === row.paymentChannel
  );
}
