import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { build } from 'esbuild';
import { Configuration, CountryCode, PlaidApi, Products } from 'plaid';
import type { PlaidEmulator } from '@ledgerlight/plaid-emulator';
import { KeychainSecretStore } from '../../../src/main/secrets/keychain-store';
import type { SecretStore } from '../../../src/main/secrets/secret-store';
import { FileSecretStore } from './crash-file-secrets';
import type { CrashJob } from './crash-job';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * Bundles the child entry once, next to node_modules so that the native packages it leaves
 * outside (better-sqlite3, keytar) resolve from the repository, and returns its path.
 */
export async function bundleChild(): Promise<{ entry: string; remove(): void }> {
  const dir = path.join(root, 'node_modules/.cache/ledgerlight-crash');
  fs.mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, `child-${process.pid}-${crypto.randomUUID()}.mjs`);
  await build({
    entryPoints: [path.join(root, 'test/reliability/support/crash-child.ts')],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Everything in one file starts in a third of the time; the native modules stay outside.
    external: ['better-sqlite3', 'keytar'],
    banner: {
      js: "import { createRequire as __crashRequire } from 'node:module'; const require = __crashRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  return { entry, remove: () => fs.rmSync(entry, { force: true }) };
}

export interface ChildResult {
  killed: boolean;
  /** What the child reported when it finished without being killed. */
  done: {
    writes: number;
    /** Writes that matched the kill point's SQL pattern. */
    matching: number;
    outcome: Record<string, { ok: boolean; code?: string }>;
  } | null;
  ms: number;
}

/** Runs one job in a plain `node` child; a time kill is the parent's SIGKILL after `ms`. */
export function runChild(entry: string, job: CrashJob): Promise<ChildResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], {
      env: { ...process.env, CRASH_JOB: JSON.stringify(job) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer =
      job.kill?.kind === 'time' ? setTimeout(() => child.kill('SIGKILL'), job.kill.ms) : null;
    child.on('error', reject);
    // 'close', not 'exit': only then has everything the child wrote been read.
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const ms = Date.now() - started;
      const line = out.split('\n').find((l) => l.startsWith('DONE '));
      if (signal === 'SIGKILL') resolve({ killed: true, done: null, ms });
      else if (code === 0 && line)
        resolve({ killed: false, done: JSON.parse(line.slice(5)) as ChildResult['done'], ms });
      else reject(new Error(`child failed (${code} ${signal}): ${err.slice(-2000)}`));
    });
  });
}

/** The secret store that outlives a kill: the keychain when there is one, a file otherwise. */
export async function durableSecrets(
  dir: string,
  label: string,
): Promise<{ job: CrashJob['secrets']; store: SecretStore; forget(): Promise<void> }> {
  const service = `Ledgerlight-crash-${process.pid}-${label}-${crypto.randomUUID().slice(0, 8)}`;
  const keychain = new KeychainSecretStore(service);
  try {
    await keychain.set('probe', 'probe');
    await keychain.delete('probe');
    return {
      job: { kind: 'keychain', service },
      store: keychain,
      forget: async () => {
        for (const account of await keychain.accounts()) await keychain.delete(account);
      },
    };
  } catch {
    const file = path.join(dir, `secrets-${label}.json`);
    return {
      job: { kind: 'file', file },
      store: new FileSecretStore(file),
      forget: async () => fs.rmSync(file, { force: true }),
    };
  }
}

/** A Plaid client of the test's own, to create Link tokens the way the app would. */
export function plaidFor(emulator: PlaidEmulator): PlaidApi {
  return new PlaidApi(
    new Configuration({
      basePath: emulator.url,
      baseOptions: {
        headers: {
          'PLAID-CLIENT-ID': emulator.control.clientId,
          'PLAID-SECRET': emulator.control.secret,
        },
      },
    }),
  );
}

/**
 * A finished Link session for First Platypus Bank with investments and liabilities (so a sync
 * writes holdings and liabilities too) and two years of history: its public token and Item.
 */
export async function linkedPublicToken(emulator: PlaidEmulator, api: PlaidApi) {
  const { data } = await api.linkTokenCreate({
    client_name: 'Ledgerlight',
    language: 'en',
    country_codes: [CountryCode.Us],
    user: { client_user_id: 'crash-suite' },
    products: [Products.Transactions],
    optional_products: [Products.Investments, Products.Liabilities],
    transactions: { days_requested: 730 },
  });
  const done = emulator.control.completeLink(data.link_token, { institutionId: 'ins_109508' });
  return { publicToken: done.publicToken, itemId: done.itemId };
}

/** A small seeded generator (mulberry32): the same seed, the same kill points. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p,
  };
}

export function integrityCheck(databasePath: string): string {
  // Opened for writing, as the app opens it: a hot WAL is recovered first.
  const db = new BetterSqlite3(databasePath);
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
  } finally {
    db.close();
  }
}

export interface ConnectionRow {
  id: string;
  plaid_item_id: string;
  status: string;
}

export function connectionRows(databasePath: string): ConnectionRow[] {
  if (!fs.existsSync(databasePath)) return [];
  const db = new BetterSqlite3(databasePath, { readonly: true });
  try {
    return db
      .prepare('SELECT id, plaid_item_id, status FROM connections ORDER BY id')
      .all() as ConnectionRow[];
  } finally {
    db.close();
  }
}

const COMPARED_TABLES = [
  'accounts',
  'securities',
  'holdings',
  'liabilities',
  'investment_transactions',
  'recurring_streams',
] as const;

/**
 * What a sync makes of Plaid's data, without what depends on when or in how many runs it was
 * written (times, run ids, row sequence numbers): equal for two ledgers synced to the same state
 * of the bank, however often one of them was killed on the way.
 */
export function syncedState(databasePath: string): Record<string, unknown[]> {
  const db = new BetterSqlite3(databasePath, { readonly: true });
  try {
    const dump = (table: string, where = '') => {
      const columns = (db.pragma(`table_info(${table})`) as { name: string }[])
        .map((c) => c.name)
        .filter((name) => !/(_at|_run_id|^run_id|^seq|^batch_id)$/.test(name));
      const rows = db
        .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${table} ${where}`)
        .all();
      return rows.map((r) => JSON.stringify(r)).sort();
    };
    const state: Record<string, unknown[]> = {
      transactions: dump('transactions', 'WHERE removed_at IS NULL'),
    };
    for (const table of COMPARED_TABLES) state[table] = dump(table);
    return state;
  } finally {
    db.close();
  }
}
