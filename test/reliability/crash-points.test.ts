import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlaidEmulator, type PlaidEmulator } from '@ledgerlight/plaid-emulator';
import { databaseFileName } from '../../src/main/environment-file';
import { secretAccounts } from '../../src/main/secrets/secret-store';
import { EMULATOR_TODAY, expectedTransactions, visibleTransactions } from '../support/sync-harness';
import { tempDir } from '../support/temp-dir';
import type { CrashJob, KillPoint } from './support/crash-job';
import {
  bundleChild,
  connectionRows,
  durableSecrets,
  integrityCheck,
  linkedPublicToken,
  plaidFor,
  runChild,
  seeded,
  syncedState,
  type ChildResult,
} from './support/crash-lab';

/**
 * The core in a child process, SIGKILLed at hundreds of seeded points of long syncs — at random
 * instants, before and after the n-th SQL write (inside the commit, the staged pages, holdings
 * and liabilities), around the keychain write of a link and the keychain delete of a disconnect —
 * then started again the way a person would: the result equals an uninterrupted run, the
 * database passes `integrity_check`, and no access token or Plaid Item is left orphaned.
 *
 * CRASH_POINTS (default 210), CRASH_LANES (parallel children, default 3) and CRASH_SEED change
 * the run; the same seed gives the same kill points.
 */

const POINTS = Number(process.env.CRASH_POINTS ?? 210);
const LANES = Number(process.env.CRASH_LANES ?? 3);
const SEED = Number(process.env.CRASH_SEED ?? 12);
/** Kill points of syncs per linked bank before it is disconnected and another is linked. */
const SYNCS_PER_LINK = 10;

let emulator: PlaidEmulator;
let child: { entry: string; remove(): void };
beforeAll(async () => {
  [emulator, child] = await Promise.all([
    startPlaidEmulator({ seed: SEED, today: EMULATOR_TODAY, rateLimits: false }),
    bundleChild(),
  ]);
});
afterAll(async () => {
  child?.remove();
  await emulator?.close();
});

/** Writes to kill at, by their SQL. */
const SQL = {
  commit: '^COMMIT',
  staging: 'sync_stage',
  portfolio: 'INTO (holdings|liabilities|securities)|FROM holdings',
  connectionRow: 'INSERT INTO connections',
  disconnectRow: "SET status = 'DISCONNECTED'",
} as const;
const SQL_LABELS: Record<string, string> = {
  [SQL.commit]: 'commit',
  [SQL.staging]: 'staging',
  [SQL.portfolio]: 'holdings-liabilities',
  [SQL.connectionRow]: 'connection-row',
  [SQL.disconnectRow]: 'disconnect-row',
};

interface LaneReport {
  tried: number;
  killed: number;
  byKind: Record<string, number>;
  secretStore: string;
  /** Items whose access token was lost with the process before it reached the keychain. */
  unreachable: number;
  references: number;
}

