import { ErrorNotice } from '../../components/ErrorNotice';
import { Notice } from '../../components/Notice';
import { useLedger } from '../../ledger/context';
import { useLinkSession } from '../../link/link-session';
import { useAppSettings } from '../../store/app-settings';
import { useConnections } from '../../store/connections';

/**
 * What the last Link session left to say: Plaid's own message when it ended in an error, or,
 * when the bank was linked already, that connection with "Update accounts" instead of a twin.
 */
export function LinkFeedback() {
  const ledger = useLedger();
  const error = useLinkSession((s) => s.error);
  const conflictId = useLinkSession((s) => s.conflictConnectionId);
  const phase = useLinkSession((s) => s.phase);
  const scriptUrl = useAppSettings((s) => s.settings?.demoLinkScriptUrl ?? null);
  const existing = useConnections((s) => s.connections?.find((c) => c.id === conflictId));
  const dismiss = () => useLinkSession.getState().dismiss();

  if (conflictId) {
    const name = existing?.displayName ?? 'this bank';
    return (
      <Notice
        tone="warning"
        live
        title={`${name} is connected already`}
        actions={
          <>
            <button
              type="button"
              className="button button-primary"
              disabled={phase !== 'idle'}
              onClick={() =>
                void useLinkSession
                  .getState()
                  .start(
                    ledger,
                    { kind: 'update-accounts', connectionId: conflictId, name },
                    scriptUrl,
                  )
              }
            >
              Update accounts
            </button>
            <button type="button" className="button button-ghost" onClick={dismiss}>
              Dismiss
            </button>
          </>
        }
      >
        <p>
          These accounts are already part of a connection, shown below. To share more or fewer of
          its accounts, update that connection instead of adding the bank twice.
        </p>
      </Notice>
    );
  }
  if (error) {
    return (
      <ErrorNotice
        error={error}
        title={error.code === 'PLAID' ? 'The bank was not connected' : undefined}
        action={
          <button type="button" className="button button-ghost" onClick={dismiss}>
            Dismiss
          </button>
        }
      />
    );
  }
  return null;
}
