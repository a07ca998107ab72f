import { useState } from 'react';
import type { LedgerApi } from '../../../../shared/contract';
import type { Account } from '../../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { asLedgerError } from '../../errors';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { useLedger } from '../../ledger/context';
import { useLiveSync } from '../../store/live-sync';
import { toast } from '../../store/toasts';

/** Reopens a closed account from anywhere (the toast's button), and says so. */
async function reopen(ledger: LedgerApi, account: Account): Promise<void> {
  try {
    await ledger.invoke('accounts.close', { accountId: account.id, closed: false });
    useLiveSync.getState().ledgerChanged();
    toast({ tone: 'success', title: `${account.name} is open again` });
  } catch (e) {
    toast({
      tone: 'error',
      title: `${account.name} could not be reopened`,
      body: asLedgerError(e).message,
    });
  }
}

/**
 * "Close the account" for an account kept by hand, after a confirmation that says what closing
 * means; "Reopen" for a closed one. A closed account's history stays and still counts in the
 * past; from the day it closed it leaves the lists and the totals.
 */
export function CloseAccountButton({ account }: { account: Account }) {
  const ledger = useLedger();
  const [confirming, setConfirming] = useState(false);
  const [reopening, setReopening] = useState(false);
  const close = useLedgerMutation('accounts.close');

  if (account.closedAt) {
    return (
      <button
        type="button"
        className="button"
        disabled={reopening}
        onClick={() => {
          setReopening(true);
          void reopen(ledger, account).finally(() => setReopening(false));
        }}
      >
        {reopening ? 'Reopening…' : 'Reopen the account'}
      </button>
    );
  }

  const dismiss = () => {
    close.clearError();
    setConfirming(false);
  };
  async function confirm() {
    const done = await close.run({ accountId: account.id, closed: true });
    if (!done) return;
    setConfirming(false);
    toast({
      tone: 'success',
      title: `${account.name} is closed`,
      body: 'Its history stays and still counts in the past.',
      action: { label: 'Reopen', run: () => void reopen(ledger, account) },
    });
  }

  return (
    <>
      <button
        type="button"
        className="button button-danger-ghost"
        onClick={() => setConfirming(true)}
      >
        Close the account
      </button>
      {confirming ? (
        <Dialog
          title={`Close ${account.name}?`}
          onClose={dismiss}
          description={
            <>
              <p>
                Its balances and transactions stay, and it still counts in your net worth for the
                days before today. From today on it leaves the account lists and the totals.
              </p>
              <p>You can reopen it whenever you like: it is under “Show closed accounts”.</p>
            </>
          }
          footer={
            <>
              <button type="button" className="button" onClick={dismiss}>
                Keep it open
              </button>
              <button
                type="button"
                className="button button-danger"
                disabled={close.pending}
                onClick={() => void confirm()}
              >
                {close.pending ? 'Closing…' : 'Close the account'}
              </button>
            </>
          }
        >
          {close.error ? (
            <ErrorNotice error={close.error} title="The account was not closed" />
          ) : null}
        </Dialog>
      ) : null}
    </>
  );
}
