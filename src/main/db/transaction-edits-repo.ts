import { LedgerError } from '../../shared/errors';
import type {
  EditResult,
  HistoryField,
  TransactionChange,
  TransactionSplit,
  UserField,
} from '../../shared/model';
import { currencyExponent } from '../plaid/money';
import type { Plan } from '../rules/engine';
import { restoreMergedCategory } from './category-merges';
import type { Database } from './open';
import { isOwnRowField, OwnRowsRepo } from './own-rows-repo';
import { withStatementCache } from './statement-cache';
import { SplitsRepo } from './splits-repo';
import { sortTagNames, TagsRepo } from './tags-repo';
import { parseLocks, type TransactionRow } from './transactions-repo';

/** What a person sets: a value per user field; null on a text field gives it back to the bank. */
export type UserFieldPatch = Partial<{
  payee: string | null;
  category: string | null;
  notes: string | null;
  excluded: boolean;
  reviewed: boolean;
}>;

type Value = string | boolean | null;
type ListValue = string[] | TransactionSplit[];

/** A field's state as the history stores it: its value and whether the person set it. */
interface FieldState {
  value: Value;
  locked: boolean;
}

const COLUMN: Record<UserField, string> = {
  payee: 'payee',
  category: 'user_category',
  notes: 'notes',
  excluded: 'excluded',
  reviewed: 'reviewed',
};
const BOOLEAN_FIELDS = new Set<UserField>(['excluded', 'reviewed']);

type EditableRow = Pick<
  TransactionRow,
  | 'seq'
  | 'name'
  | 'payee'
  | 'user_category'
  | 'notes'
  | 'excluded'
  | 'reviewed'
  | 'locks'
  | 'amount'
  | 'currency'
>;

interface EditRecord {
  id: number;
  seq: number;
  field: HistoryField;
  before: string;
  after: string;
}

/** Who made a group of edits: the person, a rule they applied, or a rule a sync ran. */
export type EditSource = 'user' | 'rule' | 'rule-sync';

/** The sources `undoLast` takes back: what the person did or asked for, never a sync's work. */
const UNDOABLE = "source IN ('user', 'rule')";

/** A part as the person sent it; a missing category or note is none. */
export interface SplitPartInput {
  amount: number;
  category?: string | null;
  notes?: string | null;
}

/**
 * The person's edits to transactions: every change is written with its before and after state in
 * `transaction_edits`, one group per action, in the same SQLite transaction as the change itself.
 * That table is a row's history and the undo log at once, so undo never needs a second record.
 */
export class TransactionEditsRepo {
  private readonly tags: TagsRepo;
  private readonly splits: SplitsRepo;
  private readonly ownRows: OwnRowsRepo;

  private readonly db: Database;

  constructor(db: Database) {
    this.db = withStatementCache(db);
    this.tags = new TagsRepo(db);
    this.splits = new SplitsRepo(db);
    this.ownRows = new OwnRowsRepo(db);
  }

  /**
   * Sets fields on rows (by Plaid id); one undo group for all of them. With `payeeForSameText`,
   * a new payee also names every other row with the same bank text (except rows whose payee the
   * person set one by one) and every such row later syncs bring, through a payee rule.
   */
  apply(
    ids: readonly string[],
    patch: UserFieldPatch,
    now: string,
    options: { payeeForSameText?: boolean } = {},
  ): EditResult {
    return this.db.transaction((): EditResult => {
      const rows = this.rowsFor(ids);
      const groupId = this.nextGroupId();
      let changedRows = 0;
      if (options.payeeForSameText && typeof patch.payee === 'string') {
        changedRows += this.renamePayee(rows, patch.payee, groupId, now);
      }
      for (const row of rows) {
        const locks = parseLocks(row.locks);
        let changed = false;
        for (const field of Object.keys(patch) as UserField[]) {
          const wanted = patch[field];
          if (wanted === undefined) continue;
          const before: FieldState = { value: valueOf(row, field), locked: field in locks };
          // Clearing a text field hands it back to the bank; any value the person sets is theirs.
          const after: FieldState = { value: wanted, locked: wanted !== null };
          if (before.value === after.value && before.locked === after.locked) continue;
          this.writeField(row.seq, field, after, locks, now);
          this.record(groupId, row.seq, field, before, after, now);
          changed = true;
        }
        if (changed) changedRows++;
      }
      return { editId: changedRows > 0 ? groupId : null, changedRows };
    })();
  }

