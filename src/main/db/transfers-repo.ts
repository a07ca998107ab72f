import { LedgerError } from '../../shared/errors';
import type {
  ConfirmedTransfer,
  TransferDecision,
  TransferSide,
  TransferSuggestion,
} from '../../shared/model';
import { pickPairs, type Candidate } from '../transfers/pick';
import type { Database } from './open';
import { addDays } from '../iso-days';

/** Why a row of a confirmed transfer wants a look; cleared when the person takes the pair apart. */
export const TRANSFER_AMOUNT_CHANGED =
  'The bank changed the amount of a transfer you confirmed; check that the two sides still match.';
export const TRANSFER_SIDE_REMOVED =
  'The bank removed the other side of this transfer; undo the transfer if it no longer applies.';

/** How far apart (in days) the two sides of a transfer may be dated to be suggested. */
export const TRANSFER_MAX_DAYS_APART = 4;
/** Suggestions look back this far, so the cost follows recent activity, not the ledger's age. */
export const TRANSFER_WINDOW_DAYS = 400;
/**
 * At most this many candidate pairs are ranked. Far more than a person could review; it only
 * bounds the work when a ledger holds many rows of one round amount (a weekly allowance).
 */
const MAX_CANDIDATES = 20_000;

/**
 * Every pairing the suggestions rank. The money-out rows of the window are walked by date, and
 * each seeks its opposite amount through transactions_visible_by_transfer, so the cost grows with
 * the rows in the window, not with the ledger or the square of it (about 15 ms at 100k rows).
 * The index choices are pinned because without ANALYZE statistics SQLite prefers walking every
 * money-out row of the ledger. Parameters: days apart (twice), the window's first date, the cap.
 */
export const CANDIDATES_SQL = `SELECT o.seq AS outSeq, i.seq AS inSeq, o.date AS outDate,
          CAST(abs(julianday(i.date) - julianday(o.date)) AS INTEGER) AS daysApart
   FROM transactions o INDEXED BY transactions_visible_by_date
   JOIN transactions i INDEXED BY transactions_visible_by_transfer
     ON i.currency = o.currency AND i.amount = -o.amount
    AND i.date BETWEEN date(o.date, '-' || ? || ' days') AND date(o.date, '+' || ? || ' days')
    AND i.removed_at IS NULL AND i.account_id <> o.account_id
   WHERE o.removed_at IS NULL AND o.amount < 0 AND o.date >= ?
     AND NOT EXISTS (SELECT 1 FROM transfer_pairs p
                     WHERE p.out_seq = o.seq AND p.status = 'confirmed')
     AND NOT EXISTS (SELECT 1 FROM transfer_pairs p
                     WHERE p.in_seq = i.seq AND p.status = 'confirmed')
     AND NOT EXISTS (SELECT 1 FROM transfer_pairs p
                     WHERE p.out_seq = o.seq AND p.in_seq = i.seq)
   LIMIT ?`;

interface SideRow {
  seq: number;
  id: string;
  account_id: string;
  account_name: string;
  date: string;
  name: string;
  amount: number;
  currency: string;
}

const SIDE_COLUMNS = `t.seq, t.id, t.account_id, COALESCE(a.user_name, a.name) AS account_name,
  t.date, COALESCE(t.payee, t.merchant_name, t.name) AS name, t.amount, t.currency`;

/**
 * Transfers between the person's own accounts: suggested pairs (computed on each read) and the
 * person's decisions about them (`transfer_pairs`). A pair is always stored money-out first.
 */
export class TransfersRepo {
  constructor(private readonly db: Database) {}

