import { useState } from 'react';
import type { Connection } from '../../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { toast } from '../../store/toasts';

/**
 * Disconnecting gives the Item back to Plaid (it stops costing anything). The data it brought
 * stays unless the user asks, because it is their history.
 */
export function DisconnectDialog({
  connection,
  onClose,
}: {
  connection: Connection;
  onClose(): void;
}) {
  // Deleting its data changes the ledger, which no event says: the default reload covers it.
  const disconnectCall = useLedgerMutation('connections.disconnect');
  const [deleteData, setDeleteData] = useState(false);
  // Stays busy after a success too, until the dialog is gone, so it cannot be pressed twice.
  const [closing, setClosing] = useState(false);
  const busy = disconnectCall.pending || closing;
  const { error } = disconnectCall;
  const name = connection.displayName;

  async function disconnect() {
    const done = await disconnectCall.run({ connectionId: connection.id, deleteData });
    if (done === null) return;
    setClosing(true);
    toast({
      tone: 'success',
      title: `${name} disconnected`,
      body: deleteData
        ? 'Its accounts and transactions were deleted.'
        : 'Its accounts and transactions are kept.',
    });
    onClose();
  }

  return (
    <Dialog
      title={`Disconnect ${name}?`}
      description="Ledgerlight will stop syncing this bank and tell Plaid to forget the connection. You can connect the bank again later."
      onClose={onClose}
      footer={
        <DialogActions
          label={deleteData ? 'Disconnect and delete data' : 'Disconnect'}
          busyLabel="Disconnecting…"
          busy={busy}
          tone="danger"
          onCancel={onClose}
          onConfirm={() => void disconnect()}
        />
      }
    >
      <fieldset className="choice-list">
        <legend>What happens to its data?</legend>
        <label className="choice">
          <input
            type="radio"
            name="disconnect-data"
            checked={!deleteData}
            onChange={() => setDeleteData(false)}
          />
          <span>
            <strong>Keep the accounts and transactions</strong>
            <span className="muted">They stay in your ledger, in reports and in exports.</span>
          </span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name="disconnect-data"
            checked={deleteData}
            onChange={() => setDeleteData(true)}
          />
          <span>
            <strong>Delete them</strong>
            <span className="muted">
              Removes this bank’s {connection.accountCount} accounts and all their transactions from
              this computer. This cannot be undone.
            </span>
          </span>
        </label>
      </fieldset>
      {error ? <ErrorNotice error={error} /> : null}
    </Dialog>
  );
}