  /**
   * Adds and takes away tags on rows (by Plaid id), one undo group for all of them. Names match
   * whatever their letter case; a new tag keeps the spelling first typed, an existing one its own.
   */
  tag(
    ids: readonly string[],
    change: { add?: readonly string[]; remove?: readonly string[] },
    now: string,
  ): EditResult {
    return this.db.transaction((): EditResult => {
      const rows = this.rowsFor(ids);
      const groupId = this.nextGroupId();
      const add = uniqueNames((change.add ?? []).map((name) => this.tags.spellingOf(name) ?? name));
      const remove = new Set((change.remove ?? []).map((name) => name.toLowerCase()));
      let changedRows = 0;
      for (const row of rows) {
        const before = this.tags.namesOf(row.seq);
        const kept = before.filter((name) => !remove.has(name.toLowerCase()));
        const after = uniqueNames([
          ...kept,
          ...add.filter((name) => !remove.has(name.toLowerCase())),
        ]);
        if (sameJson(before, after)) continue;
        this.tags.setNames(row.seq, after, now);
        this.record(groupId, row.seq, 'tags', listState(before), listState(after), now);
        changedRows++;
      }
      return { editId: changedRows > 0 ? groupId : null, changedRows };
    })();
  }

  /**
   * Splits one row into parts that add up to its amount exactly (no parts: whole again), as one
   * undo group. Parts that do not add up are refused with the difference, and nothing changes.
   */
  split(id: string, input: readonly SplitPartInput[], now: string): EditResult {
    return this.db.transaction((): EditResult => {
      const [row] = this.rowsFor([id]);
      const parts: TransactionSplit[] = input.map((part) => ({
        amount: part.amount,
        category: part.category ?? null,
        notes: part.notes ?? null,
      }));
      if (parts.length === 1) {
        throw new LedgerError(
          'VALIDATION',
          'A split needs at least two parts; to put the transaction back whole, remove the split.',
        );
      }
      if (parts.some((part) => part.amount === 0)) {
        throw new LedgerError(
          'VALIDATION',
          'Every part of a split needs an amount; take away the parts of zero and try again.',
        );
      }
      const sum = parts.reduce((total, part) => total + part.amount, 0);
      if (parts.length > 0 && sum !== row!.amount) {
        const money = (minor: number) => decimal(minor, row!.currency);
        const left = row!.amount - sum;
        // What is left points the row's way when the parts fall short of it (money in or out).
        const shortOf = Math.sign(left) === Math.sign(row!.amount);
        throw new LedgerError(
          'VALIDATION',
          `The parts add up to ${money(sum)} but the transaction is ${money(row!.amount)}, ` +
            `so ${money(Math.abs(left))} is ${shortOf ? 'still to assign' : 'too much'}. ` +
            'Nothing was changed.',
        );
      }
      const before = this.splits.partsOf(row!.seq);
      if (sameJson(before, parts)) return { editId: null, changedRows: 0 };
      const groupId = this.nextGroupId();
      this.splits.replace(row!.seq, parts);
      this.splits.recheck(row!.seq);
      this.record(groupId, row!.seq, 'splits', listState(before), listState(parts), now);
      return { editId: groupId, changedRows: 1 };
    })();
  }

