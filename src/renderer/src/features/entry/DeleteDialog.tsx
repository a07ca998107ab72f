import { useState, type ReactNode } from 'react';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { plural } from '../../format/labels';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { useLedger } from '../../ledger/context';
import { announceUndoable } from '../transactions/undo';

/**
 * Asks before deleting rows the person owns (typed in or imported from a file), saying it can be
 * undone; then deletes them as one undo step and offers Undo in a toast.
 */
export function DeleteDialog({
  ids,
  what,
  onDeleted,
  onClose,
}: {
  ids: string[];
  /** What is deleted, in words, for the question ("“Coffee”, −€3.50 on Mar 3, 2025"). */
  what: ReactNode;
  onDeleted(): void;
  onClose(): void;
}) {
  const ledger = useLedger();
  const remove = useLedgerMutation('transactions.delete');
  // Stays busy after a success too, until the dialog is gone, so it cannot be pressed twice.
  const [done, setDone] = useState(false);
  const busy = remove.pending || done;
  const count = plural(ids.length, 'transaction');

  async function confirm() {
    const result = await remove.run({ ids });
    if (!result) return;
    setDone(true);
    announceUndoable(
      ledger,
      ids.length === 1 ? 'Transaction deleted' : `${count} deleted`,
      `Ctrl+Z (⌘Z on a Mac) brings ${ids.length === 1 ? 'it' : 'them'} back too.`,
    );
    onDeleted();
  }

  return (
    <Dialog
      title={ids.length === 1 ? 'Delete this transaction?' : `Delete ${count}?`}
      description={
        <>
          <p>{what}</p>
          <p>
            {ids.length === 1 ? 'It leaves' : 'They leave'} your transactions, reports and the
            account’s balance. You can undo this right after, from the message that appears.
          </p>
        </>
      }
      onClose={onClose}
      footer={
        <DialogActions
          label={ids.length === 1 ? 'Delete it' : `Delete ${count}`}
          busyLabel="Deleting…"
          busy={busy}
          tone="danger"
          onCancel={onClose}
          onConfirm={() => void confirm()}
        />
      }
    >
      {remove.error ? <ErrorNotice error={remove.error} title="Nothing was deleted" /> : null}
    </Dialog>
  );
}
