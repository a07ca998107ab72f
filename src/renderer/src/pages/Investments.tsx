import { useMemo } from 'react';
import { Link } from 'react-router';
import type { HoldingsTotal } from '../../../shared/model';
import { EmptyState } from '../components/EmptyState';
import { Money } from '../components/Money';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { ActivityTable } from '../features/portfolio/ActivityTable';
import { formatUnitPrice, securityTypeLabel } from '../features/portfolio/format';
import { Gain, HoldingsTable } from '../features/portfolio/HoldingsTable';
import { InvestmentsIcon } from '../components/Icons';
import { NotReported } from '../features/portfolio/NotReported';
import { formatDateTime } from '../format/dates';
import { toMajor } from '../format/money';
import { useLedgerQuery } from '../hooks/useLedgerQuery';
import '../styles/portfolio.css';

/** What each investment account holds, what it is worth against what it cost, and its activity. */
export function Investments() {
  const holdings = useLedgerQuery('portfolio.holdings', {}, { watch: 'ledger' });
  const accounts = useLedgerQuery('accounts.list', { includeClosed: true });
  const accountMap = useMemo(
    () => new Map((accounts.data ?? []).map((a) => [a.id, a])),
    [accounts.data],
  );
  return (
    <div className="page">
      <PageHeader
        title="Investments"
        subtitle="Holdings and activity as your brokerages and retirement plans report them"
      />
      <QueryState
        query={holdings}
        loadingLabel="Loading your investments…"
        isEmpty={(p) => p.accounts.length === 0}
        empty={
          <EmptyState
            icon={<InvestmentsIcon width={28} height={28} />}
            title="No investment holdings yet"
            actions={
              <Link className="button" to="/connections">
                Connections
              </Link>
            }
          >
            <p>
              Holdings appear here once a bank that keeps your brokerage, IRA or 401(k) is connected
              with investments shared, and has synced.
            </p>
          </EmptyState>
        }
      >
        {(portfolio) => (
          <>
            <section className="stat-row" aria-label="Investment totals">
              {portfolio.totals.map((t) => (
                <TotalCards key={t.currency} total={t} several={portfolio.totals.length > 1} />
              ))}
            </section>
            {portfolio.accounts.map((account) => (
              <section
                key={account.accountId}
                className="card"
                aria-labelledby={`holdings-${account.accountId}`}
              >
                <header className="card-header">
                  <div>
                    <h2 id={`holdings-${account.accountId}`}>
                      <Link to={`/accounts/${encodeURIComponent(account.accountId)}`}>
                        {account.accountName}
                      </Link>
                    </h2>
                    <p className="muted">
                      {[
                        account.institutionName,
                        account.mask ? `••${account.mask}` : null,
                        account.updatedAt ? `as of ${formatDateTime(account.updatedAt)}` : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                  </div>
                </header>
                <HoldingsTable account={account} />
              </section>
            ))}
            <section className="card" aria-labelledby="activity-heading">
              <header className="card-header">
                <h2 id="activity-heading">Activity</h2>
                <p className="muted">Cash into the account is positive; a buy spends it</p>
              </header>
              <ActivityTable accounts={accountMap} />
            </section>
            <section className="card" aria-labelledby="securities-heading">
              <header className="card-header">
                <h2 id="securities-heading">Securities</h2>
                <p className="muted">Last close price the bank reported</p>
              </header>
              <div className="table-scroll" role="region" aria-label="Securities" tabIndex={0}>
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Ticker</th>
                      <th scope="col">Kind</th>
                      <th scope="col" className="num">
                        Close price
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {portfolio.securities.map((s) => (
                      <tr key={s.id}>
                        <th scope="row">{s.name ?? s.ticker ?? 'Unnamed security'}</th>
                        <td>{s.ticker ?? <NotReported />}</td>
                        <td>{securityTypeLabel(s.type) ?? <NotReported />}</td>
                        <td className="num">
                          {s.price !== null && s.currency ? (
                            formatUnitPrice(toMajor(s.price, s.currency), s.currency)
                          ) : (
                            <NotReported />
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          </>
        )}
      </QueryState>
    </div>
  );
}

function TotalCards({ total, several }: { total: HoldingsTotal; several: boolean }) {
  const suffix = several ? ` (${total.currency})` : '';
  return (
    <>
      <div className="stat-card stat-card-lead">
        <p className="stat-label">Value{suffix}</p>
        <p className="stat-value">
          <Money amount={total.value} currency={total.currency} />
        </p>
        <p className="stat-foot muted">Every investment account together</p>
      </div>
      {total.costBasis !== null && total.gain !== null ? (
        <>
          <div className="stat-card">
            <p className="stat-label">Cost basis{suffix}</p>
            <p className="stat-value stat-value-sm">
              <Money amount={total.costBasis} currency={total.currency} />
            </p>
            <p className="stat-foot muted">What the holdings cost</p>
          </div>
          <div className="stat-card">
            <p className="stat-label">Gain{suffix}</p>
            <p className="stat-value stat-value-sm">
              <Gain amount={total.gain} currency={total.currency} />
            </p>
            <p className="stat-foot muted">
              {total.costBasis > 0
                ? `${((total.gain / total.costBasis) * 100).toFixed(1)}% on what they cost`
                : 'Value minus cost basis'}
            </p>
          </div>
        </>
      ) : null}
    </>
  );
}
