import { Link } from 'react-router';
import { hasKeys, usePlaidSettings } from '../store/plaid-settings';
import { Notice } from './Notice';

/** Shown on every screen while the data is there but the Plaid keys are not: syncing is off. */
export function KeysMissingBanner() {
  const settings = usePlaidSettings((s) => s.settings);
  if (!settings || hasKeys(settings)) return null;
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