  /**
   * Writes what rules planned for rows, as one group. A rule's value is never locked: the person
   * can still change it, a later rule can override it, and a field the person set was already
   * left out of the plan. Tags are added, and a split is made only on a row that had none.
   */
  applyPlans(
    plans: readonly { seq: number; plan: Plan }[],
    source: Exclude<EditSource, 'user'>,
    now: string,
  ): EditResult {
    return this.db.transaction((): EditResult => {
      const find = this.db.prepare<[number], EditableRow>(
        'SELECT * FROM transactions WHERE seq = ? AND removed_at IS NULL',
      );
      const groupId = this.nextGroupId();
      let changedRows = 0;
      for (const { seq, plan } of plans) {
        const row = find.get(seq);
        if (!row) continue;
        const locks = parseLocks(row.locks);
        let changed = false;
        for (const change of plan.changes) {
          if (change.field in locks) continue;
          const before: FieldState = { value: valueOf(row, change.field), locked: false };
          const after: FieldState = { value: change.after, locked: false };
          if (before.value === after.value) continue;
          this.writeField(seq, change.field, after, locks, now);
          this.record(groupId, seq, change.field, before, after, now, source, change.ruleId);
          changed = true;
        }
        if (plan.addTags.length > 0) {
          const before = this.tags.namesOf(seq);
          const after = uniqueNames([
            ...before,
            ...plan.addTags.map((t) => this.tags.spellingOf(t.tag) ?? t.tag),
          ]);
          if (!sameJson(before, after)) {
            this.tags.setNames(seq, after, now);
            const ruleId = plan.addTags[0]!.ruleId;
            this.record(
              groupId,
              seq,
              'tags',
              listState(before),
              listState(after),
              now,
              source,
              ruleId,
            );
            changed = true;
          }
        }
        if (plan.split && this.splits.partsOf(seq).length === 0) {
          this.splits.replace(seq, plan.split.parts);
          this.splits.recheck(seq);
          const after = listState(plan.split.parts);
          this.record(groupId, seq, 'splits', listState([]), after, now, source, plan.split.ruleId);
          changed = true;
        }
        if (changed) changedRows++;
      }
      return { editId: changedRows > 0 ? groupId : null, changedRows };
    })();
  }

  /**
   * Puts rows and split parts into another category as one undo group (merging categories): each
   * row in `rows` (by seq) gets `to` as the person's category, and in each row of `parted` every
   * part whose category `isFrom` accepts gets `to`. Joins the caller's SQLite transaction.
   */
  recategorize(
    rows: readonly number[],
    parted: readonly number[],
    isFrom: (category: string) => boolean,
    to: string,
    now: string,
  ): EditResult {
    return this.db.transaction((): EditResult => {
      const groupId = this.nextGroupId();
      const changed = new Set<number>();
      const find = this.db.prepare<[number], EditableRow>(
        'SELECT * FROM transactions WHERE seq = ?',
      );
      for (const seq of new Set(rows)) {
        const row = find.get(seq);
        if (!row) continue;
        const locks = parseLocks(row.locks);
        const before: FieldState = { value: row.user_category, locked: 'category' in locks };
        const after: FieldState = { value: to, locked: true };
        if (before.value === after.value && before.locked) continue;
        this.writeField(seq, 'category', after, locks, now);
        this.record(groupId, seq, 'category', before, after, now);
        changed.add(seq);
      }
      for (const seq of new Set(parted)) {
        const before = this.splits.partsOf(seq);
        const after = before.map((part) =>
          part.category !== null && isFrom(part.category) ? { ...part, category: to } : part,
        );
        if (sameJson(before, after)) continue;
        this.splits.replace(seq, after);
        this.record(groupId, seq, 'splits', listState(before), listState(after), now);
        changed.add(seq);
      }
      return { editId: changed.size > 0 ? groupId : null, changedRows: changed.size };
    })();
  }

  /**
   * Puts back what the last not-yet-undone group changed. A field changed again since (by a
   * later edit) keeps its newer value: undo never throws away work it did not do.
   */
  undoLast(now: string): EditResult {
    return this.db.transaction((): EditResult => {
      const last = this.db
        .prepare<[], { group_id: number }>(
          `SELECT group_id FROM transaction_edits WHERE ${UNDOABLE} AND undone_at IS NULL
           ORDER BY group_id DESC LIMIT 1`,
        )
        .get();
      if (!last) throw new LedgerError('NOT_FOUND', 'There is nothing to undo.');
      const edits = this.db
        .prepare<[number], EditRecord>(
          `SELECT id, seq, field, before, after FROM transaction_edits
           WHERE group_id = ? ORDER BY id DESC`,
        )
        .all(last.group_id);
      const rows = new Set<number>();
      for (const edit of edits) {
        if (edit.field === 'tags' || edit.field === 'splits') {
          if (this.undoList(edit, edit.field, now)) rows.add(edit.seq);
          continue;
        }
        if (isOwnRowField(edit.field)) {
          if (this.ownRows.undo(edit.seq, edit.field, edit.before, edit.after, now)) {
            rows.add(edit.seq);
          }
          continue;
        }
        const field = edit.field;
        const row = this.db
          .prepare<[number], EditableRow>('SELECT * FROM transactions WHERE seq = ?')
          .get(edit.seq);
        if (!row) continue;
        const locks = parseLocks(row.locks);
        const after = JSON.parse(edit.after) as FieldState;
        const current: FieldState = {
          value: valueOf(row, field),
          locked: field in locks,
        };
        if (current.value !== after.value || current.locked !== after.locked) continue;
        this.writeField(edit.seq, field, JSON.parse(edit.before) as FieldState, locks, now);
        rows.add(edit.seq);
      }
      this.db
        .prepare('UPDATE transaction_edits SET undone_at = ? WHERE group_id = ?')
        .run(now, last.group_id);
      this.undoPayeeRules(last.group_id);
      restoreMergedCategory(this.db, last.group_id);
      return { editId: last.group_id, changedRows: rows.size };
    })();
  }

