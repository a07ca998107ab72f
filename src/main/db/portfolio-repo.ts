import type { Database } from './open';
import type {
  InvestmentTransaction,
  InvestmentsHoldingsGetResponse,
  LiabilitiesGetResponse,
  Security,
} from 'plaid';
import type { InvestmentActivity } from '../../shared/model';
import { toMinorUnits } from '../plaid/money';
import type { StoredLiability } from '../portfolio/liability-reader';
import type { SyncStore } from './sync-store';

/**
 * Holdings and liabilities, replaced whole for the connection's accounts on each run that reads
 * them (Plaid sends the full current picture, not changes).
 */
export function saveHoldings(
  store: SyncStore,
  connectionId: string,
  runId: number,
  response: InvestmentsHoldingsGetResponse,
  now: string,
): void {
  const { db } = store;
  const known = store.accountIds(connectionId);
  db.transaction(() => {
    const upsertSecurity = db.prepare(
      `INSERT INTO securities (id, name, ticker, type, close_price, currency, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, ticker = excluded.ticker,
         type = excluded.type, close_price = excluded.close_price, currency = excluded.currency,
         updated_at = excluded.updated_at`,
    );
    for (const s of response.securities) {
      const currency = s.iso_currency_code ?? s.unofficial_currency_code ?? null;
      const close =
        s.close_price !== null && s.close_price !== undefined && currency
          ? toMinorUnits(s.close_price, currency)
          : null;
      upsertSecurity.run(
        s.security_id,
        s.name ?? null,
        s.ticker_symbol ?? null,
        s.type ?? null,
        close,
        currency,
        now,
      );
    }
    db.prepare(
      'DELETE FROM holdings WHERE account_id IN (SELECT id FROM accounts WHERE connection_id = ?)',
    ).run(connectionId);
    const insert = db.prepare(
      `INSERT INTO holdings (account_id, security_id, quantity, institution_value, cost_basis, currency, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const h of response.holdings) {
      const currency = h.iso_currency_code ?? h.unofficial_currency_code;
      const value = currency ? toMinorUnits(h.institution_value, currency) : null;
      if (!known.has(h.account_id) || !currency || value === null) {
        store.quarantine(
          connectionId,
          runId,
          {
            kind: 'holding',
            plaidId: h.security_id,
            reason: 'holding does not fit (account or amount)',
            payload: h,
          },
          now,
        );
        continue;
      }
      const cost =
        h.cost_basis === null || h.cost_basis === undefined
          ? null
          : toMinorUnits(h.cost_basis, currency);
      insert.run(h.account_id, h.security_id, h.quantity, value, cost, currency, now);
    }
  })();
}

export function saveLiabilities(
  store: SyncStore,
  connectionId: string,
  runId: number,
  response: LiabilitiesGetResponse,
  now: string,
): void {
  const { db } = store;
  const known = store.accountIds(connectionId);
  const upsert = db.prepare(
    `INSERT INTO liabilities (account_id, kind, details, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(account_id) DO UPDATE SET kind = excluded.kind, details = excluded.details,
       updated_at = excluded.updated_at`,
  );
  const groups = {
    credit: response.liabilities.credit ?? [],
    student: response.liabilities.student ?? [],
    mortgage: response.liabilities.mortgage ?? [],
  };
  db.transaction(() => {
    for (const [kind, list] of Object.entries(groups)) {
      for (const liability of list) {
        const accountId = liability.account_id;
        if (!accountId || !known.has(accountId)) {
          store.quarantine(
            connectionId,
            runId,
            {
              kind: 'liability',
              plaidId: accountId ?? null,
              reason: 'liability for an unknown account',
              payload: liability,
            },
            now,
          );
          continue;
        }
        upsert.run(accountId, kind, JSON.stringify(liability), now);
      }
    }
  })();
}

/** Plaid's securities as the securities table keeps them (also those named only by activity). */
function upsertSecurities(store: SyncStore, securities: readonly Security[], now: string): void {
  const upsert = store.db.prepare(
    `INSERT INTO securities (id, name, ticker, type, close_price, currency, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, ticker = excluded.ticker,
       type = excluded.type, close_price = COALESCE(excluded.close_price, close_price),
       currency = excluded.currency, updated_at = excluded.updated_at`,
  );
  for (const s of securities) {
    const currency = s.iso_currency_code ?? s.unofficial_currency_code ?? null;
    const close =
      s.close_price !== null && s.close_price !== undefined && currency
        ? toMinorUnits(Math.round(s.close_price * 100) / 100, currency)
        : null;
    upsert.run(
      s.security_id,
      s.name ?? null,
      s.ticker_symbol ?? null,
      s.type ?? null,
      close,
      currency,
      now,
    );
  }
}

/**
 * The connection's investment activity between two dates, replaced whole: Plaid's pages are a
 * snapshot of that window, and a cancelled trade simply stops being listed.
 */
export function saveInvestmentTransactions(
  store: SyncStore,
  connectionId: string,
  runId: number,
  window: { from: string; to: string },
  transactions: readonly InvestmentTransaction[],
  securities: readonly Security[],
  now: string,
): void {
  const { db } = store;
  const known = store.accountIds(connectionId);
  db.transaction(() => {
    upsertSecurities(store, securities, now);
    const securityIds = new Set(db.prepare('SELECT id FROM securities').pluck().all() as string[]);
    db.prepare(
      `DELETE FROM investment_transactions WHERE date BETWEEN ? AND ?
         AND account_id IN (SELECT id FROM accounts WHERE connection_id = ?)`,
    ).run(window.from, window.to, connectionId);
    const insert = db.prepare(
      `INSERT OR REPLACE INTO investment_transactions (id, account_id, security_id, date, name,
         type, subtype, quantity, price, amount, fees, currency, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const t of transactions) {
      const currency = t.iso_currency_code ?? t.unofficial_currency_code;
      const amount = currency ? toMinorUnits(-t.amount, currency) : null;
      if (!known.has(t.account_id) || !currency || amount === null) {
        store.quarantine(
          connectionId,
          runId,
          {
            kind: 'investment_transaction',
            plaidId: t.investment_transaction_id,
            reason: 'investment transaction does not fit (account or amount)',
            payload: t,
          },
          now,
        );
        continue;
      }
      const fees = t.fees === null || t.fees === undefined ? null : toMinorUnits(t.fees, currency);
      insert.run(
        t.investment_transaction_id,
        t.account_id,
        t.security_id && securityIds.has(t.security_id) ? t.security_id : null,
        t.date,
        t.name,
        String(t.type),
        t.subtype ? String(t.subtype) : null,
        t.quantity,
        Number.isFinite(t.price) ? t.price : null,
        amount,
        fees,
        currency,
        now,
      );
    }
  })();
}

export interface StoredHolding {
  accountId: string;
  securityId: string;
  name: string | null;
  ticker: string | null;
  type: string | null;
  quantity: number;
  price: number | null;
  securityCurrency: string | null;
  value: number | null;
  costBasis: number | null;
  currency: string;
  updatedAt: string;
}

/** Reads what the sync stored about investments, liabilities and their securities. */
export class PortfolioRepo {
  constructor(private readonly db: Database) {}

  holdings(accountId?: string): StoredHolding[] {
    return this.db
      .prepare<unknown[], StoredHolding>(
        `SELECT h.account_id AS accountId, h.security_id AS securityId, s.name, s.ticker, s.type,
                h.quantity, s.close_price AS price, s.currency AS securityCurrency,
                h.institution_value AS value, h.cost_basis AS costBasis, h.currency,
                h.updated_at AS updatedAt
           FROM holdings h JOIN securities s ON s.id = h.security_id
          ${accountId ? 'WHERE h.account_id = ?' : ''}
          ORDER BY h.account_id, h.institution_value IS NULL, h.institution_value DESC, s.name`,
      )
      .all(...(accountId ? [accountId] : []));
  }

  investmentActivity(
    filter: { accountId?: string },
    limit: number,
    offset: number,
  ): { items: InvestmentActivity[]; total: number } {
    const where = filter.accountId ? 'WHERE t.account_id = ?' : '';
    const params = filter.accountId ? [filter.accountId] : [];
    const total = this.db
      .prepare(`SELECT COUNT(*) FROM investment_transactions t ${where}`)
      .pluck()
      .get(...params) as number;
    const items = this.db
      .prepare<unknown[], InvestmentActivity>(
        `SELECT t.id, t.account_id AS accountId, t.date, t.name, t.type, t.subtype,
                t.security_id AS securityId, s.name AS securityName, s.ticker, t.quantity,
                t.price, t.amount, t.fees, t.currency
           FROM investment_transactions t LEFT JOIN securities s ON s.id = t.security_id
          ${where}
          ORDER BY t.date DESC, t.id
          LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, offset);
    return { items, total };
  }

  liabilities(): StoredLiability[] {
    return this.db
      .prepare<[], StoredLiability>(
        `SELECT account_id AS accountId, kind, details, updated_at AS updatedAt
           FROM liabilities ORDER BY kind, account_id`,
      )
      .all();
  }
}
