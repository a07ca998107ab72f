import { useState } from 'react';
import type { Connection } from '../../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { toast } from '../../store/toasts';

/**
 * Full resync ("remine"): reads the connection's whole history from Plaid again. It is safe (the
 * person's edits stay, nothing is doubled) but long and rarely needed, so it asks first and says
 * what it does. Progress then shows on the card like any sync.
 */
export function ResyncButton({
  connection,
  disabled,
}: {
  connection: Connection;
  disabled: boolean;
}) {
  const [open, setOpen] = useState(false);
  // The run answers with sync events of its own, so nothing is reloaded here.
  const resync = useLedgerMutation('connections.resync', { invalidates: 'none' });
  const name = connection.displayName;

  function close() {
    resync.clearError();
    setOpen(false);
  }

  async function start() {
    const started = await resync.run({ connectionId: connection.id });
    if (started === null) return;
    setOpen(false);
    toast({
      tone: 'info',
      title: `Full resync of ${name} started`,
      body: 'Its progress shows on the card; your edits stay as they are.',
    });
  }

  return (
    <>
      <button
        type="button"
        className="button"
        disabled={disabled}
        onClick={() => setOpen(true)}
        aria-label={`Full resync of ${name}`}
      >
        Full resync
      </button>
      {open ? (
        <Dialog
          title={`Full resync of ${name}?`}
          description="Ledgerlight reads this bank's whole history from Plaid again, as if it were new, and compares every transaction with the ones you have."
          onClose={close}
          footer={
            <DialogActions
              label="Start full resync"
              busyLabel="Starting…"
              busy={resync.pending}
              onCancel={close}
              onConfirm={() => void start()}
            />
          }
        >
          <ul className="dialog-list">
            <li>Transactions you already have are updated in place, never added twice.</li>
            <li>
              Your categories, payees, notes, tags, splits, transfers and what your rules set all
              stay.
            </li>
            <li>
              Transactions the bank no longer has are marked <strong>Removed</strong>, not deleted:
              your edits on them are kept, and the run in Activity counts them.
            </li>
            <li>
              Use it when numbers look wrong or syncing stopped because Plaid no longer accepts
              where it left off. It takes longer than a normal sync.
            </li>
          </ul>
          {resync.error ? <ErrorNotice error={resync.error} /> : null}
        </Dialog>
      ) : null}
    </>
  );
}
