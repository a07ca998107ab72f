import { randomUUID } from 'node:crypto';
import { LedgerError } from '../../shared/errors';
import {
  isLiabilityType,
  MANUAL_ACCOUNT_TYPES,
  type ManualAccountKind,
} from '../../shared/manual-accounts';
import type { Database } from './open';

export interface NewManualAccount {
  name: string;
  kind: ManualAccountKind;
  currency: string;
  balance?: number;
  balanceDate: string;
}

/**
 * Accounts the person keeps by hand. Their balance is theirs to record (a count of the cash, a
 * house's valuation) on any day; the balance shown now is the latest record plus every row
 * dated after it, so a cash wallet moves with what is spent from it and a house stays at its
 * valuation. It is stored on the account like a bank's, so every screen reads it the same way.
 */
export class ManualAccountsRepo {
  constructor(private readonly db: Database) {}

  create(input: NewManualAccount, now: string): string {
    const id = `manual-${randomUUID()}`;
    const stored = MANUAL_ACCOUNT_TYPES[input.kind];
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO accounts (id, connection_id, source, name, type, subtype, currency,
             created_at, updated_at)
           VALUES (?, NULL, 'manual', ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, input.name, stored.type, stored.subtype, input.currency, now, now);
      if (input.balance !== undefined) this.recordBalance(id, input.balanceDate, input.balance);
      this.refreshBalance(id, now);
    })();
    return id;
  }

  setClosed(accountId: string, closed: boolean, now: string): void {
    this.requireManual(accountId, closed ? 'closed' : 'reopened');
    this.db
      .prepare(
        `UPDATE accounts SET closed_at = CASE WHEN ? THEN COALESCE(closed_at, ?) END,
           updated_at = ? WHERE id = ?`,
      )
      .run(closed ? 1 : 0, now, now, accountId);
  }

  setBalance(accountId: string, date: string, balance: number, now: string): void {
    const account = this.requireManual(accountId, 'given a balance by hand');
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO balance_snapshots (account_id, date, current, currency) VALUES (?, ?, ?, ?)
           ON CONFLICT(account_id, date) DO UPDATE SET current = excluded.current`,
        )
        .run(accountId, date, balance, account.currency);
      this.refreshBalance(accountId, now);
    })();
  }

  /**
   * Brings a manual account's balance up to date with its rows; a bank's account is left alone
   * (its balance is the bank's). Called after every write that touches a manual account's rows.
   */
  refreshBalance(accountId: string, now: string): void {
    const account = this.db
      .prepare<[string], { source: string; type: string }>(
        'SELECT source, type FROM accounts WHERE id = ?',
      )
      .get(accountId);
    if (!account || account.source !== 'manual') return;
    const anchor = this.db
      .prepare<[string], { date: string; current: number }>(
        `SELECT date, current FROM balance_snapshots WHERE account_id = ? AND current IS NOT NULL
         ORDER BY date DESC LIMIT 1`,
      )
      .get(accountId);
    const net =
      this.db
        .prepare<[string, string], { net: number | null }>(
          `SELECT SUM(amount) AS net FROM transactions
           WHERE account_id = ? AND removed_at IS NULL AND date > ?`,
        )
        .get(accountId, anchor?.date ?? '')?.net ?? 0;
    // A card's or loan's balance is what is owed: money out raises it.
    const current = (anchor?.current ?? 0) + (isLiabilityType(account.type) ? -net : net);
    this.db
      .prepare(
        'UPDATE accounts SET balance_current = ?, balance_updated_at = ?, updated_at = ? WHERE id = ?',
      )
      .run(current, now, now, accountId);
  }

  refreshAll(now: string): void {
    const ids = this.db
      .prepare<[], { id: string }>("SELECT id FROM accounts WHERE source = 'manual'")
      .all();
    for (const { id } of ids) this.refreshBalance(id, now);
  }

  private recordBalance(accountId: string, date: string, balance: number): void {
    this.db
      .prepare(
        `INSERT INTO balance_snapshots (account_id, date, current, currency)
         SELECT id, ?, ?, currency FROM accounts WHERE id = ?`,
      )
      .run(date, balance, accountId);
  }

  private requireManual(accountId: string, what: string): { currency: string } {
    const account = this.db
      .prepare<[string], { source: string; currency: string }>(
        'SELECT source, currency FROM accounts WHERE id = ?',
      )
      .get(accountId);
    if (!account)
      throw new LedgerError('NOT_FOUND', 'That account is not in your ledger any more.');
    if (account.source !== 'manual') {
      throw new LedgerError(
        'VALIDATION',
        `Only an account you keep by hand can be ${what}; your bank keeps this one up to date.`,
      );
    }
    return account;
  }
}
