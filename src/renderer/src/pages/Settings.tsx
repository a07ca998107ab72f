import { useId, useMemo, useState } from 'react';
import { LedgerError } from '../../../shared/errors';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { LoadingBlock } from '../components/Loading';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { asLedgerError } from '../errors';
import { CategoriesManager } from '../features/categories/CategoriesManager';
import { afterKeysSaved } from '../features/settings/after-keys-saved';
import { KeysForm } from '../features/settings/KeysForm';
import { keysPlace } from '../features/settings/keys-place';
import { ProfilesSection } from '../features/profiles/ProfilesSection';
import { ExportButton } from '../features/transactions/ExportButton';
import { FREQUENCY_CHOICES, frequencyLabel } from '../format/labels';
import { useLedgerQuery } from '../hooks/useLedgerQuery';
import { useLedger } from '../ledger/context';
import { useAppSettings } from '../store/app-settings';
import { usePlaidSettings } from '../store/plaid-settings';
import { toast } from '../store/toasts';

export function Settings() {
  return (
    <div className="page page-narrow">
      <PageHeader
        title="Settings"
        subtitle="Plaid keys, syncing, your categories, profiles, and where your data lives"
      />
      <PlaidKeys />
      <OAuthBanks />
      <Syncing />
      <CategoriesManager />
      <ProfilesSection />
      <DataLocation />
      <Export />
    </div>
  );
}

