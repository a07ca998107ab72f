/**
 * File import at scale: a 50,000-row CSV imported into an account that already holds 100,000
 * synced rows (half the file is money already there), against the floor of parsing the same
 * file and inserting its rows raw in one transaction (same schema, indexes and search triggers),
 * in the same run. The import does more than the floor: it matches every row against the
 * account, records the file's ids and links, and runs the rules, so the ratio says what that costs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createCore } from '../src/main/core';
import { databaseFileName } from '../src/main/environment-file';
import { parseImportFile } from '../src/main/import/index';
import { silentLogger } from '../src/main/log';
import { MemorySecretStore } from '../src/main/secrets/memory-store';
import type { ImportResult } from '../src/shared/contract';
import { seedDatabase } from '../test/support/seed';
import { signedCsvMapping } from '../test/support/csv-mapping';

const SYNCED_ROWS = 100_000;
const FILE_ROWS = 50_000;
const REPEATS = 3;

const MAPPING = signedCsvMapping({ date: 0, description: 1, amount: 2 });

function decimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

async function ledger(): Promise<{ dir: string; accountId: string; file: Buffer }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledgerlight-bench-import-'));
  const bootstrap = await createCore({
    dataDir: dir,
    secrets: new MemorySecretStore(),
    log: silentLogger,
    schedule: false,
  });
  await bootstrap.close();
  const db = new BetterSqlite3(path.join(dir, databaseFileName('sandbox')));
  db.pragma('synchronous = OFF'); // seeding only
  const seeded = seedDatabase(db, { connections: 1, transactionsPerAccount: SYNCED_ROWS });
  const accountId = seeded.accountIds[0]!;
  // Half the file is rows already synced (same day, amount and text), half is new money.
  const existing = db
    .prepare<[string, number], { date: string; name: string; amount: number }>(
      'SELECT date, name, amount FROM transactions WHERE account_id = ? ORDER BY seq LIMIT ?',
    )
    .all(accountId, FILE_ROWS / 2);
  db.close();
  const lines = ['Date,Description,Amount'];
  for (const row of existing) lines.push(`${row.date},"${row.name}",${decimal(row.amount)}`);
  for (let i = 0; lines.length <= FILE_ROWS; i++) {
    const date = new Date(Date.UTC(2019, 0, 1) + (i % 1500) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    lines.push(`${date},"Corner shop ${i}",-${decimal(100_001 + i)}`);
  }
  return { dir, accountId, file: Buffer.from(`${lines.join('\n')}\n`) };
}

function medianOf(times: number[]): number {
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

export async function importAgainstRawInsert(): Promise<void> {
  process.stdout.write(
    `\nimporting a ${FILE_ROWS.toLocaleString('en')}-row CSV into an account of ${SYNCED_ROWS.toLocaleString('en')} synced rows, median of ${REPEATS}\n`,
  );
  const floor: number[] = [];
  const channel: number[] = [];
  let result: ImportResult | null = null;
  for (let i = 0; i < REPEATS; i++) {
    const { dir, accountId, file } = await ledger();
    const databasePath = path.join(dir, databaseFileName('sandbox'));

    // The floor: parse the file, insert every row raw in one transaction, roll it back.
    const db = new BetterSqlite3(databasePath);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const insert = db.prepare(
      `INSERT INTO transactions (id, account_id, source, date, name, amount, currency, pending,
         created_at, updated_at) VALUES (?, ?, 'file', ?, ?, ?, 'USD', 0, ?, ?)`,
    );
    let started = performance.now();
    const parsed = parseImportFile({
      format: 'csv',
      bytes: new Uint8Array(file),
      mapping: MAPPING,
      exponent: 2,
    });
    db.exec('BEGIN');
    parsed.rows.forEach((row, n) =>
      insert.run(`floor-${n}`, accountId, row.date, row.description, row.amount, 'now', 'now'),
    );
    db.exec('COMMIT');
    floor.push(performance.now() - started);
    db.exec(`DELETE FROM transactions WHERE id LIKE 'floor-%'`);
    db.close();

    const core = await createCore({
      dataDir: dir,
      secrets: new MemorySecretStore(),
      log: silentLogger,
      schedule: false,
      plaidBaseUrl: 'http://127.0.0.1:9',
    });
    const input = {
      accountId,
      fileName: 'bench.csv',
      content: file.toString('base64'),
      mapping: MAPPING,
    };
    started = performance.now();
    const answer = await core.invoke('import.commit', input);
    channel.push(performance.now() - started);
    if (!answer.ok) throw new Error(answer.error.message);
    result = answer.value as ImportResult;
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const f = medianOf(floor);
  const c = medianOf(channel);
  process.stdout.write(
    `${'case'.padEnd(40)}${'floor ms'.padStart(10)}${'import ms'.padStart(11)}${'ratio'.padStart(9)}\n` +
      `${'50k CSV, half already here'.padEnd(40)}${f.toFixed(0).padStart(10)}${c.toFixed(0).padStart(11)}${(c / f).toFixed(2).padStart(8)}×\n` +
      `  the import added ${result?.new.toLocaleString('en')} and matched ${result?.matched.toLocaleString('en')} rows\n`,
  );
}
