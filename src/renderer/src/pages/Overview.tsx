import { useId, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Account } from '../../../shared/model';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { OverviewIcon } from '../components/Icons';
import { LoadingBlock } from '../components/Loading';
import { Money } from '../components/Money';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { mainCurrency, netWorth } from '../features/accounts/summary';
import { ConnectBankButton, TestBankButton } from '../features/connections/ConnectButtons';
import { LinkFeedback } from '../features/connections/LinkFeedback';
import { AddAccountDialog } from '../features/manual/AddAccountDialog';
import { CashVsDebt } from '../features/overview/CashVsDebt';
import { NetWorthCard } from '../features/overview/NetWorthChart';
import { NextPaymentDue } from '../features/portfolio/NextPaymentDue';
import { SpendingByMonth, SpendingThisMonth } from '../features/overview/SpendingCharts';
import { monthSlices, spendingCurrencies } from '../features/overview/spending';
import { TransactionList } from '../features/transactions/TransactionList';
import { formatDay, formatMonth, localToday } from '../format/dates';
import { useLedgerQuery } from '../hooks/useLedgerQuery';
import { useConnections } from '../store/connections';
import { usePlaidSettings } from '../store/plaid-settings';

export function Overview() {
  const connections = useConnections((s) => s.connections);
  const plaid = usePlaidSettings((s) => s.settings);
  const accounts = useLedgerQuery('accounts.list', {});
  const today = localToday();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);

  // Nothing at all yet: no bank, and no account kept by hand.
  if (connections && connections.length === 0 && accounts.data?.length === 0) {
    return (
      <div className="page">
        <PageHeader title="Overview" subtitle="Your money across every bank, on your own disk" />
        <LinkFeedback />
        <EmptyState
          icon={<OverviewIcon width={28} height={28} />}
          title="No banks connected yet"
          actions={
            <>
              <ConnectBankButton />
              <TestBankButton />
              <button type="button" className="button" onClick={() => setAdding(true)}>
                Add an account by hand
              </button>
            </>
          }
        >
          {plaid ? (
            <p>
              Plaid {plaid.environment} keys saved ({plaid.clientIdMasked}).{' '}
              {plaid.environment === 'sandbox'
                ? 'Connect one of Plaid’s test banks to see how Ledgerlight works.'
                : 'Connect your first bank to see balances, spending and transactions here.'}
            </p>
          ) : null}
          <p className="muted">
            You sign in to your bank inside Plaid’s own window; Ledgerlight only receives an access
            token, which it keeps in your system keychain.
          </p>
          <p className="muted">
            No bank needed: you can also keep accounts by hand, like cash, a house or a loan.
          </p>
        </EmptyState>
        {adding ? (
          <AddAccountDialog
            accounts={[]}
            onClose={() => setAdding(false)}
            onCreated={(account) => {
              setAdding(false);
              void navigate(`/accounts/${encodeURIComponent(account.id)}`);
            }}
          />
        ) : null}
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeader title="Overview" subtitle={`Your money as of ${formatDay(today)}`} />
      <LinkFeedback />
      <AttentionNotice />
      {accounts.error && !accounts.data ? (
        <ErrorNotice
          error={accounts.error}
          action={
            <button type="button" className="button" onClick={accounts.reload}>
              Try again
            </button>
          }
        />
      ) : null}
      {!accounts.data && !accounts.error ? (
        <LoadingBlock label="Loading your overview…" rows={6} />
      ) : null}
      {accounts.data ? <OverviewBody accounts={accounts.data} today={today} /> : null}
    </div>
  );
}

function AttentionNotice() {
  const connections = useConnections((s) => s.connections);
  const broken = connections?.filter((c) => c.status === 'LOGIN_REQUIRED' || c.status === 'ERROR');
  if (!broken || broken.length === 0) return null;
  const first = broken[0]!;
  return (
    <Notice
      tone="warning"
      title={
        broken.length === 1
          ? `${first.displayName} needs your attention`
          : `${broken.length} connections need your attention`
      }
      actions={
        <Link className="button" to={`/connections?focus=${encodeURIComponent(first.id)}`}>
          Open {broken.length === 1 ? first.displayName : 'connections'}
        </Link>
      }
    >
      <p>Until then, their balances and transactions may be out of date.</p>
    </Notice>
  );
}

