import { Link } from 'react-router';
import { useConnections } from '../store/connections';
import { hasKeys, usePlaidSettings } from '../store/plaid-settings';
import { Notice } from './Notice';

/**
 * Shown on every screen while banks are connected but the Plaid keys are not there: syncing is
 * off. Someone who keeps every account by hand has nothing to sync and is not told otherwise.
 */
export function KeysMissingBanner() {
  const settings = usePlaidSettings((s) => s.settings);
  const connections = useConnections((s) => s.connections);
  if (!settings || hasKeys(settings) || (connections?.length ?? 0) === 0) return null;
  return (
    <div className="banner">
      <Notice
        tone="warning"
        title="No Plaid keys: syncing is off"
        actions={
          <Link to="/settings" className="button">
            Add keys in Settings
          </Link>
        }
      >
        <p>Your accounts and transactions are still here. Add your Plaid keys to sync again.</p>
      </Notice>
    </div>
  );
}
