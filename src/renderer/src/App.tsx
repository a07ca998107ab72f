import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import type { Connectivity } from './ledger';
import { LedgerProvider, useLedger } from './ledger/context';
import { ErrorNotice } from './components/ErrorNotice';
import { LogoMark } from './components/Icons';
import { Spinner } from './components/Loading';
import { Toasts } from './components/Toasts';
import { ProfileBoundary } from './features/profiles/ProfileBoundary';
import { Onboarding } from './pages/Onboarding';
import { createAppRouter } from './routes';
import { useAppSettings } from './store/app-settings';
import { useConnections } from './store/connections';
import { hasKeys, usePlaidSettings } from './store/plaid-settings';

export function App({ connectivity }: { connectivity: Connectivity }) {
  if (connectivity.kind === 'no-token') {
    return (
      <main className="centered" id="main">
        <h1>Ledgerlight</h1>
        <p>
          Open the address that <code>npm run serve</code> printed: it carries a one-time key after
          the <code>#</code>.
        </p>
      </main>
    );
  }
  return (
    <LedgerProvider ledger={connectivity.ledger}>
      <ProfileBoundary>
        <Boot />
      </ProfileBoundary>
    </LedgerProvider>
  );
}

/**
 * Decides between the first-run screen and the app: without Plaid keys and without any data there
 * is nothing to show but onboarding; with data but no keys, the app opens and says syncing is off.
 * Data is a connection or any account, one kept by hand included (closed ones too).
 */
function Boot() {
  const ledger = useLedger();
  const status = usePlaidSettings((s) => s.status);
  const settings = usePlaidSettings((s) => s.settings);
  const error = usePlaidSettings((s) => s.error);
  const connections = useConnections((s) => s.connections);
  const connectionsError = useConnections((s) => s.error);
  // How many accounts there are (null until the core answered); an error counts as none, as a
  // connections error does: onboarding still works.
  const [accountCount, setAccountCount] = useState<number | null>(null);

  const load = () => {
    void usePlaidSettings.getState().load(ledger);
    void useAppSettings.getState().load(ledger);
    void useConnections.getState().refresh(ledger);
    ledger.invoke('accounts.list', { includeClosed: true }).then(
      (list) => setAccountCount(list.length),
      () => setAccountCount((n) => n ?? 0),
    );
  };
  useEffect(load, [ledger]);

  if (status === 'error' && error) {
    return (
      <main className="centered" id="main">
        <div className="onboarding-brand">
          <LogoMark width={36} height={36} />
          <span>Ledgerlight</span>
        </div>
        <h1>Ledgerlight could not start</h1>
        <ErrorNotice
          error={error}
          action={
            <button type="button" className="button button-primary" onClick={load}>
              Try again
            </button>
          }
        />
      </main>
    );
  }
  if (status !== 'ready' || (connections === null && !connectionsError) || accountCount === null) {
    return (
      <main className="centered splash" id="main" aria-busy="true">
        <LogoMark width={40} height={40} />
        <p role="status">
          <Spinner size={14} /> Loading…
        </p>
      </main>
    );
  }
  if (!hasKeys(settings) && (connections?.length ?? 0) === 0 && accountCount === 0) {
    return (
      <>
        <Onboarding
          onAccountCreated={(account) => {
            // The app's router starts where the address is: on the new account.
            window.history.replaceState(null, '', `/accounts/${encodeURIComponent(account.id)}`);
            setAccountCount(1);
          }}
        />
        <Toasts />
      </>
    );
  }
  return <AppRouter />;
}

function AppRouter() {
  const [router] = useState(createAppRouter);
  return <RouterProvider router={router} />;
}
