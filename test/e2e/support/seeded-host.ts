import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { startBuiltHost, type RunningHost } from './host';
import { seedLedger, type SeededLedger } from './seed-ledger';

/**
 * For a spec file whose tests edit one seeded ledger in turn: the built host on it for the whole
 * file, a desktop-sized window, and a read-only look at the SQLite file to check each step in.
 */
export function useSeededHost(): {
  /** Where the app opens (valid once the file's tests run). */
  openUrl(): string;
  query<T>(sql: string, ...params: unknown[]): T[];
} {
  let host: RunningHost;
  let seeded: SeededLedger;
  test.beforeAll(async () => {
    seeded = await seedLedger();
    host = await startBuiltHost({}, { dataDir: seeded.dataDir });
  });
  test.afterAll(async () => {
    expect(await host.stop()).toBe(0);
  });
  test.use({ viewport: { width: 1440, height: 900 } });
  return {
    openUrl: () => host.openUrl,
    query<T>(sql: string, ...params: unknown[]): T[] {
      const db = new BetterSqlite3(seeded.databasePath, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
  };
}
