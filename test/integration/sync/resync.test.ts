import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  expectedTransactions,
  linkSandbox,
  startHarness,
  visibleTransactions,
  type Harness,
} from '../../support/sync-harness';

/**
 * Full resync ("remine") with the real SDK against the emulator: the cursor from scratch, every
 * row reconciled by its id, every edit of the person kept, rows Plaid no longer has marked
 * removed, and a connection whose cursor Plaid refuses brought back.
 */

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function query<T>(h: Harness, sql: string, ...params: unknown[]): T[] {
  const db = new BetterSqlite3(h.databasePath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Everything the person owns, keyed by the rows' seqs: what a resync must not touch. */
function personState(h: Harness) {
  return {
    rows: query(
      h,
      `SELECT seq, id, payee, user_category, notes, excluded, reviewed, locks, needs_review
       FROM transactions ORDER BY seq`,
    ),
    tags: query(h, 'SELECT * FROM transaction_tags ORDER BY seq, tag_id'),
    splits: query(h, 'SELECT * FROM transaction_splits ORDER BY seq, position'),
    transfers: query(h, 'SELECT out_seq, in_seq, status FROM transfer_pairs ORDER BY out_seq'),
    edits: query(h, 'SELECT COUNT(*) AS n FROM transaction_edits'),
  };
}

async function setup() {
  h = await startHarness({ core: { manualCooldownMs: 0 } });
  const linked = await linkSandbox(h);
  const resync = async () => {
    const { runId } = await h!.call('connections.resync', { connectionId: linked.connectionId });
    await h!.core.idle();
    const run = (await h!.call('connections.logs', { connectionId: linked.connectionId })).find(
      (r) => r.id === runId,
    )!;
    return run;
  };
  return { ...linked, h, resync };
}

describe('full resync', () => {
  it('reconciles every row by its id, keeps every edit, and adds nothing twice', async () => {
    const s = await setup();
    const rows = await s.h.call('transactions.list', {
      connectionId: s.connectionId,
      limit: 50,
    });
    const [a, b, c] = rows.items.filter((t) => !t.pending && t.amount < 0);
    await s.h.call('transactions.update', {
      ids: [a!.id],
      set: { payee: 'Corner café', category: 'Eating out', notes: 'kept', reviewed: true },
    });
    await s.h.call('transactions.tag', { ids: [a!.id, b!.id], add: ['holiday'] });
    const half = Math.trunc(c!.amount / 2);
    await s.h.call('transactions.split', {
      id: c!.id,
      parts: [
        { amount: half, category: 'Groceries' },
        { amount: c!.amount - half, category: 'Household' },
      ],
    });
    const suggestion = (await s.h.call('transfers.suggestions', {}))[0];
    if (suggestion) {
      await s.h.call('transfers.confirm', { outId: suggestion.out.id, inId: suggestion.in.id });
    }
    const before = personState(s.h);
    const countBefore = query<{ n: number }>(s.h, 'SELECT COUNT(*) AS n FROM transactions')[0]!.n;

    const run = await s.resync();

    expect(run).toMatchObject({ trigger: 'resync', status: 'succeeded', added: 0, removed: 0 });
    expect(personState(s.h)).toEqual(before);
    expect(query<{ n: number }>(s.h, 'SELECT COUNT(*) AS n FROM transactions')[0]!.n).toBe(
      countBefore,
    );
    expect(visibleTransactions(s.h.databasePath, s.connectionId)).toEqual(
      expectedTransactions(s.h.emulator, s.itemId),
    );
    const detail = await s.h.call('transactions.get', { id: a!.id });
    expect(detail.transaction.user).toMatchObject({ payee: 'Corner café', category: 'Eating out' });
    const started = s.h.events.find((e) => e.name === 'sync.started' && e.payload.runId === run.id);
    expect(started?.payload).toMatchObject({ trigger: 'resync' });
    expect(s.h.events.some((e) => e.name === 'sync.progress' && e.payload.runId === run.id)).toBe(
      true,
    );
  });

  it('marks rows Plaid no longer has as removed, keeping them and their edits', async () => {
    const s = await setup();
    const truth = s.h.emulator.control.groundTruth(s.itemId).filter((t) => !t.pending);
    const gone = truth[0]!;
    await s.h.call('transactions.update', { ids: [gone.transaction_id], set: { notes: 'mine' } });
    // Plaid drops the row; a sync from no cursor never mentions it at all.
    s.h.emulator.control.removeTransaction(s.itemId, gone.transaction_id);
    // A row changed at the bank comes back updated, not doubled.
    const changed = truth[1]!;
    s.h.emulator.control.putTransaction(s.itemId, { ...changed, name: `${changed.name} FIXED` });

    const run = await s.resync();

    expect(run).toMatchObject({ status: 'succeeded', removed: 1, added: 0, modified: 1 });
    const [kept] = query<{ removed_at: string | null; notes: string | null }>(
      s.h,
      'SELECT removed_at, notes FROM transactions WHERE id = ?',
      gone.transaction_id,
    );
    expect(kept!.removed_at).not.toBeNull();
    expect(kept!.notes).toBe('mine');
    const listed = await s.h.call('transactions.list', {
      connectionId: s.connectionId,
      includeRemoved: true,
      search: gone.name,
      limit: 50,
    });
    expect(listed.items.find((t) => t.id === gone.transaction_id)?.removed).toBe(true);
    // "Gone from the bank" on the Transactions page lists exactly such rows.
    const goneOnly = await s.h.call('transactions.list', {
      connectionId: s.connectionId,
      show: 'removed',
      limit: 50,
    });
    expect(goneOnly.items.map((t) => t.id)).toContain(gone.transaction_id);
    expect(goneOnly.items.every((t) => t.removed)).toBe(true);
    expect(visibleTransactions(s.h.databasePath, s.connectionId)).toEqual(
      expectedTransactions(s.h.emulator, s.itemId),
    );
  });

  it('revives a connection whose cursor Plaid refuses', async () => {
    const s = await setup();
    const db = new BetterSqlite3(s.h.databasePath);
    db.prepare("UPDATE connections SET cursor = 'bm90LWEtY3Vyc29y' WHERE id = ?").run(
      s.connectionId,
    );
    db.close();
    s.h.emulator.control.advance({ days: 3, itemId: s.itemId });

    await s.h.call('connections.sync', { connectionId: s.connectionId });
    await s.h.core.idle();
    const [failed] = await s.h.call('connections.logs', { connectionId: s.connectionId });
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'SYNC_CURSOR_INVALID' });
    expect(failed!.errorMessage).toMatch(/Full resync/);
    expect(failed!.plaidRequestId).toMatch(/^\w{10,}$/);
    const broken = (await s.h.call('connections.list')).find((c) => c.id === s.connectionId)!;
    expect(broken.status).toBe('ERROR');

    const run = await s.resync();
    expect(run.status).toBe('succeeded');
    const healthy = (await s.h.call('connections.list')).find((c) => c.id === s.connectionId)!;
    expect(healthy).toMatchObject({ status: 'ACTIVE', error: null });
    expect(visibleTransactions(s.h.databasePath, s.connectionId)).toEqual(
      expectedTransactions(s.h.emulator, s.itemId),
    );
    // The new cursor works for the next ordinary sync.
    s.h.emulator.control.advance({ days: 2, itemId: s.itemId });
    await s.h.call('connections.sync', { connectionId: s.connectionId });
    await s.h.core.idle();
    const [next] = await s.h.call('connections.logs', { connectionId: s.connectionId });
    expect(next).toMatchObject({ trigger: 'manual', status: 'succeeded' });
    expect(visibleTransactions(s.h.databasePath, s.connectionId)).toEqual(
      expectedTransactions(s.h.emulator, s.itemId),
    );
  });

  it('keeps the request id of every run, successful ones too', async () => {
    const s = await setup();
    const [linkRun] = await s.h.call('connections.logs', { connectionId: s.connectionId });
    expect(linkRun).toMatchObject({ trigger: 'link', status: 'succeeded' });
    const syncCalls = s.h.emulator.control.calls({
      endpoint: '/transactions/sync',
      itemId: s.itemId,
    });
    expect(syncCalls.length).toBeGreaterThan(0);
    expect(linkRun!.plaidRequestIds.length).toBeGreaterThanOrEqual(syncCalls.length + 2);
    for (const call of syncCalls) expect(linkRun!.plaidRequestIds).toContain(call.requestId);
    expect(linkRun!.plaidRequestId).toBe(linkRun!.plaidRequestIds.at(-1));
    expect(new Set(linkRun!.plaidRequestIds).size).toBe(linkRun!.plaidRequestIds.length);
  });

  it('the summary says whether anything syncs as a boolean, with the count beside it', async () => {
    const s = await setup();
    expect(await s.h.call('connections.summary')).toMatchObject({
      syncing: false,
      runningCount: 0,
    });
    await s.h.call('connections.resync', { connectionId: s.connectionId });
    const during = await s.h.call('connections.summary');
    expect(during).toMatchObject({ syncing: true, runningCount: 1 });
    await s.h.core.idle();
    expect(await s.h.call('connections.summary')).toMatchObject({
      syncing: false,
      runningCount: 0,
    });
  });
});
