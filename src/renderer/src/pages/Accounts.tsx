import { Link } from 'react-router';
import type { Account, Connection } from '../../../shared/model';
import { EmptyState } from '../components/EmptyState';
import { AccountsIcon } from '../components/Icons';
import { Money, MoneyList } from '../components/Money';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { ConnectBankButton } from '../features/connections/ConnectButtons';
import { groupAccounts, netWorth } from '../features/accounts/summary';
import { formatRelative } from '../format/dates';
import { subtypeLabel } from '../format/labels';
import { useLedgerQuery } from '../hooks/useLedgerQuery';
import { useConnections } from '../store/connections';

export function Accounts() {
  const accounts = useLedgerQuery('accounts.list', {});
  const connections = useConnections((s) => s.connections);

  return (
    <div className="page">
      <PageHeader title="Accounts" subtitle="Balances as your banks last reported them" />
      <QueryState
        query={accounts}
        loadingLabel="Loading accounts…"
        loadingRows={5}
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState
            icon={<AccountsIcon width={28} height={28} />}
            title="No accounts yet"
            actions={<ConnectBankButton />}
          >
            <p>
              Connect a bank and its accounts appear here, grouped by kind, with your net worth.
            </p>
          </EmptyState>
        }
      >
        {(list) => <AccountGroups accounts={list} connections={connections ?? []} />}
      </QueryState>
    </div>
  );
}

function AccountGroups({
  accounts,
  connections,
}: {
  accounts: Account[];
  connections: Connection[];
}) {
  const shown = accounts.filter((a) => !a.hidden);
  const hidden = accounts.filter((a) => a.hidden);
  const worth = netWorth(shown);
  const byId = new Map(connections.map((c) => [c.id, c]));
  return (
    <>
      <section className="stat-row" aria-label="Totals">
        <div className="stat-card stat-card-lead">
          <p className="stat-label">Net worth</p>
          <p className="stat-value">
            <MoneyList totals={worth.netWorth} />
          </p>
        </div>
        <div className="stat-card">
          <p className="stat-label">Assets</p>
          <p className="stat-value stat-value-sm">
            <MoneyList totals={worth.assets} />
          </p>
        </div>
        <div className="stat-card">
          <p className="stat-label">Debt</p>
          <p className="stat-value stat-value-sm">
            <MoneyList totals={worth.debt} />
          </p>
        </div>
      </section>
      {groupAccounts(shown).map((group) => (
        <section
          key={group.group}
          className="card account-group"
          aria-labelledby={`group-${group.group}`}
        >
          <header className="card-header">
            <h2 id={`group-${group.group}`}>{group.label}</h2>
            <p className="card-header-total">
              <span className="muted">{group.liability ? 'Owed' : 'Total'}</span>{' '}
              <MoneyList totals={group.totals} />
            </p>
          </header>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Bank</th>
                <th scope="col" className="num">
                  Available
                </th>
                <th scope="col" className="num">
                  {group.liability ? 'Balance owed' : 'Balance'}
                </th>
              </tr>
            </thead>
            <tbody>
              {group.accounts.map((a) => {
                const connection = byId.get(a.connectionId);
                return (
                  <tr key={a.id}>
                    <td>
                      <Link to={`/accounts/${encodeURIComponent(a.id)}`} className="row-link">
                        {a.name}
                      </Link>
                      <span className="cell-sub">
                        {subtypeLabel(a.subtype, a.type)}
                        {a.mask ? ` ••${a.mask}` : ''}
                        {a.currency !== group.totals[0]?.currency ? ` · ${a.currency}` : ''}
                      </span>
                    </td>
                    <td>
                      {a.institutionName ?? connection?.displayName ?? '—'}
                      {a.balanceUpdatedAt ? (
                        <span className="cell-sub">
                          Updated {formatRelative(a.balanceUpdatedAt)}
                        </span>
                      ) : null}
                    </td>
                    <td className="num">
                      <Money amount={a.balances.available} currency={a.currency} />
                    </td>
                    <td className="num strong">
                      <Money amount={a.balances.current} currency={a.currency} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
      {hidden.length > 0 ? (
        <section className="card" aria-labelledby="hidden-accounts">
          <header className="card-header">
            <h2 id="hidden-accounts">Hidden accounts</h2>
            <p className="muted">Not in the totals above; their transactions are kept.</p>
          </header>
          <ul className="plain-list">
            {hidden.map((a) => (
              <li key={a.id}>
                <Link to={`/accounts/${encodeURIComponent(a.id)}`}>
                  {a.name}
                  {a.mask ? ` ••${a.mask}` : ''}
                </Link>{' '}
                <span className="muted">{a.institutionName ?? ''}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
