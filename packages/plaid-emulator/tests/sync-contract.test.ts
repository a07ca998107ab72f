import type { Transaction } from 'plaid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyRun,
  byId,
  expectPlaidError,
  plaidFailure,
  startHarness,
  syncToEnd,
  type Harness,
} from './helpers';

/**
 * The /transactions/sync contract (PLAID-NOTES §2.2, §4): paging from an empty cursor and applying
 * added / modified / removed must rebuild exactly what the emulator holds, for any page size, and
 * keep doing so as the feed moves on.
 */

function expectSameAsGroundTruth(store: Map<string, Transaction>, truth: readonly unknown[]): void {
  const expected = byId(truth as Transaction[]);
  expect(store.size).toBe(expected.size);
  for (const [id, t] of expected) expect(store.get(id), id).toEqual(t);
}

describe.each([1, 2024, 90210])('full history and incremental sync, seed %i', (seed) => {
  let h: Harness;
  let itemId: string;
  let accessToken: string;

  beforeAll(async () => {
    h = await startHarness({ seed, rateLimits: false });
    ({ itemId, accessToken } = h.emulator.control.createItem({ institutionId: 'ins_109508' }));
  });
  afterAll(() => h.emulator.close());

  it.each([500, undefined, 37])('rebuilds the whole history with count=%s', async (count) => {
    const store = new Map<string, Transaction>();
    const run = await syncToEnd(h.plaid, accessToken, undefined, count);
    applyRun(store, run);
    expect(run.modified).toEqual([]);
    expect(run.removed).toEqual([]);
    const truth = h.emulator.control.groundTruth(itemId);
    expect(truth.length).toBeGreaterThan(1000);
    expect(run.pages).toBe(Math.ceil(truth.length / (count ?? 100)));
    expectSameAsGroundTruth(store, truth);
  });

  it('follows the feed from a saved cursor across several advances', async () => {
    const store = new Map<string, Transaction>();
    let run = await syncToEnd(h.plaid, accessToken, undefined, 500);
    applyRun(store, run);
    const totals = { added: 0, modified: 0, removed: 0 };
    for (const days of [1, 3, 9, 20]) {
      h.emulator.control.advance({ days, itemId });
      run = await syncToEnd(h.plaid, accessToken, run.cursor, 7);
      totals.added += run.added.length;
      totals.modified += run.modified.length;
      totals.removed += run.removed.length;
      applyRun(store, run);
      expectSameAsGroundTruth(store, h.emulator.control.groundTruth(itemId));
    }
    // A real feed does all three: new transactions, edits to known ones, removals.
    expect(totals.added).toBeGreaterThan(20);
    expect(totals.modified).toBeGreaterThan(0);
    expect(totals.removed).toBeGreaterThan(0);
  });
});

