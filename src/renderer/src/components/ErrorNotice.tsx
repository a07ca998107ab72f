import type { LedgerError } from '../../../shared/errors';

/** What a user can do about each kind of error, in plain words. */
const HINTS: Partial<Record<LedgerError['code'], string>> = {
  KEYCHAIN_UNAVAILABLE:
    'Ledgerlight keeps your Plaid keys only in the system keychain. On Linux, install and unlock ' +
    'GNOME Keyring or KWallet (for example `sudo apt install gnome-keyring`), sign in to a desktop ' +
    'session, then try again.',
  NOT_CONFIGURED: 'Add your Plaid keys in Settings first.',
};

export function ErrorNotice({ error }: { error: LedgerError }) {
  const hint = HINTS[error.code];
  return (
    <div role="alert" className="notice notice-error">
      <p>{error.message}</p>
      {hint && error.message !== hint ? <p>{hint}</p> : null}
    </div>
  );
}
