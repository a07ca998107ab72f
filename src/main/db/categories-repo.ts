import {
  isPlaidKey,
  plaidCategoryName,
  plaidKeyWords,
  type CategoryInfo,
} from '../../shared/categories';
import { LedgerError } from '../../shared/errors';
import type { EditResult } from '../../shared/model';
import { recordMerge, type RewrittenRule } from './category-merges';
import type { Database } from './open';
import { TransactionEditsRepo } from './transaction-edits-repo';

interface CategoryRow {
  id: number;
  name: string;
  plaid_key: string | null;
  hidden: number;
  created_at: string;
}

type SourceParams = { key: string | null; name: string };

/** What rows carry for a category: its Plaid key when it has one, else its name. */
function refOf(row: Pick<CategoryRow, 'name' | 'plaid_key'>): string {
  return row.plaid_key ?? row.name;
}

/** Quotes a name for a sentence a person reads. */
const q = (name: string) => `“${name}”`;

/**
 * The person's categories (see migration 13): a Plaid category keeps its key, which its rows
 * carry, so renaming it rewrites no row; a category of the person's own is carried by name, so
 * renaming it rewrites the rows, split parts, edit log and rules that name it, in one transaction.
 */
export class CategoriesRepo {
  private readonly edits: TransactionEditsRepo;

  constructor(private readonly db: Database) {
    this.edits = new TransactionEditsRepo(db);
  }

  /**
   * Every category, with how many rows in view show it. A category in use that is not in the
   * list (typed into a transaction, or a Plaid key that arrived later) is listed too, so no row is
   * ever in a category the person cannot see or act on.
   */
  list(): CategoryInfo[] {
    const rows = this.rows();
    const byKey = new Map<string, CategoryInfo>();
    const byName = new Map<string, CategoryInfo>();
    const result: CategoryInfo[] = rows.map((row) => {
      const info: CategoryInfo = {
        category: refOf(row),
        // A Plaid category the person never renamed shows the app's current name for it.
        name:
          row.plaid_key !== null && row.name === plaidKeyWords(row.plaid_key)
            ? plaidCategoryName(row.plaid_key)
            : row.name,
        plaidKey: row.plaid_key,
        hidden: row.hidden === 1,
        count: 0,
      };
      if (row.plaid_key !== null) byKey.set(row.plaid_key, info);
      byName.set(row.name.toLowerCase(), info);
      return info;
    });
    const used = this.db
      .prepare<[], { value: string; count: number }>(
        `SELECT COALESCE(user_category, category) AS value, COUNT(*) AS count FROM transactions
         WHERE removed_at IS NULL AND COALESCE(user_category, category) IS NOT NULL
         GROUP BY 1`,
      )
      .all();
    for (const { value, count } of used) {
      const found = byKey.get(value) ?? byName.get(value.toLowerCase());
      if (found) {
        found.count += count;
        continue;
      }
      const key = isPlaidKey(value) ? value : null;
      const extra: CategoryInfo = {
        category: value,
        name: key ? plaidCategoryName(key) : value,
        plaidKey: key,
        hidden: false,
        count,
      };
      if (key) byKey.set(key, extra);
      byName.set(value.toLowerCase(), extra);
      result.push(extra);
    }
    return result.sort(
      (a, b) => a.name.localeCompare(b.name) || a.category.localeCompare(b.category),
    );
  }

  create(name: string, now: string): CategoryInfo {
    return this.db.transaction(() => {
      const existing = this.listed(name);
      if (existing) {
        throw new LedgerError(
          'CONFLICT',
          `There is already a category called ${q(existing.name)}.`,
        );
      }
      this.checkNewName(name);
      this.db
        .prepare('INSERT INTO categories (name, plaid_key, created_at) VALUES (?, NULL, ?)')
        .run(name, now);
      return this.info(name);
    })();
  }

