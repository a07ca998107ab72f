import { USER_FIELDS, type UserField } from '../../shared/model';
import type { Database } from './open';
import { SplitsRepo } from './splits-repo';
import { TagsRepo } from './tags-repo';
import { parseLocks, type TransactionRow } from './transactions-repo';

const COLUMN: Record<UserField, keyof TransactionRow> = {
  payee: 'payee',
  category: 'user_category',
  notes: 'notes',
  excluded: 'excluded',
  reviewed: 'reviewed',
};

/**
 * Makes two rows one, when they turn out to be the same money (the person settled a suggested
 * match, or Plaid posted a row the person had typed in). `keep` stays with its bank facts;
 * `gone` is deleted, and everything the person gave it moves over first: a field the person set
 * on `gone` fills the same field of `keep` unless the person set that one too, tags are joined,
 * parts move when `keep` has none, history, file ids and transfer decisions follow, and `gone`'s
 * id becomes another name of `keep`. Nothing the person did is lost.
 */
export function mergeRows(db: Database, keepSeq: number, goneSeq: number, now: string): void {
  const find = db.prepare<[number], TransactionRow>('SELECT * FROM transactions WHERE seq = ?');
  const keep = find.get(keepSeq);
  const gone = find.get(goneSeq);
  if (!keep || !gone || keepSeq === goneSeq) return;

  const keepLocks = parseLocks(keep.locks);
  const goneLocks = parseLocks(gone.locks);
  const locks = { ...keepLocks };
  const set: Partial<Record<UserField, unknown>> = {};
  for (const field of USER_FIELDS) {
    const column = COLUMN[field];
    const goneValue = gone[column];
    if (field in keepLocks) continue;
    const goneSet = field in goneLocks || (goneValue !== null && goneValue !== 0);
    const keepSet = keep[column] !== null && keep[column] !== 0;
    if (goneSet && (field in goneLocks || !keepSet)) {
      set[field] = goneValue;
      if (field in goneLocks) locks[field] = goneLocks[field]!;
    }
  }
  const assignments = Object.keys(set).map((f) => `${String(COLUMN[f as UserField])} = ?`);
  db.prepare(
    `UPDATE transactions SET ${[...assignments, 'locks = ?', 'updated_at = ?'].join(', ')}
     WHERE seq = ?`,
  ).run(...Object.values(set), JSON.stringify(locks), now, keepSeq);

  const tags = new TagsRepo(db);
  const joined = [...new Set([...tags.namesOf(keepSeq), ...tags.namesOf(goneSeq)])];
  tags.setNames(keepSeq, joined, now);

  const splits = new SplitsRepo(db);
  if (splits.partsOf(keepSeq).length === 0 && splits.partsOf(goneSeq).length > 0) {
    db.prepare('UPDATE transaction_splits SET seq = ? WHERE seq = ?').run(keepSeq, goneSeq);
    splits.recheck(keepSeq);
  }

  db.prepare('UPDATE transaction_edits SET seq = ? WHERE seq = ?').run(keepSeq, goneSeq);
  db.prepare('UPDATE OR IGNORE transaction_import_ids SET seq = ? WHERE seq = ?').run(
    keepSeq,
    goneSeq,
  );
  db.prepare('UPDATE OR IGNORE batch_links SET seq = ? WHERE seq = ?').run(keepSeq, goneSeq);
  // A transfer confirmed on the row that goes moves over unless the kept row has its own.
  db.prepare(
    `UPDATE OR IGNORE transfer_pairs SET out_seq = ? WHERE out_seq = ?
       AND in_seq <> ?`,
  ).run(keepSeq, goneSeq, keepSeq);
  db.prepare(
    `UPDATE OR IGNORE transfer_pairs SET in_seq = ? WHERE in_seq = ?
       AND out_seq <> ?`,
  ).run(keepSeq, goneSeq, keepSeq);
  db.prepare('UPDATE transaction_aliases SET seq = ? WHERE seq = ?').run(keepSeq, goneSeq);

  db.prepare('DELETE FROM transactions WHERE seq = ?').run(goneSeq);
  db.prepare(
    `INSERT INTO transaction_aliases (plaid_id, seq, reason, created_at) VALUES (?, ?, 'matched', ?)
     ON CONFLICT(plaid_id) DO UPDATE SET seq = excluded.seq, reason = excluded.reason`,
  ).run(gone.id, keepSeq, now);
}