  /** A row's changes, newest first. */
  history(seq: number, limit = 200): TransactionChange[] {
    return this.db
      .prepare<
        [number, number],
        EditRecord & {
          at: string;
          undone_at: string | null;
          source: EditSource;
          rule_name: string | null;
        }
      >(
        `SELECT e.id, e.seq, e.field, e.before, e.after, e.at, e.undone_at, e.source,
           r.name AS rule_name
         FROM transaction_edits e LEFT JOIN rules r ON r.id = e.rule_id
         WHERE e.seq = ? ORDER BY e.id DESC LIMIT ?`,
      )
      .all(seq, limit)
      .map((edit) => ({
        field: edit.field,
        before: shownValue(edit.field, JSON.parse(edit.before) as { value: unknown }),
        after: shownValue(edit.field, JSON.parse(edit.after) as { value: unknown }),
        at: edit.at,
        undone: edit.undone_at !== null,
        by: edit.source === 'user' ? ('you' as const) : ('rule' as const),
        ruleName: edit.rule_name,
      }));
  }

  /**
   * Puts back a row's tags or parts as they were before the edit, unless they changed again
   * since (then the newer state stays, as for any field). True when something was put back.
   */
  private undoList(edit: EditRecord, field: 'tags' | 'splits', now: string): boolean {
    const after = (JSON.parse(edit.after) as { value: ListValue }).value;
    const before = (JSON.parse(edit.before) as { value: ListValue }).value;
    if (field === 'tags') {
      if (!sameJson(this.tags.namesOf(edit.seq), after)) return false;
      this.tags.setNames(edit.seq, before as string[], now);
    } else {
      if (!sameJson(this.splits.partsOf(edit.seq), after)) return false;
      this.splits.replace(edit.seq, before as TransactionSplit[]);
      this.splits.recheck(edit.seq);
    }
    return true;
  }

  /** The payee rules for the rows' bank texts, and the other rows with those texts. */
  private renamePayee(rows: EditableRow[], payee: string, groupId: number, now: string): number {
    const chosen = new Set(rows.map((r) => r.seq));
    let changed = 0;
    for (const name of new Set(rows.map((r) => r.name))) {
      const previous = this.db
        .prepare<[string], { payee: string; group_id: number | null }>(
          'SELECT payee, group_id FROM payee_rules WHERE raw_name = ?',
        )
        .get(name);
      this.db
        .prepare(
          `INSERT INTO payee_rules (raw_name, payee, group_id, replaced_payee, replaced_group_id,
             created_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(raw_name) DO UPDATE SET payee = excluded.payee, group_id = excluded.group_id,
             replaced_payee = excluded.replaced_payee,
             replaced_group_id = excluded.replaced_group_id, created_at = excluded.created_at`,
        )
        .run(name, payee, groupId, previous?.payee ?? null, previous?.group_id ?? null, now);
      const followers = this.db
        .prepare<[string], EditableRow>(
          `SELECT * FROM transactions WHERE name = ? AND removed_at IS NULL
             AND json_extract(locks, '$.payee') IS NULL`,
        )
        .all(name)
        .filter((r) => !chosen.has(r.seq) && r.payee !== payee);
      for (const row of followers) {
        const before: FieldState = { value: row.payee, locked: false };
        const after: FieldState = { value: payee, locked: false };
        this.writeField(row.seq, 'payee', after, parseLocks(row.locks), now);
        this.record(groupId, row.seq, 'payee', before, after, now);
        changed++;
      }
    }
    return changed;
  }