  /**
   * Gives a category a new name. Rows that carry the old name follow; rows Plaid files under the
   * category's key show the new name through the key; rules that set the old name set the new.
   */
  rename(from: string, to: string, now: string): CategoryInfo {
    return this.db.transaction(() => {
      const row = this.resolve(from, now);
      if (row.name === to) return this.info(to);
      this.checkNewName(to);
      const other = this.listed(to);
      if (other && other.id !== row.id) {
        throw new LedgerError(
          'CONFLICT',
          `There is already a category called ${q(other.name)}. To put the transactions of ` +
            `${q(row.name)} into it, merge ${q(row.name)} into ${q(other.name)} instead.`,
        );
      }
      this.db.prepare('UPDATE categories SET name = ? WHERE id = ?').run(to, row.id);
      const isOld = (text: string) => text.toLowerCase() === row.name.toLowerCase();
      this.db
        .prepare('UPDATE transactions SET user_category = ? WHERE user_category = ? COLLATE NOCASE')
        .run(to, row.name);
      this.db
        .prepare('UPDATE transaction_splits SET category = ? WHERE category = ? COLLATE NOCASE')
        .run(to, row.name);
      this.renameInHistory(isOld, to);
      this.rewriteRules(isOld, to, now);
      return this.info(to);
    })();
  }

  /**
   * Puts every row and split part of `from` into `into`, as one undo group, points the rules
   * that set `from` at `into`, and deletes `from`. Undo takes all of it back.
   */
  merge(from: string, into: string, now: string): EditResult {
    return this.db.transaction((): EditResult => {
      const source = this.resolve(from, now);
      const target = this.resolve(into, now);
      if (source.id === target.id) {
        throw new LedgerError(
          'VALIDATION',
          `${q(source.name)} cannot be merged into itself; choose another category to merge it into.`,
        );
      }
      const to = refOf(target);
      const params: SourceParams = { key: source.plaid_key, name: source.name };
      const isFrom = (text: string) =>
        text === source.plaid_key || text.toLowerCase() === source.name.toLowerCase();
      const rows = this.db
        .prepare<[SourceParams], number>(
          `SELECT seq FROM transactions WHERE removed_at IS NULL
             AND (user_category = @key OR user_category = @name COLLATE NOCASE
                  OR (user_category IS NULL AND category = @key))`,
        )
        .pluck()
        .all(params);
      const parted = this.db
        .prepare<[SourceParams], number>(
          `SELECT DISTINCT s.seq FROM transaction_splits s JOIN transactions t ON t.seq = s.seq
           WHERE t.removed_at IS NULL AND (s.category = @key OR s.category = @name COLLATE NOCASE)`,
        )
        .pluck()
        .all(params);
      const result = this.edits.recategorize(rows, parted, isFrom, to, now);
      const rules = this.rewriteRules(isFrom, to, now);
      // With no rows moved there is no undo group to hang the merge on; it is then final.
      if (result.editId !== null) {
        const { name, plaid_key, hidden, created_at } = source;
        recordMerge(this.db, result.editId, { name, plaid_key, hidden, created_at }, rules, now);
      }
      this.db.prepare('DELETE FROM categories WHERE id = ?').run(source.id);
      return result;
    })();
  }

  /** A hidden category is not offered in pickers; rows that have it keep it. */
  setHidden(name: string, hidden: boolean, now: string): CategoryInfo {
    return this.db.transaction(() => {
      const row = this.resolve(name, now);
      this.db.prepare('UPDATE categories SET hidden = ? WHERE id = ?').run(hidden ? 1 : 0, row.id);
      return this.info(row.name);
    })();
  }

  private rows(): CategoryRow[] {
    return this.db.prepare<[], CategoryRow>('SELECT * FROM categories').all();
  }

  /** The stored category with this name (any letter case) or this Plaid key. */
  private listed(name: string): CategoryRow | undefined {
    return this.db
      .prepare<[{ name: string }], CategoryRow>(
        'SELECT * FROM categories WHERE name = @name COLLATE NOCASE OR plaid_key = @name',
      )
      .get({ name });
  }

