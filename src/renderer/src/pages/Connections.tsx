import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { ConnectionsIcon } from '../components/Icons';
import { LoadingBlock } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { ConnectionCard } from '../features/connections/ConnectionCard';
import {
  ConnectBankButton,
  ConnectInBrowserButton,
  TestBankButton,
} from '../features/connections/ConnectButtons';
import { LinkFeedback } from '../features/connections/LinkFeedback';
import { plural } from '../format/labels';
import { useLedger } from '../ledger/context';
import { useLinkSession } from '../link/link-session';
import { useConnections } from '../store/connections';

export function Connections() {
  const ledger = useLedger();
  const connections = useConnections((s) => s.connections);
  const error = useConnections((s) => s.error);
  const [params] = useSearchParams();
  const focus = params.get('focus');

  const conflictId = useLinkSession((s) => s.conflictConnectionId);
  // Arriving from the status line or a new link: bring that connection into view. A bank linked
  // twice shows its notice at the top of that card, so the card's top comes into view with it.
  useEffect(() => {
    if (!focus || !connections?.some((c) => c.id === focus)) return;
    const card = document.getElementById(`connection-${focus}`);
    card?.scrollIntoView({ block: focus === conflictId ? 'start' : 'center' });
    card?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  }, [focus, connections, conflictId]);

  const live = connections?.filter((c) => c.status !== 'DISCONNECTED') ?? [];
  const gone = connections?.filter((c) => c.status === 'DISCONNECTED') ?? [];

  return (
    <div className="page">
      <PageHeader
        title="Connections"
        subtitle={
          connections
            ? live.length
              ? `${plural(live.length, 'bank')} connected through Plaid`
              : 'Link a bank through Plaid to start syncing'
            : ' '
        }
        actions={
          <>
            <TestBankButton />
            <ConnectInBrowserButton />
            <ConnectBankButton />
          </>
        }
      />
      <LinkFeedback />
      {error && !connections ? (
        <ErrorNotice
          error={error}
          action={
            <button
              type="button"
              className="button"
              onClick={() => void useConnections.getState().refresh(ledger)}
            >
              Try again
            </button>
          }
        />
      ) : null}
      {!connections && !error ? <LoadingBlock label="Loading connections…" rows={4} /> : null}
      {connections && connections.length === 0 ? (
        <EmptyState
          icon={<ConnectionsIcon width={28} height={28} />}
          title="No banks connected yet"
          actions={
            <>
              <ConnectBankButton />
              <TestBankButton />
            </>
          }
        >
          <p>
            Ledgerlight connects to your bank through Plaid Link. You sign in to your bank inside
            Plaid’s window; Ledgerlight never sees your bank password.
          </p>
        </EmptyState>
      ) : null}
      <div className="connection-list">
        {live.map((c) => (
          <ConnectionCard key={c.id} connection={c} highlighted={c.id === focus} />
        ))}
      </div>
      {gone.length > 0 ? (
        <section aria-labelledby="disconnected-heading" className="section">
          <h2 id="disconnected-heading" className="section-title">
            Disconnected
          </h2>
          <div className="connection-list">
            {gone.map((c) => (
              <ConnectionCard key={c.id} connection={c} highlighted={c.id === focus} />
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
