import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { databaseFileName } from '../../../src/main/environment-file';
import type { RunningHost } from './host';

/**
 * A running host's ledger from the test's side: a read-only look at its SQLite file (to check
 * each step there, not only on screen) and its HTTP API (to set a scene up as the renderer
 * would). `host` is read when called, so a spec can hand it over before `beforeAll` ran.
 */
export function hostLedger(host: () => RunningHost): {
  query<T>(sql: string, ...params: unknown[]): T[];
  api<T>(channel: string, input: unknown): Promise<T>;
} {
  return {
    query<T>(sql: string, ...params: unknown[]): T[] {
      const file = path.join(host().dataDir, databaseFileName('sandbox'));
      const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    async api<T>(channel: string, input: unknown): Promise<T> {
      const running = host();
      const response = await fetch(`${running.url}api/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${running.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as unknown;
      if (!response.ok) throw new Error(`${channel} was refused: ${JSON.stringify(body)}`);
      return body as T;
    },
  };
}

/** A day `days` before today (UTC, as the host and the test browser both count days here). */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}
