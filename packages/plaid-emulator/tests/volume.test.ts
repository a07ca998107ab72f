import type { Transaction } from 'plaid';
import { afterAll, describe, expect, it } from 'vitest';
import { startPlaidEmulator, type PlaidEmulator } from '../src/index';
import { applyRun, byId, clientFor, syncToEnd, TODAY } from './helpers';

/**
 * `transactionVolume`: a dense history for benchmarks. More households' worth of everyday
 * spending per day, with everything else (ids, pending → posted, enrichment, removals, sync
 * paging) as usual, and the same data from the same seed.
 */

const DAYS = 120;
const started: PlaidEmulator[] = [];

async function emulator(options: Parameters<typeof startPlaidEmulator>[0] = {}) {
  const e = await startPlaidEmulator({ seed: 5, today: TODAY, rateLimits: false, ...options });
  started.push(e);
  return e;
}

async function itemWith(volume: number | undefined) {
  const e = await emulator();
  const item = e.control.createItem({
    institutionId: 'ins_109508',
    daysRequested: DAYS,
    ...(volume === undefined ? {} : { transactionVolume: volume }),
  });
  return { e, ...item, truth: e.control.groundTruth(item.itemId) };
}

afterAll(async () => {
  await Promise.all(started.map((e) => e.close()));
});

describe('transaction volume', () => {
  it('at 1 is exactly the usual Item', async () => {
    const usual = await itemWith(undefined);
    const one = await itemWith(1);
    expect(one.itemId).toBe(usual.itemId);
    expect(one.truth).toEqual(usual.truth);
    expect(one.e.control.accounts(one.itemId)).toEqual(usual.e.control.accounts(usual.itemId));
  });

  it('adds everyday spending on top of the usual household, deterministically', async () => {
    const usual = await itemWith(1);
    const dense = await itemWith(4);
    const again = await itemWith(4);
    expect(again.truth).toEqual(dense.truth);
    // Roughly four households of spending, one of salary and bills.
    expect(dense.truth.length).toBeGreaterThan(usual.truth.length * 3);
    expect(dense.truth.length).toBeLessThan(usual.truth.length * 4);
    // The usual household is all still there, under the same ids; only the card payments, which
    // settle the whole (now larger) statement, change their amounts.
    const denseById = byId(dense.truth);
    for (const t of usual.truth) {
      const twin = denseById.get(t.transaction_id);
      expect(twin, t.name).toBeDefined();
      if (!t.category?.includes('Credit Card')) expect(twin).toEqual(t);
    }
    const salaries = (ts: ReadonlyArray<{ name: string }>) =>
      ts.filter((t) => /payroll/i.test(t.name));
    expect(salaries(dense.truth).length).toBe(salaries(usual.truth).length);
  });

  it('syncs in pages and keeps pending → posted, enrichment and removals as the days go by', async () => {
    const { e, itemId, accessToken, truth } = await itemWith(6);
    const plaid = clientFor(e);
    const store = new Map<string, Transaction>();
    let run = await syncToEnd(plaid, accessToken, undefined, 500);
    applyRun(store, run);
    expect(run.pages).toBe(Math.ceil(truth.length / 500));
    expect(store.size).toBe(truth.length);

    e.control.advance({ days: 4, itemId });
    run = await syncToEnd(plaid, accessToken, run.cursor, 500);
    applyRun(store, run);
    expect([...store.values()].sort(sortById)).toEqual(
      [...byId(e.control.groundTruth(itemId)).values()].sort(sortById),
    );
    const removedIds = new Set(run.removed.map((r) => r.transaction_id));
    const posted = run.added.filter(
      (t) => t.pending_transaction_id && removedIds.has(t.pending_transaction_id),
    );
    expect(posted.length).toBeGreaterThan(10);
    expect(run.modified.length).toBeGreaterThan(0);
  });

  it('gives every transaction its own id, also where 32-bit seeds would repeat', async () => {
    // Seed 7's fourth Item of volume 8 is where ids from one 32-bit stream did repeat: a posted
    // row named another, unrelated row as its pending one.
    const e = await emulator({ seed: 7, today: '2026-11-20' });
    for (let i = 0; i < 4; i++) {
      const { itemId } = e.control.createItem({
        institutionId: 'ins_109508',
        transactionVolume: 8,
      });
      const truth = e.control.groundTruth(itemId);
      const ids = new Set(truth.map((t) => t.transaction_id));
      const pendingIds = truth.flatMap((t) => t.pending_transaction_id ?? []);
      expect(pendingIds.filter((id) => ids.has(id))).toEqual([]);
      expect(new Set(pendingIds).size).toBe(pendingIds.length);
    }
  });

  it('applies to every new Item when given to the emulator, and per Item at start-up', async () => {
    const dense = await itemWith(3);
    const everywhere = await emulator({ transactionVolume: 3 });
    const viaSandbox = await clientFor(everywhere).sandboxPublicTokenCreate({
      institution_id: 'ins_109508',
      initial_products: ['transactions' as never],
      options: { transactions: { days_requested: DAYS } },
    });
    expect(viaSandbox.data.public_token).toMatch(/^public-sandbox-/);
    const [created] = everywhere.control.items();
    expect(everywhere.control.groundTruth(created!.itemId).length).toBe(dense.truth.length);

    const atStart = await emulator({
      items: [{ institutionId: 'ins_109508', daysRequested: DAYS, transactionVolume: 3 }],
    });
    expect(atStart.control.groundTruth(atStart.control.items()[0]!.itemId)).toEqual(dense.truth);
  });

  it('refuses a volume that is not a whole number from 1', async () => {
    await expect(startPlaidEmulator({ transactionVolume: 0 })).rejects.toThrow(/whole number/);
    const e = await emulator();
    expect(() =>
      e.control.createItem({ institutionId: 'ins_109508', transactionVolume: 2.5 }),
    ).toThrow(/whole number/);
  });
});

function sortById(a: { transaction_id: string }, b: { transaction_id: string }): number {
  return a.transaction_id < b.transaction_id ? -1 : 1;
}