  /** Takes away the payee rules an undone group made, giving back any rule they replaced. */
  private undoPayeeRules(groupId: number): void {
    const made = this.db
      .prepare<
        [number],
        { raw_name: string; replaced_payee: string | null; replaced_group_id: number | null }
      >('SELECT raw_name, replaced_payee, replaced_group_id FROM payee_rules WHERE group_id = ?')
      .all(groupId);
    for (const rule of made) {
      if (rule.replaced_payee === null) {
        this.db.prepare('DELETE FROM payee_rules WHERE raw_name = ?').run(rule.raw_name);
      } else {
        this.db
          .prepare(
            `UPDATE payee_rules SET payee = ?, group_id = ?, replaced_payee = NULL,
               replaced_group_id = NULL WHERE raw_name = ?`,
          )
          .run(rule.replaced_payee, rule.replaced_group_id, rule.raw_name);
      }
    }
  }

  private rowsFor(ids: readonly string[]): EditableRow[] {
    const find = this.db.prepare<[string], EditableRow>(
      'SELECT * FROM transactions WHERE id = ? AND removed_at IS NULL',
    );
    const rows: EditableRow[] = [];
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const row = find.get(id);
      if (row) rows.push(row);
      else missing.push(id);
    }
    if (missing.length > 0) {
      throw new LedgerError(
        'NOT_FOUND',
        missing.length === 1
          ? 'That transaction is not in your ledger any more, so nothing was changed.'
          : `${missing.length} of those transactions are not in your ledger any more, so nothing was changed.`,
      );
    }
    return rows;
  }

  private nextGroupId(): number {
    return (
      this.db
        .prepare<[], { next: number }>(
          'SELECT COALESCE(MAX(group_id), 0) + 1 AS next FROM transaction_edits',
        )
        .get()?.next ?? 1
    );
  }

  private writeField(
    seq: number,
    field: UserField,
    state: FieldState,
    locks: Record<string, string>,
    now: string,
  ): void {
    if (state.locked) locks[field] = locks[field] ?? now;
    else delete locks[field];
    const value = BOOLEAN_FIELDS.has(field) ? (state.value ? 1 : 0) : state.value;
    this.db
      .prepare(`UPDATE transactions SET ${COLUMN[field]} = ?, locks = ? WHERE seq = ?`)
      .run(value, JSON.stringify(locks), seq);
  }

  private record(
    groupId: number,
    seq: number,
    field: HistoryField,
    before: FieldState | { value: ListValue; locked: false },
    after: FieldState | { value: ListValue; locked: false },
    now: string,
    source: EditSource = 'user',
    ruleId: number | null = null,
  ): void {
    this.db
      .prepare(
        `INSERT INTO transaction_edits (group_id, seq, field, before, after, source, at, rule_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(groupId, seq, field, JSON.stringify(before), JSON.stringify(after), source, now, ruleId);
  }
}

function valueOf(row: EditableRow, field: UserField): Value {
  switch (field) {
    case 'payee':
      return row.payee;
    case 'category':
      return row.user_category;
    case 'notes':
      return row.notes;
    case 'excluded':
      return row.excluded === 1;
    case 'reviewed':
      return row.reviewed === 1;
  }
}

/** Tags and parts are the person's alone (the feed never writes them), so they carry no lock. */
function listState(value: ListValue): { value: ListValue; locked: false } {
  return { value, locked: false };
}

/** Names without repeats whatever their letter case (the first spelling stays), sorted. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const name of names) if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  return sortTagNames(seen.values());
}

/** Both sides are built in the same key order from the same columns, so JSON compares them. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What a history line shows: a field's value, tag names joined, or a split's part count. */
function shownValue(
  field: HistoryField,
  state: { value: unknown; shown?: string | boolean },
): string | boolean | null {
  if (isOwnRowField(field)) return state.shown ?? null;
  const value = state.value;
  if (field === 'tags') {
    const names = Array.isArray(value) ? (value as string[]) : [];
    return names.length > 0 ? names.join(', ') : null;
  }
  if (field === 'splits') {
    const parts = Array.isArray(value) ? value.length : 0;
    return parts > 0 ? `${parts} parts` : null;
  }
  return value as Value;
}

/** An amount as exact decimal text ("12.50") from its minor units, never through a float. */
function decimal(minor: number, currency: string): string {
  const digits = currencyExponent(currency) ?? 2;
  const sign = minor < 0 ? '-' : '';
  const whole = String(Math.abs(minor));
  if (digits === 0) return `${sign}${whole} ${currency}`;
  const padded = whole.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)} ${currency}`;
}
