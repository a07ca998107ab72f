import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createCore, type Core } from '../../src/main/core';
import { databaseFileName } from '../../src/main/environment-file';
import { silentLogger } from '../../src/main/log';
import { MemorySecretStore } from '../../src/main/secrets/memory-store';
import type { Channel, ChannelOutput } from '../../src/shared/contract';
import { seedDatabase, type SeedOptions, type Seeded } from './seed';
import { tempDir } from './temp-dir';

export interface TestCore {
  core: Core;
  dataDir: string;
  databasePath: string;
  secrets: MemorySecretStore;
  seeded: Seeded | null;
}

/**
 * A real core on a real SQLite file in a temp folder, with the in-memory secret store (the
 * keychain has its own tests). With `seed`, known rows are written before the core opens.
 */
export async function startTestCore(
  options: { seed?: SeedOptions | true } = {},
): Promise<TestCore> {
  const dataDir = tempDir();
  const databasePath = path.join(dataDir, databaseFileName('sandbox'));
  let seeded: Seeded | null = null;
  if (options.seed) {
    const bootstrap = await createCore({
      dataDir,
      secrets: new MemorySecretStore(),
      log: silentLogger,
    });
    await bootstrap.close();
    const db = new BetterSqlite3(databasePath);
    db.pragma('foreign_keys = ON');
    seeded = seedDatabase(db, options.seed === true ? {} : options.seed);
    db.close();
  }
  const secrets = new MemorySecretStore();
  const core = await createCore({
    dataDir,
    secrets,
    log: silentLogger,
    schedule: false,
    // Nothing here may reach the internet: a stray Plaid call meets a closed local port.
    plaidBaseUrl: 'http://127.0.0.1:9',
  });
  return { core, dataDir, databasePath, secrets, seeded };
}

export function fileExists(file: string): boolean {
  return fs.existsSync(file);
}

/** A channel's answer; a refusal throws with the channel and its code, since the test expected none. */
export async function callCore<C extends Channel>(
  core: Core,
  channel: C,
  input: unknown = {},
): Promise<ChannelOutput<C>> {
  const result = await core.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}
