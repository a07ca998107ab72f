import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createCore, type Core } from '../../../src/main/core';
import { databaseFileName } from '../../../src/main/environment-file';
import { startHost, type Host } from '../../../src/main/host/server';
import { silentLogger, type LogFields, type Logger } from '../../../src/main/log';
import { MemorySecretStore } from '../../../src/main/secrets/memory-store';
import { TOKEN } from '../../support/http-host';
import { seedDatabase } from '../../support/seed';

export interface FuzzHost {
  core: Core;
  host: Host;
  dataDir: string;
  /** The core's secret store (in memory): a test saves Plaid keys here. */
  secrets: MemorySecretStore;
  /** What the core logged as errors, newest last (an INTERNAL answer's cause is here). */
  errors: Array<{ message: string; fields?: LogFields }>;
  /** Stops the host and the core and removes their folder. */
  close(): Promise<void>;
}

/**
 * The HTTP host on a core over the seeded ledger of test/support/seed.ts, as
 * test/support/http-host.ts starts it, but with a logger that keeps the core's errors, so that
 * a fuzzed call answered INTERNAL can say what failed.
 */
export async function startFuzzHost(plaidBaseUrl: string): Promise<FuzzHost> {
  // Not test/support's tempDir: that one is removed after the first test, and this lives for all.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledgerlight-fuzz-'));
  const dataDir = path.join(folder, 'data');
  fs.mkdirSync(dataDir);
  const bootstrap = await createCore({
    dataDir,
    secrets: new MemorySecretStore(),
    log: silentLogger,
  });
  await bootstrap.close();
  const db = new BetterSqlite3(path.join(dataDir, databaseFileName('sandbox')));
  db.pragma('foreign_keys = ON');
  seedDatabase(db, {});
  db.close();

  const errors: FuzzHost['errors'] = [];
  const log: Logger = {
    ...silentLogger,
    error: (message, fields) => errors.push({ message, ...(fields ? { fields } : {}) }),
  };
  const secrets = new MemorySecretStore();
  const core = await createCore({
    dataDir,
    secrets,
    log,
    schedule: false,
    // The emulator: nothing here may reach the internet.
    plaidBaseUrl,
  });
  const rendererDir = path.join(folder, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  const host = await startHost({ core, rendererDir, token: TOKEN, port: 0, log });
  return {
    core,
    host,
    dataDir,
    secrets,
    errors,
    close: async () => {
      await host.close();
      await core.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
