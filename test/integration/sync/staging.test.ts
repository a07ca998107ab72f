import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { syncInChildKilledAt } from '../../support/sync-child-run';
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

/** Reads the database beside the running core (WAL: a second connection sees committed pages). */
function read<T>(harness: Harness, fn: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(harness.databasePath, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function stagedPages(harness: Harness, connectionId: string): number {
  return read(
    harness,
    (db) =>
      db
        .prepare('SELECT COUNT(*) FROM sync_stage_pages WHERE connection_id = ?')
        .pluck()
        .get(connectionId) as number,
  );
}

function stagedCursor(harness: Harness, connectionId: string): string {
  return read(
    harness,
    (db) =>
      db
        .prepare(
          `SELECT next_cursor FROM sync_stage_pages WHERE connection_id = ?
           ORDER BY page_no DESC LIMIT 1`,
        )
        .pluck()
        .get(connectionId) as string,
  );
}

function savedCursor(harness: Harness, connectionId: string): string | null {
  return read(
    harness,
    (db) =>
      db.prepare('SELECT cursor FROM connections WHERE id = ?').pluck().get(connectionId) as
        string | null,
  );
}

interface RunRecord {
  trigger: string;
  status: string;
  pages: number;
  pages_resumed: number;
}

function lastRun(harness: Harness, connectionId: string): RunRecord {
  return read(
    harness,
    (db) =>
      db
        .prepare(
          `SELECT trigger, status, pages, pages_resumed FROM sync_runs WHERE connection_id = ?
           ORDER BY id DESC LIMIT 1`,
        )
        .get(connectionId) as RunRecord,
  );
}

/** The cursors of every /transactions/sync call since the last resetCalls, in order. */
function syncCalls(harness: Harness, itemId: string) {
  return harness.emulator.control.calls({ endpoint: '/transactions/sync', itemId }).map((c) => ({
    cursor: ((c.request as { cursor?: string }).cursor ?? null) as string | null,
    errorCode: c.errorCode,
  }));
}

async function run(harness: Harness, connectionId: string, channel = 'connections.sync') {
  await harness.call(channel as 'connections.sync', { connectionId });
  await harness.core.idle();
  return lastRun(harness, connectionId);
}

/** The ledger equals the emulator's ground truth, and nothing is staged any more. */
function expectExact(harness: Harness, connectionId: string, itemId: string) {
  const rows = visibleTransactions(harness.databasePath, connectionId);
  expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  expect(rows).toEqual(expectedTransactions(harness.emulator, itemId));
  expect(stagedPages(harness, connectionId)).toBe(0);
}

/**
 * Makes the run fail (a 500 that outlasts the retries) right after its `page`-th page is staged:
 * an interruption in process, with the stage left behind.
 */
function failAfterPage(harness: Harness, itemId: string, page: number): () => void {
  return harness.core.events.subscribe((e) => {
    if (e.name === 'sync.progress' && e.payload.page === page) {
      harness.emulator.control.inject({
        endpoint: '/transactions/sync',
        itemId,
        times: 20,
        error: 'INTERNAL_SERVER_ERROR',
      });
    }
  });
}

describe('pages staged on disk', () => {
  it('are written as they arrive and gone with the commit', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const harness = h;
    const { connectionId, itemId, token } = await linkSandbox(harness);
    harness.emulator.control.advance({ days: 400, itemId });
    const seen: { page: number; staged: number; ledger: number }[] = [];
    const ledgerBefore = visibleTransactions(harness.databasePath, connectionId).length;
    harness.core.events.subscribe((e) => {
      if (e.name === 'sync.progress' && e.payload.connectionId === connectionId) {
        seen.push({
          page: e.payload.page,
          staged: stagedPages(harness, connectionId),
          ledger: visibleTransactions(harness.databasePath, connectionId).length,
        });
      }
    });
    const record = await run(harness, connectionId);
    expect(record).toMatchObject({ status: 'succeeded', pages_resumed: 0 });
    expect(seen.length).toBeGreaterThan(1);
    expect(record.pages).toBe(seen.length);
    // Each page is on disk by the time its progress is told, and the ledger has none of it yet.
    expect(seen).toEqual(
      seen.map((_, i) => ({ page: i + 1, staged: i + 1, ledger: ledgerBefore })),
    );
    expectExact(harness, connectionId, itemId);
    expect(read(harness, (db) => db.prepare('SELECT COUNT(*) FROM sync_stage').pluck().get())).toBe(
      0,
    );
    const completed = harness.events.filter((e) => e.name === 'sync.completed').at(-1)!;
    expect(completed.payload).toMatchObject({ pages: record.pages, resumedPages: 0 });
    expectTokenNowhere(harness, token);
  });

  it('a first sync killed again and again goes on from its last page: no page is fetched twice', async () => {
    // The Item is not ready at link time, so the long history arrives in the first real sync.
    h = await startHarness({
      core: { manualCooldownMs: 0 },
      emulator: { itemReadyDelayMs: 10 * 60_000 },
    });
    const harness = h;
    const { connectionId, itemId, token } = await linkSandbox(harness);
    expect(savedCursor(harness, connectionId)).toBeNull();
    harness.emulator.control.advance({ days: 700, itemId });
    harness.emulator.control.setReady(itemId, true);
    await harness.core.close();
    harness.emulator.control.resetCalls();

    // The first child dies after its 2nd page; each later one tells its resumed pages, fetches
    // one page more, and dies.
    const kills = 4;
    for (let k = 0; k < kills; k++) {
      await syncInChildKilledAt(harness, connectionId, token, 'sync.progress:2');
      expect(stagedPages(harness, connectionId)).toBe(k + 2);
    }
    const beforeRestart = syncCalls(harness, itemId);
    expect(beforeRestart).toHaveLength(kills + 1);

    await harness.restart({ manualCooldownMs: 0 });
    const resumeFrom = stagedCursor(harness, connectionId);
    const record = await run(harness, connectionId);
    expect(record).toMatchObject({ status: 'succeeded', pages_resumed: kills + 1 });
    const calls = syncCalls(harness, itemId);
    expect(record.pages).toBeGreaterThan(kills + 2);
    // Every page was fetched exactly once over the five processes.
    expect(calls).toHaveLength(record.pages);
    expect(calls.every((c) => c.errorCode === null)).toBe(true);
    expect(new Set(calls.map((c) => c.cursor)).size).toBe(calls.length);
    expect(calls[kills + 1]!.cursor).toBe(resumeFrom);
    expectExact(harness, connectionId, itemId);
    const completed = harness.events.filter((e) => e.name === 'sync.completed').at(-1)!;
    expect(completed.payload).toMatchObject({ pages: record.pages, resumedPages: kills + 1 });
    expectTokenNowhere(harness, token);
  });

  it('when the bank changed since the kill, Plaid refuses to go on and the run starts from its first cursor', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const harness = h;
    const { connectionId, itemId, token } = await linkSandbox(harness);
    harness.emulator.control.advance({ days: 700, itemId }); // three pages and more
    const first = savedCursor(harness, connectionId);
    await harness.core.close();
    await syncInChildKilledAt(harness, connectionId, token, 'sync.progress:2');
    expect(stagedPages(harness, connectionId)).toBe(2);
    const staged = stagedCursor(harness, connectionId);

    harness.emulator.control.advance({ days: 3, itemId });
    await harness.restart({ manualCooldownMs: 0 });
    harness.emulator.control.resetCalls();
    const record = await run(harness, connectionId);
    expect(record).toMatchObject({ status: 'succeeded', pages_resumed: 0 });
    const calls = syncCalls(harness, itemId);
    expect(calls[0]).toEqual({
      cursor: staged,
      errorCode: 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION',
    });
    expect(calls[1]).toEqual({ cursor: first, errorCode: null });
    expect(calls).toHaveLength(record.pages + 1);
    expectExact(harness, connectionId, itemId);
  });

  it('a run that failed after its last page is continued with what the bank added since', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const harness = h;
    const { connectionId, itemId } = await linkSandbox(harness);
    harness.emulator.control.advance({ days: 400, itemId });
    // Every page arrives; then the balances cannot be read and the run fails before its commit.
    for (const endpoint of ['/accounts/balance/get', '/accounts/get']) {
      harness.emulator.control.inject({
        endpoint,
        itemId,
        times: 20,
        error: 'INTERNAL_SERVER_ERROR',
      });
    }
    expect(await run(harness, connectionId)).toMatchObject({ status: 'failed' });
    harness.emulator.control.clearInjections();
    const staged = stagedPages(harness, connectionId);
    expect(staged).toBeGreaterThan(1);
    const resumeFrom = stagedCursor(harness, connectionId);

    harness.emulator.control.advance({ days: 3, itemId });
    harness.emulator.control.resetCalls();
    const record = await run(harness, connectionId);
    expect(record).toMatchObject({ status: 'succeeded', pages_resumed: staged });
    const calls = syncCalls(harness, itemId);
    // The staged pagination was complete: the next page starts a new one from its end.
    expect(calls[0]).toEqual({ cursor: resumeFrom, errorCode: null });
    expect(calls).toHaveLength(record.pages - staged);
    expectExact(harness, connectionId, itemId);
  });

  it('when Plaid refuses the staged cursor, the stage goes and the run starts from its first cursor', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const harness = h;
    const { connectionId, itemId } = await linkSandbox(harness);
    harness.emulator.control.advance({ days: 700, itemId });
    const first = savedCursor(harness, connectionId);
    const stop = failAfterPage(harness, itemId, 2);
    expect(await run(harness, connectionId)).toMatchObject({ status: 'failed' });
    stop();
    harness.emulator.control.clearInjections();
    const staged = stagedCursor(harness, connectionId);

    harness.emulator.control.resetCalls();
    harness.emulator.control.inject({
      endpoint: '/transactions/sync',
      itemId,
      times: 1,
      error: 'INVALID_FIELD',
    });
    const record = await run(harness, connectionId);
    expect(record).toMatchObject({ status: 'succeeded', pages_resumed: 0 });
    const calls = syncCalls(harness, itemId);
    expect(calls[0]).toEqual({ cursor: staged, errorCode: 'INVALID_FIELD' });
    expect(calls[1]).toEqual({ cursor: first, errorCode: null });
    expect(calls).toHaveLength(record.pages + 1);
    expectExact(harness, connectionId, itemId);
    expect((await harness.call('connections.list'))[0]).toMatchObject({ status: 'ACTIVE' });
  });

  it('a mutation during pagination empties the stage and starts again from the first cursor', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const harness = h;
    const { connectionId, itemId } = await linkSandbox(harness);
    harness.emulator.control.advance({ days: 400, itemId });
    const first = savedCursor(harness, connectionId);
    harness.emulator.control.resetCalls();
    const rule = harness.emulator.control.inject({
      endpoint: '/transactions/sync',
      itemId,
      times: 1,
      error: 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION',
    });
    const seen: { page: number; staged: number }[] = [];
    harness.core.events.subscribe((e) => {
      if (e.name === 'sync.progress') {
        seen.push({ page: e.payload.page, staged: stagedPages(harness, connectionId) });
      }
    });
    const record = await run(harness, connectionId);
    expect(rule.fired()).toBe(1);
    expect(record).toMatchObject({ status: 'succeeded', pages_resumed: 0 });
    // Page 1, then the refused page 2, then page 1 again on an emptied stage.
    expect(seen.slice(0, 2)).toEqual([
      { page: 1, staged: 1 },
      { page: 1, staged: 1 },
    ]);
    expect(seen.slice(1)).toEqual(seen.slice(1).map((_, i) => ({ page: i + 1, staged: i + 1 })));
    const calls = syncCalls(harness, itemId);
    expect(calls[1]!.errorCode).toBe('TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION');
    expect(calls[0]!.cursor).toBe(first);
    expect(calls[2]).toEqual({ cursor: first, errorCode: null });
    expectExact(harness, connectionId, itemId);
  });

  it('a failed run keeps its pages for the next run of the same kind; a resync and an ordinary run never continue each other', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const harness = h;
    const { connectionId, itemId } = await linkSandbox(harness);
    harness.emulator.control.advance({ days: 400, itemId });
    await run(harness, connectionId);
    const saved = savedCursor(harness, connectionId);

    // A resync from no cursor fails after 2 pages: its pages stay.
    let stop = failAfterPage(harness, itemId, 2);
    expect(await run(harness, connectionId, 'connections.resync')).toMatchObject({
      trigger: 'resync',
      status: 'failed',
    });
    stop();
    harness.emulator.control.clearInjections();
    expect(stagedPages(harness, connectionId)).toBe(2);

    // An ordinary sync does not continue a resync's pages (they began from no cursor).
    harness.emulator.control.resetCalls();
    expect(await run(harness, connectionId)).toMatchObject({
      status: 'succeeded',
      pages_resumed: 0,
    });
    expect(syncCalls(harness, itemId)[0]!.cursor).toBe(saved);
    expect(stagedPages(harness, connectionId)).toBe(0);

    // An ordinary sync's pages are not continued by a resync either.
    harness.emulator.control.advance({ days: 700, itemId });
    stop = failAfterPage(harness, itemId, 2);
    expect(await run(harness, connectionId)).toMatchObject({ status: 'failed' });
    stop();
    harness.emulator.control.clearInjections();
    expect(stagedPages(harness, connectionId)).toBe(2);
    harness.emulator.control.resetCalls();
    stop = failAfterPage(harness, itemId, 3);
    expect(await run(harness, connectionId, 'connections.resync')).toMatchObject({
      status: 'failed',
      pages_resumed: 0,
    });
    stop();
    harness.emulator.control.clearInjections();
    expect(syncCalls(harness, itemId)[0]!.cursor).toBeNull();
    expect(stagedPages(harness, connectionId)).toBe(3);

    // A resync continues a resync: it fetches only the pages after the staged ones, and still
    // marks what Plaid did not send.
    const resumeFrom = stagedCursor(harness, connectionId);
    harness.emulator.control.resetCalls();
    const record = await run(harness, connectionId, 'connections.resync');
    expect(record).toMatchObject({ trigger: 'resync', status: 'succeeded', pages_resumed: 3 });
    const calls = syncCalls(harness, itemId);
    expect(calls[0]!.cursor).toBe(resumeFrom);
    expect(calls).toHaveLength(record.pages - 3);
    expectExact(harness, connectionId, itemId);
  });
});
