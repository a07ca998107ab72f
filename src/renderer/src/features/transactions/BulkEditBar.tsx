import { useState } from 'react';
import type { ChannelInput } from '../../../../shared/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { categoryLabel, plural } from '../../format/labels';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { useLedger } from '../../ledger/context';
import { DeleteDialog } from '../entry/DeleteDialog';
import { CategoryPicker } from './CategoryPicker';
import { announceEdit } from './undo';

type EditSet = ChannelInput<'transactions.update'>['set'];

/**
 * The rows picked in the list, changed together as one undo step. When every picked row is the
 * person's own (typed in or imported from a file), they can be deleted together too.
 */
export function BulkEditBar({
  ids,
  onClear,
  deletable = false,
}: {
  ids: string[];
  onClear(): void;
  deletable?: boolean;
}) {
  const ledger = useLedger();
  const update = useLedgerMutation('transactions.update');
  const [category, setCategory] = useState('');
  const [deleting, setDeleting] = useState(false);
  const apply = async (set: EditSet, title: string) => {
    const result = await update.run({ ids, set });
    if (result) announceEdit(ledger, title, result);
  };
  return (
    <section className="bulk-bar" aria-label="Change the picked transactions">
      <p className="bulk-count" aria-live="polite">
        {plural(ids.length, 'transaction')} picked
      </p>
      <CategoryPicker
        compact
        label="Category for the picked"
        value={category}
        onChange={setCategory}
      />
      <button
        type="button"
        className="button"
        disabled={update.pending || category.trim() === ''}
        onClick={() =>
          void apply(
            { category: category.trim() },
            `Category set to ${categoryLabel(category.trim())}`,
          )
        }
      >
        Set category
      </button>
      <button
        type="button"
        className="button"
        disabled={update.pending}
        onClick={() => void apply({ reviewed: true }, 'Marked as reviewed')}
      >
        Mark reviewed
      </button>
      <button
        type="button"
        className="button"
        disabled={update.pending}
        onClick={() => void apply({ excluded: true }, 'Left out of reports')}
      >
        Leave out of reports
      </button>
      {deletable ? (
        <button
          type="button"
          className="button button-danger-ghost"
          disabled={update.pending}
          onClick={() => setDeleting(true)}
        >
          Delete
        </button>
      ) : null}
      <button type="button" className="button button-ghost" onClick={onClear}>
        Clear the picks
      </button>
      {update.error ? <ErrorNotice error={update.error} /> : null}
      {deleting ? (
        <DeleteDialog
          ids={ids}
          what={
            ids.length === 1
              ? 'The picked transaction, entered by hand or imported from a file.'
              : `The ${ids.length} picked transactions, entered by hand or imported from a file.`
          }
          onDeleted={() => {
            setDeleting(false);
            onClear();
          }}
          onClose={() => setDeleting(false)}
        />
      ) : null}
    </section>
  );
}