function PlaidKeys() {
  const ledger = useLedger();
  const plaid = usePlaidSettings((s) => s.settings);
  const demo = useAppSettings((s) => s.settings?.demoMode ?? false);
  const [replacing, setReplacing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LedgerError | null>(null);
  if (!plaid) return <LoadingBlock />;
  const hasKeys = plaid.clientIdSet && plaid.secretSet;
  const envName = plaid.environment === 'sandbox' ? 'Sandbox' : 'Production';

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      const settings = await ledger.invoke('settings.clearPlaid', {
        environment: plaid!.environment,
      });
      usePlaidSettings.getState().saved(settings);
      toast({
        tone: 'success',
        title: `${envName} keys removed`,
        body: `They are gone from ${keysPlace(demo)}. Your data stays; syncing stops until you add keys.`,
      });
      setRemoving(false);
    } catch (e) {
      setError(asLedgerError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="keys-heading">
      <header className="card-header">
        <h2 id="keys-heading">Plaid keys</h2>
        <span className={`env-pill env-${plaid.environment}`}>{envName}</span>
      </header>
      {demo ? (
        <Notice tone="info" title="Demo mode">
          <p>
            These are the built-in emulator’s keys; they open nothing real. They stay in memory and
            are gone when the demo closes; nothing is written to the system keychain.
          </p>
        </Notice>
      ) : null}
      <dl className="settings-list">
        <div>
          <dt>Environment</dt>
          <dd>
            {envName}
            <span className="field-help">
              {plaid.environment === 'sandbox'
                ? 'Plaid’s test banks and made-up data.'
                : 'Your real banks.'}{' '}
              Each environment has its own data file; switching opens the other one.
            </span>
          </dd>
        </div>
        <div>
          <dt>Client id</dt>
          <dd>
            {plaid.clientIdMasked ? (
              <code>{plaid.clientIdMasked}</code>
            ) : (
              <span className="muted">Not set</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Secret</dt>
          <dd>
            {plaid.secretSet ? (
              `Kept in ${keysPlace(demo)}`
            ) : (
              <span className="muted">Not set</span>
            )}
          </dd>
        </div>
        {plaid.baseUrl ? (
          <div>
            <dt>Plaid address</dt>
            <dd>
              <code>{plaid.baseUrl}</code>
            </dd>
          </div>
        ) : null}
      </dl>
      {!hasKeys ? (
        <Notice tone="warning" title="No keys for this environment">
          <p>Ledgerlight cannot sync until you add your Plaid keys.</p>
        </Notice>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {replacing || !hasKeys ? (
        <div className="subsection">
          <h3>{hasKeys ? 'Replace keys' : 'Add keys'}</h3>
          <KeysForm
            initialEnvironment={plaid.environment}
            submitLabel={hasKeys ? 'Replace keys' : 'Save keys'}
            onCancel={hasKeys ? () => setReplacing(false) : undefined}
            onSaved={(settings) => {
              void afterKeysSaved(ledger, settings);
              setReplacing(false);
              toast({
                tone: 'success',
                title: 'Plaid keys saved',
                body:
                  settings.environment === plaid.environment
                    ? `The new keys are in ${keysPlace(demo)}.`
                    : `Switched to ${settings.environment === 'sandbox' ? 'Sandbox' : 'Production'} and its own data file.`,
              });
            }}
          />
        </div>
      ) : (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setReplacing(true)}>
            Replace keys
          </button>
          <button
            type="button"
            className="button button-danger-ghost"
            onClick={() => setRemoving(true)}
          >
            Remove keys
          </button>
        </div>
      )}
      {removing ? (
        <Dialog
          title={`Remove the ${envName} keys?`}
          description={`They are deleted from ${keysPlace(demo)}. Your accounts and transactions stay on this computer; syncing stops until you add keys again.`}
          onClose={() => setRemoving(false)}
          footer={
            <>
              <button
                type="button"
                className="button"
                onClick={() => setRemoving(false)}
                disabled={busy}
              >
                Cancel
              </button>
              <button
                type="button"
                className="button button-danger"
                onClick={() => void remove()}
                disabled={busy}
              >
                {busy ? 'Removing…' : 'Remove keys'}
              </button>
            </>
          }
        />
      ) : null}
    </section>
  );
}

const ADDRESS_RULE =
  'Plaid takes an https address, or http://localhost with a port in Sandbox, with no ? or # part.';

/**
 * Banks that sign in on their own site (OAuth). Link handles them in a pop-up with no set-up;
 * a redirect address registered at Plaid is the other way, and this is where it is chosen.
 */
function OAuthBanks() {
  const ledger = useLedger();
  const settings = useAppSettings((s) => s.settings);
  const inputId = useId();
  const helpId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<LedgerError | null>(null);
  if (!settings) return null;
  const current = settings.oauthRedirectUri;
  const suggested = settings.loopbackRedirectUri;
  const value = draft ?? current ?? suggested ?? '';

  async function save(oauthRedirectUri: string | null) {
    setSaving(true);
    setError(null);
    try {
      useAppSettings.getState().saved(await ledger.invoke('settings.update', { oauthRedirectUri }));
      setDraft(null);
      toast({
        tone: 'success',
        title: oauthRedirectUri ? 'Redirect address saved' : 'Redirect address turned off',
        body: oauthRedirectUri
          ? 'Banks that sign in on their own site now send you back to it.'
          : 'Plaid Link handles those banks in a pop-up window again.',
      });
    } catch (e) {
      const failure = asLedgerError(e);
      setError(
        failure.code === 'VALIDATION'
          ? new LedgerError('VALIDATION', `“${oauthRedirectUri}” cannot be used. ${ADDRESS_RULE}`)
          : failure,
      );
    } finally {
      setSaving(false);
    }
  }
  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => toast({ tone: 'success', title: 'Address copied' }),
      () => toast({ tone: 'error', title: 'Could not copy', body: text }),
    );

  return (
    <section className="card" aria-labelledby="oauth-heading">
      <header className="card-header">
        <h2 id="oauth-heading">Banks that sign in on their own site</h2>
      </header>
      <p className="muted">
        Many large banks (OAuth banks) have you sign in on their own website. Plaid Link opens that
        page in a pop-up window and needs nothing from you. If your bank sends you back to an
        address instead, register one in Plaid’s dashboard (Developers → API → Allowed redirect
        URIs) and enter the same one here.
      </p>
      <dl className="settings-list">
        <div>
          <dt>Redirect address</dt>
          <dd>
            {current ? <code>{current}</code> : <span className="muted">Off (pop-up window)</span>}
          </dd>
        </div>
        {suggested ? (
          <PathRow
            label="Address to register"
            path={suggested}
            onCopy={copy}
            copyLabel="Copy the redirect address to register"
          />
        ) : null}
      </dl>
      <div className="field">
        <label htmlFor={inputId}>Redirect address registered at Plaid</label>
        <input
          id={inputId}
          type="url"
          value={value}
          spellCheck={false}
          aria-describedby={helpId}
          onChange={(e) => setDraft(e.target.value)}
        />
        <p id={helpId} className="field-help">
          {suggested ? (
            <>
              Ledgerlight receives <code>{suggested}</code> itself; Plaid accepts a localhost
              address in Sandbox.
            </>
          ) : (
            <>
              In the browser version, Ledgerlight receives a localhost address itself once
              LEDGERLIGHT_LINK_PORT fixes its port (see the self-hosting guide).
            </>
          )}{' '}
          For Production, Plaid needs an https address: a page of yours that forwards to{' '}
          <code>ledgerlight://oauth</code> with the same query.
        </p>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={saving || value.trim() === '' || value === current}
          onClick={() => void save(value.trim())}
        >
          Use this address
        </button>
        {current ? (
          <button
            type="button"
            className="button button-ghost"
            disabled={saving}
            onClick={() => void save(null)}
          >
            Turn off
          </button>
        ) : null}
      </div>
    </section>
  );
}

function Syncing() {
  const ledger = useLedger();
  const settings = useAppSettings((s) => s.settings);
  const selectId = useId();
  const helpId = useId();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<LedgerError | null>(null);
  if (!settings) return null;
  const current = settings.defaultSyncFrequencyMinutes;
  const choices = FREQUENCY_CHOICES.includes(current as (typeof FREQUENCY_CHOICES)[number])
    ? [...FREQUENCY_CHOICES]
    : [...FREQUENCY_CHOICES, current].sort((a, b) => a - b);

  async function change(minutes: number) {
    setSaving(true);
    setError(null);
    try {
      useAppSettings
        .getState()
        .saved(await ledger.invoke('settings.update', { defaultSyncFrequencyMinutes: minutes }));
      toast({
        tone: 'success',
        title: 'Default sync frequency saved',
        body: frequencyLabel(minutes),
      });
    } catch (e) {
      setError(asLedgerError(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="card" aria-labelledby="sync-heading">
      <header className="card-header">
        <h2 id="sync-heading">Syncing</h2>
      </header>
      <div className="field field-inline">
        <label htmlFor={selectId}>Sync new connections</label>
        <select
          id={selectId}
          value={current}
          disabled={saving}
          aria-describedby={helpId}
          onChange={(e) => void change(Number(e.target.value))}
        >
          {choices.map((m) => (
            <option key={m} value={m}>
              {frequencyLabel(m)}
            </option>
          ))}
        </select>
      </div>
      <p id={helpId} className="field-help">
        Applies to banks you connect from now on; each connection’s own frequency is on its card.
        Ledgerlight also syncs when it starts and after your computer wakes up.
      </p>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

function DataLocation() {
  const settings = useAppSettings((s) => s.settings);
  const error = useAppSettings((s) => s.error);
  if (error && !settings) return <ErrorNotice error={error} />;
  if (!settings) return <LoadingBlock />;
  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => toast({ tone: 'success', title: 'Path copied' }),
      () => toast({ tone: 'error', title: 'Could not copy', body: text }),
    );
  return (
    <section className="card" aria-labelledby="data-heading">
      <header className="card-header">
        <h2 id="data-heading">Your data</h2>
      </header>
      <p className="muted">
        Everything Ledgerlight knows is in a SQLite file on this computer, one per Plaid environment
        of each profile; these are the open profile’s. Keys and bank tokens are in the system
        keychain, never in the file.
      </p>
      <dl className="settings-list">
        <PathRow label="Data folder" path={settings.dataDir} onCopy={copy} />
        <PathRow label="Database file" path={settings.databasePath} onCopy={copy} />
        <div>
          <dt>Version</dt>
          <dd>Ledgerlight {settings.version}</dd>
        </div>
      </dl>
    </section>
  );
}

function Export() {
  const accounts = useLedgerQuery('accounts.list', {});
  const accountMap = useMemo(
    () => new Map((accounts.data ?? []).map((a) => [a.id, a])),
    [accounts.data],
  );
  return (
    <section className="card" aria-labelledby="export-heading">
      <header className="card-header">
        <h2 id="export-heading">Export</h2>
      </header>
      <p className="muted">
        Every transaction as a CSV file for a spreadsheet: amounts as exact decimals (positive is
        money in) with their currency in a column of their own. To export some of them, filter the
        Transactions screen and export from there.
      </p>
      <div className="form-actions">
        <ExportButton query={{}} accounts={accountMap} label="Export all transactions (CSV)" />
      </div>
    </section>
  );
}

function PathRow({
  label,
  path,
  onCopy,
  copyLabel = `Copy the ${label.toLowerCase()} path`,
}: {
  label: string;
  path: string;
  onCopy: (text: string) => Promise<void>;
  copyLabel?: string;
}) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className="path-row">
        <code>{path}</code>
        <button
          type="button"
          className="button button-small"
          onClick={() => void onCopy(path)}
          aria-label={copyLabel}
        >
          Copy
        </button>
      </dd>
    </div>
  );
}
