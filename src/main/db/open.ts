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
 *
 * The full `quick_check` reads every page (≈ 0.6 s on a million rows), so it runs only when the
 * file may have been damaged since it was last known good: after a session that did not close
 * cleanly, when the file changed while Ledgerlight was not running, on a file never checked, and
 * at least once every `CHECK_EVERY_DAYS` (see `integrityCheckDue`). Otherwise the schema is read,
 * which still names a foreign or truncated file. docs/decisions.md has the reasoning.
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
    const now = options.now?.() ?? new Date();
    const due = existed ? integrityCheckDue(options.file, now) : null;
    if (due) checkIntegrity(db, options.file);
    else readSchema(db, options.file);
    const checkedAt = due || !existed ? now.toISOString() : readState(options.file)!.checkedAt;
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
    markOpen(db, options.file, checkedAt);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** How often a file that always closed cleanly is still read through: bit rot has no marker. */
export const CHECK_EVERY_DAYS = 30;

/**
 * What Ledgerlight knew of the file when it last let go of it, kept beside it (`<file>-state`):
 * when it was last checked through, and — once closed cleanly — its size and modification time
 * then. While the file is open `closed` is null, so a crash leaves that behind.
 */
interface FileState {
  checkedAt: string;
  closed: { size: number; mtimeMs: number } | null;
}

export function stateFileOf(file: string): string {
  return `${file}-state`;
}

function readState(file: string): FileState | null {
  try {
    const value = JSON.parse(fs.readFileSync(stateFileOf(file), 'utf8')) as Partial<FileState>;
    if (typeof value.checkedAt !== 'string' || Number.isNaN(Date.parse(value.checkedAt))) {
      return null;
    }
    const closed = value.closed;
    return {
      checkedAt: value.checkedAt,
      closed:
        closed && typeof closed.size === 'number' && typeof closed.mtimeMs === 'number'
          ? { size: closed.size, mtimeMs: closed.mtimeMs }
          : null,
    };
  } catch {
    return null;
  }
}

function writeState(file: string, state: FileState): void {
  fs.writeFileSync(stateFileOf(file), `${JSON.stringify(state)}\n`);
}

/**
 * Why an existing file must be read through before use, or null when it is as Ledgerlight left
 * it after a clean close, checked within `CHECK_EVERY_DAYS`.
 */
export function integrityCheckDue(file: string, now: Date): string | null {
  const state = readState(file);
  if (!state) return 'never checked';
  if (!state.closed) return 'the last session did not close cleanly';
  const stat = fs.statSync(file);
  if (stat.size !== state.closed.size || stat.mtimeMs !== state.closed.mtimeMs) {
    return 'the file changed while Ledgerlight was not running';
  }
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) return 'a write-ahead log was left behind';
  if (now.getTime() - Date.parse(state.checkedAt) > CHECK_EVERY_DAYS * 86_400_000) {
    return 'the last full check is more than a month old';
  }
  return null;
}

/**
 * Marks the file open until this connection closes, and records it as left cleanly when it does:
 * closing the last connection checkpoints the log into the file, whose size and time are then
 * what the next start expects.
 */
function markOpen(db: Database, file: string, checkedAt: string): void {
  writeState(file, { checkedAt, closed: null });
  const close = db.close.bind(db);
  db.close = () => {
    close();
    try {
      const stat = fs.statSync(file);
      writeState(file, { checkedAt, closed: { size: stat.size, mtimeMs: stat.mtimeMs } });
    } catch {
      // Left marked open: the next start checks the file through, which is the safe side.
    }
    return db;
  };
}

/** Reads the schema: a file that is not a database (or a truncated one) fails here. */
function readSchema(db: Database, file: string): void {
  try {
    db.prepare('SELECT COUNT(*) FROM sqlite_schema').get();
  } catch (error) {
    throw new LedgerError(
      'INTERNAL',
      `The data file ${file} cannot be read as a database (${(error as Error).message}).`,
    );
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
