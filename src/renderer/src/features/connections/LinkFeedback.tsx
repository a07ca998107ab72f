import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { useLedger } from '../../ledger/context';
import { useLinkSession } from '../../link/link-session';
import { useConnections } from '../../store/connections';

/**
 * What the Link session has to say: that Link is open in its own window (or in the browser, for
 * Hosted Link) and this one is waiting; Plaid's own message when it ended in an error; or, when
 * the bank was linked already, that connection with "Update accounts" instead of a twin (on its
 * card, see AlreadyConnectedNotice).
 */
export function LinkFeedback() {
  const ledger = useLedger();
  const error = useLinkSession((s) => s.error);
  const conflictId = useLinkSession((s) => s.conflictConnectionId);
  const phase = useLinkSession((s) => s.phase);
  const hosted = useLinkSession((s) => s.hosted);
  const existing = useConnections((s) => s.connections?.find((c) => c.id === conflictId));
  const session = useLinkSession.getState();
  const dismiss = () => session.dismiss();

  if (phase === 'open') {
    return hosted ? (
      <Notice
        tone="info"
        live
        title="Finish in your browser"
        actions={
          <>
            <button
              type="button"
              className="button button-primary"
              onClick={() => void session.checkHosted(ledger)}
            >
              I have finished
            </button>
            <button type="button" className="button" onClick={() => void session.reopen(ledger)}>
              Open the page again
            </button>
            <button type="button" className="button button-ghost" onClick={() => session.cancel()}>
              Cancel
            </button>
          </>
        }
      >
        <p>
          Plaid’s page opened in your web browser. Sign in to your bank there; Ledgerlight takes the
          connection in as soon as you are done.
        </p>
      </Notice>
    ) : (
      <Notice
        tone="info"
        live
        title="Finish in the Plaid window"
        actions={
          <>
            <button type="button" className="button" onClick={() => void session.reopen(ledger)}>
              Show the Plaid window
            </button>
            <button type="button" className="button button-ghost" onClick={() => session.cancel()}>
              Stop waiting
            </button>
          </>
        }
      >
        <p>
          Plaid Link opened in a window of its own, where your bank sign-in stays apart from your
          ledger. This screen updates when you are done there.
        </p>
      </Notice>
    );
  }
  // The notice goes on the connection's own card, where the page scrolls to; here only when
  // that card is not on this page.
  if (conflictId && !existing)
    return <AlreadyConnectedNotice connectionId={conflictId} name={null} />;
  if (error) {
    const purpose = session.purpose;
    return (
      <ErrorNotice
        error={error}
        title={error.code === 'PLAID' ? 'The bank was not connected' : undefined}
        action={
          <>
            {error.code === 'PLAID' && purpose ? (
              <button
                type="button"
                className="button"
                onClick={() => {
                  dismiss();
                  void session.start(ledger, purpose, { hosted: true });
                }}
              >
                Try in your browser instead
              </button>
            ) : null}
            <button type="button" className="button button-ghost" onClick={dismiss}>
              Dismiss
            </button>
          </>
        }
      />
    );
  }
  return null;
}

/**
 * Linking a bank that is connected already: that connection, with "Update accounts" instead of a
 * twin. Shown at the top of the connection's card, which the page brings into view.
 */
export function AlreadyConnectedNotice({
  connectionId,
  name,
}: {
  connectionId: string;
  name: string | null;
}) {
  const ledger = useLedger();
  const phase = useLinkSession((s) => s.phase);
  const session = useLinkSession.getState();
  const label = name ?? 'This bank';
  return (
    <Notice
      tone="warning"
      live
      title={`${label} is connected already`}
      actions={
        <>
          <button
            type="button"
            className="button button-primary"
            disabled={phase !== 'idle'}
            onClick={() =>
              void session.start(ledger, {
                kind: 'update-accounts',
                connectionId,
                name: name ?? 'this bank',
              })
            }
          >
            Update accounts
          </button>
          <button type="button" className="button button-ghost" onClick={() => session.dismiss()}>
            Dismiss
          </button>
        </>
      }
    >
      <p>
        These accounts are already part of {name ? 'this connection' : 'a connection'}. To share
        more or fewer of its accounts, update it instead of adding the bank twice.
      </p>
    </Notice>
  );
}