  /**
   * Pairs of visible rows in two different accounts with opposite amounts in one currency, dated
   * at most four days apart, where neither row is in a confirmed pair and the person has not
   * rejected that pair. Newest first.
   */
  suggestions(today: string, limit: number): TransferSuggestion[] {
    const from = addDays(today, -TRANSFER_WINDOW_DAYS);
    const candidates = this.db
      .prepare<[number, number, string, number], Candidate & { outDate: string }>(CANDIDATES_SQL)
      .all(TRANSFER_MAX_DAYS_APART, TRANSFER_MAX_DAYS_APART, from, MAX_CANDIDATES);
    // Newest first, and only the shown pairs' rows are read back.
    const shown = pickPairs(candidates)
      .sort((a, b) =>
        a.outDate < b.outDate ? 1 : a.outDate > b.outDate ? -1 : a.outSeq - b.outSeq,
      )
      .slice(0, limit);
    if (shown.length === 0) return [];
    const sides = this.sides(shown.flatMap((p) => [p.outSeq, p.inSeq]));
    return shown.map((p) => ({
      out: toSide(sides.get(p.outSeq)!),
      in: toSide(sides.get(p.inSeq)!),
      daysApart: p.daysApart,
    }));
  }

  /** Marks two rows as one transfer. Refuses a pair that cannot be one, with the reason. */
  confirm(firstId: string, secondId: string, now: string): TransferDecision {
    const { out, into } = this.pair(firstId, secondId);
    const taken = this.db
      .prepare<[number, number, number, number], { out_seq: number; in_seq: number }>(
        `SELECT out_seq, in_seq FROM transfer_pairs
         WHERE status = 'confirmed' AND (out_seq = ? OR in_seq = ?)
           AND NOT (out_seq = ? AND in_seq = ?)`,
      )
      .get(out.seq, into.seq, out.seq, into.seq);
    if (taken) {
      const which = taken.out_seq === out.seq ? out : into;
      throw new LedgerError(
        'CONFLICT',
        `The ${describe(which)} is already part of another transfer. Undo that transfer first.`,
      );
    }
    this.decide(out.seq, into.seq, 'confirmed', now);
    return { outId: out.id, inId: into.id, status: 'confirmed' };
  }

  /** Records that two rows are not one transfer, so the pair is never suggested again. */
  reject(firstId: string, secondId: string, now: string): TransferDecision {
    const { out, into } = this.pair(firstId, secondId);
    this.decide(out.seq, into.seq, 'rejected', now);
    return { outId: out.id, inId: into.id, status: 'rejected' };
  }

  /**
   * Takes back a confirmation: both rows count as spending and income again. The rows are not
   * checked again, so a pair the bank has since changed (a new amount) can still be taken back.
   */
  unconfirm(firstId: string, secondId: string): TransferDecision {
    // Either side may be gone from the bank: the person must still be able to take the pair apart.
    const first = this.row(firstId, true);
    const second = this.row(secondId, true);
    const [out, into] = first.amount < 0 ? [first, second] : [second, first];
    const deleted = this.db
      .prepare(
        `DELETE FROM transfer_pairs WHERE status = 'confirmed'
           AND ((out_seq = ? AND in_seq = ?) OR (out_seq = ? AND in_seq = ?))`,
      )
      .run(out.seq, into.seq, into.seq, out.seq).changes;
    if (deleted === 0) {
      throw new LedgerError('NOT_FOUND', 'Those two transactions are not marked as a transfer.');
    }
    this.db
      .prepare(
        `UPDATE transactions SET needs_review = NULL
         WHERE seq IN (?, ?) AND needs_review IN (?, ?)`,
      )
      .run(out.seq, into.seq, TRANSFER_AMOUNT_CHANGED, TRANSFER_SIDE_REMOVED);
    return { outId: out.id, inId: into.id, status: 'none' };
  }

