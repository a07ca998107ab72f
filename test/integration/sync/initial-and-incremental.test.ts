import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
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

describe('a clean initial sync', () => {
  it('equals the emulator’s ground truth, with accounts, balances, a run and a batch', async () => {
    h = await startHarness();
    const { connectionId, itemId, token, accounts } = await linkSandbox(h);

    const expected = expectedTransactions(h.emulator, itemId);
    expect(expected.length).toBeGreaterThan(500); // two years: more than one page of 500
    expect(visibleTransactions(h.databasePath, connectionId)).toEqual(expected);

    expect(accounts.map((a) => a.type).sort()).toEqual(
      h.emulator.control
        .accounts(itemId)
        .map((a) => a.type)
        .sort(),
    );
    const stored = await h.call('accounts.list', { connectionId });
    expect(
      stored.every((a) => a.balances.current !== null && Number.isInteger(a.balances.current)),
    ).toBe(true);
    expect(new Set(stored.map((a) => a.currency)).size).toBeGreaterThan(1);

    const [run] = await h.call('connections.logs', { connectionId });
    expect(run).toMatchObject({
      trigger: 'link',
      status: 'succeeded',
      added: expected.length,
      errorCode: null,
    });
    expect(run!.batchId).not.toBeNull();
    const batch = await h.call('batches.get', { batchId: run!.batchId! });
    expect(batch.batch.added).toBe(expected.length);

    const names = h.events
      .filter((e) => 'connectionId' in e.payload && e.payload.connectionId === connectionId)
      .map((e) => e.name);
    expect(names[0]).toBe('connections.changed');
    expect(names).toContain('sync.started');
    expect(names.filter((n) => n === 'sync.progress').length).toBeGreaterThanOrEqual(2);
    expect(names).toContain('sync.completed');
    const completed = h.events.find((e) => e.name === 'sync.completed')!;
    expect(completed.payload).toMatchObject({ added: expected.length, quarantined: 0 });

    const connection = (await h.call('connections.list'))[0]!;
    expect(connection).toMatchObject({
      status: 'ACTIVE',
      syncing: false,
      institution: { id: 'ins_109508' },
    });
    expect(connection.institution!.name).toMatch(/Platypus/);
    expect(connection.nextSyncAt).not.toBeNull();
    expectTokenNowhere(h, token);
  });

  it('syncing again with nothing new changes nothing and asks Plaid only from the saved cursor', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const { connectionId, itemId, token } = await linkSandbox(h);
    const before = visibleTransactions(h.databasePath, connectionId);
    h.emulator.control.resetCalls();
    await h.call('connections.sync', { connectionId });
    await h.core.idle();
    expect(visibleTransactions(h.databasePath, connectionId)).toEqual(before);
    const syncCalls = h.emulator.control.calls({ endpoint: '/transactions/sync', itemId });
    expect(syncCalls).toHaveLength(1);
    const [run] = await h.call('connections.logs', { connectionId });
    expect(run).toMatchObject({
      trigger: 'manual',
      status: 'succeeded',
      added: 0,
      modified: 0,
      removed: 0,
      batchId: null,
    });
    // A manual sync asks for fresh data and real-time balances.
    const endpoints = h.emulator.control.calls({ itemId }).map((c) => c.endpoint);
    expect(endpoints).toContain('/transactions/refresh');
    expect(endpoints).toContain('/accounts/balance/get');
    expectTokenNowhere(h, token);
  });
});

describe('incremental syncs', () => {
  it('after the bank’s clock moves: new rows, pending → posted, modified and removed ones', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const { connectionId, itemId, token } = await linkSandbox(h);
    const pendingBefore = visibleTransactions(h.databasePath, connectionId).filter(
      (t) => t.pending === 1,
    );
    expect(pendingBefore.length).toBeGreaterThan(0);
    const before = new BetterSqlite3(h.databasePath, { readonly: true });
    const seqBefore = new Map(
      (
        before.prepare('SELECT id, seq FROM transactions WHERE pending = 1').all() as {
          id: string;
          seq: number;
        }[]
      ).map((r) => [r.id, r.seq]),
    );
    before.close();

    for (const days of [3, 10, 30]) {
      h.emulator.control.advance({ days, itemId });
      await h.call('connections.sync', { connectionId });
      await h.core.idle();
      expect(visibleTransactions(h.databasePath, connectionId)).toEqual(
        expectedTransactions(h.emulator, itemId),
      );
    }

    const after = visibleTransactions(h.databasePath, connectionId);
    const posted = after.filter(
      (t) =>
        t.pending_transaction_id && pendingBefore.some((p) => p.id === t.pending_transaction_id),
    );
    expect(posted.length).toBeGreaterThan(0);
    // The posted row took over its pending twin's row (same seq, so the person's edits and history
    // stay with it); the pending id now names that row, and no second row holds it.
    const db = new BetterSqlite3(h.databasePath, { readonly: true });
    const pendingId = posted[0]!.pending_transaction_id!;
    const alias = db
      .prepare('SELECT seq, reason FROM transaction_aliases WHERE plaid_id = ?')
      .get(pendingId) as { seq: number; reason: string } | undefined;
    const twins = db.prepare('SELECT COUNT(*) AS n FROM transactions WHERE id = ?').get(pendingId);
    db.close();
    expect(alias).toEqual({
      seq: seqBefore.get(pendingId),
      reason: 'posted',
    });
    expect(twins).toEqual({ n: 0 });
    const runs = await h.call('connections.logs', { connectionId });
    expect(runs.slice(0, 3).some((r) => r.removed > 0)).toBe(true);
    expect(runs.slice(0, 3).some((r) => r.modified > 0 || r.added > 0)).toBe(true);
    // Balances keep one snapshot a day.
    const detail = await h.call('accounts.get', { accountId: after[0]!.account_id });
    expect(new Set(detail.balanceHistory.map((b) => b.date)).size).toBe(
      detail.balanceHistory.length,
    );
    expectTokenNowhere(h, token);
  });
});
