import type { TransactionStream, TransactionsRecurringGetResponse } from 'plaid';
import type { RecurringFrequency, RecurringStatus } from '../../shared/model';
import { toMinorUnits } from '../plaid/money';
import type { Database } from './open';
import type { SyncStore } from './sync-store';

const FREQUENCIES: readonly RecurringFrequency[] = [
  'WEEKLY',
  'BIWEEKLY',
  'SEMI_MONTHLY',
  'MONTHLY',
  'ANNUALLY',
  'UNKNOWN',
];
const STATUSES: readonly RecurringStatus[] = ['MATURE', 'EARLY_DETECTION', 'TOMBSTONED', 'UNKNOWN'];

/**
 * The connection's recurring streams, replaced whole on each run that reads them: Plaid sends
 * every stream it currently sees, so one it no longer sends is gone.
 */
export function saveRecurringStreams(
  store: SyncStore,
  connectionId: string,
  runId: number,
  response: TransactionsRecurringGetResponse,
  now: string,
): void {
  const { db } = store;
  const known = store.accountIds(connectionId);
  const insert = db.prepare(
    `INSERT OR REPLACE INTO recurring_streams (id, connection_id, account_id, direction,
       description, merchant_name, frequency, status, is_active, first_date, last_date,
       predicted_next_date, average_amount, last_amount, currency, category, category_detailed,
       transaction_ids, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const streams: Array<[TransactionStream, 'inflow' | 'outflow']> = [
    ...(response.inflow_streams ?? []).map((s) => [s, 'inflow'] as [TransactionStream, 'inflow']),
    ...(response.outflow_streams ?? []).map(
      (s) => [s, 'outflow'] as [TransactionStream, 'outflow'],
    ),
  ];
  db.transaction(() => {
    db.prepare('DELETE FROM recurring_streams WHERE connection_id = ?').run(connectionId);
    for (const [s, direction] of streams) {
      const currency =
        s.average_amount?.iso_currency_code ??
        s.average_amount?.unofficial_currency_code ??
        s.last_amount?.iso_currency_code ??
        null;
      if (!known.has(s.account_id) || !currency || !s.stream_id || !s.first_date || !s.last_date) {
        store.quarantine(
          connectionId,
          runId,
          {
            kind: 'recurring_stream',
            plaidId: s.stream_id ?? null,
            reason: 'recurring stream does not fit (account, currency or dates)',
            payload: s,
          },
          now,
        );
        continue;
      }
      const frequency = FREQUENCIES.includes(s.frequency as RecurringFrequency)
        ? s.frequency
        : 'UNKNOWN';
      const status = STATUSES.includes(s.status as RecurringStatus) ? s.status : 'UNKNOWN';
      insert.run(
        s.stream_id,
        connectionId,
        s.account_id,
        direction,
        s.description ?? '',
        s.merchant_name ?? null,
        frequency,
        status,
        s.is_active ? 1 : 0,
        s.first_date,
        s.last_date,
        s.predicted_next_date ?? null,
        appAmount(s.average_amount?.amount, currency),
        appAmount(s.last_amount?.amount, currency),
        currency,
        s.personal_finance_category?.primary ?? null,
        s.personal_finance_category?.detailed ?? null,
        JSON.stringify(s.transaction_ids ?? []),
        now,
      );
    }
  })();
}

/**
 * Plaid signs money out positive; the ledger signs money in positive. An average may carry more
 * decimals than the currency: it is a summary, so it is rounded rather than refused.
 */
function appAmount(amount: number | undefined, currency: string): number | null {
  if (amount === undefined || !Number.isFinite(amount)) return null;
  return toMinorUnits(-Math.round(amount * 100) / 100, currency);
}

export interface StoredStream {
  id: string;
  accountId: string;
  direction: 'inflow' | 'outflow';
  description: string;
  merchantName: string | null;
  frequency: RecurringFrequency;
  status: RecurringStatus;
  isActive: number;
  firstDate: string;
  lastDate: string;
  predictedNextDate: string | null;
  averageAmount: number | null;
  lastAmount: number | null;
  currency: string;
  category: string | null;
  categoryDetailed: string | null;
  transactionIds: string;
}

export class RecurringRepo {
  constructor(private readonly db: Database) {}

  list(options: { includeInactive: boolean }): StoredStream[] {
    return this.db
      .prepare<[], StoredStream>(
        `SELECT id, account_id AS accountId, direction, description, merchant_name AS merchantName,
                frequency, status, is_active AS isActive, first_date AS firstDate,
                last_date AS lastDate, predicted_next_date AS predictedNextDate,
                average_amount AS averageAmount, last_amount AS lastAmount, currency, category,
                category_detailed AS categoryDetailed, transaction_ids AS transactionIds
           FROM recurring_streams
          ${options.includeInactive ? '' : 'WHERE is_active = 1'}
          ORDER BY direction, predicted_next_date IS NULL, predicted_next_date,
                   COALESCE(merchant_name, description), id`,
      )
      .all();
  }
}