  /** The confirmed transfer a row is part of, with its other side, or null. */
  confirmedWith(seq: number): ConfirmedTransfer | null {
    const pair = this.db
      .prepare<[number, number], { out_seq: number; in_seq: number }>(
        `SELECT out_seq, in_seq FROM transfer_pairs
         WHERE status = 'confirmed' AND (out_seq = ? OR in_seq = ?)`,
      )
      .get(seq, seq);
    if (!pair) return null;
    const rows = this.db
      .prepare<[number, number], SideRow & { removed: number }>(
        `SELECT ${SIDE_COLUMNS}, t.removed_at IS NOT NULL AS removed
         FROM transactions t JOIN accounts a ON a.id = t.account_id WHERE t.seq IN (?, ?)`,
      )
      .all(pair.out_seq, pair.in_seq);
    const out = rows.find((r) => r.seq === pair.out_seq);
    const into = rows.find((r) => r.seq === pair.in_seq);
    const other = seq === pair.out_seq ? into : out;
    if (!out || !into || !other) return null;
    return {
      outId: out.id,
      inId: into.id,
      other: { ...toSide(other), removed: other.removed === 1 },
    };
  }

  private decide(outSeq: number, inSeq: number, status: 'confirmed' | 'rejected', now: string) {
    this.db
      .prepare(
        `INSERT INTO transfer_pairs (out_seq, in_seq, status, decided_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (out_seq, in_seq) DO UPDATE SET status = excluded.status,
           decided_at = excluded.decided_at`,
      )
      .run(outSeq, inSeq, status, now);
  }

  /**
   * The two rows of a pair, money out first whichever order they were named in, or the reason
   * they cannot be one transfer.
   */
  private pair(firstId: string, secondId: string): { out: SideRow; into: SideRow } {
    const first = this.row(firstId);
    const second = this.row(secondId);
    if (first.seq === second.seq) {
      throw new LedgerError('VALIDATION', 'A transfer needs two different transactions.');
    }
    if (first.account_id === second.account_id) {
      throw new LedgerError(
        'VALIDATION',
        'Both transactions are in the same account; a transfer moves money between two accounts.',
      );
    }
    if (first.currency !== second.currency) {
      throw new LedgerError(
        'VALIDATION',
        `These transactions are in different currencies (${first.currency} and ${second.currency}), so they cannot be one transfer.`,
      );
    }
    if (first.amount === 0 || first.amount !== -second.amount) {
      throw new LedgerError(
        'VALIDATION',
        'A transfer is the same amount leaving one account and arriving in the other; these amounts do not match.',
      );
    }
    return first.amount < 0 ? { out: first, into: second } : { out: second, into: first };
  }

  /** A visible row by its Plaid id, or by an id it had before (its pending id once posted). */
  private row(plaidId: string, includeRemoved = false): SideRow {
    const found = this.db
      .prepare<[number, string, string], SideRow>(
        `SELECT ${SIDE_COLUMNS} FROM transactions t JOIN accounts a ON a.id = t.account_id
         WHERE (? = 1 OR t.removed_at IS NULL) AND t.seq = COALESCE(
           (SELECT seq FROM transactions WHERE id = ?),
           (SELECT seq FROM transaction_aliases WHERE plaid_id = ?))`,
      )
      .get(includeRemoved ? 1 : 0, plaidId, plaidId);
    if (!found) throw new LedgerError('NOT_FOUND', 'That transaction is not in your ledger.');
    return found;
  }

  private sides(seqs: number[]): Map<number, SideRow> {
    const result = new Map<number, SideRow>();
    const select = this.db.prepare<[string], SideRow>(
      `SELECT ${SIDE_COLUMNS} FROM transactions t JOIN accounts a ON a.id = t.account_id
       WHERE t.seq IN (SELECT value FROM json_each(?))`,
    );
    for (const row of select.all(JSON.stringify(seqs))) result.set(row.seq, row);
    return result;
  }
}

function toSide(row: SideRow): TransferSide {
  return {
    id: row.id,
    date: row.date,
    name: row.name,
    amount: row.amount,
    currency: row.currency,
    accountId: row.account_id,
    accountName: row.account_name,
  };
}

/** A row as a person would recognise it in a sentence. */
function describe(row: SideRow): string {
  return `transaction "${row.name}" on ${row.date} in ${row.account_name}`;
}
