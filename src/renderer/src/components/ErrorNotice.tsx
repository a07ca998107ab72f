import type { ReactNode } from 'react';
import type { LedgerError } from '../../../shared/errors';
import { AlertIcon } from './Icons';

/** What a user can do about each kind of error, in plain words. */
const HINTS: Partial<Record<LedgerError['code'], ReactNode>> = {
  KEYCHAIN_UNAVAILABLE: (
    <>
      Ledgerlight keeps your Plaid keys and bank tokens only in your system’s keychain, and that
      keychain did not answer. On <strong>macOS</strong> and <strong>Windows</strong> it is built
      in: sign in to your user account and try again. On <strong>Linux</strong> install and unlock a
      keyring (GNOME Keyring or KWallet, for example <code>sudo apt install gnome-keyring</code>)
      and use a desktop session, then try again. Nothing was saved in the meantime.
    </>
  ),
  NOT_CONFIGURED: 'Add your Plaid keys in Settings first.',
  INTERNAL: 'Nothing was changed. The details are in the log file in your data folder.',
};

const TITLES: Partial<Record<LedgerError['code'], string>> = {
  KEYCHAIN_UNAVAILABLE: 'The system keychain is not available',
  PLAID: 'Plaid could not complete this',
  NOT_CONFIGURED: 'Plaid keys needed',
  VALIDATION: 'Please check what you entered',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Not possible right now',
  TOO_EARLY: 'Please wait a moment',
  INTERNAL: 'Something went wrong',
};

export function ErrorNotice({
  error,
  title,
  action,
}: {
  error: LedgerError;
  title?: string;
  action?: ReactNode;
}) {
  const hint = HINTS[error.code];
  const requestId = error.details?.plaidRequestId;
  // The keychain's own explanation says the same as ours; ours reads better, theirs names the cause.
  const keychain = error.code === 'KEYCHAIN_UNAVAILABLE';
  const cause = keychain ? error.details?.cause : undefined;
  return (
    <div role="alert" className="notice notice-error">
      <AlertIcon className="notice-icon" />
      <div className="notice-body">
        <p className="notice-title">{title ?? TITLES[error.code] ?? 'Something went wrong'}</p>
        {keychain && hint ? (
          <p>{hint}</p>
        ) : (
          <>
            <p>{error.details?.displayMessage || error.message}</p>
            {hint && error.message !== hint ? <p className="notice-hint">{hint}</p> : null}
          </>
        )}
        {cause ? (
          <p className="notice-meta">
            The system said: <code>{cause}</code>
          </p>
        ) : null}
        {requestId ? (
          <p className="notice-meta">
            Plaid request id <code>{requestId}</code>
          </p>
        ) : null}
        {action ? <div className="notice-actions">{action}</div> : null}
      </div>
    </div>
  );
}