function OverviewBody({ accounts, today }: { accounts: Account[]; today: string }) {
  const selectId = useId();
  const spending = useLedgerQuery(
    'reports.spending',
    { months: 6, until: today },
    { watch: 'ledger' },
  );
  const recent = useLedgerQuery('transactions.list', { limit: 8 }, { watch: 'ledger' });
  const worth = useMemo(() => netWorth(accounts), [accounts]);
  const currencies = useMemo(() => {
    const set = new Set<string>(worth.netWorth.map((t) => t.currency));
    for (const c of spending.data ? spendingCurrencies(spending.data) : []) set.add(c);
    const main = mainCurrency(accounts);
    return [...set].sort((a, b) => (a === main ? -1 : b === main ? 1 : a.localeCompare(b)));
  }, [worth, spending.data, accounts]);
  const [chosen, setChosen] = useState<string | null>(null);
  const currency = chosen && currencies.includes(chosen) ? chosen : (currencies[0] ?? 'USD');
  const month = today.slice(0, 7);
  const amountIn = (list: Array<{ currency: string; amount: number }>) =>
    list.find((t) => t.currency === currency)?.amount ?? 0;
  const spentThisMonth = spending.data
    ? monthSlices(spending.data, month, currency).reduce((sum, s) => sum + s.amount, 0)
    : null;
  const accountMap = useMemo(() => new Map(accounts.map((a) => [a.id, a])), [accounts]);

  return (
    <>
      {currencies.length > 1 ? (
        <div className="toolbar">
          <label htmlFor={selectId}>Currency</label>
          <select id={selectId} value={currency} onChange={(e) => setChosen(e.target.value)}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          <span className="muted">Amounts in different currencies are never added together.</span>
        </div>
      ) : null}
      <section className="stat-row" aria-label="Net worth">
        <div className="stat-card stat-card-lead">
          <p className="stat-label">Net worth</p>
          <p className="stat-value">
            <Money amount={amountIn(worth.netWorth)} currency={currency} />
          </p>
          <p className="stat-foot muted">Everything you own minus what you owe</p>
        </div>
        <div className="stat-card">
          <p className="stat-label">Cash</p>
          <p className="stat-value stat-value-sm">
            <Money amount={amountIn(worth.cash)} currency={currency} />
          </p>
          <p className="stat-foot muted">Checking and savings</p>
        </div>
        <div className="stat-card">
          <p className="stat-label">Debt</p>
          <p className="stat-value stat-value-sm">
            <Money amount={amountIn(worth.debt)} currency={currency} />
          </p>
          <p className="stat-foot muted">Credit cards and loans</p>
        </div>
        <div className="stat-card">
          <p className="stat-label">Spent in {formatMonth(month, 'short')}</p>
          <p className="stat-value stat-value-sm">
            {spentThisMonth === null ? '…' : <Money amount={spentThisMonth} currency={currency} />}
          </p>
          <p className="stat-foot muted">Money out, transfers left out</p>
        </div>
      </section>

      <NextPaymentDue today={today} />

      <NetWorthCard today={today} currencyOrder={currencies} />

      <div className="grid-2">
        <section className="card" aria-labelledby="cash-debt-heading">
          <header className="card-header">
            <h2 id="cash-debt-heading">Cash vs debt</h2>
            <Link to="/accounts">Accounts</Link>
          </header>
          <CashVsDebt accounts={accounts} currency={currency} />
        </section>
        <section className="card" aria-labelledby="month-heading">
          <header className="card-header">
            <h2 id="month-heading">Spending in {formatMonth(month, 'long')}</h2>
          </header>
          {spending.error && !spending.data ? <ErrorNotice error={spending.error} /> : null}
          {spending.data ? (
            <SpendingThisMonth report={spending.data} month={month} currency={currency} />
          ) : spending.error ? null : (
            <LoadingBlock label="Loading spending…" />
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="months-heading">
        <header className="card-header">
          <h2 id="months-heading">Spending, last six months</h2>
          <p className="muted">Transfers between your accounts and card payments are left out</p>
        </header>
        {spending.data ? (
          <SpendingByMonth report={spending.data} currency={currency} />
        ) : spending.error ? null : (
          <LoadingBlock label="Loading spending…" />
        )}
      </section>

      <section className="card" aria-labelledby="recent-heading">
        <header className="card-header">
          <h2 id="recent-heading">Latest transactions</h2>
          <Link to="/transactions">All transactions</Link>
        </header>
        {recent.data && recent.data.items.length > 0 ? (
          <TransactionList transactions={recent.data.items} accounts={accountMap} />
        ) : recent.data ? (
          <EmptyState title="No transactions yet" headingLevel={3}>
            <p>They appear here once your banks have synced.</p>
          </EmptyState>
        ) : recent.error ? (
          <ErrorNotice error={recent.error} />
        ) : (
          <LoadingBlock label="Loading transactions…" />
        )}
      </section>
    </>
  );
}
