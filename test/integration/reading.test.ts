import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelOutput, LedgerEvent, Transaction } from '../../src/shared/contract';
import { startTestCore, type TestCore } from '../support/core';
import { startHarness } from '../support/sync-harness';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.core.close();
  t = undefined;
});

async function call<C extends Channel>(core: TestCore['core'], channel: C, input: unknown = {}) {
  const result = await core.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

async function errorOf(core: TestCore['core'], channel: Channel, input: unknown = {}) {
  const result = await core.invoke(channel, input);
  if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return result.error;
}

describe('settings', () => {
  it('stores Plaid keys (checked with Plaid) in the secret store only, the client id masked', async () => {
    const h = await startHarness({
      emulator: { clientId: 'client-abcd1234', secret: 'super-secret-value' },
    });
    try {
      await h.call('settings.clearPlaid', { environment: 'sandbox' });
      const empty = await h.call('settings.getPlaid');
      expect(empty).toEqual({
        environment: 'sandbox',
        baseUrl: h.emulator.url,
        clientIdSet: false,
        secretSet: false,
        clientIdMasked: null,
      });
      const saved = await h.call('settings.setPlaid', {
        environment: 'production',
        clientId: 'client-abcd1234',
        secret: 'super-secret-value',
      });
      expect(saved).toMatchObject({
        environment: 'production',
        clientIdSet: true,
        secretSet: true,
      });
      expect(saved.clientIdMasked).toMatch(/^•+1234$/);
      expect(JSON.stringify(saved)).not.toContain('super-secret-value');
      expect(h.secrets.snapshot().get('plaid:production:secret')).toBe('super-secret-value');
      // Keys are per environment: sandbox's are still cleared.
      expect(h.secrets.snapshot().has('plaid:sandbox:secret')).toBe(false);

      const cleared = await h.call('settings.clearPlaid', { environment: 'production' });
      expect(cleared).toMatchObject({ clientIdSet: false, secretSet: false });
      expect(h.secrets.snapshot().size).toBe(0);
    } finally {
      await h.close();
    }
  });

  it('keeps the default sync frequency', async () => {
    t = await startTestCore();
    expect((await call(t.core, 'settings.get')).defaultSyncFrequencyMinutes).toBe(360);
    await call(t.core, 'settings.update', { defaultSyncFrequencyMinutes: 120 });
    expect(await call(t.core, 'settings.get')).toMatchObject({
      defaultSyncFrequencyMinutes: 120,
      dataDir: t.dataDir,
      databasePath: t.databasePath,
    });
  });

  it('linking without keys says what to do', async () => {
    t = await startTestCore();
    const error = await errorOf(t.core, 'link.createToken');
    expect(error.code).toBe('NOT_CONFIGURED');
    expect(error.message).toMatch(/client id and secret/);
  });
});

describe('connections', () => {
  it('lists, summarises and reports health over seeded rows', async () => {
    t = await startTestCore({ seed: true });
    const list = await call(t.core, 'connections.list');
    expect(list.map((c) => c.id)).toEqual(['conn_1', 'conn_2']);
    expect(list[0]).toMatchObject({
      displayName: 'Seed Bank 1',
      status: 'ACTIVE',
      accountCount: 2,
      syncing: false,
      institution: { id: 'ins_109508', name: 'Seed Bank 1' },
    });
    expect(await call(t.core, 'connections.summary')).toEqual({
      total: 2,
      active: 2,
      syncing: false,
      runningCount: 0,
      lastSyncAt: '2026-11-20T12:00:00.000Z',
      nextSyncAt: '2026-11-20T18:00:00.000Z',
      errorCount: 0,
    });
    const logs = await call(t.core, 'connections.logs', { connectionId: 'conn_1' });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ status: 'succeeded', added: 60, durationMs: 0, batchId: 1 });
    expect(await call(t.core, 'connections.health', { connectionId: 'conn_2' })).toMatchObject({
      status: 'ACTIVE',
      consecutiveFailures: 0,
      lastError: null,
    });
    expect((await errorOf(t.core, 'connections.health', { connectionId: 'nope' })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('updates name, frequency and pause, and tells listeners', async () => {
    t = await startTestCore({ seed: true });
    const events: LedgerEvent[] = [];
    t.core.events.subscribe((e) => events.push(e));
    const updated = await call(t.core, 'connections.update', {
      connectionId: 'conn_1',
      displayName: 'Everyday bank',
      syncFrequencyMinutes: 60,
      paused: true,
    });
    expect(updated).toMatchObject({
      displayName: 'Everyday bank',
      syncFrequencyMinutes: 60,
      paused: true,
    });
    // The next sync follows the new frequency from the last one.
    expect(updated.nextSyncAt).toBe('2026-11-20T13:00:00.000Z');
    expect(events).toEqual([{ name: 'connections.changed', payload: { connectionId: 'conn_1' } }]);
    expect((await call(t.core, 'connections.list'))[0]!.displayName).toBe('Everyday bank');
  });
});

describe('accounts', () => {
  it('lists with balances in minor units, and gets one with history and recent rows', async () => {
    t = await startTestCore({ seed: { transactionsPerAccount: 30 } });
    const all = await call(t.core, 'accounts.list');
    expect(all).toHaveLength(4);
    const byConnection = await call(t.core, 'accounts.list', { connectionId: 'conn_2' });
    expect(byConnection.map((a) => a.id)).toEqual(['acc_2_cc', 'acc_2_chk']);
    const card = byConnection[0]!;
    expect(card).toMatchObject({ currency: 'CAD', balances: { current: 75_000, limit: 500_000 } });

    const detail = await call(t.core, 'accounts.get', { accountId: 'acc_1_chk' });
    expect(detail.transactionCount).toBe(30);
    expect(detail.recentTransactions).toHaveLength(20);
    expect(detail.recentTransactions[0]!.date).toBe('2026-11-20');
    // Every day from the first row to today: the three reported days as they were, the rest
    // rebuilt from the rows.
    const history = detail.balanceHistory;
    const firstRow = (
      await call(t.core, 'transactions.list', {
        accountId: 'acc_1_chk',
        sort: 'date',
        direction: 'asc',
        limit: 1,
      })
    ).items[0]!.date;
    expect(history[0]!.date).toBe(firstRow);
    expect(history[history.length - 1]!.date).toBe(new Date().toISOString().slice(0, 10));
    expect(history.filter((b) => !b.derived).map((b) => b.date)).toEqual([
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
    ]);
    expect((await errorOf(t.core, 'accounts.get', { accountId: 'nope' })).code).toBe('NOT_FOUND');
  });
});

describe('transactions', () => {
  it('pages the whole set with keyset cursors, in a stable order, without gaps or repeats', async () => {
    t = await startTestCore({ seed: { transactionsPerAccount: 45 } });
    const seen: Transaction[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await call(t.core, 'transactions.list', {
        limit: 17,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(180 / 17));
    expect(await call(t.core, 'transactions.count', {})).toBe(180);
    expect(new Set(seen.map((s) => s.id)).size).toBe(180);
    const keys = seen.map((s) => s.date);
    expect(keys).toEqual([...keys].sort().reverse());
  });

  it('filters by account, connection, dates, direction, category and search', async () => {
    t = await startTestCore({ seed: { transactionsPerAccount: 30 } });
    // Each page beside its count, as the screen asks for them; every set here fits one page.
    const list = async (input: object) => {
      const page = await call(t!.core, 'transactions.list', { limit: 500, ...input });
      const total = await call(t!.core, 'transactions.count', input);
      expect(page.items).toHaveLength(total);
      return { ...page, total };
    };

    const account = await list({ accountId: 'acc_1_cc' });
    expect(account.items.every((i) => i.accountId === 'acc_1_cc')).toBe(true);
    expect(account.total).toBe(30);

    const connection = await list({ connectionId: 'conn_2' });
    expect(connection.total).toBe(60);

    const range = await list({ from: '2026-11-11', to: '2026-11-20' });
    expect(range.total).toBe(40);
    expect(range.items.every((i) => i.date >= '2026-11-11' && i.date <= '2026-11-20')).toBe(true);

    const moneyIn = await list({ type: 'in' });
    expect(moneyIn.items.every((i) => i.amount > 0)).toBe(true);
    const moneyOut = await list({ type: 'out' });
    expect(moneyOut.items.every((i) => i.amount < 0)).toBe(true);
    expect(moneyIn.total + moneyOut.total).toBe(120);

    const income = await list({ category: 'INCOME' });
    expect(income.total).toBe(moneyIn.total);

    const search = await list({ search: 'starbu' });
    expect(search.total).toBeGreaterThan(0);
    expect(search.items.every((i) => /starbucks/i.test(`${i.name} ${i.merchantName}`))).toBe(true);
    const none = await list({ search: 'no such merchant anywhere' });
    expect(none.total).toBe(0);
    // FTS syntax in what a person types is plain text, not an error.
    expect((await list({ search: '"NEAR( OR * -' })).total).toBeGreaterThanOrEqual(0);
  });

  it('rejects a cursor it did not hand out', async () => {
    t = await startTestCore({ seed: true });
    const result = await t.core.invoke('transactions.list', { cursor: 'bm90LWEtY3Vyc29y' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('import batches', () => {
  it('lists batches and gets one with its rows', async () => {
    t = await startTestCore({ seed: { transactionsPerAccount: 10 } });
    const batches = await call(t.core, 'batches.list');
    expect(batches.map((b) => b.connectionId)).toEqual(['conn_2', 'conn_1']);
    const detail = await call(t.core, 'batches.get', { batchId: batches[1]!.id });
    expect(detail.items).toHaveLength(20);
    expect(detail.items.every((item) => item.transaction.connectionId === 'conn_1')).toBe(true);
    expect(detail.batch).toMatchObject({ importMethod: 'PLAID', count: 20, unmatched: 20 });
    expect((await errorOf(t.core, 'batches.get', { batchId: 999 })).code).toBe('NOT_FOUND');
  });
});
