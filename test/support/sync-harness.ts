import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../src/main/core';
import { databaseFileName } from '../../src/main/environment-file';
import { createFileLogger } from '../../src/main/log';
import { MemorySecretStore } from '../../src/main/secrets/memory-store';
import { secretAccounts } from '../../src/main/secrets/secret-store';
import type { Channel, ChannelOutput, LedgerEvent } from '../../src/shared/contract';
import { toMinorUnits } from '../../src/main/plaid/money';
import {
  startPlaidEmulator,
  type PlaidEmulator,
  type PlaidEmulatorOptions,
} from '@ledgerlight/plaid-emulator';
import { tempDir } from './temp-dir';

export const EMULATOR_TODAY = '2026-11-20';

export interface Harness {
  emulator: PlaidEmulator;
  core: Core;
  dataDir: string;
  databasePath: string;
  secrets: MemorySecretStore;
  events: LedgerEvent[];
  call<C extends Channel>(channel: C, input?: unknown): Promise<ChannelOutput<C>>;
  failure(
    channel: Channel,
    input?: unknown,
  ): Promise<{ code: string; message: string; details?: Record<string, unknown> }>;
  /** Reopens the core on the same folder and secrets (a restart of the app). */
  restart(options?: Partial<CoreOptions>): Promise<void>;
  close(): Promise<void>;
}

/**
 * The core on a real SQLite file, talking to the Plaid emulator over HTTP through the real SDK,
 * with Plaid keys saved the way a user saves them. Retries wait milliseconds, not seconds.
 */
export async function startHarness(
  options: {
    emulator?: PlaidEmulatorOptions;
    core?: Partial<CoreOptions>;
    secrets?: MemorySecretStore;
    dataDir?: string;
  } = {},
): Promise<Harness> {
  const emulator = await startPlaidEmulator({
    seed: 7,
    today: EMULATOR_TODAY,
    rateLimits: false,
    ...options.emulator,
  });
  const dataDir = options.dataDir ?? tempDir();
  const secrets = options.secrets ?? new MemorySecretStore();
  const events: LedgerEvent[] = [];
  const open = (extra: Partial<CoreOptions> = {}) =>
    createCore({
      dataDir,
      secrets,
      plaidBaseUrl: emulator.url,
      log: createFileLogger(path.join(dataDir, 'logs', 'ledgerlight.log'), 'debug'),
      schedule: false,
      retry: { policy: { attempts: 4, baseDelayMs: 2, maxDelayMs: 10 } },
      ...options.core,
      ...extra,
    });
  const harness: Harness = {
    emulator,
    core: await open(),
    dataDir,
    databasePath: path.join(dataDir, databaseFileName('sandbox')),
    secrets,
    events,
    async call(channel, input = {}) {
      const result = await harness.core.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    async failure(channel, input = {}) {
      const result = await harness.core.invoke(channel, input);
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return result.error as never;
    },
    async restart(extra) {
      await harness.core.close();
      harness.core = await open(extra);
      harness.core.events.subscribe((e) => events.push(e));
    },
    async close() {
      await harness.core.close();
      await emulator.close();
    },
  };
  harness.core.events.subscribe((e) => events.push(e));
  await harness.call('settings.setPlaid', {
    environment: 'sandbox',
    clientId: emulator.control.clientId,
    secret: emulator.control.secret,
  });
  return harness;
}

export interface StoredTransaction {
  id: string;
  account_id: string;
  date: string;
  name: string;
  amount: number;
  currency: string;
  pending: number;
  pending_transaction_id: string | null;
}

export function visibleTransactions(
  databasePath: string,
  connectionId?: string,
): StoredTransaction[] {
  const db = new BetterSqlite3(databasePath, { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT id, account_id, date, name, amount, currency, pending, pending_transaction_id
         FROM transactions WHERE removed_at IS NULL ${connectionId ? 'AND connection_id = ?' : ''} ORDER BY id`,
      )
      .all(...(connectionId ? [connectionId] : [])) as StoredTransaction[];
    return rows;
  } finally {
    db.close();
  }
}

/** The emulator's current truth for one Item, in the ledger's own form. */
export function expectedTransactions(emulator: PlaidEmulator, itemId: string): StoredTransaction[] {
  return emulator.control
    .groundTruth(itemId)
    .map((t) => {
      const currency = (t.iso_currency_code ?? t.unofficial_currency_code)!;
      const minor = toMinorUnits(t.amount, currency)!;
      return {
        id: t.transaction_id,
        account_id: t.account_id,
        date: t.date,
        name: t.name,
        amount: minor === 0 ? 0 : -minor,
        currency,
        pending: t.pending ? 1 : 0,
        pending_transaction_id: t.pending_transaction_id ?? null,
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function itemIdOf(databasePath: string, connectionId: string): string {
  const db = new BetterSqlite3(databasePath, { readonly: true });
  try {
    return db
      .prepare('SELECT plaid_item_id FROM connections WHERE id = ?')
      .pluck()
      .get(connectionId) as string;
  } finally {
    db.close();
  }
}

/**
 * The access token is a secret of the keychain alone: it must appear in no file of the data
 * folder (the database, its WAL, the logs, backups) and in no event.
 */
export function expectTokenNowhere(harness: Harness, token: string): void {
  expect(token.length).toBeGreaterThan(20);
  const files = fs.readdirSync(harness.dataDir, { recursive: true }) as string[];
  for (const file of files) {
    const full = path.join(harness.dataDir, file);
    if (fs.statSync(full).isFile()) {
      expect(fs.readFileSync(full).includes(token), `${file} holds the access token`).toBe(false);
    }
  }
  expect(JSON.stringify(harness.events).includes(token)).toBe(false);
}

/** Connects a Sandbox institution without Link and waits for its first sync. */
export async function linkSandbox(harness: Harness, institutionId = 'ins_109508') {
  const linked = await harness.call('link.sandboxConnect', { institutionId });
  await harness.core.idle();
  const token = (await harness.secrets.get(secretAccounts.accessToken(linked.connectionId)))!;
  return {
    connectionId: linked.connectionId,
    accounts: linked.accounts,
    itemId: itemIdOf(harness.databasePath, linked.connectionId),
    token,
  };
}
