import BetterSqlite3 from 'better-sqlite3';
import type { TransactionsSyncResponse } from 'plaid';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlaidApi } from '../../../src/main/plaid/client';
import { secretAccounts } from '../../../src/main/secrets/secret-store';
import {
  expectTokenNowhere,
  itemIdOf,
  startHarness,
  visibleTransactions,
  type Harness,
} from '../../support/sync-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function count(databasePath: string, sql: string): number {
  const db = new BetterSqlite3(databasePath, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('investments, liabilities and consent', () => {
  it('an Item with investments and liabilities gets its holdings and liabilities stored', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const { linkToken } = await h.call('link.createToken');
    const done = h.emulator.control.completeLink(linkToken, {
      institutionId: 'ins_109508',
      username: 'user_good',
      password: 'pass_good',
    });
    const { connectionId } = await h.call('link.exchange', {
      publicToken: done.publicToken,
      institution: null,
      accounts: [],
    });
    await h.core.idle();
    const item = await h.call('connections.list');
    expect(item[0]!.status).toBe('ACTIVE');
    expect(count(h.databasePath, 'SELECT COUNT(*) FROM holdings')).toBeGreaterThan(0);
    expect(
      count(h.databasePath, 'SELECT COUNT(*) FROM securities WHERE close_price IS NOT NULL'),
    ).toBeGreaterThan(0);
    expect(
      count(h.databasePath, 'SELECT COUNT(DISTINCT kind) FROM liabilities'),
    ).toBeGreaterThanOrEqual(2);
    const endpoints = h.emulator.control.calls({ itemId: done.itemId }).map((c) => c.endpoint);
    expect(endpoints).toContain('/investments/holdings/get');
    expect(endpoints).toContain('/liabilities/get');

    // Consent expiry is read from /item/get on every run (no webhooks on a desktop).
    h.emulator.control.setConsentExpiration(done.itemId, '2027-01-15T00:00:00Z');
    await h.call('connections.sync', { connectionId });
    await h.core.idle();
    expect((await h.call('connections.list'))[0]!.consentExpiresAt).toMatch(/^2027-01-15T00:00:00/);
    expect((await h.call('connections.health', { connectionId })).consentExpiresAt).toMatch(
      /^2027-01-15T00:00:00/,
    );
    expectTokenNowhere(h, (await h.secrets.get(secretAccounts.accessToken(connectionId)))!);
  });

  it('an Item with transactions only is never asked for holdings or liabilities', async () => {
    h = await startHarness();
    const { connectionId } = await h.call('link.sandboxConnect', { institutionId: 'ins_109508' });
    await h.core.idle();
    const endpoints = h.emulator.control
      .calls({ itemId: itemIdOf(h.databasePath, connectionId) })
      .map((c) => c.endpoint);
    expect(endpoints).not.toContain('/investments/holdings/get');
    expect(endpoints).not.toContain('/liabilities/get');
  });
});

describe('quarantine', () => {
  it('rows that cannot be applied are kept with their payload and reason; the run completes', async () => {
    let corrupt = false;
    h = await startHarness({
      core: {
        manualCooldownMs: 0,
        // Spoils a few rows of the next sync page the way a broken upstream might.
        createPlaidApi: (credentials) => {
          const api = createPlaidApi(credentials);
          const sync = api.transactionsSync.bind(api);
          api.transactionsSync = async (...args) => {
            const response = await sync(...args);
            if (corrupt && response.data.added.length >= 3) {
              const data = response.data as TransactionsSyncResponse;
              data.added[0] = { ...data.added[0]!, amount: 12.345 }; // more decimals than USD has
              data.added[1] = { ...data.added[1]!, account_id: 'no-such-account' };
              data.added[2] = { ...data.added[2]!, date: 'yesterday' };
            }
            return response;
          };
          return api;
        },
      },
    });
    const { connectionId } = await h.call('link.sandboxConnect', { institutionId: 'ins_109508' });
    await h.core.idle();
    const itemId = itemIdOf(h.databasePath, connectionId);
    h.emulator.control.advance({ days: 20, itemId });
    corrupt = true;
    const before = visibleTransactions(h.databasePath, connectionId).length;
    await h.call('connections.sync', { connectionId });
    await h.core.idle();
    const [run] = await h.call('connections.logs', { connectionId });
    expect(run).toMatchObject({ status: 'succeeded', quarantined: 3 });
    expect(visibleTransactions(h.databasePath, connectionId).length).toBe(
      before + run!.added - run!.removed,
    );
    const db = new BetterSqlite3(h.databasePath, { readonly: true });
    const rows = db.prepare('SELECT kind, reason, payload FROM quarantine ORDER BY id').all() as {
      kind: string;
      reason: string;
      payload: string;
    }[];
    db.close();
    expect(rows.map((r) => r.reason)).toEqual([
      expect.stringMatching(/does not fit USD/),
      expect.stringMatching(/unknown account no-such-account/),
      expect.stringMatching(/malformed transaction: date/),
    ]);
    expect(JSON.parse(rows[1]!.payload)).toMatchObject({ account_id: 'no-such-account' });
    const completed = h.events.filter((e) => e.name === 'sync.completed').at(-1)!;
    expect(completed.payload).toMatchObject({ quarantined: 3 });
  });
});
