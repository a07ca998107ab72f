import type { TransactionSplit } from '../../shared/model';
import type { Database } from './open';
import { withStatementCache } from './statement-cache';

/** Why a split row wants a look once the bank changed its amount under its parts. */
export const SPLIT_NO_LONGER_ADDS_UP = 'The bank changed the amount; the split no longer adds up.';

/**
 * The parts a person split a row into, in their order. They hang off the row's `seq`, so a
 * posted row that takes over its pending row keeps them; the feed never writes or rescales them.
 */
export class SplitsRepo {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = withStatementCache(db);
  }

  /** The parts of many rows in one query (a page's worth), keyed by seq; unsplit rows are absent. */
  partsFor(seqs: readonly number[]): Map<number, TransactionSplit[]> {
    const result = new Map<number, TransactionSplit[]>();
    if (seqs.length === 0) return result;
    const rows = this.db
      .prepare<[string], TransactionSplit & { seq: number }>(
        `SELECT seq, amount, category, notes FROM transaction_splits
         WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY seq, position`,
      )
      .all(JSON.stringify(seqs));
    for (const { seq, ...part } of rows) {
      const parts = result.get(seq);
      if (parts) parts.push(part);
      else result.set(seq, [part]);
    }
    return result;
  }

  partsOf(seq: number): TransactionSplit[] {
    return this.partsFor([seq]).get(seq) ?? [];
  }

  /**
   * Flags the row when its parts no longer add up to its amount, and takes the flag away once
   * they do again (or the split is gone); any other reason for review stays as it is.
   */
  recheck(seq: number): void {
    this.db
      .prepare(
        `UPDATE transactions SET needs_review = CASE
           WHEN EXISTS (SELECT 1 FROM transaction_splits s WHERE s.seq = transactions.seq)
             AND amount <> (SELECT SUM(s.amount) FROM transaction_splits s WHERE s.seq = transactions.seq)
             THEN @sentence
           WHEN needs_review = @sentence THEN NULL
           ELSE needs_review END
         WHERE seq = @seq`,
      )
      .run({ seq, sentence: SPLIT_NO_LONGER_ADDS_UP });
  }

  /** Replaces the row's parts with these (none: the row is whole again). */
  replace(seq: number, parts: readonly TransactionSplit[]): void {
    this.db.prepare('DELETE FROM transaction_splits WHERE seq = ?').run(seq);
    const insert = this.db.prepare(
      `INSERT INTO transaction_splits (seq, position, amount, category, notes)
       VALUES (?, ?, ?, ?, ?)`,
    );
    parts.forEach((part, position) =>
      insert.run(seq, position, part.amount, part.category, part.notes),
    );
  }
}
