import type { Database } from 'better-sqlite3';

export interface Migration {
  /** 1, 2, 3, … with no gaps; becomes the file's `user_version` once applied. */
  version: number;
  name: string;
  /** SQL run as one script, or a function for steps SQL cannot express. */
  up: string | ((db: Database) => void);
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
  db.transaction(() => {
    for (const migration of pending) {
      db.transaction(() => {
        if (typeof migration.up === 'string') db.exec(migration.up);
        else migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      })();
    }
  })();
  return pending.map((m) => m.version);
}
