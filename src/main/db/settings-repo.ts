import type { z } from 'zod';
import type { Database } from './open';

/** Non-secret settings as JSON values under string keys. Secrets go to the keychain, never here. */
export class SettingsRepo {
  private readonly selectOne;
  private readonly upsert;

  constructor(db: Database) {
    this.selectOne = db.prepare<[string], { value: string }>(
      'SELECT value FROM settings WHERE key = ?',
    );
    this.upsert = db.prepare<[string, string]>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
  }

  /** A stored value that no longer parses (hand-edited file, older format) reads as the default. */
  get<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
    const row = this.selectOne.get(key);
    if (!row) return fallback;
    try {
      const parsed = schema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : fallback;
    } catch {
      return fallback;
    }
  }

  set(key: string, value: unknown): void {
    this.upsert.run(key, JSON.stringify(value));
  }
}
