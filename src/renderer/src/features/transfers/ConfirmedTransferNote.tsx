import type { ConfirmedTransfer } from '../../../../shared/model';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Money } from '../../components/Money';
import { formatDay } from '../../format/dates';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { toast } from '../../store/toasts';

/**
 * In a transaction's panel: the other side of the transfer the person confirmed, and the way to
 * take it apart — the only way once the bank has removed that other side or changed its amount.
 */
export function ConfirmedTransferNote({ transfer }: { transfer: ConfirmedTransfer }) {
  const unconfirm = useLedgerMutation('transfers.unconfirm');
  const other = transfer.other;
  async function takeApart() {
    const answer = await unconfirm.run({ outId: transfer.outId, inId: transfer.inId });
    if (answer) {
      toast({ tone: 'success', title: 'No longer a transfer: both rows count in spending again' });
    }
  }
  return (
    <section aria-label="Transfer">
      <h3 className="section-title">Transfer</h3>
      <p>
        You marked this as money moved {other.amount > 0 ? 'to' : 'from'} {other.accountName}:{' '}
        <Money amount={other.amount} currency={other.currency} signed /> on {formatDay(other.date)}
        {other.removed ? ', which the bank has since removed' : ''}.
      </p>
      {unconfirm.error ? <ErrorNotice error={unconfirm.error} /> : null}
      <button
        type="button"
        className="button"
        disabled={unconfirm.pending}
        onClick={() => void takeApart()}
      >
        This is not a transfer
      </button>
    </section>
  );
}
