import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlaidApi } from '../../../src/main/plaid/client';
import { secretAccounts } from '../../../src/main/secrets/secret-store';
import {
  expectedTransactions,
  expectTokenNowhere,
  linkSandbox,
  startHarness,
  visibleTransactions,
  type Harness,
} from '../../support/sync-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('keys', () => {
  it('wrong keys get a clear error and are not saved', async () => {
    h = await startHarness();
    const before = await h.call('settings.getPlaid');
    const error = await h.failure('settings.setPlaid', {
      environment: 'sandbox',
      clientId: 'nope',
      secret: 'wrong',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/did not accept this client id and secret/);
    expect(error.details).toMatchObject({ plaidErrorCode: 'INVALID_API_KEYS' });
    expect(await h.call('settings.getPlaid')).toEqual(before);
    expect(await h.secrets.get(secretAccounts.plaidClientId('sandbox'))).toBe(
      h.emulator.control.clientId,
    );
  });
});

describe('environments', () => {
  it('Sandbox and Production each have their own database: switching never mixes data', async () => {
    h = await startHarness();
    const { connectionId } = await linkSandbox(h);
    const keys = { clientId: h.emulator.control.clientId, secret: h.emulator.control.secret };
    const production = await h.call('settings.setPlaid', { environment: 'production', ...keys });
    expect(production).toMatchObject({ environment: 'production', clientIdSet: true });
    expect(await h.call('connections.list')).toEqual([]);
    expect(await h.call('transactions.count', {})).toBe(0);
    expect((await h.call('settings.get')).databasePath).toMatch(/ledgerlight-production\.sqlite$/);

    await h.call('settings.setPlaid', { environment: 'sandbox', ...keys });
    expect((await h.call('connections.list')).map((c) => c.id)).toEqual([connectionId]);
    expect(visibleTransactions(h.databasePath, connectionId).length).toBeGreaterThan(0);
    // The choice survives a restart.
    await h.call('settings.setPlaid', { environment: 'production', ...keys });
    await h.restart();
    expect((await h.call('settings.getPlaid')).environment).toBe('production');
  });
});

describe('linking through Link', () => {
  it('asks for transactions with two years of history, exchanges, keeps the token in the keychain only', async () => {
    h = await startHarness();
    const { linkToken } = await h.call('link.createToken');
    const created = h.emulator.control.calls({ endpoint: '/link/token/create' }).at(-1)!;
    expect(created.request).toMatchObject({
      products: ['transactions'],
      optional_products: ['investments', 'liabilities'],
      transactions: { days_requested: 730 },
      user: { client_user_id: expect.stringMatching(/^ledgerlight-/) },
    });
    const done = h.emulator.control.completeLink(linkToken, {
      institutionId: 'ins_109511',
      username: 'user_good',
      password: 'pass_good',
    });
    const result = await h.call('link.exchange', {
      publicToken: done.publicToken,
      institution: { id: 'ins_109511', name: 'Tartan Bank' },
      accounts: done.accounts.map((a) => ({
        id: a.id,
        name: a.name,
        type: a.type,
        subtype: a.subtype,
        mask: a.mask,
      })),
    });
    await h.core.idle();
    expect(result.accounts.length).toBe(done.accounts.length);
    const token = (await h.secrets.get(secretAccounts.accessToken(result.connectionId)))!;
    expect(token).toMatch(/^access-sandbox-/);
    expect(visibleTransactions(h.databasePath, result.connectionId)).toEqual(
      expectedTransactions(h.emulator, done.itemId),
    );
    // The same client user id every time.
    await h.call('link.createToken');
    const ids = h.emulator.control
      .calls({ endpoint: '/link/token/create' })
      .map((c) => (c.request as { user: { client_user_id: string } }).user.client_user_id);
    expect(new Set(ids).size).toBe(1);
    expectTokenNowhere(h, token);
  });

  it('refuses a duplicate of accounts already linked, and gives the new Item back to Plaid', async () => {
    h = await startHarness();
    const first = await linkSandbox(h);
    const error = await h.failure('link.sandboxConnect', { institutionId: 'ins_109508' });
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ connectionId: first.connectionId });
    expect(await h.call('connections.list')).toHaveLength(1);
    expect(h.emulator.control.calls({ endpoint: '/item/remove' })).toHaveLength(1);
    const removed = h.emulator.control.items().filter((i) => i.removed);
    expect(removed.map((i) => i.itemId)).not.toContain(first.itemId);
    expect(removed).toHaveLength(1);
    // Link's own metadata is checked before anything is exchanged.
    const metadataError = await h.failure('link.exchange', {
      publicToken: 'public-sandbox-00000000-0000-0000-0000-000000000000',
      institution: { id: 'ins_109508', name: 'First Platypus Bank' },
      accounts: h.emulator.control
        .accounts(first.itemId)
        .map((a) => ({ id: a.account_id, name: a.name, mask: a.mask })),
    });
    expect(metadataError).toMatchObject({
      code: 'CONFLICT',
      details: { connectionId: first.connectionId },
    });
    expectTokenNowhere(h, first.token);
  });
});

