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

async function syncNow(harness: Harness, connectionId: string) {
  await harness.call('connections.sync', { connectionId });
  await harness.core.idle();
  return (await harness.call('connections.logs', { connectionId }))[0]!;
}

describe('sync under failure', () => {
  it('a mutation during pagination restarts the loop from the first cursor and ends exact', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const { connectionId, itemId, token } = await linkSandbox(h);
    h.emulator.control.advance({ days: 400, itemId }); // more than one page of changes
    h.emulator.control.resetCalls();
    const rule = h.emulator.control.inject({
      endpoint: '/transactions/sync',
      itemId,
      times: 1,
      error: 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION',
    });
    const run = await syncNow(h, connectionId);
    expect(rule.fired()).toBe(1);
    expect(run.status).toBe('succeeded');
    const calls = h.emulator.control.calls({ endpoint: '/transactions/sync', itemId });
    expect(calls.some((c) => c.errorCode === 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION')).toBe(
      true,
    );
    expect(visibleTransactions(h.databasePath, connectionId)).toEqual(
      expectedTransactions(h.emulator, itemId),
    );
    expectTokenNowhere(h, token);
  });

  it('a 429 storm backs off and recovers', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const { connectionId, itemId, token } = await linkSandbox(h);
    h.emulator.control.advance({ days: 5, itemId });
    h.emulator.control.inject({
      endpoint: '/transactions/sync',
      itemId,
      times: 3,
      error: 'RATE_LIMIT_EXCEEDED',
    });
    const run = await syncNow(h, connectionId);
    expect(run.status).toBe('succeeded');
    const limited = h.emulator.control
      .calls({ endpoint: '/transactions/sync', itemId })
      .filter((c) => c.status === 429);
    expect(limited).toHaveLength(3);
    expect(limited[0]!.errorCode).toBe('TRANSACTIONS_SYNC_LIMIT');
    expect(visibleTransactions(h.databasePath, connectionId)).toEqual(
      expectedTransactions(h.emulator, itemId),
    );
    expectTokenNowhere(h, token);
  });

  it('a 500 that outlasts the retries fails the run clearly, retryably, and changes nothing', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const { connectionId, itemId, token } = await linkSandbox(h);
    const before = visibleTransactions(h.databasePath, connectionId);
    h.emulator.control.advance({ days: 20, itemId });
    h.emulator.control.inject({
      endpoint: '/transactions/sync',
      itemId,
      times: 50,
      error: 'INTERNAL_SERVER_ERROR',
    });
    const run = await syncNow(h, connectionId);
    expect(run).toMatchObject({ status: 'failed', errorCode: 'INTERNAL_SERVER_ERROR' });
    expect(run.plaidRequestId).toMatch(/\w+/);
    const failed = h.events.filter((e) => e.name === 'sync.failed').at(-1)!;
    expect(failed.payload).toMatchObject({
      connectionId,
      code: 'INTERNAL_SERVER_ERROR',
      retryable: true,
    });
    expect(
      h.emulator.control
        .calls({ endpoint: '/transactions/sync', itemId })
        .filter((c) => c.status === 500),
    ).toHaveLength(4);
    expect(visibleTransactions(h.databasePath, connectionId)).toEqual(before);
    const health = await h.call('connections.health', { connectionId });
    expect(health).toMatchObject({
      status: 'ACTIVE',
      consecutiveFailures: 1,
      lastError: { code: 'INTERNAL_SERVER_ERROR' },
    });
    // It comes back later on its own; the schedule is not stopped.
    expect((await h.call('connections.list'))[0]!.nextSyncAt).not.toBeNull();
    expectTokenNowhere(h, token);
  });

  it('ITEM_LOGIN_REQUIRED stops the schedule; Link update mode repairs it and syncs', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const { connectionId, itemId, token } = await linkSandbox(h);
    h.emulator.control.resetLogin(itemId);
    const failed = await syncNow(h, connectionId);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'ITEM_LOGIN_REQUIRED' });
    const broken = (await h.call('connections.list'))[0]!;
    expect(broken).toMatchObject({
      status: 'LOGIN_REQUIRED',
      nextSyncAt: null,
      error: { code: 'ITEM_LOGIN_REQUIRED' },
    });
    expect((await h.call('connections.summary')).errorCount).toBe(1);

    const { linkToken } = await h.call('link.createToken', { connectionId });
    const tokenCall = h.emulator.control.calls({ endpoint: '/link/token/create' }).at(-1)!;
    expect(JSON.stringify(tokenCall)).not.toContain(token);
    const done = h.emulator.control.completeLink(linkToken, {
      username: 'user_good',
      password: 'pass_good',
    });
    expect(done.itemId).toBe(itemId);
    h.emulator.control.advance({ days: 4, itemId });
    await h.call('link.exchange', {
      publicToken: done.publicToken,
      institution: null,
      accounts: [],
      connectionId,
    });
    await h.core.idle();
    const repaired = (await h.call('connections.list'))[0]!;
    expect(repaired).toMatchObject({ status: 'ACTIVE', error: null });
    expect(repaired.nextSyncAt).not.toBeNull();
    const [run] = await h.call('connections.logs', { connectionId });
    expect(run).toMatchObject({ trigger: 'repair', status: 'succeeded' });
    expect(visibleTransactions(h.databasePath, connectionId)).toEqual(
      expectedTransactions(h.emulator, itemId),
    );
    expectTokenNowhere(h, token);
  });

  it('a repair Plaid does not confirm is refused: the connection still needs the user', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const { connectionId, itemId } = await linkSandbox(h);
    h.emulator.control.resetLogin(itemId);
    await syncNow(h, connectionId);
    h.emulator.control.resetCalls();

    // Link never ran (or failed): a caller claims the repair anyway.
    const { linkToken } = await h.call('link.createToken', { connectionId });
    const refused = await h.failure('link.exchange', {
      publicToken: 'public-sandbox-00000000-0000-4000-8000-000000000000',
      institution: null,
      accounts: [],
      connectionId,
    });
    expect(refused.code).toBe('PLAID');
    expect(refused.message).toMatch(/not marked as repaired/);
    expect(refused.details).toMatchObject({ plaidErrorCode: 'ITEM_LOGIN_REQUIRED' });
    expect(h.emulator.control.calls({ endpoint: '/item/get', itemId })).toHaveLength(1);
    expect((await h.call('connections.list'))[0]).toMatchObject({
      status: 'LOGIN_REQUIRED',
      nextSyncAt: null,
    });

    // After the user really signs in again, the same call repairs it.
    const done = h.emulator.control.completeLink(linkToken, {
      username: 'user_good',
      password: 'pass_good',
    });
    await h.call('link.exchange', {
      publicToken: done.publicToken,
      institution: null,
      accounts: [],
      connectionId,
    });
    await h.core.idle();
    expect((await h.call('connections.list'))[0]).toMatchObject({ status: 'ACTIVE', error: null });
  });

  it('a public token Plaid refuses is the caller’s error, in a sentence', async () => {
    h = await startHarness();
    const error = await h.failure('link.exchange', {
      publicToken: 'public-sandbox-00000000-0000-4000-8000-000000000000',
      institution: null,
      accounts: [],
    });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      details: { plaidErrorCode: 'INVALID_PUBLIC_TOKEN' },
    });
    expect(error.message).toBe(
      'The bank sign-in took too long and has expired. Connect the bank again.',
    );
    expect(error.details?.cause).toMatch(/public token/);
    expect(await h.call('connections.list')).toEqual([]);
  });

  it('a fresh Item whose data is not ready is not an error: the run ends and comes back soon', async () => {
    h = await startHarness({
      emulator: { itemReadyDelayMs: 60 * 60_000 },
      core: { manualCooldownMs: 0 },
    });
    const { connectionId, itemId, token } = await linkSandbox(h);
    const [first] = await h.call('connections.logs', { connectionId });
    expect(first).toMatchObject({ status: 'succeeded', added: 0 });
    const connection = (await h.call('connections.list'))[0]!;
    expect(connection.status).toBe('ACTIVE');
    const soon = Date.parse(connection.nextSyncAt!) - Date.now();
    expect(soon).toBeGreaterThan(0);
    expect(soon).toBeLessThanOrEqual(5 * 60_000);
    expect(visibleTransactions(h.databasePath, connectionId)).toEqual([]);

    h.emulator.control.setReady(itemId, true);
    const second = await syncNow(h, connectionId);
    expect(second.status).toBe('succeeded');
    expect(visibleTransactions(h.databasePath, connectionId)).toEqual(
      expectedTransactions(h.emulator, itemId),
    );
    expectTokenNowhere(h, token);
  });

  it('a dropped connection and a truncated body are retried like network errors', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const { connectionId, itemId, token } = await linkSandbox(h);
    h.emulator.control.advance({ days: 6, itemId });
    h.emulator.control.inject({ endpoint: '/transactions/sync', itemId, times: 1, drop: true });
    h.emulator.control.inject({
      endpoint: '/accounts/balance/get',
      itemId,
      times: 1,
      truncate: true,
    });
    const run = await syncNow(h, connectionId);
    expect(run.status).toBe('succeeded');
    expect(visibleTransactions(h.databasePath, connectionId)).toEqual(
      expectedTransactions(h.emulator, itemId),
    );
    expectTokenNowhere(h, token);
  });
});
