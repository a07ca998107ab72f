import { useState } from 'react';
import type { Connection, LiveBalances } from '../../../../shared/model';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Loading';
import { Money } from '../../components/Money';
import { formatDateTime } from '../../format/dates';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';

/**
 * Reads from the bank now, next to the synced data: live balances for the connection, and
 * Plaid looking for the latest transactions before a sync. Plaid's refusals (its per-minute
 * limits, a bank or Plaid account that does not offer it) show as the core's sentences.
 */
export function LiveReads({ connection, syncing }: { connection: Connection; syncing: boolean }) {
  const { id, displayName: name } = connection;
  const balance = useLedgerMutation('accounts.checkBalance');
  const refresh = useLedgerMutation('connections.refresh', { invalidates: 'none' });
  const [balances, setBalances] = useState<LiveBalances | null>(null);
  const [refreshed, setRefreshed] = useState(false);
  const busy = balance.pending || refresh.pending;

  async function checkBalance() {
    refresh.clearError();
    setRefreshed(false);
    const answer = await balance.run({ connectionId: id });
    setBalances(answer);
  }

  async function getLatest() {
    balance.clearError();
    setBalances(null);
    setRefreshed((await refresh.run({ connectionId: id })) !== null);
  }

  return (
    <section className="live-reads" aria-label={`Live from ${name}`}>
      <div className="live-reads-actions">
        <button
          type="button"
          className="button"
          onClick={() => void checkBalance()}
          disabled={busy}
          aria-label={`Check balance of ${name} now`}
        >
          {balance.pending ? <Spinner size={14} /> : null}
          Check balance now
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void getLatest()}
          disabled={busy || syncing}
          aria-label={`Get latest transactions of ${name}`}
        >
          {refresh.pending ? <Spinner size={14} /> : null}
          Get latest transactions
        </button>
      </div>
      {balances ? (
        <div className="live-balances" role="status">
          <p>
            Balances from the bank at{' '}
            <time dateTime={balances.checkedAt}>{formatDateTime(balances.checkedAt)}</time>, now
            saved:
          </p>
          <ul>
            {balances.accounts.map((account) => (
              <li key={account.id}>
                <span className="live-balance-name">
                  {account.name}
                  {account.mask ? ` ••${account.mask}` : ''}
                </span>
                <Money amount={account.balances.current} currency={account.currency} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {refreshed ? (
        <p className="connection-outcome" role="status">
          Plaid is asking the bank for new transactions; the sync that follows brings them here.
        </p>
      ) : null}
      {balance.error ? <ErrorNotice error={balance.error} /> : null}
      {refresh.error ? <ErrorNotice error={refresh.error} /> : null}
    </section>
  );
}
