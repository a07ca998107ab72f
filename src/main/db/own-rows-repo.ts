import { randomUUID } from 'node:crypto';
import { LedgerError } from '../../shared/errors';
import type { EditResult, TransactionSource } from '../../shared/model';
import { currencyExponent } from '../plaid/money';
import type { Database } from './open';
import { SplitsRepo } from './splits-repo';
import { withStatementCache } from './statement-cache';
import { TagsRepo } from './tags-repo';
import type { TransactionRow } from './transactions-repo';

/** A row to add that is not Plaid's: typed by the person, or read from a file. */
export interface OwnRowInput {
  accountId: string;
  date: string;
  amount: number;
  /** The bank's (or the person's) description of the row. */
  name: string;
  payee: string | null;
  category: string | null;
  notes: string | null;
  /** Fields the person typed themselves, which rules then leave alone. */
  lockFields: boolean;
  tags?: readonly string[];
}

/** The bank-like facts of a row the person (or a file) owns, as its history records them. */
export const OWN_ROW_FIELDS = ['date', 'amount', 'description', 'deleted'] as const;
export type OwnRowField = (typeof OWN_ROW_FIELDS)[number];

interface OwnFieldState {
  value: string | number | boolean;
  /** What a history line shows for the value (an amount with its currency). */
  shown: string | boolean;
}

/**
 * Rows that belong to the person rather than to Plaid's feed: entered by hand or imported from a
 * file. They are written here with their history in `transaction_edits` (so adding, changing the
 * date, amount or text, and deleting are undo steps like any edit). Deleting marks a row removed,
 * never forgets it: a file's id still finds it, so importing the same file again adds nothing.
 */
export class OwnRowsRepo {
  private readonly db: Database;
  private readonly tags: TagsRepo;
  private readonly splits: SplitsRepo;

  constructor(db: Database) {
    this.db = withStatementCache(db);
    this.tags = new TagsRepo(db);
    this.splits = new SplitsRepo(db);
  }

