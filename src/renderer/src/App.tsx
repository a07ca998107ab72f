import { useEffect } from 'react';
import type { Connectivity } from './ledger';
import { ErrorNotice } from './components/ErrorNotice';
import { Home } from './pages/Home';
import { Onboarding } from './pages/Onboarding';
import { usePlaidSettings } from './store/plaid-settings';

export function App({ connectivity }: { connectivity: Connectivity }) {
  if (connectivity.kind === 'no-token') {
    return (
      <main className="centered">
        <h1>Ledgerlight</h1>
        <p>
          Open the address that <code>npm run serve</code> printed: it carries a one-time key after
          the <code>#</code>.
        </p>
      </main>
    );
  }
  return <Ready ledger={connectivity.ledger} />;
}

function Ready({ ledger }: { ledger: Extract<Connectivity, { kind: 'ready' }>['ledger'] }) {
  const { status, settings, error, load } = usePlaidSettings();
  useEffect(() => {
    void load(ledger);
  }, [ledger, load]);

  if (status === 'idle' || status === 'loading') {
    return (
      <main className="centered" aria-busy="true">
        <p role="status">Loading…</p>
      </main>
    );
  }
  if (status === 'error' && error) {
    return (
      <main className="centered">
        <h1>Ledgerlight</h1>
        <ErrorNotice error={error} />
        <button type="button" onClick={() => void load(ledger)}>
          Try again
        </button>
      </main>
    );
  }
  if (!settings?.clientIdSet || !settings.secretSet) return <Onboarding ledger={ledger} />;
  return <Home ledger={ledger} />;
}
