import type { TagCount } from '../../shared/model';
import type { Database } from './open';
import { withStatementCache } from './statement-cache';

/** Case-insensitive order, so "apple" and "Banana" sort the way a person reads them. */
export function sortTagNames(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
}

/**
 * The person's tags. A tag's name is unique whatever its letter case (the column is NOCASE), and
 * the first spelling someone typed is the one kept. Tags hang off the row's `seq`, so a posted row
 * that takes over its pending row carries them with no copying.
 */
export class TagsRepo {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = withStatementCache(db);
  }

  /** Tags on rows in view, with how many rows carry each; a tag no row carries is not offered. */
  list(): TagCount[] {
    const rows = this.db
      .prepare<[], TagCount>(
        `SELECT g.name AS name, COUNT(*) AS count
         FROM tags g JOIN transaction_tags tt ON tt.tag_id = g.id
         JOIN transactions t ON t.seq = tt.seq AND t.removed_at IS NULL
         GROUP BY g.id`,
      )
      .all();
    const order = sortTagNames(rows.map((r) => r.name));
    const byName = new Map(rows.map((r) => [r.name, r]));
    return order.map((name) => byName.get(name)!);
  }

  /** The sorted tag names of many rows in one query (a page's worth), keyed by seq. */
  namesFor(seqs: readonly number[]): Map<number, string[]> {
    const result = new Map<number, string[]>();
    if (seqs.length === 0) return result;
    const rows = this.db
      .prepare<[string], { seq: number; name: string }>(
        `SELECT tt.seq AS seq, g.name AS name FROM transaction_tags tt JOIN tags g ON g.id = tt.tag_id
         WHERE tt.seq IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(seqs));
    for (const row of rows) {
      const names = result.get(row.seq);
      if (names) names.push(row.name);
      else result.set(row.seq, [row.name]);
    }
    for (const [seq, names] of result) result.set(seq, sortTagNames(names));
    return result;
  }

  namesOf(seq: number): string[] {
    return this.namesFor([seq]).get(seq) ?? [];
  }

  /** The tag's id, making the tag when no tag of that name (in any letter case) exists. */
  idFor(name: string, now: string): number {
    const found = this.db
      .prepare<[string], { id: number }>('SELECT id FROM tags WHERE name = ?')
      .get(name);
    if (found) return found.id;
    return Number(
      this.db.prepare('INSERT INTO tags (name, created_at) VALUES (?, ?)').run(name, now)
        .lastInsertRowid,
    );
  }

  /** The existing spelling of a name, or undefined when no such tag exists. */
  spellingOf(name: string): string | undefined {
    return this.db
      .prepare<[string], { name: string }>('SELECT name FROM tags WHERE name = ?')
      .get(name)?.name;
  }

  /** Makes the row carry exactly these tags (made when missing). */
  setNames(seq: number, names: readonly string[], now: string): void {
    this.db.prepare('DELETE FROM transaction_tags WHERE seq = ?').run(seq);
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO transaction_tags (seq, tag_id) VALUES (?, ?)',
    );
    for (const name of names) insert.run(seq, this.idFor(name, now));
  }

  /** Ids of tags whose name holds the fragment anywhere, in any letter case (search). */
  idsMatching(fragment: string): number[] {
    const pattern = `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db
      .prepare<[string], { id: number }>("SELECT id FROM tags WHERE name LIKE ? ESCAPE '\\'")
      .all(pattern)
      .map((r) => r.id);
  }
}
