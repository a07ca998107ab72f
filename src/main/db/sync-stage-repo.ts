import type { AccountBase, RemovedTransaction, Transaction as PlaidTransaction } from 'plaid';
import type { Database } from './open';

/** Which pagination a stage belongs to; a run resumes a stage only when all three agree. */
export interface StageKey {
  /** The cursor the pagination began from (null: from no cursor). */
  startCursor: string | null;
  /** The connection's saved cursor when it began: a run committed since makes the stage stale. */
  baseCursor: string | null;
  /** A full resync's pages are applied with its removal of what Plaid did not send. */
  fullResync: boolean;
}

/** One `/transactions/sync` answer, as far as staging it goes: its arrays as JSON. */
export interface PageToStage {
  counts: { added: number; modified: number; removed: number };
  added: string;
  modified: string;
  removed: string;
  accounts: string;
  nextCursor: string;
  hasMore: boolean;
}

/** What a resumed run needs to know of the pages staged before it. */
export interface StagedSoFar {
  pages: number;
  /** The last staged page's next_cursor: where the resumed pagination continues. */
  nextCursor: string;
  totals: { added: number; modified: number; removed: number };
  accountIds: string[];
}

interface StageRow {
  start_cursor: string | null;
  base_cursor: string | null;
  full_resync: number;
}

/**
 * The pages of a connection's sync in progress, kept in the database as they arrive (each in its
 * own small transaction), so a run's memory does not grow with the history and a killed run can
 * continue from its last page. At most one stage per connection.
 */
export class SyncStageRepo {
  private readonly insertStage;
  private readonly insertPage;
  private readonly deleteStage;
  private readonly findStage;
  private readonly summary;
  private readonly lastPage;
  private readonly changesOf;
  private readonly removalsOf;
  private readonly accountsOf;
  private readonly removedIdsOf;

  constructor(private readonly db: Database) {
    this.insertStage = db.prepare(
      `INSERT INTO sync_stage (connection_id, start_cursor, base_cursor, full_resync, run_id, started_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.insertPage = db.prepare(
      `INSERT INTO sync_stage_pages (connection_id, page_no, next_cursor, has_more, added_count,
         modified_count, removed_count, added, modified, removed, accounts, staged_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.deleteStage = db.prepare('DELETE FROM sync_stage WHERE connection_id = ?');
    this.findStage = db.prepare<[string], StageRow>(
      'SELECT start_cursor, base_cursor, full_resync FROM sync_stage WHERE connection_id = ?',
    );
    this.summary = db.prepare<
      [string],
      { pages: number; added: number; modified: number; removed: number }
    >(
      `SELECT COUNT(*) AS pages, COALESCE(SUM(added_count), 0) AS added,
         COALESCE(SUM(modified_count), 0) AS modified, COALESCE(SUM(removed_count), 0) AS removed
       FROM sync_stage_pages WHERE connection_id = ?`,
    );
    this.lastPage = db.prepare<[string], { page_no: number; next_cursor: string }>(
      `SELECT page_no, next_cursor FROM sync_stage_pages WHERE connection_id = ?
       ORDER BY page_no DESC LIMIT 1`,
    );
    this.changesOf = db.prepare<[string, number], { added: string; modified: string }>(
      'SELECT added, modified FROM sync_stage_pages WHERE connection_id = ? AND page_no = ?',
    );
    this.removalsOf = db.prepare<[string, number], { removed: string }>(
      'SELECT removed FROM sync_stage_pages WHERE connection_id = ? AND page_no = ?',
    );
    this.accountsOf = db.prepare<[string], { accounts: string }>(
      'SELECT accounts FROM sync_stage_pages WHERE connection_id = ? ORDER BY page_no',
    );
    this.removedIdsOf = db
      .prepare<[string], unknown>(
        `SELECT CASE r.type WHEN 'object' THEN json_extract(r.value, '$.transaction_id') END
         FROM sync_stage_pages p, json_each(p.removed) r WHERE p.connection_id = ?`,
      )
      .pluck();
  }

  /**
   * The stage a run with this key continues, or null. A stage of another pagination (another
   * start, a cursor saved since, a resync against an ordinary run) can never be continued by
   * this run, so it is dropped here.
   */
  resumable(connectionId: string, key: StageKey): StagedSoFar | null {
    const stage = this.findStage.get(connectionId);
    if (!stage) return null;
    const same =
      stage.start_cursor === key.startCursor &&
      stage.base_cursor === key.baseCursor &&
      stage.full_resync === (key.fullResync ? 1 : 0);
    const last = same ? this.lastPage.get(connectionId) : undefined;
    if (!last) {
      this.clear(connectionId);
      return null;
    }
    const { pages, added, modified, removed } = this.summary.get(connectionId)!;
    return {
      pages,
      nextCursor: last.next_cursor,
      totals: { added, modified, removed },
      accountIds: [...new Set(this.accounts(connectionId).map((a) => a.account_id))],
    };
  }

  /** Writes one page; page 1 replaces whatever the connection had staged. One transaction. */
  stage(
    connectionId: string,
    key: StageKey,
    runId: number,
    pageNo: number,
    page: PageToStage,
    now: string,
  ): void {
    this.db.transaction(() => {
      if (pageNo === 1) {
        this.deleteStage.run(connectionId);
        this.insertStage.run(
          connectionId,
          key.startCursor,
          key.baseCursor,
          key.fullResync ? 1 : 0,
          runId,
          now,
        );
      }
      this.insertPage.run(
        connectionId,
        pageNo,
        page.nextCursor,
        page.hasMore ? 1 : 0,
        page.counts.added,
        page.counts.modified,
        page.counts.removed,
        page.added,
        page.modified,
        page.removed,
        page.accounts,
        now,
      );
    })();
  }

  clear(connectionId: string): void {
    this.deleteStage.run(connectionId);
  }

  /** A disconnected connection never syncs again, so its stage is only weight on the disk. */
  clearDisconnected(): number {
    return this.db
      .prepare(
        `DELETE FROM sync_stage WHERE connection_id IN
           (SELECT id FROM connections WHERE status = 'DISCONNECTED')`,
      )
      .run().changes;
  }

  pageCount(connectionId: string): number {
    return this.summary.get(connectionId)?.pages ?? 0;
  }

  /** One page's added and modified rows (page numbers start at 1). */
  changes(
    connectionId: string,
    pageNo: number,
  ): { added: PlaidTransaction[]; modified: PlaidTransaction[] } {
    const row = this.changesOf.get(connectionId, pageNo);
    if (!row) throw new Error(`Staged page ${pageNo} is missing.`);
    return {
      added: JSON.parse(row.added) as PlaidTransaction[],
      modified: JSON.parse(row.modified) as PlaidTransaction[],
    };
  }

  removals(connectionId: string, pageNo: number): RemovedTransaction[] {
    const row = this.removalsOf.get(connectionId, pageNo);
    if (!row) throw new Error(`Staged page ${pageNo} is missing.`);
    return JSON.parse(row.removed) as RemovedTransaction[];
  }

  /** Every page's accounts, in page order. */
  accounts(connectionId: string): AccountBase[] {
    return this.accountsOf
      .all(connectionId)
      .flatMap((row) => JSON.parse(row.accounts) as AccountBase[]);
  }

  /** The ids of every removal staged (a removal without a string id counts as ''). */
  removedIds(connectionId: string): Set<string> {
    return new Set(
      this.removedIdsOf.all(connectionId).map((id) => (typeof id === 'string' ? id : '')),
    );
  }
}