describe('disconnect', () => {
  it('removes the Item, deletes the token, keeps the data', async () => {
    h = await startHarness();
    const { connectionId, itemId, token } = await linkSandbox(h);
    const rows = visibleTransactions(h.databasePath, connectionId);
    const result = await h.call('connections.disconnect', { connectionId });
    expect(result).toMatchObject({ status: 'DISCONNECTED', nextSyncAt: null });
    expect(h.emulator.control.items().find((i) => i.itemId === itemId)!.removed).toBe(true);
    expect(await h.secrets.get(secretAccounts.accessToken(connectionId))).toBeNull();
    expect(visibleTransactions(h.databasePath, connectionId)).toEqual(rows);
    expect((await h.failure('connections.sync', { connectionId })).code).toBe('CONFLICT');
    expectTokenNowhere(h, token);
  });

  it('with deleteData removes its accounts and rows; an Item Plaid no longer knows is fine', async () => {
    h = await startHarness();
    const { connectionId, itemId, token } = await linkSandbox(h);
    h.emulator.control.setRemovedItemError('INVALID_ACCESS_TOKEN');
    // Gone at Plaid already (removed elsewhere).
    h.emulator.control.setItemError(itemId, 'ITEM_NOT_FOUND');
    const result = await h.call('connections.disconnect', { connectionId, deleteData: true });
    expect(result.status).toBe('DISCONNECTED');
    expect(visibleTransactions(h.databasePath, connectionId)).toEqual([]);
    expect(await h.call('accounts.list', { connectionId })).toEqual([]);
    expect(await h.secrets.get(secretAccounts.accessToken(connectionId))).toBeNull();
    expectTokenNowhere(h, token);
  });
});

describe('Sync now', () => {
  it('two at once: the second is refused with the running run’s id; then a cooldown', async () => {
    h = await startHarness({ core: { manualCooldownMs: 60_000 } });
    const { connectionId, itemId, token } = await linkSandbox(h);
    h.emulator.control.inject({ endpoint: '/transactions/sync', itemId, times: 1, latencyMs: 300 });
    const first = await h.call('connections.sync', { connectionId });
    const second = await h.failure('connections.sync', { connectionId });
    expect(second).toMatchObject({ code: 'CONFLICT', details: { runId: first.runIds[0] } });
    // "Sync all" joins the running run instead.
    expect(await h.call('connections.sync', {})).toEqual({ runIds: first.runIds });
    await h.core.idle();
    const early = await h.failure('connections.sync', { connectionId });
    expect(early.code).toBe('TOO_EARLY');
    expect(early.details!.retryAfterMs).toBeGreaterThan(50_000);
    expect(early.message).toMatch(/Try again in \d+ s/);
    expect(
      (await h.call('connections.logs', { connectionId })).filter((r) => r.trigger === 'manual'),
    ).toHaveLength(1);
    expectTokenNowhere(h, token);
  });

  it('many connections sync in parallel through a bounded pool', async () => {
    let inFlight = 0;
    let peak = 0;
    h = await startHarness({
      core: {
        manualCooldownMs: 0,
        syncConcurrency: 3,
        // Counts concurrent /transactions/sync requests as the real SDK makes them.
        createPlaidApi: (credentials) => {
          const api = createPlaidApi(credentials);
          const sync = api.transactionsSync.bind(api);
          api.transactionsSync = async (...args) => {
            peak = Math.max(peak, ++inFlight);
            try {
              return await sync(...args);
            } finally {
              inFlight--;
            }
          };
          return api;
        },
      },
    });
    const institutions = ['ins_109508', 'ins_109511', 'ins_109512', 'ins_127287', 'ins_132363'];
    const links = [];
    for (const id of institutions) links.push(await linkSandbox(h, id));
    peak = 0;
    for (const l of links) {
      h.emulator.control.advance({ days: 2, itemId: l.itemId });
      h.emulator.control.inject({
        endpoint: '/transactions/sync',
        itemId: l.itemId,
        times: 1,
        latencyMs: 250,
      });
    }
    const { runIds } = await h.call('connections.sync', {});
    expect(runIds).toHaveLength(institutions.length);
    await h.core.idle();
    // Parallel, and never more than the pool allows.
    expect(peak).toBe(3);
    for (const l of links) {
      expect(visibleTransactions(h.databasePath, l.connectionId)).toEqual(
        expectedTransactions(h.emulator, l.itemId),
      );
    }
    const db = new BetterSqlite3(h.databasePath, { readonly: true });
    const statuses = db
      .prepare('SELECT status, COUNT(*) AS n FROM sync_runs GROUP BY status')
      .all();
    db.close();
    expect(statuses).toEqual([{ status: 'succeeded', n: institutions.length * 2 }]);
  });
});

describe('the scheduler', () => {
  it('on start-up syncs every connection older than its frequency, and leaves no timer on close', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const { connectionId, itemId, token } = await linkSandbox(h);
    const second = await linkSandbox(h, 'ins_109511');
    h.emulator.control.advance({ days: 3 });
    // One is overdue, one is not; one more is paused.
    const db = new BetterSqlite3(h.databasePath);
    db.prepare("UPDATE connections SET next_sync_at = '2000-01-01T00:00:00.000Z' WHERE id = ?").run(
      connectionId,
    );
    db.prepare("UPDATE connections SET next_sync_at = '2999-01-01T00:00:00.000Z' WHERE id = ?").run(
      second.connectionId,
    );
    db.close();
    const timers: { ms: number; cleared: boolean }[] = [];
    await h.restart({
      schedule: true,
      timers: {
        setTimeout: (_fn, ms) => {
          const t = { ms, cleared: false };
          timers.push(t);
          return t;
        },
        clearTimeout: (t) => void ((t as { cleared: boolean }).cleared = true),
      },
    });
    await h.core.idle();
    const runs = await h.call('connections.logs', { connectionId });
    expect(runs[0]).toMatchObject({ trigger: 'startup', status: 'succeeded' });
    expect(
      (await h.call('connections.logs', { connectionId: second.connectionId }))[0]!.trigger,
    ).toBe('link');
    expect(visibleTransactions(h.databasePath, connectionId)).toEqual(
      expectedTransactions(h.emulator, itemId),
    );
    expect(timers.length).toBeGreaterThan(0);
    await h.core.close();
    expect(timers.every((t) => t.cleared)).toBe(true);
    await h.restart();
    expectTokenNowhere(h, token);
  });
});
