/**
 * What the sync bench starts from: emulated Items of a given size, and fresh ledgers that hold
 * them as connections, as linking them would leave a ledger before its first sync.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { startPlaidEmulator, type PlaidEmulator } from '@ledgerlight/plaid-emulator';
import { createCore } from '../src/main/core';
import { ConnectionWritesRepo } from '../src/main/db/connection-writes-repo';
import { databaseFileName } from '../src/main/environment-file';
import { silentLogger } from '../src/main/log';
import { MemorySecretStore } from '../src/main/secrets/memory-store';

export const INSTITUTION = 'ins_109508';
/** The emulated business day: the Items' histories end here. */
export const EMULATOR_TODAY = '2026-11-20';

export interface BenchItem {
  itemId: string;
  accessToken: string;
  /** Transactions the Item holds when created. */
  rows: number;
}

export interface BenchLedger {
  dir: string;
  databasePath: string;
  /** Access token by connection id, in the order of the Items. */
  tokens: Record<string, string>;
  /** The first connection's id. */
  connectionId: string;
}

/** The `transactionVolume` that gives an Item of about `rows` transactions over 730 days. */
export async function volumeFor(rows: number): Promise<number> {
  const probe = await startPlaidEmulator({ seed: 7, today: EMULATOR_TODAY, rateLimits: false });
  const count = (volume: number) =>
    probe.control.groundTruth(
      probe.control.createItem({ institutionId: INSTITUTION, transactionVolume: volume }).itemId,
    ).length;
  const one = count(1);
  const perHousehold = count(2) - one;
  await probe.close();
  return Math.max(1, Math.round((rows - one) / perHousehold) + 1);
}

export function createItem(emulator: PlaidEmulator, volume: number): BenchItem {
  const { itemId, accessToken } = emulator.control.createItem({
    institutionId: INSTITUTION,
    transactionVolume: volume,
  });
  return { itemId, accessToken, rows: emulator.control.groundTruth(itemId).length };
}

/** Every ledger folder made and not removed yet, so a failed run leaves none behind. */
const made = new Set<string>();

/** An empty ledger (migrated, with its search triggers), as the app creates it. */
export async function emptyLedger(prefix: string): Promise<{ dir: string; databasePath: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.add(dir);
  const bootstrap = await createCore({
    dataDir: dir,
    secrets: new MemorySecretStore(),
    log: silentLogger,
    schedule: false,
  });
  await bootstrap.close();
  return { dir, databasePath: path.join(dir, databaseFileName('sandbox')) };
}

/**
 * A fresh ledger holding these Items as connections. Linking refuses a second Item of the same
 * bank and account masks, so the bench writes the rows a link writes; the accounts come with the
 * first sync, as after a link.
 */
export async function ledgerWith(items: BenchItem[], plaidUrl: string): Promise<BenchLedger> {
  const { dir, databasePath } = await emptyLedger('ledgerlight-bench-sync-');
  const db = new BetterSqlite3(databasePath);
  const repo = new ConnectionWritesRepo(db);
  const tokens: Record<string, string> = {};
  const now = new Date().toISOString();
  items.forEach((item, i) => {
    const id = `conn_bench_${i + 1}`;
    repo.create(
      {
        id,
        environment: 'sandbox',
        plaidBaseUrl: plaidUrl,
        itemId: item.itemId,
        institution: null,
        displayName: `Bench bank ${i + 1}`,
        syncFrequencyMinutes: 360,
        products: ['transactions'],
        consentExpiresAt: null,
      },
      now,
    );
    tokens[id] = item.accessToken;
  });
  db.close();
  return { dir, databasePath, tokens, connectionId: 'conn_bench_1' };
}

export function removeLedger(ledger: { dir: string }): void {
  fs.rmSync(ledger.dir, { recursive: true, force: true });
  made.delete(ledger.dir);
}

export function removeEveryLedger(): void {
  for (const dir of made) removeLedger({ dir });
}
