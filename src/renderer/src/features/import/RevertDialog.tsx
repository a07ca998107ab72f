import { useState } from 'react';
import type { ImportBatch } from '../../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { plural } from '../../format/labels';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { toast } from '../../store/toasts';

/** Taking a file import back: its rows go, rows it only found already here stay. */
export function RevertDialog({ batch, onClose }: { batch: ImportBatch; onClose(): void }) {
  const revert = useLedgerMutation('import.revert');
  // Stays busy after a success too, until the dialog is gone, so it cannot be pressed twice.
  const [closing, setClosing] = useState(false);
  const busy = revert.pending || closing;
  const added = batch.added;

  async function confirm() {
    const done = await revert.run({ batchId: batch.id });
    if (done === null) return;
    setClosing(true);
    toast({
      tone: 'success',
      title: 'Import reverted',
      body:
        done.removed === 0
          ? 'No rows of it were left to remove.'
          : `${plural(done.removed, 'transaction')} ${done.removed === 1 ? 'was' : 'were'} removed from your ledger.`,
    });
    onClose();
  }

  return (
    <Dialog
      title={`Revert the import of ${batch.fileName ?? 'this file'}?`}
      description={
        <p>
          Its {plural(added, 'row')} will be removed from your ledger; rows it found already here
          stay as they are.
        </p>
      }
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-danger"
            onClick={() => void confirm()}
            disabled={busy}
          >
            {busy ? 'Reverting…' : 'Revert this import'}
          </button>
        </>
      }
    >
      {revert.error ? (
        <ErrorNotice error={revert.error} title="The import was not reverted" />
      ) : null}
    </Dialog>
  );
}
