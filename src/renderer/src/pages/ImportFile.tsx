import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { ArrowLeftIcon } from '../components/Icons';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { ImportWizard } from '../features/import/ImportWizard';
import { useLedgerQuery } from '../hooks/useLedgerQuery';

/**
 * Importing a bank's file (CSV, OFX/QFX, QIF) into an account. Other screens open it for one
 * account with `/import?account=<id>`; without one, the first step asks which.
 */
export function ImportFile() {
  const [params] = useSearchParams();
  const given = params.get('account') ?? '';
  const [chosen, setChosen] = useState('');
  const accounts = useLedgerQuery('accounts.list', {});
  const open = (accounts.data ?? []).filter((a) => !a.closedAt);
  const fixed = given !== '' && open.some((a) => a.id === given);
  const unknown = given !== '' && accounts.data !== undefined && !fixed;
  const account = open.find((a) => a.id === given);

  return (
    <div className="page">
      <PageHeader
        title="Import a file"
        back={
          account ? (
            <Link to={`/accounts/${account.id}`} className="back-link">
              <ArrowLeftIcon width={16} height={16} /> {account.name}
            </Link>
          ) : undefined
        }
        subtitle="Bring in transactions from a file your bank gave you. Rows already here are found and not added twice."
      />
      <QueryState
        query={accounts}
        loadingLabel="Loading your accounts…"
        isEmpty={() => open.length === 0}
        empty={
          <EmptyState
            title="No account to import into"
            actions={
              <Link to="/accounts" className="button button-primary">
                Go to Accounts
              </Link>
            }
          >
            <p>
              A file’s transactions go into one of your accounts. Connect a bank, or add an account
              you keep by hand, then import its file.
            </p>
          </EmptyState>
        }
      >
        {() => (
          <>
            {unknown ? (
              <p className="field-error" role="alert">
                The account this screen was opened for is not in your ledger, or is closed. Choose
                another one.
              </p>
            ) : null}
            <ImportWizard
              accounts={open}
              accountId={fixed ? given : chosen}
              accountFixed={fixed}
              onAccount={setChosen}
            />
          </>
        )}
      </QueryState>
    </div>
  );
}
