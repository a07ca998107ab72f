/**
 * The read side at scale (issue 12, targets 3–6), on one seeded ledger: the list's pages (first,
 * keyset deep in the list, each filter and order), search, the spending report, and the host's
 * start to its ready line. Each is a p95 over `P95_REPEATS` calls through the core's channel, the
 * way the window asks; the list's first page is also set against its bare SQL query.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { build } from 'esbuild';
import type { Core } from '../src/main/core';
import type { Channel, TransactionPage } from '../src/shared/contract';
import { record } from './results';

const P95_REPEATS = 30;
const HOST_STARTS = 20;

/** The 95th percentile of `P95_REPEATS` runs, after one that warms the page cache. */
export async function p95(fn: () => unknown, repeats = P95_REPEATS): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return percentile(times, 0.95);
}

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!;
}

async function ask<T>(core: Core, channel: Channel, input: Record<string, unknown>): Promise<T> {
  const result = await core.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

const page = (core: Core, input: Record<string, unknown>) =>
  ask<TransactionPage>(core, 'transactions.list', input);

/** The cursor after `rows` rows of the newest-first list, walked in pages of 500. */
async function cursorAt(core: Core, rows: number): Promise<string> {
  let cursor: string | undefined;
  for (let walked = 0; walked < rows; walked += 500) {
    const next: TransactionPage = await page(core, {
      limit: Math.min(500, rows - walked),
      ...(cursor ? { cursor } : {}),
    });
    cursor = next.nextCursor ?? undefined;
    if (!cursor) throw new Error(`the list ended before row ${rows.toLocaleString('en')}`);
  }
  return cursor!;
}

/** One filter or one order (the "with or without one filter and with sorting"). */
const FILTERED: Record<string, Record<string, unknown>> = {
  'one account': { accountId: 'acc_3_chk' },
  'one connection': { connectionId: 'conn_4' },
  'money out': { type: 'out' },
  'money in': { type: 'in' },
  'one category': { category: 'TRANSPORTATION' },
  'a month': { from: '2025-03-01', to: '2025-03-31' },
  'not reviewed yet': { show: 'unreviewed' },
  'needs review': { show: 'needs-review' },
  uncategorized: { show: 'uncategorized' },
  'left out': { show: 'excluded' },
  removed: { show: 'removed' },
  'by amount': { sort: 'amount' },
  'by amount, desc': { sort: 'amount', direction: 'desc' },
  'by payee': { sort: 'payee' },
  'by category': { sort: 'category' },
  'by account': { sort: 'account' },
  'oldest first': { sort: 'date', direction: 'asc' },
};

/** A filter and an order together: printed, not part of the target. */
const COMBINED: Record<string, Record<string, unknown>> = {
  'one account by amount': { accountId: 'acc_3_chk', sort: 'amount' },
  'one category by payee': { category: 'TRANSPORTATION', sort: 'payee' },
  '"starbucks" in one account': { accountId: 'acc_3_chk', search: 'starbucks' },
};

const line = (name: string, ms: number, extra = '') =>
  process.stdout.write(`  ${name.padEnd(36)}${ms.toFixed(2).padStart(9)} ms${extra}\n`);

/** Targets 3–5 on the ledger `core` has open (its file is `file`, `rows` rows). */
export async function readFigures(core: Core, file: string, rows: number): Promise<void> {
  const { default: Sqlite } = await import('better-sqlite3');
  const db: BetterSqlite3.Database = new Sqlite(file, { readonly: true });
  process.stdout.write(
    `\nreads on ${rows.toLocaleString('en')} rows, p95 of ${P95_REPEATS} through the channel\n`,
  );

  // Target 3: the first page beside its bare query, keyset pages near the top and deep down.
  const bare = db.prepare(
    `SELECT t.*, t.date AS sort_key FROM transactions t WHERE t.removed_at IS NULL
     ORDER BY t.date DESC, t.seq DESC LIMIT 101`,
  );
  const bareMs = await p95(() => bare.all());
  const firstMs = await p95(() => page(core, {}));
  record({ name: 'list.first_page.p95_ms', value: firstMs, unit: 'ms', floor: bareMs, max: 10 });
  record({
    name: 'list.first_page.ratio',
    value: firstMs,
    unit: 'ms',
    floor: bareMs,
    max: 1.2,
    onRatio: true,
  });
  const countMs = await p95(() => ask(core, 'transactions.count', {}), 10);
  line('the count, asked beside it', countMs, '  (never blocks the page)');

  const near = await cursorAt(core, 5_000);
  const deepRow = Math.min(500_000, Math.floor(rows / 2));
  const deep = await cursorAt(core, deepRow);
  const nearMs = await p95(() => page(core, { cursor: near }));
  const deepMs = await p95(() => page(core, { cursor: deep }));
  record({ name: 'list.keyset_5k.p95_ms', value: nearMs, unit: 'ms', max: 10 });
  record({ name: 'list.keyset_500k.p95_ms', value: deepMs, unit: 'ms', floor: nearMs, max: 10 });
  if (deepRow !== 500_000) {
    process.stdout.write(
      `  (this ledger is small: the deep page is at row ${deepRow.toLocaleString('en')})\n`,
    );
  }

  let worst = { name: '', ms: 0 };
  for (const [name, input] of Object.entries(FILTERED)) {
    const first = await p95(() => page(core, input));
    const cursor = (await page(core, input)).nextCursor;
    const next = cursor ? await p95(() => page(core, { ...input, cursor })) : 0;
    line(name, first, `   next page ${next.toFixed(2)} ms`);
    for (const [label, ms] of [
      [name, first],
      [`${name} → next`, next],
    ] as const) {
      if (ms > worst.ms) worst = { name: label, ms };
    }
  }
  record({ name: 'list.filtered.p95_ms', value: worst.ms, unit: 'ms', max: 10 });
  process.stdout.write(`    (the worst: ${worst.name})\n`);
  for (const [name, input] of Object.entries(COMBINED)) {
    line(`${name} (not a target)`, await p95(() => page(core, input)));
  }

  // Target 4: a common word (one row in seven in the seed), its prefix and a mid-word fragment.
  for (const [name, search] of [
    ['search.common.p95_ms', 'starbucks'],
    ['search.prefix.p95_ms', 'starbu'],
    ['search.fragment.p95_ms', 'arbuck'],
  ] as const) {
    const ms = await p95(() => page(core, { search }));
    record({ name, value: ms, unit: 'ms', max: 30 });
  }
  const rare = await p95(() => page(core, { search: '#1234' }));
  line('a rare search "#1234"', rare);
  const searchCount = await p95(() => ask(core, 'transactions.count', { search: 'starbucks' }), 10);
  line('the count of "starbucks"', searchCount, '  (asked beside the page)');

  // Target 5: spending by month and category over 24 months.
  const reportMs = await p95(() =>
    ask(core, 'reports.spending', { months: 24, until: '2026-11-20' }),
  );
  record({ name: 'reports.spending_24m.p95_ms', value: reportMs, unit: 'ms', max: 20 });
  db.close();
}

/**
 * Target 6: the headless host (src/main/host/serve.ts, bundled as the build bundles it and run by
 * plain Node) from spawn to its ready line, on the ledger in `dataDir`, which nothing else may
 * hold open. The figure is the median of the starts after a clean close; one start after the
 * host was killed (which checks the file through) is printed beside it.
 */
export async function hostStartFigure(dataDir: string, rows: number): Promise<void> {
  const bundle = path.resolve(
    import.meta.dirname,
    '../node_modules/.cache/ledgerlight-bench',
    `host-${process.pid}.mjs`,
  );
  await build({
    entryPoints: [path.resolve(import.meta.dirname, '../src/main/host/serve.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  try {
    process.stdout.write(`\nthe host's start on ${rows.toLocaleString('en')} rows\n`);
    const first = await startHost(bundle, dataDir, 'SIGTERM');
    line('first start', first);
    const times: number[] = [];
    for (let i = 0; i < HOST_STARTS; i++) times.push(await startHost(bundle, dataDir, 'SIGTERM'));
    const median = percentile(times, 0.5);
    line(`p95 of ${HOST_STARTS} starts`, percentile(times, 0.95));
    record({ name: 'host.start_1m.ms', value: median, unit: 'ms', max: 500 });
    await startHost(bundle, dataDir, 'SIGKILL');
    line('a start after the host was killed', await startHost(bundle, dataDir, 'SIGTERM'));
  } finally {
    fs.rmSync(bundle, { force: true });
  }
}

/** Milliseconds from spawn to "Ledgerlight listening on"; the host is then stopped by `signal`. */
function startHost(bundle: string, dataDir: string, signal: NodeJS.Signals): Promise<number> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LEDGERLIGHT_DATA_DIR: dataDir,
    LEDGERLIGHT_PORT: '0',
    LEDGERLIGHT_LINK_PORT: '0',
    LEDGERLIGHT_PLAID_BASE_URL: 'http://127.0.0.1:9',
    LEDGERLIGHT_KEYCHAIN_SERVICE: 'ledgerlight-bench',
  };
  delete env.NODE_OPTIONS;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bundle], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let ready: number | null = null;
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (ready === null && out.includes('Ledgerlight listening on')) {
        ready = performance.now() - started;
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('exit', () =>
      ready === null
        ? reject(new Error(`the host did not start: ${err.trim() || out.trim()}`))
        : resolve(ready),
    );
  });
}
