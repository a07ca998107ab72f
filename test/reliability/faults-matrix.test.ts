import { Configuration, PlaidApi } from 'plaid';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { InjectionHandle } from '@ledgerlight/plaid-emulator';
import type { PlaidCredentials } from '../../src/main/plaid/credentials';
import type { ConnectionStatus } from '../../src/shared/model';
import {
  expectedTransactions,
  expectTokenNowhere,
  linkSandbox,
  startHarness,
  visibleTransactions,
  type Harness,
} from '../support/sync-harness';
import { seeded, syncedState } from './support/crash-lab';

/**
 * The emulator's failure scenarios × several seeds (a different bank history and different
 * counts and places of the faults each time), each against a fresh ledger with two years of
 * history and months of new activity to fetch. A run that can heal by retrying ends exactly at
 * the emulator's ground truth; a run that must fail leaves the last committed state untouched;
 * either way the connection's status and last error say what happened, and after the cause is
 * gone (or repaired in Link's update mode) the next sync is exact and the connection healthy.
 */

const SEEDS = (process.env.FAULT_SEEDS ?? '7,17,41').split(',').map(Number);
/** The client's own timeout in the timeout cells (the app's is a minute), and a latency past it. */
const CLIENT_TIMEOUT_MS = 800;
const LATE_MS = 1_600;

type Rng = ReturnType<typeof seeded>;
interface Cell {
  h: Harness;
  itemId: string;
  connectionId: string;
  rng: Rng;
}

interface Fault {
  name: string;
  /** Days of new activity before the faulted run; over 300 gives several pages. */
  days: (rng: Rng) => number;
  /** Put the fault in place; answers the rules that must have fired. */
  arrange(cell: Cell): InjectionHandle[];
  shortTimeout?: boolean;
  /** Faults drawn at random per call (then more attempts, so that only a storm exhausts them). */
  random?: boolean;
  /** Absent: the run recovers by itself. */
  fails?: { code: string | RegExp; status: ConnectionStatus; scheduled: boolean };
  /** What takes the cause away after a failed run (default: the injections are cleared). */
  repair?(cell: Cell): Promise<void>;
}

const times = (rng: Rng, max = 3) => rng.int(1, max);