describe('pending → posted', () => {
  let h: Harness;
  let itemId: string;
  let accessToken: string;

  beforeAll(async () => {
    h = await startHarness({ rateLimits: false });
    ({ itemId, accessToken } = h.emulator.control.createItem({ institutionId: 'ins_109508' }));
  });
  afterAll(() => h.emulator.close());

  it('removes the pending id and adds the posted one with pending_transaction_id, across pages', async () => {
    const store = new Map<string, Transaction>();
    const first = await syncToEnd(h.plaid, accessToken, undefined, 500);
    applyRun(store, first);
    const pendingBefore = [...store.values()].filter((t) => t.pending);
    expect(pendingBefore.length).toBeGreaterThan(0);

    h.emulator.control.advance({ days: 4, itemId });
    const run = await syncToEnd(h.plaid, accessToken, first.cursor, 2);
    const pairs = run.added
      .filter((t) => t.pending_transaction_id && run.removedOnPage.has(t.pending_transaction_id))
      .map((t) => ({ posted: t, pendingId: t.pending_transaction_id as string }));
    expect(pairs.length).toBeGreaterThan(0);
    for (const { posted, pendingId } of pairs) {
      const pending = store.get(pendingId);
      expect(pending?.pending, pendingId).toBe(true);
      expect(posted.pending).toBe(false);
      expect(posted.account_id).toBe(pending?.account_id);
      expect(posted.authorized_date).toBe(pending?.authorized_date);
      expect(posted.date >= (pending?.date ?? '')).toBe(true);
    }
    const spanning = pairs.filter(
      (p) => run.addedOnPage.get(p.posted.transaction_id) !== run.removedOnPage.get(p.pendingId),
    );
    expect(spanning.length).toBeGreaterThan(0);
    applyRun(store, run);
    expectSameAsGroundTruth(store, h.emulator.control.groundTruth(itemId));
  });

  it('also lets pending transactions vanish and posts some without a pending_transaction_id', () => {
    const truth = h.emulator.control.groundTruth(itemId);
    const posted = truth.filter((t) => !t.pending);
    const linked = posted.filter((t) => t.pending_transaction_id !== null);
    expect(linked.length).toBeGreaterThan(100);
    // Card purchases Plaid could not match, and ACH entries that never had a pending phase.
    expect(
      posted.filter((t) => t.pending_transaction_id === null && t.payment_channel === 'in store')
        .length,
    ).toBeGreaterThan(0);
    expect(
      posted.filter((t) => t.pending_transaction_id === null && t.payment_channel === 'other')
        .length,
    ).toBeGreaterThan(0);
  });

  it('eventually reports a pending transaction removed with no posted twin', async () => {
    const seen = await syncToEnd(h.plaid, accessToken, undefined, 500);
    const store = new Map<string, Transaction>();
    applyRun(store, seen);
    let cursor = seen.cursor;
    let vanished = 0;
    for (let week = 0; week < 12 && vanished === 0; week++) {
      h.emulator.control.advance({ days: 7, itemId });
      const run = await syncToEnd(h.plaid, accessToken, cursor, 500);
      const postedTwins = new Set(run.added.map((t) => t.pending_transaction_id));
      for (const r of run.removed) {
        if (store.get(r.transaction_id)?.pending && !postedTwins.has(r.transaction_id)) vanished++;
      }
      applyRun(store, run);
      cursor = run.cursor;
    }
    expect(vanished).toBeGreaterThan(0);
  });
});

