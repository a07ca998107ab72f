import { LedgerError } from '../../shared/errors';
import type {
  BatchRow,
  BatchRowStatus,
  ImportBatch,
  ImportMethod,
  TransferSide,
} from '../../shared/model';
import type { Database } from './open';
import type { LinkHow } from './imports-repo';
import type { TransactionRow, TransactionsRepo } from './transactions-repo';

interface StoredBatch {
  id: number;
  method: ImportMethod;
  connection_id: string | null;
  account_id: string | null;
  account_name: string | null;
  run_id: number | null;
  file_name: string | null;
  created_at: string;
  added: number;
  modified: number;
  removed: number;
  reverted_at: string | null;
}

interface Breakdown {
  count: number;
  min_date: string | null;
  max_date: string | null;
  unmatched: number;
  matched: number;
  confirmed: number;
  excluded: number;
  suggested: number;
}

/**
 * The status of a row a batch brought (`batch_id`): left out or deleted (excluded), waiting for
 * the person (suggested), reviewed or settled by the person (confirmed), found in the bank's feed
 * by a later sync (matched: the bank has it too), or none of these (unmatched).
 */
const BROUGHT_STATUS = `CASE
      WHEN t.removed_at IS NOT NULL OR t.excluded = 1 THEN 'excluded'
      WHEN EXISTS (SELECT 1 FROM batch_links l WHERE l.seq = t.seq AND l.status = 'suggested')
        THEN 'suggested'
      WHEN t.reviewed = 1 OR EXISTS (SELECT 1 FROM batch_links l
        WHERE l.seq = t.seq AND l.batch_id = @batch AND l.status = 'confirmed') THEN 'confirmed'
      WHEN EXISTS (SELECT 1 FROM batch_links l JOIN import_batches o ON o.id = l.batch_id
        WHERE l.seq = t.seq AND l.batch_id <> @batch AND o.method = 'PLAID'
          AND l.status IN ('matched', 'confirmed')) THEN 'matched'
      ELSE 'unmatched' END`;

/** A row the batch found already here: as the link says. */
const FOUND_STATUS = `CASE l.status WHEN 'confirmed' THEN 'confirmed'
      WHEN 'suggested' THEN 'suggested' ELSE 'matched' END`;

const BATCH_ROWS = `
  SELECT t.seq, t.date, ${BROUGHT_STATUS} AS status
  FROM transactions t WHERE t.batch_id = @batch
  UNION ALL
  SELECT t.seq, t.date, ${FOUND_STATUS} AS status
  FROM batch_links l JOIN transactions t ON t.seq = l.seq
  WHERE l.batch_id = @batch AND t.batch_id IS NOT @batch`;

/** One row's status in a batch, looked up by its seq. */
const ROW_STATUS = `
  SELECT CASE WHEN t.batch_id IS @batch THEN ${BROUGHT_STATUS}
    ELSE (SELECT ${FOUND_STATUS} FROM batch_links l WHERE l.batch_id = @batch AND l.seq = t.seq)
    END AS status
  FROM transactions t WHERE t.seq = @seq`;

const SELECT_BATCH = `SELECT b.*, COALESCE(a.user_name, a.name) AS account_name
  FROM import_batches b LEFT JOIN accounts a ON a.id = b.account_id`;

export const DEFAULT_BATCH_PAGE = 200;

export class BatchesRepo {
  constructor(private readonly db: Database) {}

  list(
    limit: number,
    offset: number,
    filter: { accountId?: string; connectionId?: string; kind?: 'syncs' | 'imports' } = {},
  ): ImportBatch[] {
    const where: string[] = [];
    if (filter.accountId) where.push('b.account_id = @account');
    if (filter.connectionId) where.push('b.connection_id = @connection');
    if (filter.kind === 'syncs') where.push("b.method = 'PLAID'");
    if (filter.kind === 'imports') where.push("b.method <> 'PLAID'");
    return this.db
      .prepare<Record<string, unknown>, StoredBatch>(
        `${SELECT_BATCH} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY b.id DESC LIMIT @limit OFFSET @offset`,
      )
      .all({
        limit,
        offset,
        ...(filter.accountId ? { account: filter.accountId } : {}),
        ...(filter.connectionId ? { connection: filter.connectionId } : {}),
      })
      .map((row) => this.toBatch(row));
  }

  get(id: number): ImportBatch | undefined {
    const row = this.db.prepare<[number], StoredBatch>(`${SELECT_BATCH} WHERE b.id = ?`).get(id);
    return row ? this.toBatch(row) : undefined;
  }

