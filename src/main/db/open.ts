import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { LedgerError } from '../../shared/errors';
import { applyMigrations, latestVersion, type Migration } from './migration';
import { MIGRATIONS } from './migrations';

export type { Database };

export interface OpenDatabaseOptions {
  file: string;
  /** Path to a better_sqlite3.node built for this runtime (the Electron shell passes its own). */
  nativeBinding?: string;
  migrations?: readonly Migration[];
  /** Where the pre-migration copy of an existing file goes; default: `backups/` beside the file. */
  backupDir?: string;
  now?: () => Date;
}

const BACKUPS_KEPT = 3;

/**
 * Opens (creating if needed) the one SQLite file, checks it, and brings its schema up to date.
 * Durability first: WAL with synchronous=FULL, so a committed sync survives a power cut.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = latestVersion(migrations);
  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const existed = fs.existsSync(options.file) && fs.statSync(options.file).size > 0;

  const db = new BetterSqlite3(
    options.file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  try {
    // First, so that a damaged or foreign file is named as such before anything writes to it.
    checkIntegrity(db, options.file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');

    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latest) {
      throw new LedgerError(
        'INTERNAL',
        `This data file (${options.file}) was written by a newer version of Ledgerlight ` +
          `(schema ${version}; this version knows up to ${latest}). Update Ledgerlight to open it; ` +
          `the file has not been changed.`,
      );
    }
    if (version < latest) {
      if (existed && version > 0) {
        await backupBeforeMigration(db, options, version);
      }
      applyMigrations(db, migrations);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function checkIntegrity(db: Database, file: string): void {
  let result: unknown;
  try {
    result = db.pragma('quick_check', { simple: true });
  } catch (error) {
    throw new LedgerError(
      'INTERNAL',
      `The data file ${file} cannot be read as a database (${(error as Error).message}).`,
    );
  }
  if (result !== 'ok') {
    throw new LedgerError(
      'INTERNAL',
      `The data file ${file} failed its integrity check (${String(result)}). ` +
        `Restore a copy from the backups folder beside it.`,
    );
  }
}

async function backupBeforeMigration(
  db: Database,
  options: OpenDatabaseOptions,
  fromVersion: number,
): Promise<void> {
  const dir = options.backupDir ?? path.join(path.dirname(options.file), 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const base = path.basename(options.file, path.extname(options.file));
  await db.backup(path.join(dir, `${base}-v${fromVersion}-${stamp}.sqlite`));
  pruneBackups(dir, base);
}

function pruneBackups(dir: string, base: string): void {
  const old = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-v`) && f.endsWith('.sqlite'))
    .sort()
    .slice(0, -BACKUPS_KEPT);
  for (const file of old) fs.rmSync(path.join(dir, file), { force: true });
}