  /**
   * The category a person named: a stored one, or one rows carry that is not stored yet, which is
   * stored now so it can be renamed, hidden or merged like any other.
   */
  private resolve(name: string, now: string): CategoryRow {
    const stored = this.listed(name);
    if (stored) return stored;
    const inUse = this.list().find(
      (c) => c.name.toLowerCase() === name.toLowerCase() || c.category === name,
    );
    if (!inUse) throw new LedgerError('NOT_FOUND', `There is no category called ${q(name)}.`);
    this.db
      .prepare('INSERT INTO categories (name, plaid_key, created_at) VALUES (?, ?, ?)')
      .run(inUse.name, inUse.plaidKey, now);
    return this.listed(inUse.name)!;
  }

  private info(name: string): CategoryInfo {
    const found = this.list().find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new LedgerError('NOT_FOUND', `There is no category called ${q(name)}.`);
    return found;
  }

  /** Refuses names that would read as one of Plaid's keys (rows carrying it would mean the key). */
  private checkNewName(name: string): void {
    if (name.trim() === '') {
      throw new LedgerError('VALIDATION', 'A category needs a name.');
    }
    if (isPlaidKey(name)) {
      throw new LedgerError(
        'VALIDATION',
        `${q(name)} is written the way the bank writes its own categories; use at least one ` +
          `lower-case letter or a space, for example ${q(plaidCategoryName(name))}.`,
      );
    }
  }

  /**
   * The edit log keeps the name a category had when each edit was made; it follows a rename so
   * that undoing an earlier edit still sees the row as that edit left it.
   */
  private renameInHistory(isOld: (text: string) => boolean, to: string): void {
    const edits = this.db
      .prepare<[], { id: number; field: string; before: string; after: string }>(
        `SELECT id, field, before, after FROM transaction_edits WHERE field IN ('category', 'splits')`,
      )
      .all();
    const update = this.db.prepare(
      'UPDATE transaction_edits SET before = ?, after = ? WHERE id = ?',
    );
    for (const edit of edits) {
      const before = renameInState(edit.field, edit.before, isOld, to);
      const after = renameInState(edit.field, edit.after, isOld, to);
      if (before !== edit.before || after !== edit.after) update.run(before, after, edit.id);
    }
  }

  /** Points the rules that set a category (or a split part's) at another; returns what changed. */
  private rewriteRules(isOld: (text: string) => boolean, to: string, now: string): RewrittenRule[] {
    const rules = this.db
      .prepare<[], { id: number; actions: string }>('SELECT id, actions FROM rules')
      .all();
    const update = this.db.prepare('UPDATE rules SET actions = ?, updated_at = ? WHERE id = ?');
    const changed: RewrittenRule[] = [];
    for (const rule of rules) {
      const actions = JSON.parse(rule.actions) as RuleActionsJson;
      let touched = false;
      if (typeof actions.category === 'string' && isOld(actions.category)) {
        actions.category = to;
        touched = true;
      }
      for (const part of actions.split?.parts ?? []) {
        if (typeof part.category === 'string' && isOld(part.category)) {
          part.category = to;
          touched = true;
        }
      }
      if (!touched) continue;
      const after = JSON.stringify(actions);
      update.run(after, now, rule.id);
      changed.push({ id: rule.id, before: rule.actions, after });
    }
    return changed;
  }
}

/** Only the parts of a rule's actions that name categories; the rest is kept as it is. */
interface RuleActionsJson {
  category?: unknown;
  split?: { parts?: { category?: unknown }[] };
}

/** One side of an edit with a category renamed: the field's value, or each part's category. */
function renameInState(
  field: string,
  json: string,
  isOld: (text: string) => boolean,
  to: string,
): string {
  const state = JSON.parse(json) as { value: unknown; locked: boolean };
  if (field === 'category') {
    if (typeof state.value !== 'string' || !isOld(state.value)) return json;
    return JSON.stringify({ ...state, value: to });
  }
  if (!Array.isArray(state.value)) return json;
  let touched = false;
  const parts = (state.value as { category: unknown }[]).map((part) => {
    if (typeof part.category !== 'string' || !isOld(part.category)) return part;
    touched = true;
    return { ...part, category: to };
  });
  return touched ? JSON.stringify({ ...state, value: parts }) : json;
}
