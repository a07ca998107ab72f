import { useState } from 'react';
import type { Account } from '../../../shared/model';
import { LogoMark } from '../components/Icons';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useLedger } from '../ledger/context';
import { afterKeysSaved } from '../features/settings/after-keys-saved';
import { KeysForm } from '../features/settings/KeysForm';
import { keysPlace } from '../features/settings/keys-place';
import { useAppSettings } from '../store/app-settings';
import { AddAccountDialog } from '../features/manual/AddAccountDialog';
import { ProfileSwitcher } from '../features/profiles/ProfileSwitcher';
import { toast } from '../store/toasts';

/**
 * The first screen: no Plaid keys yet. Two ways in: Plaid keys to connect banks, or an account
 * kept by hand (no bank needed), after which the app opens on it.
 */
export function Onboarding({ onAccountCreated }: { onAccountCreated(account: Account): void }) {
  const ledger = useLedger();
  const [adding, setAdding] = useState(false);
  const demo = useAppSettings((st) => st.settings?.demoMode ?? false);
  useDocumentTitle('Welcome');
  return (
    <main className="onboarding" id="main">
      <div className="onboarding-brand">
        <LogoMark width={36} height={36} />
        <span>Ledgerlight</span>
      </div>
      <ProfileSwitcher manage={false} onlyWhenSeveral />
      <h1>Welcome to Ledgerlight</h1>
      <p className="lead">
        Your bank data, on your own disk. Ledgerlight talks to your banks through Plaid with your
        own Plaid keys, which it keeps in your system keychain.
      </p>
      <div className="onboarding-grid">
        <section aria-labelledby="no-keys-heading" className="card">
          <h2 id="no-keys-heading">No Plaid keys yet</h2>
          <ol className="steps">
            <li>
              Create a free account at <strong>dashboard.plaid.com</strong> and open{' '}
              <em>Developers → Keys</em>.
            </li>
            <li>
              Copy your <strong>client id</strong> and the <strong>secret</strong> of the
              environment you want.
            </li>
            <li>Paste them below. They go to the keychain, never to a file.</li>
          </ol>
          <KeysForm
            onSaved={(settings) => {
              void afterKeysSaved(ledger, settings);
              toast({
                tone: 'success',
                title: 'Plaid keys saved',
                body: `Your ${settings.environment} keys are in ${keysPlace(demo)}.`,
              });
            }}
          />
        </section>
        <div className="onboarding-side">
          <section className="card onboarding-manual" aria-labelledby="manual-heading">
            <h2 id="manual-heading">No bank needed</h2>
            <p>
              Keep accounts by hand: cash, a credit union Plaid does not reach, a house, a car loan.
              You record their balances and transactions yourself, or import your bank’s files. You
              can add Plaid keys later.
            </p>
            <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
              Start without a bank
            </button>
          </section>
          <aside className="card card-muted" aria-labelledby="env-heading">
            <h2 id="env-heading">Sandbox or Production?</h2>
            <dl className="definition-list">
              <dt>Sandbox</dt>
              <dd>
                Plaid’s practice environment: test banks such as “First Platypus Bank” with made-up
                accounts and two years of transactions. Free, and the best way to try Ledgerlight.
                Sign in to a test bank with <code>user_good</code> / <code>pass_good</code>.
              </dd>
              <dt>Production</dt>
              <dd>
                Your real banks. Plaid must approve your account for Production first, and may
                charge for each bank you connect.
              </dd>
            </dl>
            <p className="muted">
              Each environment keeps its data in a file of its own, so test data never mixes with
              your real accounts. You can switch later in Settings.
            </p>
          </aside>
        </div>
      </div>
      {adding ? (
        <AddAccountDialog
          accounts={[]}
          onClose={() => setAdding(false)}
          onCreated={(account) => {
            setAdding(false);
            onAccountCreated(account);
          }}
        />
      ) : null}
    </main>
  );
}
