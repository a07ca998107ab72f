import { Link, useParams } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { ArrowLeftIcon } from '../components/Icons';
import { LoadingBlock } from '../components/Loading';
import { Money } from '../components/Money';
import { PageHeader } from '../components/PageHeader';
import { AccountNameForm } from '../features/accounts/AccountNameForm';
import { BalanceChart } from '../features/accounts/BalanceChart';
import { TransactionList } from '../features/transactions/TransactionList';
import { formatDateTime } from '../format/dates';
import { accountGroup, plural, subtypeLabel } from '../format/labels';
import { useLedgerQuery } from '../hooks/useLedgerQuery';
import { useConnections } from '../store/connections';

export function AccountDetail() {
  const { accountId = '' } = useParams();
  const { data, error, reload } = useLedgerQuery('accounts.get', { accountId });
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
  const liability = ['credit', 'loan'].includes(accountGroup(account.type));
  return (
    <div className="page">
      <PageHeader
        title={account.name}
        back={back}
        subtitle={[
          subtypeLabel(account.subtype, account.type),
          account.mask ? `••${account.mask}` : null,
          account.institutionName ?? connection?.displayName,
          account.name !== account.bankName ? `the bank calls it ${account.bankName}` : null,
          account.hidden ? 'hidden' : null,
          account.officialName && account.officialName !== account.bankName
            ? account.officialName
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      />
      <section className="stat-row" aria-label="Balances">
        <div className="stat-card stat-card-lead">
          <p className="stat-label">{liability ? 'Balance owed' : 'Current balance'}</p>
          <p className="stat-value">
            <Money amount={account.balances.current} currency={account.currency} />
          </p>
        </div>
        <div className="stat-card">
          <p className="stat-label">Available</p>
          <p className="stat-value stat-value-sm">
            <Money amount={account.balances.available} currency={account.currency} />
          </p>
        </div>
        <div className="stat-card">
          <p className="stat-label">{account.type === 'credit' ? 'Credit limit' : 'Limit'}</p>
          <p className="stat-value stat-value-sm">
            <Money amount={account.balances.limit} currency={account.currency} />
          </p>
        </div>
        <div className="stat-card">
          <p className="stat-label">Updated</p>
          <p className="stat-value stat-value-xs">
            {account.balanceUpdatedAt ? formatDateTime(account.balanceUpdatedAt) : 'Not yet'}
          </p>
        </div>
      </section>

      <section className="card" aria-labelledby="history-heading">
        <header className="card-header">
          <h2 id="history-heading">Balance history</h2>
          <p className="muted">{account.currency}</p>
        </header>
        {balanceHistory.filter((h) => h.current !== null).length >= 2 ? (
          <BalanceChart history={balanceHistory} currency={account.currency} name={account.name} />
        ) : (
          <EmptyState title="Not enough history yet" headingLevel={3}>
            <p>
              Ledgerlight records this balance once a day as it syncs; the chart fills in over time.
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
            <Link to={`/transactions?account=${encodeURIComponent(account.id)}`}>
              All {plural(transactionCount, 'transaction')}
            </Link>
          ) : null}
        </header>
        {recentTransactions.length === 0 ? (
          <EmptyState title="No transactions yet" headingLevel={3}>
            <p>They appear here after the first sync.</p>
          </EmptyState>
        ) : (
          <TransactionList transactions={recentTransactions} showAccount={false} />
        )}
      </section>
    </div>
  );
}
