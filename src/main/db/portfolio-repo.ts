import type { InvestmentsHoldingsGetResponse, LiabilitiesGetResponse } from 'plaid';
import { toMinorUnits } from '../plaid/money';
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
