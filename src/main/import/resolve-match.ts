import { LedgerError } from '../../shared/errors';
import type { EditResult } from '../../shared/model';
import { ImportsRepo, MAYBE_SAME_MONEY } from '../db/imports-repo';
import { ManualAccountsRepo } from '../db/manual-accounts-repo';
import type { Database } from '../db/open';
import { mergeRows } from '../db/row-merge';
import type { TransactionRow } from '../db/transactions-repo';

/**
 * The person settles a suggested match: the row is the same money as one of the candidates (the
 * two become one), or it is not (both stay and the question goes away). Of two rows that become
 * one, the bank's is kept, since the bank keeps its facts up to date; otherwise the row that was
 * here first is kept. Two of the bank's own rows are never made one.
 */
export function resolveMatch(
  db: Database,
  id: string,
  sameAs: string | null,
  now: string,
): EditResult {
  return db.transaction((): EditResult => {
    const imports = new ImportsRepo(db);
    const row = visibleRow(db, id);
    const suggestion = imports.suggestionOn(row.seq);
    if (!suggestion) {
      throw new LedgerError(
        'VALIDATION',
        'There is no open question about whether this transaction is already here.',
      );
    }
    if (sameAs === null) {
      imports.keepBoth(suggestion.batchId, row.seq);
      return { editId: null, changedRows: 1 };
    }
    const other = visibleRow(db, sameAs);
    if (!suggestion.candidates.includes(other.seq)) {
      throw new LedgerError(
        'VALIDATION',
        'Choose one of the transactions suggested as the same money.',
      );
    }
    if (row.source === 'plaid' && other.source === 'plaid') {
      throw new LedgerError(
        'VALIDATION',
        'Both of these come from your bank, which counts them as two transactions; leave both.',
      );
    }
    const keep = row.source === 'plaid' ? row : other;
    const gone = keep === row ? other : row;
    mergeRows(db, keep.seq, gone.seq, now);
    imports.link(suggestion.batchId, keep.seq, 'confirmed', 'person', null);
    db.prepare(
      'UPDATE transactions SET needs_review = NULL WHERE seq = ? AND needs_review = ?',
    ).run(keep.seq, MAYBE_SAME_MONEY);
    new ManualAccountsRepo(db).refreshBalance(keep.account_id, now);
    return { editId: null, changedRows: 2 };
  })();
}

function visibleRow(db: Database, id: string): TransactionRow {
  const row = db
    .prepare<[string], TransactionRow>(
      'SELECT * FROM transactions WHERE id = ? AND removed_at IS NULL',
    )
    .get(id);
  if (!row) throw new LedgerError('NOT_FOUND', 'That transaction is not in your ledger any more.');
  return row;
}
