import type { Database } from './open';

/** A category as a merge deleted it, kept so undoing the merge can put it back. */
export interface MergedCategory {
  name: string;
  plaid_key: string | null;
  hidden: number;
  created_at: string;
}

/** A rule whose actions a merge rewrote: the exact JSON before and after. */
export interface RewrittenRule {
  id: number;
  before: string;
  after: string;
}

export function recordMerge(
  db: Database,
  groupId: number,
  category: MergedCategory,
  rules: readonly RewrittenRule[],
  now: string,
): void {
  db.prepare(
    'INSERT INTO category_merges (group_id, category, rules, merged_at) VALUES (?, ?, ?, ?)',
  ).run(groupId, JSON.stringify(category), JSON.stringify(rules), now);
}

/**
 * When the undone group was a merge of categories: the merged category comes back (unless its
 * name or Plaid key was taken since), and each rule the merge rewrote gets its old actions back
 * if nobody changed it since. Rows are put back by the undo itself, from the edit log.
 */
export function restoreMergedCategory(db: Database, groupId: number): void {
  const merge = db
    .prepare<[number], { category: string; rules: string }>(
      'SELECT category, rules FROM category_merges WHERE group_id = ?',
    )
    .get(groupId);
  if (!merge) return;
  const category = JSON.parse(merge.category) as MergedCategory;
  db.prepare(
    `INSERT OR IGNORE INTO categories (name, plaid_key, hidden, created_at) VALUES (?, ?, ?, ?)`,
  ).run(category.name, category.plaid_key, category.hidden, category.created_at);
  const putBack = db.prepare('UPDATE rules SET actions = ? WHERE id = ? AND actions = ?');
  for (const rule of JSON.parse(merge.rules) as RewrittenRule[]) {
    putBack.run(rule.before, rule.id, rule.after);
  }
  db.prepare('DELETE FROM category_merges WHERE group_id = ?').run(groupId);
}
