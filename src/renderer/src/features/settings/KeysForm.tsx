import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { PLAID_KEY_MAX } from '../../../../shared/contract';
import type { PlaidEnvironment, PlaidSettings } from '../../../../shared/model';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Loading';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { useAppSettings } from '../../store/app-settings';
import { keysPlace } from './keys-place';

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
 * them, and keeps them in the system keychain only; the secret is never shown again. Nothing
 * typed or pasted is cut short: the core refuses a key that is too long, and says so.
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
  const demo = useAppSettings((st) => st.settings?.demoMode ?? false);
  const ids = {
    env: useId(),
    client: useId(),
    clientHelp: useId(),
    secret: useId(),
    secretHelp: useId(),
  };
  const errorBox = useRef<HTMLDivElement>(null);
  const actions = useRef<HTMLDivElement>(null);
  // A refusal takes focus (the disabled button would drop it on the page) and is scrolled into
  // view with the button below it, even when the form starts below the fold.
  useEffect(() => {
    if (!error) return;
    errorBox.current?.focus({ preventScroll: true });
    actions.current?.scrollIntoView({ block: 'nearest' });
    errorBox.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);

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
          aria-describedby={ids.clientHelp}
          required
        />
        <p id={ids.clientHelp} className="field-help">
          From the Keys page of the Plaid Dashboard (Plaid’s are 24 characters; at most{' '}
          {PLAID_KEY_MAX.clientId} are taken).
        </p>
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
        />
        <p id={ids.secretHelp} className="field-help">
          The {environment === 'sandbox' ? 'Sandbox' : 'Production'} secret from the same page (at
          most {PLAID_KEY_MAX.secret} characters). Ledgerlight checks the keys with Plaid, then
          keeps them in {demo ? keysPlace(true) : 'your system keychain only'}.
        </p>
      </div>
      {error ? (
        <div ref={errorBox} tabIndex={-1} className="form-error">
          <ErrorNotice error={error} />
        </div>
      ) : null}
      <div className="form-actions" ref={actions}>
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
