import { useState } from 'react';
import type { ImportBatch } from '../../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
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
        <DialogActions
          label="Revert this import"
          busyLabel="Reverting…"
          busy={busy}
          tone="danger"
          onCancel={onClose}
          onConfirm={() => void confirm()}
        />
      }
    >
      {revert.error ? (
        <ErrorNotice error={revert.error} title="The import was not reverted" />
      ) : null}
    </Dialog>
  );
}