  /** A page of a batch's rows, newest first, with a keyset cursor (date, seq). */
  rows(
    batchId: number,
    transactions: TransactionsRepo,
    limit = DEFAULT_BATCH_PAGE,
    cursor?: string,
  ): { items: BatchRow[]; nextCursor: string | null } {
    const after = cursor ? decodeCursor(cursor) : null;
    const keyset = { batch: batchId, date: after?.date ?? null, seq: after?.seq ?? null };
    // The rows it brought (from the batch's own index) and the rows it found already here, each
    // read only as far as this page, so a page of a 100,000-row batch costs what one of 100 does.
    const brought = this.db
      .prepare<typeof keyset & { limit: number }, { seq: number; date: string }>(
        `SELECT seq, date FROM transactions
         WHERE batch_id = @batch AND (@date IS NULL OR (date, seq) < (@date, @seq))
         ORDER BY date DESC, seq DESC LIMIT @limit`,
      )
      .all({ ...keyset, limit: limit + 1 });
    const foundHere = this.db
      .prepare<typeof keyset & { limit: number }, { seq: number; date: string }>(
        `SELECT t.seq, t.date FROM batch_links l JOIN transactions t ON t.seq = l.seq
         WHERE l.batch_id = @batch AND t.batch_id IS NOT @batch
           AND (@date IS NULL OR (t.date, t.seq) < (@date, @seq))
         ORDER BY t.date DESC, t.seq DESC LIMIT @limit`,
      )
      .all({ ...keyset, limit: limit + 1 });
    const statusOf = this.db.prepare<{ batch: number; seq: number }, { status: BatchRowStatus }>(
      ROW_STATUS,
    );
    const found = [...brought, ...foundHere]
      .sort((a, b) => (a.date === b.date ? b.seq - a.seq : a.date < b.date ? 1 : -1))
      .slice(0, limit + 1)
      .map((row) => ({
        ...row,
        status: statusOf.get({ batch: batchId, seq: row.seq })?.status ?? 'unmatched',
      }));
    const page = found.slice(0, limit);
    const transactionsBySeq = new Map(
      transactions.bySeqsWithRows(page.map((r) => r.seq)).map((t) => [t.row.seq, t]),
    );
    const items = page.flatMap((entry): BatchRow[] => {
      const found = transactionsBySeq.get(entry.seq);
      if (!found) return [];
      return [
        {
          transaction: found.transaction,
          status: entry.status,
          counterparty: found.row.payee ?? found.row.merchant_name ?? found.row.name,
          match: this.matchOf(batchId, found.row),
        },
      ];
    });
    const last = page[page.length - 1];
    return {
      items,
      nextCursor: found.length > limit && last ? encodeCursor(last.date, last.seq) : null,
    };
  }

  private matchOf(batchId: number, row: TransactionRow): BatchRow['match'] {
    const links = this.db
      .prepare<
        [number],
        { batch_id: number; status: string; how: LinkHow; candidates: string | null }
      >('SELECT batch_id, status, how, candidates FROM batch_links WHERE seq = ? ORDER BY batch_id')
      .all(row.seq);
    const suggestion = links.find((l) => l.status === 'suggested');
    if (suggestion) {
      return {
        how: suggestion.how,
        otherBatchId: null,
        candidates: this.sides(JSON.parse(suggestion.candidates ?? '[]') as number[]),
      };
    }
    const own = links.find((l) => l.batch_id === batchId);
    if (own && row.batch_id !== batchId) {
      return { how: own.how, otherBatchId: row.batch_id, candidates: [] };
    }
    const later = links.find((l) => l.batch_id !== batchId && l.status !== 'kept');
    if (later) return { how: later.how, otherBatchId: later.batch_id, candidates: [] };
    return own ? { how: own.how, otherBatchId: null, candidates: [] } : null;
  }

  private sides(seqs: readonly number[]): TransferSide[] {
    const find = this.db.prepare<
      [number],
      {
        id: string;
        date: string;
        name: string;
        amount: number;
        currency: string;
        account_id: string;
        account_name: string;
      }
    >(
      `SELECT t.id, t.date, COALESCE(t.payee, t.merchant_name, t.name) AS name, t.amount,
         t.currency, t.account_id, COALESCE(a.user_name, a.name) AS account_name
       FROM transactions t JOIN accounts a ON a.id = t.account_id
       WHERE t.seq = ? AND t.removed_at IS NULL`,
    );
    return seqs.flatMap((seq) => {
      const side = find.get(seq);
      return side
        ? [
            {
              id: side.id,
              date: side.date,
              name: side.name,
              amount: side.amount,
              currency: side.currency,
              accountId: side.account_id,
              accountName: side.account_name,
            },
          ]
        : [];
    });
  }

  private toBatch(row: StoredBatch): ImportBatch {
    const breakdown = this.db
      .prepare<{ batch: number }, Breakdown>(
        `SELECT COUNT(*) AS count, MIN(date) AS min_date, MAX(date) AS max_date,
           COALESCE(SUM(status = 'unmatched'), 0) AS unmatched,
           COALESCE(SUM(status = 'matched'), 0) AS matched,
           COALESCE(SUM(status = 'confirmed'), 0) AS confirmed,
           COALESCE(SUM(status = 'excluded'), 0) AS excluded,
           COALESCE(SUM(status = 'suggested'), 0) AS suggested
         FROM (${BATCH_ROWS})`,
      )
      .get({ batch: row.id })!;
    return {
      id: row.id,
      importMethod: row.method,
      connectionId: row.connection_id,
      runId: row.run_id,
      accountId: row.account_id,
      accountName: row.account_name,
      fileName: row.file_name,
      createdAt: row.created_at,
      count: breakdown.count,
      minDate: breakdown.min_date,
      maxDate: breakdown.max_date,
      unmatched: breakdown.unmatched,
      matched: breakdown.matched,
      confirmed: breakdown.confirmed,
      excluded: breakdown.excluded,
      suggested: breakdown.suggested,
      added: row.added,
      modified: row.modified,
      removed: row.removed,
      revertedAt: row.reverted_at,
    };
  }
}

function encodeCursor(date: string, seq: number): string {
  return Buffer.from(JSON.stringify([date, seq])).toString('base64url');
}

function decodeCursor(cursor: string): { date: string; seq: number } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      Number.isSafeInteger(value[1])
    ) {
      return { date: value[0], seq: value[1] as number };
    }
  } catch {
    // answered below
  }
  const lost = 'Ledgerlight lost its place in this list. Start again from the top.';
  throw new LedgerError('VALIDATION', lost, { issues: [{ path: 'cursor', message: lost }] });
}
