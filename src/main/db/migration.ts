import type { Database } from 'better-sqlite3';

export interface Migration {
  /** 1, 2, 3, … with no gaps; becomes the file's `user_version` once applied. */
  version: number;
  name: string;
  /** SQL run as one script, or a function for steps SQL cannot express. */
  up: string | ((db: Database) => void);
  /**
   * The migration rebuilds tables that others reference (SQLite cannot drop a NOT NULL in place).
   * Foreign keys are then off while the migrations run, as SQLite's own procedure for such
   * rebuilds asks, and `foreign_key_check` must come back empty before anything is committed.
   */
  rebuildsTables?: boolean;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
}

export function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migration ${m.name} has version ${m.version}; expected ${i + 1}`);
    }
  });
}

/**
 * Applies every migration above the file's version. Each runs in its own savepoint together with
 * its `user_version` bump, and all of them in one outer transaction, so a failure anywhere leaves
 * the file exactly as it was before this call.
 */
export function applyMigrations(db: Database, migrations: readonly Migration[]): number[] {
  assertWellFormed(migrations);
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > from);
  // Dropping a referenced table with foreign keys on would cascade its delete into every child.
  const keysWereOn = db.pragma('foreign_keys', { simple: true }) === 1;
  const rebuilds = pending.some((m) => m.rebuildsTables);
  if (rebuilds) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const migration of pending) {
        db.transaction(() => {
          if (typeof migration.up === 'string') db.exec(migration.up);
          else migration.up(db);
          db.pragma(`user_version = ${migration.version}`);
        })();
      }
      if (rebuilds) {
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) {
          throw new Error(`A schema upgrade left ${broken.length} rows pointing nowhere.`);
        }
      }
    })();
  } finally {
    if (rebuilds && keysWereOn) db.pragma('foreign_keys = ON');
  }
  return pending.map((m) => m.version);
}
