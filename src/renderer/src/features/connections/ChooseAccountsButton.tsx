import type { Connection } from '../../../../shared/model';
import { useLedger } from '../../ledger/context';
import { useLinkSession } from '../../link/link-session';

/**
 * Opens Plaid Link in update mode with account selection, to choose the accounts Ledgerlight may
 * read: the ones left out stop syncing and show as closed (their history stays), the ones added
 * appear with theirs. Labelled "Update accounts" as the "already connected" notice names it.
 */
export function ChooseAccountsButton({ connection }: { connection: Connection }) {
  const ledger = useLedger();
  const linkPhase = useLinkSession((s) => s.phase);
  const { id, displayName: name } = connection;
  return (
    <button
      type="button"
      className="button"
      disabled={linkPhase !== 'idle'}
      title="Choose in Plaid which of this bank's accounts Ledgerlight may read"
      onClick={() =>
        void useLinkSession
          .getState()
          .start(ledger, { kind: 'update-accounts', connectionId: id, name })
      }
    >
      Update accounts
    </button>
  );
}