const FAULTS: Fault[] = [
  {
    name: '429 storm on every endpoint of the run',
    days: (rng) => rng.int(120, 260),
    arrange: ({ h, itemId, rng }) =>
      [
        '/item/get',
        '/transactions/sync',
        '/accounts/balance/get',
        '/transactions/recurring/get',
      ].map((endpoint) =>
        h.emulator.control.inject({
          endpoint,
          itemId,
          times: times(rng),
          error: 'RATE_LIMIT_EXCEEDED',
        }),
      ),
  },
  {
    name: '429 that outlasts the retries',
    days: (rng) => rng.int(60, 200),
    arrange: ({ h, itemId }) => [
      h.emulator.control.inject({
        endpoint: '/transactions/sync',
        itemId,
        times: 100,
        error: 'RATE_LIMIT_EXCEEDED',
      }),
    ],
    fails: { code: 'TRANSACTIONS_SYNC_LIMIT', status: 'ACTIVE', scheduled: true },
  },
  {
    name: '5xx and planned maintenance, briefly',
    days: (rng) => rng.int(120, 260),
    arrange: ({ h, itemId, rng }) => [
      h.emulator.control.inject({
        endpoint: '/transactions/sync',
        itemId,
        times: times(rng),
        error: 'INTERNAL_SERVER_ERROR',
      }),
      h.emulator.control.inject({
        endpoint: '/item/get',
        itemId,
        times: times(rng, 2),
        error: 'PLANNED_MAINTENANCE',
      }),
    ],
  },
  {
    name: '5xx that outlasts the retries',
    days: (rng) => rng.int(60, 200),
    arrange: ({ h, itemId }) => [
      h.emulator.control.inject({
        endpoint: '/transactions/sync',
        itemId,
        times: 100,
        error: 'INTERNAL_SERVER_ERROR',
      }),
    ],
    fails: { code: 'INTERNAL_SERVER_ERROR', status: 'ACTIVE', scheduled: true },
  },
  {
    name: 'answers later than the client waits, briefly',
    days: (rng) => rng.int(60, 200),
    shortTimeout: true,
    arrange: ({ h, itemId, rng }) => [
      h.emulator.control.inject({
        endpoint: '/transactions/sync',
        itemId,
        times: times(rng),
        latencyMs: LATE_MS,
      }),
    ],
  },
  {
    name: 'answers later than the client waits, every time',
    days: (rng) => rng.int(60, 200),
    shortTimeout: true,
    arrange: ({ h, itemId }) => [
      h.emulator.control.inject({
        endpoint: '/transactions/sync',
        itemId,
        times: 100,
        latencyMs: LATE_MS,
      }),
    ],
    fails: { code: /ECONNABORTED|ETIMEDOUT|NETWORK/, status: 'ACTIVE', scheduled: true },
  },
  {
    name: 'dropped connections',
    days: (rng) => rng.int(120, 260),
    arrange: ({ h, itemId, rng }) => [
      h.emulator.control.inject({
        endpoint: '/transactions/sync',
        itemId,
        times: times(rng),
        drop: true,
      }),
      h.emulator.control.inject({ endpoint: '/item/get', itemId, times: 1, drop: true }),
    ],
  },
  {
    name: 'truncated bodies',
    days: (rng) => rng.int(120, 260),
    arrange: ({ h, itemId, rng }) => [
      h.emulator.control.inject({
        endpoint: '/transactions/sync',
        itemId,
        times: times(rng),
        truncate: true,
      }),
      h.emulator.control.inject({
        endpoint: '/accounts/balance/get',
        itemId,
        times: 1,
        truncate: true,
      }),
    ],
  },
  {
    name: 'random 500s, 429s and drops everywhere (the emulator’s “flaky”)',
    days: (rng) => rng.int(300, 420),
    random: true,
    arrange: ({ h, itemId }) => [
      h.emulator.control.inject({
        endpoint: '*',
        itemId,
        probability: 0.3,
        error: 'INTERNAL_SERVER_ERROR',
      }),
      h.emulator.control.inject({
        endpoint: '*',
        itemId,
        probability: 0.15,
        error: 'RATE_LIMIT_EXCEEDED',
      }),
      h.emulator.control.inject({ endpoint: '*', itemId, probability: 0.05, drop: true }),
    ],
  },
  {
    name: 'mutation during pagination',
    days: (rng) => rng.int(380, 460),
    arrange: ({ h, itemId, rng }) => [
      h.emulator.control.inject({
        endpoint: '/transactions/sync',
        itemId,
        times: times(rng, 2),
        error: 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION',
      }),
    ],
  },
  {
    name: 'mutation during pagination that never settles',
    days: (rng) => rng.int(380, 460),
    arrange: ({ h, itemId }) => [
      h.emulator.control.inject({
        endpoint: '/transactions/sync',
        itemId,
        times: 100,
        error: 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION',
      }),
    ],
    fails: {
      code: 'TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION',
      status: 'ACTIVE',
      scheduled: true,
    },
  },
  {
    name: 'login required mid-run (after the pages, at the balances)',
    days: (rng) => rng.int(300, 420),
    arrange: ({ h, itemId }) => [
      h.emulator.control.inject({
        endpoint: '/accounts/balance/get',
        itemId,
        times: 1,
        error: 'ITEM_LOGIN_REQUIRED',
      }),
    ],
    fails: { code: 'ITEM_LOGIN_REQUIRED', status: 'LOGIN_REQUIRED', scheduled: false },
    // Link's update mode: the person signs in again.
    repair: async ({ h, connectionId }) => {
      const { linkToken } = await h.call('link.createToken', { connectionId });
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
    },
  },
  {
    name: 'an Item error at the bank (no accounts left to share)',
    days: (rng) => rng.int(60, 200),
    arrange: ({ h, itemId }) => {
      h.emulator.control.setItemError(itemId, 'NO_ACCOUNTS');
      return [];
    },
    fails: { code: 'NO_ACCOUNTS', status: 'ERROR', scheduled: false },
    repair: async ({ h, itemId }) => h.emulator.control.setItemError(itemId, null),
  },
  {
    name: 'institution not responding, briefly',
    days: (rng) => rng.int(60, 200),
    arrange: ({ h, itemId, rng }) => [
      h.emulator.control.inject({
        endpoint: '/transactions/sync',
        itemId,
        times: times(rng),
        error: 'INSTITUTION_NOT_RESPONDING',
      }),
    ],
  },
  {
    name: 'institution down',
    days: (rng) => rng.int(60, 200),
    arrange: ({ h }) => {
      h.emulator.control.setInstitutionStatus('ins_109508', 'DOWN');
      return [];
    },
    fails: { code: 'INSTITUTION_DOWN', status: 'ACTIVE', scheduled: true },
    repair: async ({ h }) => h.emulator.control.setInstitutionStatus('ins_109508', 'HEALTHY'),
  },
];