describe('cursors, count and streams', () => {
  let h: Harness;
  let itemId: string;
  let accessToken: string;

  beforeAll(async () => {
    h = await startHarness({ rateLimits: false });
    ({ itemId, accessToken } = h.emulator.control.createItem({ institutionId: 'ins_109508' }));
  });
  afterAll(() => h.emulator.close());

  it('defaults count to 100 and pages with has_more / next_cursor', async () => {
    const { data } = await h.plaid.transactionsSync({ access_token: accessToken });
    expect(data.added).toHaveLength(100);
    expect(data.has_more).toBe(true);
    expect(data.next_cursor).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(data.next_cursor.length).toBeLessThanOrEqual(256);
    const empty = await h.plaid.transactionsSync({ access_token: accessToken, cursor: '' });
    expect(empty.data.added.map((t) => t.transaction_id)).toEqual(
      data.added.map((t) => t.transaction_id),
    );
  });

  it.each([0, 501, -3])('rejects count=%i with INVALID_FIELD', async (count) => {
    expectPlaidError(
      await plaidFailure(h.plaid.transactionsSync({ access_token: accessToken, count })),
      {
        status: 400,
        type: 'INVALID_REQUEST',
        code: 'INVALID_FIELD',
      },
    );
  });

  it('accepts the bounds 1 and 500', async () => {
    expect(
      (await h.plaid.transactionsSync({ access_token: accessToken, count: 1 })).data.added,
    ).toHaveLength(1);
    expect(
      (await h.plaid.transactionsSync({ access_token: accessToken, count: 500 })).data.added,
    ).toHaveLength(500);
  });

  it('returns nothing new from a cursor at rest, and keeps the position', async () => {
    const run = await syncToEnd(h.plaid, accessToken, undefined, 500);
    const { data } = await h.plaid.transactionsSync({
      access_token: accessToken,
      cursor: run.cursor,
    });
    expect({
      added: data.added,
      modified: data.modified,
      removed: data.removed,
      has_more: data.has_more,
    }).toEqual({
      added: [],
      modified: [],
      removed: [],
      has_more: false,
    });
    expect(data.next_cursor).toBe(run.cursor);
  });

  it('treats "now" as the current position', async () => {
    const { data } = await h.plaid.transactionsSync({ access_token: accessToken, cursor: 'now' });
    expect(data.added).toEqual([]);
    h.emulator.control.advance({ days: 2, itemId });
    const after = await syncToEnd(h.plaid, accessToken, data.next_cursor, 500);
    expect(after.added.length).toBeGreaterThan(0);
    expect(after.added.every((t) => t.date >= '2025-03-10')).toBe(true);
  });

  it('refuses a tampered cursor and a cursor of another Item', async () => {
    const { data } = await h.plaid.transactionsSync({ access_token: accessToken, count: 10 });
    const decoded = Buffer.from(data.next_cursor, 'base64').toString('utf8');
    const tampered = Buffer.from(decoded.replace(/\.10\./, '.11.'), 'utf8').toString('base64');
    expect(tampered).not.toBe(data.next_cursor);
    expectPlaidError(
      await plaidFailure(h.plaid.transactionsSync({ access_token: accessToken, cursor: tampered })),
      {
        status: 400,
        type: 'INVALID_REQUEST',
        code: 'INVALID_FIELD',
      },
    );
    const other = h.emulator.control.createItem({ institutionId: 'ins_109511' });
    const failure = await plaidFailure(
      h.plaid.transactionsSync({ access_token: other.accessToken, cursor: data.next_cursor }),
    );
    expect(failure.data.error_code).toBe('INVALID_FIELD');
  });

  it('reports removed entries as exactly { transaction_id, account_id }', async () => {
    const start = await syncToEnd(h.plaid, accessToken, undefined, 500);
    h.emulator.control.advance({ days: 6, itemId });
    const run = await syncToEnd(h.plaid, accessToken, start.cursor, 500);
    expect(run.removed.length).toBeGreaterThan(0);
    const accountIds = new Set(h.emulator.control.accounts(itemId).map((a) => a.account_id));
    for (const r of run.removed) {
      expect(Object.keys(r).sort()).toEqual(['account_id', 'transaction_id']);
      expect(accountIds.has(r.account_id)).toBe(true);
    }
  });

  it('lists only accounts that carry transactions', async () => {
    const { data } = await h.plaid.transactionsSync({ access_token: accessToken, count: 1 });
    const types = new Set(data.accounts.map((a) => a.type));
    expect([...types].sort()).toEqual(['credit', 'depository']);
  });

  it('keeps a separate stream per options.account_id', async () => {
    const checking = h.emulator.control
      .accounts(itemId)
      .find((a) => a.subtype === 'checking' && a.balances.iso_currency_code === 'USD');
    expect(checking).toBeDefined();
    const accountId = checking!.account_id;
    const store = new Map<string, Transaction>();
    let cursor: string | undefined;
    for (;;) {
      const { data } = await h.plaid.transactionsSync({
        access_token: accessToken,
        cursor,
        count: 250,
        options: { account_id: accountId },
      });
      expect(data.accounts.map((a) => a.account_id)).toEqual([accountId]);
      for (const t of data.added) store.set(t.transaction_id, t);
      cursor = data.next_cursor;
      if (!data.has_more) break;
    }
    const expected = h.emulator.control
      .groundTruth(itemId)
      .filter((t) => t.account_id === accountId);
    expectSameAsGroundTruth(store, expected);
    const crossed = await plaidFailure(
      h.plaid.transactionsSync({ access_token: accessToken, cursor }),
    );
    expect(crossed.data.error_code).toBe('INVALID_FIELD');
    const foreign = await plaidFailure(
      h.plaid.transactionsSync({
        access_token: accessToken,
        options: { account_id: 'x'.repeat(37) },
      }),
    );
    expectPlaidError(foreign, { status: 400, type: 'INVALID_INPUT', code: 'INVALID_ACCOUNT_ID' });
  });

  it('sets original_description only when asked', async () => {
    const plain = await h.plaid.transactionsSync({ access_token: accessToken, count: 5 });
    expect(plain.data.added.every((t) => t.original_description === null)).toBe(true);
    const rich = await h.plaid.transactionsSync({
      access_token: accessToken,
      count: 5,
      options: { include_original_description: true },
    });
    expect(rich.data.added.every((t) => typeof t.original_description === 'string')).toBe(true);
  });
});

