/**
 * `npm run bench`: how reading transactions scales. The same queries run on a small ledger (the
 * baseline, 10,000 rows) and on a large one (1,000,000 rows, or BENCH_ROWS) in this run, and the
 * ratio of their medians is printed: keyset paging and the indexes should keep it near 1, far
 * below the 100× growth of the data. The read targets (lists, search, report, the host's
 * start) are then measured on the large ledger (bench/reads.ts) and written to bench/results.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createCore, type Core } from '../src/main/core';
import { databaseFileName } from '../src/main/environment-file';
import { silentLogger } from '../src/main/log';
import { MemorySecretStore } from '../src/main/secrets/memory-store';
import type { TransactionPage } from '../src/shared/contract';
import { seedDatabase } from '../test/support/seed';
import { importAgainstRawInsert } from './imports';
import { hostStartFigure, readFigures } from './reads';
import { writeResults } from './results';
import { rulesAgainstPlainSql } from './rules';
import { syncBench } from './sync';

const BASELINE_ROWS = 10_000;
const LARGE_ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const REPEATS = 15;
const CONNECTIONS = 10;

async function ledgerWith(rows: number): Promise<{ core: Core; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledgerlight-bench-'));
  const bootstrap = await createCore({
    dataDir: dir,
    secrets: new MemorySecretStore(),
    log: silentLogger,
    schedule: false,
  });
  await bootstrap.close();
  const db = new BetterSqlite3(path.join(dir, databaseFileName('sandbox')));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF'); // seeding only; the app itself always runs with FULL
  const started = performance.now();
  seedDatabase(db, {
    connections: CONNECTIONS,
    transactionsPerAccount: Math.ceil(rows / CONNECTIONS / 2),
  });
  db.pragma('optimize');
  db.close();
  process.stdout.write(
    `  seeded ${rows.toLocaleString('en')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  const core = await createCore({
    dataDir: dir,
    secrets: new MemorySecretStore(),
    log: silentLogger,
    schedule: false,
    plaidBaseUrl: 'http://127.0.0.1:9',
  });
  return { core, dir };
}

async function page(core: Core, input: Record<string, unknown>): Promise<TransactionPage> {
  const result = await core.invoke('transactions.list', input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as TransactionPage;
}

/** A cursor deep in the list: 10 pages of 500 in. */
async function deepCursor(core: Core): Promise<string> {
  let cursor: string | undefined;
  for (let i = 0; i < 10; i++)
    cursor = (await page(core, { limit: 500, ...(cursor ? { cursor } : {}) })).nextCursor!;
  return cursor!;
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  await fn(); // warm the page cache
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const CASES: Record<string, (core: Core, deep: string) => Record<string, unknown>> = {
  'first page (100)': () => ({}),
  '5,001st row by cursor': (_core, deep) => ({ limit: 100, cursor: deep }),
  'one account': () => ({ accountId: 'acc_3_chk' }),
  'one connection, money out': () => ({ connectionId: 'conn_4', type: 'out' }),
  'one category': () => ({ category: 'TRANSPORTATION' }),
  'date range (a month)': () => ({ from: '2025-03-01', to: '2025-03-31' }),
  'search "starbu"': () => ({ search: 'starbu' }),
  'search mid-word "arbuck"': () => ({ search: 'arbuck' }),
  'search an amount "12.50"': () => ({ search: '12.50' }),
  'sorted by amount': () => ({ sort: 'amount' }),
  'sorted by payee': () => ({ sort: 'payee' }),
  'sorted by account': () => ({ sort: 'account', direction: 'desc' }),
  'not reviewed yet': () => ({ show: 'unreviewed' }),
  uncategorized: () => ({ show: 'uncategorized' }),
};

/** The same question asked of the file in plain SQL: what the channel costs on top of it. */
const PLAIN_SQL: Record<
  string,
  { channel: string; input: Record<string, unknown>; sql: string[] }
> = {
  'sorted by amount': {
    channel: 'transactions.list',
    input: { sort: 'amount' },
    sql: ['SELECT * FROM transactions WHERE removed_at IS NULL ORDER BY amount, seq LIMIT 101'],
  },
  'sorted by payee': {
    channel: 'transactions.list',
    input: { sort: 'payee' },
    sql: [
      `SELECT * FROM transactions WHERE removed_at IS NULL
         ORDER BY COALESCE(payee, merchant_name, name) COLLATE NOCASE, seq LIMIT 101`,
    ],
  },
  'not reviewed yet': {
    channel: 'transactions.list',
    input: { show: 'unreviewed' },
    sql: [
      `SELECT * FROM transactions WHERE removed_at IS NULL AND reviewed = 0
         ORDER BY date DESC, seq DESC LIMIT 101`,
    ],
  },
  'count of everything': {
    channel: 'transactions.count',
    input: {},
    sql: ['SELECT COUNT(*) FROM transactions WHERE removed_at IS NULL'],
  },
  'totals of one account': {
    channel: 'transactions.totals',
    input: { accountId: 'acc_3_chk' },
    sql: [
      `SELECT currency, SUM(CASE WHEN amount > 0 THEN amount END),
           SUM(CASE WHEN amount < 0 THEN amount END), SUM(amount), COUNT(*)
         FROM transactions WHERE removed_at IS NULL AND excluded = 0 AND account_id = 'acc_3_chk'
         GROUP BY currency`,
    ],
  },
  'totals of everything': {
    channel: 'transactions.totals',
    input: {},
    sql: [
      `SELECT currency, SUM(CASE WHEN amount > 0 THEN amount END),
           SUM(CASE WHEN amount < 0 THEN amount END), SUM(amount), COUNT(*)
         FROM transactions WHERE removed_at IS NULL AND excluded = 0 GROUP BY currency`,
    ],
  },
};

async function againstPlainSql(core: Core, dir: string, rows: number): Promise<void> {
  const db = new BetterSqlite3(path.join(dir, databaseFileName('sandbox')), { readonly: true });
  process.stdout.write(
    `\nthe channel against plain SQL on ${rows.toLocaleString('en')} rows, median of ${REPEATS}\n`,
  );
  process.stdout.write(
    `${'case'.padEnd(40)}${'SQL ms'.padStart(12)}${'channel ms'.padStart(12)}${'ratio'.padStart(9)}\n`,
  );
  for (const [name, twin] of Object.entries(PLAIN_SQL)) {
    const statements = twin.sql.map((q) => db.prepare(q));
    const plain = await median(async () => statements.forEach((st) => st.all()));
    const channel = await median(async () => {
      const result = await core.invoke(twin.channel as 'transactions.list', twin.input);
      if (!result.ok) throw new Error(result.error.message);
    });
    process.stdout.write(
      `${name.padEnd(40)}${plain.toFixed(2).padStart(12)}${channel.toFixed(2).padStart(12)}${(channel / plain).toFixed(1).padStart(8)}×\n`,
    );
  }
  db.close();
}

async function measure(core: Core, rows: number): Promise<Map<string, number>> {
  process.stdout.write(`ledger of ${rows.toLocaleString('en')} transactions\n`);
  const deep = await deepCursor(core);
  const results = new Map<string, number>();
  for (const [name, make] of Object.entries(CASES)) {
    const input = make(core, deep);
    results.set(name, await median(() => page(core, input)));
    // The page after it: what scrolling costs once the first page has counted the rows.
    const next = (await page(core, input)).nextCursor;
    if (next) {
      results.set(`${name} → next`, await median(() => page(core, { ...input, cursor: next })));
    }
  }
  return results;
}

/** `BENCH_ONLY=lists` (lists, reads, the host's start and rules), `import` or `sync` runs one part. */
const only = process.env.BENCH_ONLY;

if (!only || only === 'lists') {
  const small = await ledgerWith(BASELINE_ROWS);
  const baseline = await measure(small.core, BASELINE_ROWS);
  await small.core.close();
  fs.rmSync(small.dir, { recursive: true, force: true });
  const big = await ledgerWith(LARGE_ROWS);
  const large = await measure(big.core, LARGE_ROWS);
  const growth = LARGE_ROWS / BASELINE_ROWS;
  process.stdout.write(`\ntransactions.list, median of ${REPEATS} (data grows ${growth}×)\n`);
  process.stdout.write(
    `${'case'.padEnd(40)}${'baseline ms'.padStart(12)}${'large ms'.padStart(12)}${'ratio'.padStart(9)}\n`,
  );
  for (const [name, base] of baseline) {
    const grown = large.get(name);
    if (grown === undefined) continue;
    process.stdout.write(
      `${name.padEnd(40)}${base.toFixed(2).padStart(12)}${grown.toFixed(2).padStart(12)}${(grown / base).toFixed(1).padStart(8)}×\n`,
    );
  }

  await againstPlainSql(big.core, big.dir, LARGE_ROWS);
  await readFigures(big.core, path.join(big.dir, databaseFileName('sandbox')), LARGE_ROWS);
  await big.core.close();
  await hostStartFigure(big.dir, LARGE_ROWS);
  fs.rmSync(big.dir, { recursive: true, force: true });

  const RULE_ROWS = 100_000;
  {
    const { core, dir } = await ledgerWith(RULE_ROWS);
    await rulesAgainstPlainSql(core, dir, RULE_ROWS);
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (!only || only === 'import') await importAgainstRawInsert();
if (!only || only === 'sync') await syncBench();

writeResults();
