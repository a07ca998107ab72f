import { useEffect, useState } from 'react';
import type { Connection, LedgerApi, PlaidSettings } from '../../../shared/contract';
import { LedgerError } from '../../../shared/errors';
import { ErrorNotice } from '../components/ErrorNotice';
import { usePlaidSettings } from '../store/plaid-settings';

/** Keys are set: the connections the app has, or the empty state when it has none. */
export function Home({ ledger }: { ledger: LedgerApi }) {
  const settings = usePlaidSettings((s) => s.settings) as PlaidSettings;
  const [connections, setConnections] = useState<Connection[] | null>(null);
  const [error, setError] = useState<LedgerError | null>(null);

  useEffect(() => {
    ledger
      .invoke('connections.list')
      .then(setConnections)
      .catch((e: unknown) =>
        setError(e instanceof LedgerError ? e : new LedgerError('INTERNAL', String(e))),
      );
  }, [ledger]);

  return (
    <main className="onboarding">
      <h1>Ledgerlight</h1>
      <p className="lead">
        Plaid {settings.environment} keys saved ({settings.clientIdMasked}).
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      {connections === null && !error ? <p role="status">Loading connections…</p> : null}
      {connections?.length === 0 ? (
        <section className="card">
          <h2>No banks connected yet</h2>
          <p>Connecting a bank arrives with the next version of Ledgerlight.</p>
        </section>
      ) : null}
      {connections && connections.length > 0 ? (
        <ul className="card">
          {connections.map((c) => (
            <li key={c.id}>
              {c.displayName} — {c.status}
            </li>
          ))}
        </ul>
      ) : null}
    </main>
  );
}
