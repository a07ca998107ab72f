import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Account, Connection } from '../../../shared/model';
import { CheckboxField } from '../components/CheckboxField';
import { EmptyState } from '../components/EmptyState';
import { AccountsIcon, PlusIcon } from '../components/Icons';
import { Money } from '../components/Money';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { ConnectBankButton } from '../features/connections/ConnectButtons';
import { groupAccounts, netWorth, shownAvailable } from '../features/accounts/summary';
import { AddAccountDialog } from '../features/manual/AddAccountDialog';
import { CurrencyAmounts } from '../features/manual/CurrencyAmounts';
import { closedOn, isManual, kindLabel } from '../features/manual/kinds';
import { formatRelative } from '../format/dates';
import { useLedgerQuery } from '../hooks/useLedgerQuery';
import { useConnections } from '../store/connections';

export function Accounts() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const showClosed = params.get('closed') === '1';
  const accounts = useLedgerQuery('accounts.list', showClosed ? { includeClosed: true } : {});
  const connections = useConnections((s) => s.connections);
  const [adding, setAdding] = useState(false);

  const setShowClosed = (show: boolean) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (show) next.set('closed', '1');
        else next.delete('closed');
        return next;
      },
      { replace: true },
    );

  return (
    <div className="page">
      <PageHeader
        title="Accounts"
        subtitle="Balances as your banks last reported them, and the accounts you keep by hand"
        actions={
          <button type="button" className="button" onClick={() => setAdding(true)}>
            <PlusIcon width={16} height={16} />
            Add an account
          </button>
        }
      />
      <div className="toolbar">
        <CheckboxField label="Show closed accounts" checked={showClosed} onChange={setShowClosed} />
      </div>
      <QueryState
        query={accounts}
        loadingLabel="Loading accounts…"
        loadingRows={5}
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState
            icon={<AccountsIcon width={28} height={28} />}
            title="No accounts yet"
            actions={
              <>
                <ConnectBankButton />
                <button type="button" className="button" onClick={() => setAdding(true)}>
                  Add an account by hand
                </button>
              </>
            }
          >
            <p>
              Connect a bank and its accounts appear here, grouped by kind, with your net worth.
            </p>
            <p>Or keep an account by hand: cash, a house, a loan no bank connection reaches.</p>
          </EmptyState>
        }
      >
        {(list) => <AccountGroups accounts={list} connections={connections ?? []} />}
      </QueryState>
      {adding ? (
        <AddAccountDialog
          accounts={(accounts.data ?? []).filter((a) => !a.closedAt)}
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

function AccountGroups({
  accounts,
  connections,
}: {
  accounts: Account[];
  connections: Connection[];
}) {
  const open = accounts.filter((a) => !a.closedAt);
  const shown = open.filter((a) => !a.hidden);
  const hidden = open.filter((a) => a.hidden);
  const closed = accounts.filter((a) => a.closedAt);
  const worth = netWorth(shown);
  const byId = new Map(connections.map((c) => [c.id, c]));
  return (
    <>
      <section className="stat-row" aria-label="Totals">
        <div className="stat-card stat-card-lead">
          <p className="stat-label">Net worth</p>
          <p className="stat-value">
            <CurrencyAmounts totals={worth.netWorth} />
          </p>
          {worth.netWorth.length > 1 ? (
            <p className="stat-foot muted">Each currency on its own, never added together</p>
          ) : null}
        </div>
        <div className="stat-card">
          <p className="stat-label">Assets</p>
          <p className="stat-value stat-value-sm">
            <CurrencyAmounts totals={worth.assets} />
          </p>
        </div>
        <div className="stat-card">
          <p className="stat-label">Debt</p>
          <p className="stat-value stat-value-sm">
            <CurrencyAmounts totals={worth.debt} />
          </p>
        </div>
      </section>
      {groupAccounts(shown).map((group) => {
        const showAvailable = group.accounts.some(
          (a) => !isManual(a) && shownAvailable(a) !== null,
        );
        return (
          <section
            key={group.group}
            className="card account-group"
            aria-labelledby={`group-${group.group}`}
          >
            <header className="card-header">
              <h2 id={`group-${group.group}`}>{group.label}</h2>
              <p className="card-header-total">
                <span className="muted">{group.liability ? 'Owed' : 'Total'}</span>{' '}
                <CurrencyAmounts totals={group.totals} />
              </p>
            </header>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col">Bank</th>
                  {showAvailable ? (
                    <th scope="col" className="num">
                      Available
                    </th>
                  ) : null}
                  <th scope="col" className="num">
                    {group.liability ? 'Balance owed' : 'Balance'}
                  </th>
                </tr>
              </thead>
              <tbody>
                {group.accounts.map((a) => {
                  const connection = a.connectionId ? byId.get(a.connectionId) : undefined;
                  const manual = isManual(a);
                  return (
                    <tr key={a.id}>
                      <td>
                        <Link to={`/accounts/${encodeURIComponent(a.id)}`} className="row-link">
                          {a.name}
                        </Link>
                        <span className="cell-sub">
                          {kindLabel(a)}
                          {a.mask ? ` ••${a.mask}` : ''}
                          {a.currency !== group.totals[0]?.currency ? ` · ${a.currency}` : ''}
                        </span>
                      </td>
                      <td>
                        {manual ? (
                          <span className="manual-source">Kept by hand</span>
                        ) : (
                          <>
                            {a.institutionName ?? connection?.displayName ?? '—'}
                            {a.balanceUpdatedAt ? (
                              <span className="cell-sub">
                                Updated {formatRelative(a.balanceUpdatedAt)}
                              </span>
                            ) : null}
                          </>
                        )}
                      </td>
                      {showAvailable ? (
                        <td className="num">
                          {manual || shownAvailable(a) === null ? (
                            <span className="visually-hidden">Not reported</span>
                          ) : (
                            <Money amount={shownAvailable(a)} currency={a.currency} />
                          )}
                        </td>
                      ) : null}
                      <td className="num strong">
                        <Money amount={a.balances.current} currency={a.currency} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        );
      })}
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
                <span className="muted">
                  {isManual(a) ? 'Kept by hand' : (a.institutionName ?? '')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {closed.length > 0 ? (
        <section className="card account-group" aria-labelledby="closed-accounts">
          <header className="card-header">
            <h2 id="closed-accounts">Closed accounts</h2>
            <p className="muted">
              Not in the totals above; their history stays and still counts in the past.
            </p>
          </header>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Account</th>
                <th scope="col">Closed</th>
                <th scope="col" className="num">
                  Last balance
                </th>
              </tr>
            </thead>
            <tbody>
              {closed.map((a) => (
                <tr key={a.id} className="account-closed">
                  <td>
                    <Link to={`/accounts/${encodeURIComponent(a.id)}`} className="row-link">
                      {a.name}
                    </Link>
                    <span className="cell-sub">
                      {kindLabel(a)} · {isManual(a) ? 'Kept by hand' : (a.institutionName ?? '')}
                    </span>
                  </td>
                  <td>{closedOn(a.closedAt!)}</td>
                  <td className="num">
                    <Money amount={a.balances.current} currency={a.currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {shown.length === 0 && hidden.length === 0 ? (
        <p className="muted">Every account is closed. Reopen one from its page to use it again.</p>
      ) : null}
    </>
  );
}