describe('crash points', () => {
  it(`the core killed at ${POINTS} seeded points ends as an uninterrupted run`, async () => {
    const started = Date.now();
    const per = Math.ceil(POINTS / LANES);
    const reports = await Promise.all(
      Array.from({ length: LANES }, (_, lane) => runLane(lane, SEED * 1000 + lane, per)),
    );
    const total = reports.reduce(
      (sum, r) => {
        sum.tried += r.tried;
        sum.killed += r.killed;
        sum.unreachable += r.unreachable;
        sum.references += r.references;
        for (const [kind, n] of Object.entries(r.byKind))
          sum.byKind[kind] = (sum.byKind[kind] ?? 0) + n;
        return sum;
      },
      { tried: 0, killed: 0, unreachable: 0, references: 0, byKind: {} as Record<string, number> },
    );
    console.log(
      `crash points: ${total.tried} kill points tried, ${total.killed} processes killed ` +
        `(${Object.entries(total.byKind)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}), ${total.references} reference comparisons, ` +
        `${total.unreachable} Items lost before their token reached the keychain; ` +
        `secrets in ${reports[0]!.secretStore}; ${LANES} lanes, ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(total.tried).toBeGreaterThanOrEqual(POINTS);
    // A seeded point may fall after a run ended; nearly all must really kill.
    expect(total.killed).toBeGreaterThanOrEqual(Math.floor(POINTS * 0.8));
  });
});

async function runLane(lane: number, seed: number, budget: number): Promise<LaneReport> {
  const rng = seeded(seed);
  const api = plaidFor(emulator);
  const dataDir = tempDir(`ledgerlight-crash-${lane}-`);
  const databasePath = path.join(dataDir, databaseFileName('sandbox'));
  const secrets = await durableSecrets(dataDir, `lane${lane}`);
  await secrets.store.set(secretAccounts.plaidClientId('sandbox'), emulator.control.clientId);
  await secrets.store.set(secretAccounts.plaidSecret('sandbox'), emulator.control.secret);
  const report: LaneReport = {
    tried: 0,
    killed: 0,
    byKind: {},
    secretStore: secrets.job.kind === 'keychain' ? 'the real keychain' : 'a file',
    unreachable: 0,
    references: 0,
  };
  /** Items this lane linked whose token reached the keychain: each must end live or removed. */
  const owned = new Set<string>();
  /** Writes of an uninterrupted run of each kind, to spread write kills over a whole run. */
  const writes = { link: 4000, sync: 800, resync: 4000, disconnect: 20 };
  /** And their length, to spread time kills over a whole run, start-up included. */
  const lengthMs = { link: 1500, sync: 1000, resync: 1500, disconnect: 600 };
  /** How many writes of a run match each SQL pattern (learnt from the runs that finished). */
  const matches = new Map<string, number>();
  const run = (action: CrashJob['action'], kill?: KillPoint) =>
    runChild(child.entry, {
      dataDir,
      plaidBaseUrl: emulator.url,
      secrets: secrets.job,
      action,
      ...(kill ? { kill } : {}),
    });
  const killed = async (
    phase: keyof typeof writes,
    action: CrashJob['action'],
    kill: KillPoint,
  ): Promise<ChildResult> => {
    report.tried += 1;
    const where = 'after' in kill && kill.after ? 'after' : 'before';
    const kindLabel = `${phase}:${
      kill.kind === 'secret'
        ? `keychain-${kill.op}-${where}`
        : kill.kind === 'sql'
          ? `${SQL_LABELS[kill.pattern]}-${where}`
          : kill.kind === 'write'
            ? `write-${where}`
            : 'instant'
    }`;
    report.byKind[kindLabel] = (report.byKind[kindLabel] ?? 0) + 1;
    const result = await run(action, kill);
    if (result.killed) report.killed += 1;
    else {
      writes[phase] = result.done!.writes;
      lengthMs[phase] = result.ms;
      if (kill.kind === 'sql') matches.set(`${phase}:${kill.pattern}`, result.done!.matching);
    }
    if (process.env.CRASH_DEBUG)
      console.log(lane, kindLabel, JSON.stringify(kill), result.killed, result.ms, result.done);
    expect(integrityCheck(databasePath), `after ${kindLabel}`).toBe('ok');
    return result;
  };
  /** A kill point of one of the seeded kinds, spread over a run of this phase. */
  const pick = (phase: keyof typeof writes): KillPoint => {
    const after = rng.chance(0.5);
    const sql = (pattern: string): KillPoint => ({
      kind: 'sql',
      pattern,
      n: rng.int(1, Math.max(1, matches.get(`${phase}:${pattern}`) ?? 3)),
      after,
    });
    const roll = rng.next();
    if (phase === 'link') {
      // After the keychain write: the token is there, the row is not (yet).
      if (roll < 0.2) return { kind: 'secret', op: 'set', after: true };
      if (roll < 0.35) return sql(SQL.connectionRow);
    }
    if (phase === 'disconnect') {
      if (roll < 0.4) return { kind: 'secret', op: 'delete', after };
      if (roll < 0.6) return sql(SQL.disconnectRow);
    } else {
      if (roll < 0.45) return sql(SQL.commit);
      if (roll < 0.55) return sql(SQL.staging);
      if (roll < 0.65) return sql(SQL.portfolio);
    }
    if (roll < 0.8) return { kind: 'write', n: rng.int(1, writes[phase]), after };
    return { kind: 'time', ms: rng.int(100, Math.round(lengthMs[phase] * 1.1)) };
  };
  const liveRows = () => connectionRows(databasePath).filter((c) => c.status !== 'DISCONNECTED');
  const tokenNames = async () =>
    (await secrets.store.accounts()).filter((a) => a.startsWith('access-token:'));

  /** Starts the app again the way a person would and checks that nothing was lost or left. */
  const settle = async (disconnect: string[] = []) => {
    const result = await run({ kind: 'settle', disconnect });
    if (process.env.CRASH_DEBUG) console.log(lane, 'settle', result.ms, result.done?.writes);
    expect(result.killed).toBe(false);
    expect(integrityCheck(databasePath)).toBe('ok');
    const live = liveRows();
    for (const [connectionId, outcome] of Object.entries(result.done!.outcome)) {
      expect(outcome, connectionId).toEqual({ ok: true });
    }
    for (const connection of live) {
      expect(visibleTransactions(databasePath, connection.id)).toEqual(
        expectedTransactions(emulator, connection.plaid_item_id),
      );
    }
    // No orphan: every token has a live row, every live row a token, every Item a row or none at Plaid.
    const names = await tokenNames();
    expect(names.sort()).toEqual(live.map((c) => secretAccounts.accessToken(c.id)).sort());
    const items = new Map(emulator.control.items().map((i) => [i.itemId, i]));
    for (const itemId of owned) {
      const liveRow = live.some((c) => c.plaid_item_id === itemId);
      expect(liveRow || items.get(itemId)!.removed, `Item ${itemId} orphaned`).toBe(true);
    }
    return live;
  };

  try {
    while (report.tried < budget) {
      // Link a bank, killed at a seeded point (the keychain write, the row, the first sync).
      let live = liveRows();
      while (live.length === 0 && report.tried < budget) {
        const { publicToken, itemId } = await linkedPublicToken(emulator, api);
        const token = emulator.control.items().find((i) => i.itemId === itemId)!.accessToken;
        await killed('link', { kind: 'link', publicToken }, pick('link'));
        const values = await Promise.all((await tokenNames()).map((n) => secrets.store.get(n)));
        const stored = values.includes(token);
        if (stored || connectionRows(databasePath).some((c) => c.plaid_item_id === itemId))
          owned.add(itemId);
        else report.unreachable += 1;
        live = await settle();
      }
      const connection = live[0];
      if (!connection) break;

      // The ledger as it stands, to be synced once, uninterrupted, as the reference.
      const referenceDir = tempDir(`ledgerlight-crash-ref-${lane}-`);
      for (const suffix of ['', '-wal']) {
        if (fs.existsSync(databasePath + suffix))
          fs.copyFileSync(
            databasePath + suffix,
            path.join(referenceDir, databaseFileName('sandbox') + suffix),
          );
      }
      const token = (await secrets.store.get(secretAccounts.accessToken(connection.id)))!;

      // Long syncs killed again and again: days of the bank's history between them, or a resync.
      for (let i = 0; i < SYNCS_PER_LINK && report.tried < budget; i++) {
        const chain = rng.int(1, 5);
        for (let k = 0; k < chain; k++) {
          const resync = rng.chance(0.3);
          if (!resync)
            emulator.control.advance({ days: rng.int(20, 120), itemId: connection.plaid_item_id });
          const phase = resync ? 'resync' : 'sync';
          await killed(phase, { kind: phase, connectionId: connection.id }, pick(phase));
        }
        await settle();
      }

      const reference = await runChild(child.entry, {
        dataDir: referenceDir,
        plaidBaseUrl: emulator.url,
        secrets: {
          kind: 'memory',
          entries: {
            [secretAccounts.plaidClientId('sandbox')]: emulator.control.clientId,
            [secretAccounts.plaidSecret('sandbox')]: emulator.control.secret,
            [secretAccounts.accessToken(connection.id)]: token,
          },
        },
        action: { kind: 'sync', connectionId: connection.id },
      });
      expect(reference.done!.outcome.sync).toEqual({ ok: true });
      expect(syncedState(databasePath)).toEqual(
        syncedState(path.join(referenceDir, databaseFileName('sandbox'))),
      );
      report.references += 1;
      const synced = syncedState(databasePath);
      expect(synced.holdings!.length * synced.liabilities!.length).toBeGreaterThan(0);

      // A disconnect killed midway; the person disconnects again if the bank is still listed.
      for (let k = rng.int(1, 2); k > 0; k--) {
        await killed(
          'disconnect',
          { kind: 'disconnect', connectionId: connection.id },
          pick('disconnect'),
        );
      }
      const left = await settle([connection.id]);
      expect(left.map((c) => c.id)).not.toContain(connection.id);
      expect(
        emulator.control.items().find((i) => i.itemId === connection.plaid_item_id)!.removed,
      ).toBe(true);
    }
  } finally {
    await secrets.forget();
  }
  return report;
}
