import { useId, useState, type FormEvent } from 'react';
import type { LedgerApi, PlaidEnvironment } from '../../../shared/contract';
import { LedgerError } from '../../../shared/errors';
import { ErrorNotice } from '../components/ErrorNotice';
import { usePlaidSettings } from '../store/plaid-settings';

/** The first screen: no Plaid keys yet. */
export function Onboarding({ ledger }: { ledger: LedgerApi }) {
  const saved = usePlaidSettings((s) => s.saved);
  const [environment, setEnvironment] = useState<PlaidEnvironment>('sandbox');
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LedgerError | null>(null);
  const ids = { env: useId(), client: useId(), secret: useId() };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      saved(await ledger.invoke('settings.setPlaid', { environment, clientId, secret }));
    } catch (e) {
      setError(e instanceof LedgerError ? e : new LedgerError('INTERNAL', String(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="onboarding">
      <h1>Welcome to Ledgerlight</h1>
      <p className="lead">
        Your bank data, on your own disk. Ledgerlight talks to your banks through Plaid with your
        own Plaid keys, which it keeps in your system keychain.
      </p>
      <section aria-labelledby="no-keys-heading" className="card">
        <h2 id="no-keys-heading">No Plaid keys yet</h2>
        <ol className="steps">
          <li>
            Create a free account at <strong>dashboard.plaid.com</strong> and open{' '}
            <em>Developers → Keys</em>.
          </li>
          <li>
            Copy your <strong>client id</strong> and the <strong>secret</strong> for the environment
            you want: <em>Sandbox</em> uses Plaid’s test banks and fake data; <em>Production</em>{' '}
            connects your real banks.
          </li>
          <li>Paste them below. They go to the keychain, never to a file.</li>
        </ol>
        <form onSubmit={(e) => void submit(e)} className="form" aria-describedby="no-keys-heading">
          <label htmlFor={ids.env}>Environment</label>
          <select
            id={ids.env}
            value={environment}
            onChange={(e) => setEnvironment(e.target.value as PlaidEnvironment)}
          >
            <option value="sandbox">Sandbox (test data)</option>
            <option value="production">Production (your real banks)</option>
          </select>
          <label htmlFor={ids.client}>Client id</label>
          <input
            id={ids.client}
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            required
          />
          <label htmlFor={ids.secret}>Secret</label>
          <input
            id={ids.secret}
            type="password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            autoComplete="off"
            required
          />
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save keys'}
          </button>
        </form>
        {error ? <ErrorNotice error={error} /> : null}
      </section>
    </main>
  );
}
