import type { Account, AccountSource } from '../../shared/model';
import type { Database } from './open';

interface AccountRow {
  id: string;
  connection_id: string | null;
  source: AccountSource;
  name: string;
  official_name: string | null;
  type: string;
  subtype: string | null;
  mask: string | null;
  currency: string;
  balance_current: number | null;
  balance_available: number | null;
  balance_limit: number | null;
  balance_updated_at: string | null;
  user_name: string | null;
  hidden: number;
  closed_at: string | null;
  institution_name: string | null;
}

/** One account's balances as the bank reports them now, in minor units. */
export interface LiveBalance {
  id: string;
  currency: string;
  current: number | null;
  available: number | null;
  limit: number | null;
}

/** A balance the bank reported, or the person recorded, at the end of a day. */
export interface StoredBalance {
  date: string;
  current: number | null;
  available: number | null;
}

const SELECT_ACCOUNTS = `SELECT a.*, i.name AS institution_name FROM accounts a
  LEFT JOIN connections c ON c.id = a.connection_id
  LEFT JOIN institutions i ON i.id = c.institution_id`;

export class AccountsRepo {
  constructor(private readonly db: Database) {}

  /** Plaid's accounts by connection, then the person's own; closed ones only when asked. */
  list(connectionId?: string, options: { includeClosed?: boolean } = {}): Account[] {
    const where: string[] = [];
    const params: string[] = [];
    if (connectionId) {
      where.push('a.connection_id = ?');
      params.push(connectionId);
    }
    if (!options.includeClosed) where.push('a.closed_at IS NULL');
    return this.db
      .prepare<string[], AccountRow>(
        `${SELECT_ACCOUNTS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY a.connection_id IS NULL, c.created_at, a.type, a.name, a.id`,
      )
      .all(...params)
      .map(toAccount);
  }

  get(id: string): Account | undefined {
    const row = this.db.prepare<[string], AccountRow>(`${SELECT_ACCOUNTS} WHERE a.id = ?`).get(id);
    return row ? toAccount(row) : undefined;
  }

  /** The person's name (null: the bank's again) and visibility; false when there is no such account. */
  updateOwn(id: string, change: { name?: string | null; hidden?: boolean }): boolean {
    const current = this.db
      .prepare<[string], { user_name: string | null; hidden: number }>(
        'SELECT user_name, hidden FROM accounts WHERE id = ?',
      )
      .get(id);
    if (!current) return false;
    this.db
      .prepare('UPDATE accounts SET user_name = ?, hidden = ? WHERE id = ?')
      .run(
        change.name === undefined ? current.user_name : change.name,
        change.hidden === undefined ? current.hidden : change.hidden ? 1 : 0,
        id,
      );
    return true;
  }

  /**
   * Balances just read from the bank (a live check): they replace the stored ones of accounts
   * this connection already holds and become the day's balance. Returns the ids it updated.
   */
  saveLiveBalances(
    connectionId: string,
    balances: readonly LiveBalance[],
    now: string,
    today: string,
  ): string[] {
    const update = this.db.prepare(
      `UPDATE accounts SET balance_current = ?, balance_available = ?, balance_limit = ?,
         balance_updated_at = ?, updated_at = ?
       WHERE id = ? AND connection_id = ? AND currency = ?`,
    );
    const snapshot = this.db.prepare(
      `INSERT INTO balance_snapshots (account_id, date, current, available, credit_limit, currency)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(account_id, date) DO UPDATE SET current = excluded.current,
         available = excluded.available, credit_limit = excluded.credit_limit,
         currency = excluded.currency`,
    );
    const updated: string[] = [];
    this.db.transaction(() => {
      for (const b of balances) {
        const changed = update.run(
          b.current,
          b.available,
          b.limit,
          now,
          now,
          b.id,
          connectionId,
          b.currency,
        ).changes;
        if (changed === 0) continue;
        snapshot.run(b.id, today, b.current, b.available, b.limit, b.currency);
        updated.push(b.id);
      }
    })();
    return updated;
  }

  /** The real balances of an account, oldest first (the last `limit` days that have one). */
  balanceSnapshots(accountId: string, limit = 3660): StoredBalance[] {
    return this.db
      .prepare<[string, number], StoredBalance>(
        `SELECT date, current, available FROM
           (SELECT date, current, available FROM balance_snapshots
            WHERE account_id = ? ORDER BY date DESC LIMIT ?)
         ORDER BY date`,
      )
      .all(accountId, limit);
  }

  /**
   * The net of an account's rows per day from `from` on (rows in view; pending ones too, as the
   * bank's current balance counts them), for rebuilding its balance backwards.
   */
  dailyNet(accountId: string, from: string): { date: string; amount: number }[] {
    return this.db
      .prepare<[string, string], { date: string; amount: number }>(
        `SELECT date, SUM(amount) AS amount FROM transactions
         WHERE account_id = ? AND removed_at IS NULL AND date >= ?
         GROUP BY date ORDER BY date`,
      )
      .all(accountId, from);
  }

  /** The date of an account's oldest row in view, or null. */
  firstTransactionDate(accountId: string): string | null {
    return (
      this.db
        .prepare<[string], { first: string | null }>(
          'SELECT MIN(date) AS first FROM transactions WHERE account_id = ? AND removed_at IS NULL',
        )
        .get(accountId)?.first ?? null
    );
  }
}

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    connectionId: row.connection_id,
    source: row.source,
    closedAt: row.closed_at,
    name: row.user_name ?? row.name,
    bankName: row.name,
    institutionName: row.institution_name,
    hidden: row.hidden === 1,
    officialName: row.official_name,
    type: row.type,
    subtype: row.subtype,
    mask: row.mask,
    currency: row.currency,
    balances: {
      current: row.balance_current,
      available: row.balance_available,
      limit: row.balance_limit,
    },
    balanceUpdatedAt: row.balance_updated_at,
  };
}
