/**
 * The process bench/sync.ts measures, bundled by esbuild and run in plain Node as the host runs
 * the core (tsx alone would hold ≈ 225 MB before any work). One job per process, read from
 * BENCH_SYNC_JOB; the answer is one `RESULT {json}` line on stdout.
 *
 * - `engine`: the core syncs every connection of a data folder at once (`connections.sync`).
 * - `floor`: the bare plaid SDK pages /transactions/sync and inserts the rows raw, in one
 *   transaction, into a database with the app's schema and triggers: what any sync must cost.
 * - `host`: the core opens a large ledger and lists it (first pages, a deep page, a search).
 *
 * Secrets come from the job because the in-memory store cannot cross a process boundary (a bench
 * fixture, not an app path).
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Configuration, PlaidApi, type Transaction } from 'plaid';
import { createCore } from '../src/main/core';
import { databaseFileName } from '../src/main/environment-file';
import { silentLogger } from '../src/main/log';
import { MemorySecretStore } from '../src/main/secrets/memory-store';
import { secretAccounts } from '../src/main/secrets/secret-store';
import type { TransactionPage } from '../src/shared/contract';

export interface PlaidKeys {
  url: string;
  clientId: string;
  secret: string;
}

export type ChildJob =
  | { mode: 'engine'; dataDir: string; plaid: PlaidKeys; tokens: Record<string, string> }
  | {
      mode: 'floor';
      databasePath: string;
      plaid: PlaidKeys;
      connectionId: string;
      accessToken: string;
      cursor: string | null;
    }
  | { mode: 'host'; dataDir: string };

export interface EngineResult extends Peak {
  ms: number;
  completed: number;
  failures: string[];
  pages: number;
  resumedPages: number;
  visibleRows: number;
}

export interface FloorResult extends Peak {
  ms: number;
  pages: number;
  rows: number;
  nextCursor: string;
}

export interface HostResult extends Peak {
  openMs: number;
  listed: number;
}

export interface Peak {
  /** The process's peak resident set: the kernel's high-water mark, or the sampled maximum. */
  peakRssMb: number;
  /** The largest V8 heap sampled (the rest of the RSS is native: SQLite, buffers, code). */
  peakHeapMb: number;
  /** The most memory sampled outside the heap that V8 knows of (Buffers, ArrayBuffers). */
  peakExternalMb: number;
}

/** Samples memory every 50 ms from now; the function returned stops and reads the peaks. */
function memoryPeaks(): () => Peak {
  let rss = 0;
  let heap = 0;
  let external = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapTotal);
    external = Math.max(external, m.external);
  };
  sample();
  const timer = setInterval(sample, 50);
  timer.unref();
  return () => {
    clearInterval(timer);
    sample();
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
      if (hwm) rss = Math.max(rss, Number(hwm[1]) * 1024);
    } catch {
      // not Linux: the sampled maximum
    }
    return {
      peakRssMb: rss / 2 ** 20,
      peakHeapMb: heap / 2 ** 20,
      peakExternalMb: external / 2 ** 20,
    };
  };
}

async function engine(job: Extract<ChildJob, { mode: 'engine' }>): Promise<EngineResult> {
  const peaks = memoryPeaks();
  const secrets = new MemorySecretStore();
  await secrets.set(secretAccounts.plaidClientId('sandbox'), job.plaid.clientId);
  await secrets.set(secretAccounts.plaidSecret('sandbox'), job.plaid.secret);
  for (const [connectionId, token] of Object.entries(job.tokens))
    await secrets.set(secretAccounts.accessToken(connectionId), token);
  const core = await createCore({
    dataDir: job.dataDir,
    secrets,
    plaidBaseUrl: job.plaid.url,
    log: silentLogger,
    schedule: false,
    manualCooldownMs: 0,
  });
  const result = { completed: 0, failures: [] as string[], pages: 0, resumedPages: 0 };
  core.events.subscribe((event) => {
    if (event.name === 'sync.progress') process.stdout.write(`PAGE ${event.payload.page}\n`);
    if (event.name === 'sync.completed') {
      result.completed++;
      result.pages += event.payload.pages;
      result.resumedPages += event.payload.resumedPages ?? 0;
    }
    if (event.name === 'sync.failed')
      result.failures.push(`${event.payload.code}: ${event.payload.message}`);
  });
  const started = performance.now();
  const answer = await core.invoke('connections.sync', {});
  if (!answer.ok) throw new Error(answer.error.message);
  await core.idle();
  const ms = performance.now() - started;
  await core.close();
  const peak = peaks();
  const db = new BetterSqlite3(path.join(job.dataDir, databaseFileName('sandbox')), {
    readonly: true,
  });
  const visibleRows = db
    .prepare('SELECT COUNT(*) FROM transactions WHERE removed_at IS NULL')
    .pluck()
    .get() as number;
  db.close();
  return { ms, ...peak, ...result, visibleRows };
}

