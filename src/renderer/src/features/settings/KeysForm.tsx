import { useId, useState, type FormEvent } from 'react';
import type { PlaidEnvironment, PlaidSettings } from '../../../../shared/model';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Loading';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';

const ENVIRONMENTS: Array<{ value: PlaidEnvironment; label: string; help: string }> = [
  {
    value: 'sandbox',
    label: 'Sandbox',
    help: 'Plaid’s test banks and made-up data. Free; nothing real is touched.',
  },
  {
    value: 'production',
    label: 'Production',
    help: 'Your real banks. Plaid may charge per connected bank.',
  },
];

/**
 * Plaid client id, secret and environment. The core checks the keys with Plaid before keeping
 * them, and keeps them in the system keychain only; the secret is never shown again.
 */
export function KeysForm({
  initialEnvironment = 'sandbox',
  submitLabel = 'Save keys',
  onSaved,
  onCancel,
}: {
  initialEnvironment?: PlaidEnvironment;
  submitLabel?: string;
  onSaved(settings: PlaidSettings): void;
  onCancel?(): void;
}) {
  // Keys are no ledger rows; whoever shows them learns of the change through `onSaved`.
  const setPlaid = useLedgerMutation('settings.setPlaid', { invalidates: 'none' });
  const { pending: busy, error } = setPlaid;
  const [environment, setEnvironment] = useState<PlaidEnvironment>(initialEnvironment);
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const ids = { env: useId(), client: useId(), secret: useId(), secretHelp: useId() };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await setPlaid.run({
      environment,
      clientId: clientId.trim(),
      secret: secret.trim(),
    });
    if (saved === null) return;
    setSecret('');
    onSaved(saved);
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="form" aria-busy={busy}>
      <fieldset className="env-choice">
        <legend>Environment</legend>
        {ENVIRONMENTS.map((env) => (
          <label
            key={env.value}
            className={`env-option${environment === env.value ? ' selected' : ''}`}
          >
            <input
              type="radio"
              name={ids.env}
              value={env.value}
              checked={environment === env.value}
              onChange={() => setEnvironment(env.value)}
            />
            <span>
              <strong>{env.label}</strong>
              <span className="muted">{env.help}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={ids.client}>Client id</label>
        <input
          id={ids.client}
          value={clientId}
          onChange={(e) => setClientId(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          required
          maxLength={100}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.secret}>Secret</label>
        <input
          id={ids.secret}
          type="password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          autoComplete="off"
          aria-describedby={ids.secretHelp}
          required
          maxLength={200}
        />
        <p id={ids.secretHelp} className="field-help">
          The {environment === 'sandbox' ? 'Sandbox' : 'Production'} secret from the same page.
          Ledgerlight checks the keys with Plaid, then keeps them in your system keychain only.
        </p>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? <Spinner size={14} /> : null}
          {busy ? 'Checking with Plaid…' : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