  /** Adds one row; returns its seq. The caller runs the rules and refreshes the balance. */
  insert(
    input: OwnRowInput,
    source: Exclude<TransactionSource, 'plaid'>,
    batchId: number,
    now: string,
  ): { seq: number; id: string } {
    const currency = this.db
      .prepare<[string], { currency: string }>('SELECT currency FROM accounts WHERE id = ?')
      .get(input.accountId)?.currency;
    if (!currency)
      throw new LedgerError('NOT_FOUND', 'That account is not in your ledger any more.');
    const id = `${source}-${randomUUID()}`;
    const locks: Record<string, string> = {};
    if (input.lockFields) {
      if (input.payee !== null) locks.payee = now;
      if (input.category !== null) locks.category = now;
      if (input.notes !== null) locks.notes = now;
    }
    const seq = Number(
      this.db
        .prepare(
          `INSERT INTO transactions (id, account_id, connection_id, source, date, name, amount,
             currency, pending, batch_id, created_at, updated_at, payee, user_category, notes, locks)
           VALUES (?, ?, NULL, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          input.accountId,
          source,
          input.date,
          input.name,
          input.amount,
          currency,
          batchId,
          now,
          now,
          input.payee,
          input.category,
          input.notes,
          JSON.stringify(locks),
        ).lastInsertRowid,
    );
    if (input.tags && input.tags.length > 0) {
      const names = input.tags.map((name) => this.tags.spellingOf(name) ?? name);
      this.tags.setNames(seq, [...new Set(names)], now);
    }
    return { seq, id };
  }

  /** Records a hand-made row's creation, so undo can take it back. */
  recordCreated(seq: number, now: string): EditResult {
    const groupId = this.nextGroupId();
    this.record(groupId, seq, 'deleted', state(true), state(false), now);
    return { editId: groupId, changedRows: 1 };
  }

  /** Changes the date, amount or text of rows the person owns, as one undo step. */
  edit(
    id: string,
    change: { date?: string; amount?: number; name?: string },
    now: string,
  ): { result: EditResult; row: TransactionRow } {
    return this.db.transaction(() => {
      const row = this.ownRow(id, 'change its date, amount or description');
      const groupId = this.nextGroupId();
      let changed = false;
      const write = (field: OwnRowField, before: OwnFieldState, after: OwnFieldState) => {
        if (before.value === after.value) return;
        this.writeField(row.seq, field, after.value, now);
        this.record(groupId, row.seq, field, before, after, now);
        changed = true;
      };
      if (change.date !== undefined) write('date', state(row.date), state(change.date));
      if (change.amount !== undefined) {
        write('amount', money(row.amount, row.currency), money(change.amount, row.currency));
      }
      if (change.name !== undefined) {
        write('description', state(row.name), state(change.name));
      }
      return { result: { editId: changed ? groupId : null, changedRows: changed ? 1 : 0 }, row };
    })();
  }

  /** Deletes rows the person owns (marks them removed), as one undo step. */
  delete(ids: readonly string[], now: string): { result: EditResult; accounts: Set<string> } {
    return this.db.transaction(() => {
      const rows = [...new Set(ids)].map((id) => this.ownRow(id, 'be deleted'));
      const groupId = this.nextGroupId();
      for (const row of rows) {
        this.writeField(row.seq, 'deleted', true, now);
        this.record(groupId, row.seq, 'deleted', state(false), state(true), now);
      }
      return {
        result: { editId: groupId, changedRows: rows.length },
        accounts: new Set(rows.map((r) => r.account_id)),
      };
    })();
  }

  /**
   * Puts one recorded change back, when the row still shows what the change made (a newer change
   * stays). Called by undo for the fields this module records; true when something changed.
   */
  undo(seq: number, field: OwnRowField, before: string, after: string, now: string): boolean {
    const row = this.db
      .prepare<[number], TransactionRow>('SELECT * FROM transactions WHERE seq = ?')
      .get(seq);
    if (!row) return false;
    const wanted = (JSON.parse(after) as OwnFieldState).value;
    if (currentValue(row, field) !== wanted) return false;
    this.writeField(seq, field, (JSON.parse(before) as OwnFieldState).value, now);
    return true;
  }

  /** The account of a row by seq (to refresh a manual account's balance after an undo). */
  accountOf(seq: number): string | null {
    return (
      this.db
        .prepare<[number], { account_id: string }>(
          'SELECT account_id FROM transactions WHERE seq = ?',
        )
        .get(seq)?.account_id ?? null
    );
  }

  private ownRow(id: string, what: string): TransactionRow {
    const row = this.db
      .prepare<[string], TransactionRow>(
        'SELECT * FROM transactions WHERE id = ? AND removed_at IS NULL',
      )
      .get(id);
    if (!row) {
      throw new LedgerError(
        'NOT_FOUND',
        'That transaction is not in your ledger any more, so nothing was changed.',
      );
    }
    if (row.source === 'plaid') {
      throw new LedgerError(
        'VALIDATION',
        `Your bank keeps this transaction, so it cannot ${what} here; you can still change its payee, category and notes, or leave it out of reports.`,
      );
    }
    return row;
  }

  private writeField(seq: number, field: OwnRowField, value: unknown, now: string): void {
    const sql: Record<OwnRowField, string> = {
      date: 'UPDATE transactions SET date = ?, updated_at = ? WHERE seq = ?',
      amount: 'UPDATE transactions SET amount = ?, updated_at = ? WHERE seq = ?',
      description: 'UPDATE transactions SET name = ?, updated_at = ? WHERE seq = ?',
      deleted:
        'UPDATE transactions SET removed_at = CASE WHEN ? THEN ? END, updated_at = ? WHERE seq = ?',
    };
    if (field === 'deleted') this.db.prepare(sql.deleted).run(value ? 1 : 0, now, now, seq);
    else this.db.prepare(sql[field]).run(value, now, seq);
    // A split's parts are the person's: a new amount under them asks for a look.
    if (field === 'amount') this.splits.recheck(seq);
  }

  private record(
    groupId: number,
    seq: number,
    field: OwnRowField,
    before: OwnFieldState,
    after: OwnFieldState,
    now: string,
  ): void {
    this.db
      .prepare(
        `INSERT INTO transaction_edits (group_id, seq, field, before, after, source, at)
         VALUES (?, ?, ?, ?, ?, 'user', ?)`,
      )
      .run(groupId, seq, field, JSON.stringify(before), JSON.stringify(after), now);
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
}

export function isOwnRowField(field: string): field is OwnRowField {
  return (OWN_ROW_FIELDS as readonly string[]).includes(field);
}

/** What a history line shows for a recorded change of these fields. */
export function shownOwnValue(stateJson: string): string | boolean {
  return (JSON.parse(stateJson) as OwnFieldState).shown;
}

function currentValue(row: TransactionRow, field: OwnRowField): string | number | boolean {
  switch (field) {
    case 'date':
      return row.date;
    case 'amount':
      return row.amount;
    case 'description':
      return row.name;
    case 'deleted':
      return row.removed_at !== null;
  }
}

function state(value: string | boolean): OwnFieldState {
  return { value, shown: value };
}

function money(minor: number, currency: string): OwnFieldState {
  const digits = currencyExponent(currency) ?? 2;
  const sign = minor < 0 ? '-' : '';
  const whole = String(Math.abs(minor));
  const padded = whole.padStart(digits + 1, '0');
  const text = digits === 0 ? whole : `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
  return { value: minor, shown: `${sign}${text} ${currency}` };
}