async function floor(job: Extract<ChildJob, { mode: 'floor' }>): Promise<FloorResult> {
  const peaks = memoryPeaks();
  const api = new PlaidApi(
    new Configuration({
      basePath: job.plaid.url,
      baseOptions: {
        headers: { 'PLAID-CLIENT-ID': job.plaid.clientId, 'PLAID-SECRET': job.plaid.secret },
      },
    }),
  );
  const db = new BetterSqlite3(job.databasePath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const saveAccount = db.prepare(
    `INSERT OR IGNORE INTO accounts (id, connection_id, name, type, subtype, mask, currency,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const upsert = db.prepare(
    `INSERT INTO transactions (id, account_id, connection_id, date, authorized_date, name,
       merchant_name, category, category_detailed, amount, currency, pending,
       pending_transaction_id, payment_channel, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET date = excluded.date, name = excluded.name,
       merchant_name = excluded.merchant_name, category = excluded.category,
       category_detailed = excluded.category_detailed, amount = excluded.amount,
       pending = excluded.pending, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare(
    'UPDATE transactions SET removed_at = ?, updated_at = ? WHERE id = ? AND removed_at IS NULL',
  );
  const now = new Date().toISOString();
  const write = (t: Transaction) =>
    upsert.run(
      t.transaction_id,
      t.account_id,
      job.connectionId,
      t.date,
      t.authorized_date ?? null,
      t.name,
      t.merchant_name ?? null,
      t.personal_finance_category?.primary ?? null,
      t.personal_finance_category?.detailed ?? null,
      -Math.round(t.amount * 100),
      t.iso_currency_code ?? t.unofficial_currency_code ?? 'USD',
      t.pending ? 1 : 0,
      t.pending_transaction_id ?? null,
      t.payment_channel,
      now,
      now,
    );

  const started = performance.now();
  let cursor = job.cursor ?? undefined;
  let pages = 0;
  let rows = 0;
  db.exec('BEGIN');
  for (;;) {
    const page = (
      await api.transactionsSync({
        access_token: job.accessToken,
        count: 500,
        ...(cursor ? { cursor } : {}),
      })
    ).data;
    pages++;
    for (const a of page.accounts) {
      saveAccount.run(
        a.account_id,
        job.connectionId,
        a.name,
        a.type,
        a.subtype ?? null,
        a.mask ?? null,
        a.balances.iso_currency_code ?? a.balances.unofficial_currency_code ?? 'USD',
        now,
        now,
      );
    }
    for (const t of page.added) write(t);
    for (const t of page.modified) write(t);
    for (const r of page.removed) if (r.transaction_id) remove.run(now, now, r.transaction_id);
    rows += page.added.length + page.modified.length + page.removed.length;
    cursor = page.next_cursor;
    if (!page.has_more) break;
  }
  db.exec('COMMIT');
  const ms = performance.now() - started;
  db.close();
  return { ms, ...peaks(), pages, rows, nextCursor: cursor ?? '' };
}

async function host(job: Extract<ChildJob, { mode: 'host' }>): Promise<HostResult> {
  const peaks = memoryPeaks();
  const started = performance.now();
  const core = await createCore({
    dataDir: job.dataDir,
    secrets: new MemorySecretStore(),
    log: silentLogger,
    schedule: false,
    plaidBaseUrl: 'http://127.0.0.1:9',
  });
  const openMs = performance.now() - started;
  const list = async (input: Record<string, unknown>): Promise<TransactionPage> => {
    const result = await core.invoke('transactions.list', input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as TransactionPage;
  };
  // What a person does first: the list, scrolling far down it, one account, a search, a sort.
  let listed = 0;
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await list({ limit: 500, ...(cursor ? { cursor } : {}) });
    listed += page.items.length;
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  for (const input of [
    { accountId: 'acc_3_chk' },
    { search: 'starbucks' },
    { search: 'arbuck' },
    { sort: 'amount' },
    { sort: 'payee' },
    { show: 'unreviewed' },
  ])
    listed += (await list(input)).items.length;
  await core.invoke('reports.spending', { months: 24 });
  await core.close();
  return { openMs, ...peaks(), listed };
}

const job = JSON.parse(process.env.BENCH_SYNC_JOB ?? 'null') as ChildJob | null;
if (!job) throw new Error('BENCH_SYNC_JOB is not set');
const result =
  job.mode === 'engine'
    ? await engine(job)
    : job.mode === 'floor'
      ? await floor(job)
      : await host(job);
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
