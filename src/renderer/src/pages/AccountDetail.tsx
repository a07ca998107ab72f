import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { ArrowLeftIcon } from '../components/Icons';
import { LoadingBlock } from '../components/Loading';
import { Money } from '../components/Money';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { CheckAccountBalanceButton } from '../features/connections/CheckAccountBalanceButton';
import { AccountNameForm } from '../features/accounts/AccountNameForm';
import { shownAvailable } from '../features/accounts/summary';
import { BalanceChart } from '../features/accounts/BalanceChart';
import { CloseAccountButton } from '../features/manual/CloseAccountButton';
import { closedOn, isLiability, isManual, kindLabel } from '../features/manual/kinds';
import { RecordBalanceForm } from '../features/manual/RecordBalanceForm';
import { TransactionList } from '../features/transactions/TransactionList';
import { formatDateTime } from '../format/dates';
import { plural } from '../format/labels';
import { useLedgerQuery } from '../hooks/useLedgerQuery';
import { useConnections } from '../store/connections';

export function AccountDetail() {
  const { accountId = '' } = useParams();
  const { data, error, reload } = useLedgerQuery('accounts.get', { accountId });
  const [recording, setRecording] = useState(false);
  const connection = useConnections((s) =>
    s.connections?.find((c) => c.id === data?.account.connectionId),
  );
  const back = (
    <Link to="/accounts" className="back-link">
      <ArrowLeftIcon width={16} height={16} /> Accounts
    </Link>
  );

  if (error && !data) {
    return (
      <div className="page">
        <PageHeader
          title={error.code === 'NOT_FOUND' ? 'Account not found' : 'Account'}
          back={back}
        />
        <ErrorNotice
          error={error}
          action={
            <button type="button" className="button" onClick={reload}>
              Try again
            </button>
          }
        />
      </div>
    );
  }
  if (!data) {
    return (
      <div className="page">
        <PageHeader title="Account" back={back} />
        <LoadingBlock label="Loading the account…" rows={6} />
      </div>
    );
  }

  const { account, balanceHistory, recentTransactions, transactionCount } = data;
  const liability = isLiability(account);
  const manual = isManual(account);
  const closed = account.closedAt !== null;
  const encoded = encodeURIComponent(account.id);
  const drawn = balanceHistory.filter((h) => h.current !== null).length;
  const actions = manual ? (
    closed ? (
      <CloseAccountButton account={account} />
    ) : (
      <>
        <Link to={`/transactions?add=${encoded}`} className="button button-primary">
          Add a transaction
        </Link>
        <button type="button" className="button" onClick={() => setRecording(true)}>
          Record the balance
        </button>
        <Link to={`/import?account=${encoded}`} className="button">
          Import a file
        </Link>
        <CloseAccountButton account={account} />
      </>
    )
  ) : (
    <>
      <CheckAccountBalanceButton account={account} />
      <Link to={`/import?account=${encoded}`} className="button">
        Import older history from a file
      </Link>
    </>
  );
  return (
    <div className="page">
      <PageHeader
        title={account.name}
        back={back}
        actions={actions}
        subtitle={[
          kindLabel(account),
          account.mask ? `••${account.mask}` : null,
          manual ? 'Kept by hand' : (account.institutionName ?? connection?.displayName),
          !manual && account.name !== account.bankName
            ? `the bank calls it ${account.bankName}`
            : null,
          account.hidden ? 'hidden' : null,
          account.officialName && account.officialName !== account.bankName
            ? account.officialName
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      />
      {account.closedAt ? (
        <Notice tone="info" title={closedOn(account.closedAt)}>
          <p>
            Its history stays and still counts in your net worth for the days before it closed.
            Reopen it to add transactions or record balances again.
          </p>
        </Notice>
      ) : null}
      <section className="stat-row" aria-label="Balances">
        <div className="stat-card stat-card-lead">
          <p className="stat-label">
            {liability ? (manual ? 'What you owe' : 'Balance owed') : 'Current balance'}
          </p>
          <p className="stat-value">
            <Money amount={account.balances.current} currency={account.currency} />
          </p>
          {manual ? (
            <p className="stat-foot muted">
              Your last recorded balance plus the transactions after it
            </p>
          ) : null}
        </div>
        {shownAvailable(account) !== null ? (
          <div className="stat-card">
            <p className="stat-label">Available</p>
            <p className="stat-value stat-value-sm">
              <Money amount={shownAvailable(account)} currency={account.currency} />
            </p>
          </div>
        ) : null}
        {account.balances.limit !== null ? (
          <div className="stat-card">
            <p className="stat-label">{account.type === 'credit' ? 'Credit limit' : 'Limit'}</p>
            <p className="stat-value stat-value-sm">
              <Money amount={account.balances.limit} currency={account.currency} />
            </p>
          </div>
        ) : null}
        <div className="stat-card">
          <p className="stat-label">Updated</p>
          <p className="stat-value stat-value-xs">
            {account.balanceUpdatedAt ? formatDateTime(account.balanceUpdatedAt) : 'Not yet'}
          </p>
        </div>
      </section>

      <section className="card" aria-labelledby="history-heading">
        <header className="card-header">
          <h2 id="history-heading">{liability ? 'What you owed over time' : 'Balance history'}</h2>
          <p className="muted">{account.currency}</p>
        </header>
        {drawn >= 2 ? (
          <BalanceChart
            history={balanceHistory}
            currency={account.currency}
            name={account.name}
            liability={liability}
          />
        ) : (
          <EmptyState title="A chart needs balances on two days" headingLevel={3}>
            <p>
              {manual
                ? 'Add transactions dated before today, or record the balance on another day, and the history is drawn from them.'
                : 'The history is rebuilt from this account’s transactions; it appears once there is more than one day to draw.'}
            </p>
          </EmptyState>
        )}
      </section>

      <section className="card" aria-labelledby="name-heading">
        <header className="card-header">
          <h2 id="name-heading">Name and visibility</h2>
        </header>
        <AccountNameForm
          key={`${account.name}|${account.hidden}`}
          account={account}
          onSaved={reload}
        />
      </section>

      <section className="card" aria-labelledby="recent-heading">
        <header className="card-header">
          <h2 id="recent-heading">Recent transactions</h2>
          {transactionCount > 0 ? (
            <Link to={`/transactions?account=${encoded}`}>
              All {plural(transactionCount, 'transaction')}
            </Link>
          ) : null}
        </header>
        {recentTransactions.length === 0 ? (
          <EmptyState title="No transactions yet" headingLevel={3}>
            <p>
              {manual
                ? 'Add them by hand, or import a file your bank gave you.'
                : 'They appear here after the first sync.'}
            </p>
          </EmptyState>
        ) : (
          <TransactionList transactions={recentTransactions} showAccount={false} />
        )}
      </section>
      {recording ? (
        <RecordBalanceForm account={account} onClose={() => setRecording(false)} />
      ) : null}
    </div>
  );
}
