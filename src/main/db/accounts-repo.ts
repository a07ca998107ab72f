import type { Account, BalanceSnapshot } from '../../shared/model';
import type { Database } from './open';

interface AccountRow {
  id: string;
  connection_id: string;
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
  institution_name: string | null;
}

export class AccountsRepo {
  constructor(private readonly db: Database) {}

  list(connectionId?: string): Account[] {
    const where = connectionId ? 'WHERE a.connection_id = ?' : '';
    return this.db
      .prepare<string[], AccountRow>(
        `SELECT a.*, i.name AS institution_name FROM accounts a
         JOIN connections c ON c.id = a.connection_id
         LEFT JOIN institutions i ON i.id = c.institution_id ${where}
         ORDER BY c.created_at, a.type, a.name, a.id`,
      )
      .all(...(connectionId ? [connectionId] : []))
      .map(toAccount);
  }

  get(id: string): Account | undefined {
    const row = this.db
      .prepare<[string], AccountRow>(
        `SELECT a.*, i.name AS institution_name FROM accounts a
         JOIN connections c ON c.id = a.connection_id
         LEFT JOIN institutions i ON i.id = c.institution_id WHERE a.id = ?`,
      )
      .get(id);
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

  balanceHistory(accountId: string, limit = 730): BalanceSnapshot[] {
    return this.db
      .prepare<[string, number], BalanceSnapshot>(
        `SELECT date, current, available FROM
           (SELECT date, current, available FROM balance_snapshots
            WHERE account_id = ? ORDER BY date DESC LIMIT ?)
         ORDER BY date`,
      )
      .all(accountId, limit);
  }
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    connectionId: row.connection_id,
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