const CELLS = FAULTS.flatMap((fault) => SEEDS.map((seed) => ({ fault, seed })));
const tally = { recovered: 0, failedAsExpected: 0 };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
afterAll(() => {
  console.log(
    `fault matrix: ${FAULTS.length} scenarios × ${SEEDS.length} seeds = ${CELLS.length} cells ` +
      `(${tally.recovered} recovered by retrying, ${tally.failedAsExpected} failed as they must and recovered after)`,
  );
});

/** The SDK with a short timeout, for the cells where Plaid answers later than the client waits. */
function impatientPlaid(credentials: PlaidCredentials): PlaidApi {
  return new PlaidApi(
    new Configuration({
      basePath: credentials.baseUrl.replace(/\/+$/, ''),
      baseOptions: {
        timeout: CLIENT_TIMEOUT_MS,
        headers: { 'PLAID-CLIENT-ID': credentials.clientId, 'PLAID-SECRET': credentials.secret },
      },
    }),
  );
}

async function syncNow(harness: Harness, connectionId: string) {
  await harness.call('connections.sync', { connectionId });
  await harness.core.idle();
  return (await harness.call('connections.logs', { connectionId }))[0]!;
}

async function expectHealthyAndExact(cell: Cell) {
  const { h, connectionId, itemId } = cell;
  expect(visibleTransactions(h.databasePath, connectionId)).toEqual(
    expectedTransactions(h.emulator, itemId),
  );
  expect(await h.call('connections.health', { connectionId })).toMatchObject({
    status: 'ACTIVE',
    consecutiveFailures: 0,
    lastError: null,
  });
  const listed = (await h.call('connections.list')).find((c) => c.id === connectionId)!;
  expect(listed).toMatchObject({ status: 'ACTIVE', error: null });
  expect(listed.nextSyncAt).not.toBeNull();
}

describe('fault matrix', () => {
  it.each(CELLS.map((c) => [c.fault.name, c.seed, c] as const))(
    '%s (seed %i)',
    async (_name, seed, { fault }) => {
      h = await startHarness({
        emulator: { seed },
        core: {
          manualCooldownMs: 0,
          ...(fault.shortTimeout ? { createPlaidApi: impatientPlaid } : {}),
          ...(fault.random
            ? { retry: { policy: { attempts: 8, baseDelayMs: 2, maxDelayMs: 10 } } }
            : {}),
        },
      });
      const linked = await linkSandbox(h);
      const cell: Cell = {
        h,
        itemId: linked.itemId,
        connectionId: linked.connectionId,
        rng: seeded(seed),
      };
      h.emulator.control.advance({ days: fault.days(cell.rng), itemId: cell.itemId });
      const committed = syncedState(h.databasePath);
      const rules = fault.arrange(cell);

      const run = await syncNow(h, cell.connectionId);
      if (!fault.fails) {
        expect(run, JSON.stringify(run)).toMatchObject({ status: 'succeeded' });
        await expectHealthyAndExact(cell);
        tally.recovered += 1;
      } else {
        expect(run.status, JSON.stringify(run)).toBe('failed');
        expect(run.errorCode).toMatch(fault.fails.code);
        // Nothing of the failed run reached the ledger.
        expect(syncedState(h.databasePath)).toEqual(committed);
        const health = await h.call('connections.health', { connectionId: cell.connectionId });
        expect(health).toMatchObject({ status: fault.fails.status, consecutiveFailures: 1 });
        expect(health.lastError?.code).toMatch(fault.fails.code);
        const listed = (await h.call('connections.list'))[0]!;
        expect(listed.status).toBe(fault.fails.status);
        expect(listed.nextSyncAt !== null).toBe(fault.fails.scheduled);

        h.emulator.control.clearInjections();
        await fault.repair?.(cell);
        const again = await syncNow(h, cell.connectionId);
        expect(again.status).toBe('succeeded');
        await expectHealthyAndExact(cell);
        tally.failedAsExpected += 1;
      }
      // The fault really happened: every rule fired (for random ones, at least one of them).
      const fired = rules.map((rule) => rule.fired());
      if (fault.random) expect(fired.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      else for (const count of fired) expect(count).toBeGreaterThan(0);

      expectTokenNowhere(h, linked.token);
    },
  );
});