describe('mutation during pagination', () => {
  let h: Harness;
  let itemId: string;
  let accessToken: string;

  beforeAll(async () => {
    h = await startHarness({ rateLimits: false });
    ({ itemId, accessToken } = h.emulator.control.createItem({ institutionId: 'ins_109508' }));
  });
  afterAll(() => h.emulator.close());

  it('fails the next page with TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION when data changes mid-way', async () => {
    const first = await h.plaid.transactionsSync({ access_token: accessToken, count: 100 });
    expect(first.data.has_more).toBe(true);
    h.emulator.control.advance({ days: 1, itemId });
    const failure = await plaidFailure(
      h.plaid.transactionsSync({
        access_token: accessToken,
        cursor: first.data.next_cursor,
        count: 100,
      }),
    );
    expectPlaidError(failure, {
      status: 400,
      type: 'TRANSACTIONS_ERROR',
      code: 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION',
      displayMessage: 'null',
    });
    // Retrying the failed page repeats the error; restarting from the first cursor recovers.
    const again = await plaidFailure(
      h.plaid.transactionsSync({
        access_token: accessToken,
        cursor: first.data.next_cursor,
        count: 100,
      }),
    );
    expect(again.data.error_code).toBe('TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION');
    const store = new Map<string, Transaction>();
    applyRun(store, await syncToEnd(h.plaid, accessToken, undefined, 100));
    expectSameAsGroundTruth(store, h.emulator.control.groundTruth(itemId));
  });

  it('does not disturb a client whose cursor is at rest', async () => {
    const run = await syncToEnd(h.plaid, accessToken, undefined, 500);
    h.emulator.control.advance({ days: 1, itemId });
    const next = await syncToEnd(h.plaid, accessToken, run.cursor, 500);
    expect(next.added.length + next.modified.length + next.removed.length).toBeGreaterThan(0);
  });

  it('can be injected, and then fires only on a page after the first', async () => {
    const handle = h.emulator.control.inject({
      endpoint: '/transactions/sync',
      itemId,
      error: 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION',
    });
    const first = await h.plaid.transactionsSync({ access_token: accessToken, count: 300 });
    expect(handle.fired()).toBe(0);
    const failure = await plaidFailure(
      h.plaid.transactionsSync({
        access_token: accessToken,
        cursor: first.data.next_cursor,
        count: 300,
      }),
    );
    expectPlaidError(failure, {
      status: 400,
      type: 'TRANSACTIONS_ERROR',
      code: 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION',
    });
    expect(handle.fired()).toBe(1);
    const store = new Map<string, Transaction>();
    applyRun(store, await syncToEnd(h.plaid, accessToken, undefined, 300));
    expectSameAsGroundTruth(store, h.emulator.control.groundTruth(itemId));
  });
});

describe('a fresh Item is NOT_READY, never PRODUCT_NOT_READY', () => {
  it('answers with empty arrays and an empty cursor until ready', async () => {
    const h = await startHarness({ itemReadyDelayMs: 60_000 });
    try {
      const { public_token } = (
        await h.plaid.sandboxPublicTokenCreate({
          institution_id: 'ins_109508',
          initial_products: ['transactions' as never],
        })
      ).data;
      const { access_token, item_id } = (await h.plaid.itemPublicTokenExchange({ public_token }))
        .data;
      const { data } = await h.plaid.transactionsSync({ access_token });
      expect(data).toMatchObject({
        transactions_update_status: 'NOT_READY',
        added: [],
        modified: [],
        removed: [],
        next_cursor: '',
        has_more: false,
      });
      expect(data.request_id).toMatch(/^[A-Za-z0-9]{15}$/);
      const holdings = await plaidFailure(h.plaid.investmentsHoldingsGet({ access_token }));
      expectPlaidError(holdings, { status: 400, type: 'ITEM_ERROR', code: 'PRODUCT_NOT_READY' });
      h.emulator.control.advanceTime(61_000);
      const ready = await h.plaid.transactionsSync({ access_token });
      expect(ready.data.transactions_update_status).toBe('HISTORICAL_UPDATE_COMPLETE');
      expect(ready.data.added.length).toBeGreaterThan(0);
      h.emulator.control.setReady(item_id, false);
      const again = await h.plaid.transactionsSync({ access_token });
      expect(again.data.transactions_update_status).toBe('NOT_READY');
      expect(() =>
        h.emulator.control.inject({ endpoint: '/transactions/sync', error: 'PRODUCT_NOT_READY' }),
      ).toThrow(/NOT_READY/);
    } finally {
      await h.emulator.close();
    }
  });
});
