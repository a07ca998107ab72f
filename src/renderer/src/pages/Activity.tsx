import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { ActivityIcon } from '../components/Icons';
import { LoadingBlock } from '../components/Loading';
import { QueryState } from '../components/QueryState';
import { PageHeader } from '../components/PageHeader';
import { BatchesTable } from '../features/activity/BatchesTable';
import { SyncRunsTable } from '../features/activity/SyncRunsTable';
import { useSyncRuns } from '../features/activity/useSyncRuns';
import { formatDateTime } from '../format/dates';
import { useLedgerQuery } from '../hooks/useLedgerQuery';
import { connectionName, useConnections } from '../store/connections';

const VIEWS = [
  { id: 'runs', label: 'Sync runs' },
  { id: 'batches', label: 'Import batches' },
  { id: 'quarantine', label: 'Set aside' },
] as const;

export function Activity() {
  const [params, setParams] = useSearchParams();
  const view = VIEWS.find((v) => v.id === params.get('view'))?.id ?? 'runs';
  const connection = params.get('connection') ?? '';
  const connections = useConnections((s) => s.connections);
  const selectId = useId();
  const nameOf = (id: string | null) => connectionName(connections, id);
  const link = (next: string) => {
    const p = new URLSearchParams(params);
    p.set('view', next);
    return `/activity?${p.toString()}`;
  };

  return (
    <div className="page activity-page">
      <PageHeader
        title="Activity"
        subtitle="What each sync did, and every batch of rows that came in: syncs, imported files and hand entries"
      />
      <div className="toolbar">
        <nav aria-label="Activity views" className="segmented">
          {VIEWS.map((v) => (
            <Link
              key={v.id}
              to={link(v.id)}
              aria-current={v.id === view ? 'page' : undefined}
              replace
            >
              {v.label}
            </Link>
          ))}
        </nav>
        <span className="actions-spacer" />
        <label htmlFor={selectId}>Connection</label>
        <select
          id={selectId}
          className="connection-filter"
          // A long name is cut to the box's width; the full name shows on hover and in the list.
          title={connection ? nameOf(connection) : 'All connections'}
          value={connection}
          onChange={(e) => {
            const p = new URLSearchParams(params);
            if (e.target.value) p.set('connection', e.target.value);
            else p.delete('connection');
            setParams(p, { replace: true });
          }}
        >
          <option value="">All connections</option>
          {(connections ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.displayName}
            </option>
          ))}
        </select>
      </div>
      {view === 'runs' ? <Runs connection={connection} nameOf={nameOf} /> : null}
      {view === 'batches' ? <BatchesTable connection={connection} /> : null}
      {view === 'quarantine' ? <Quarantine connection={connection} nameOf={nameOf} /> : null}
    </div>
  );
}

type NameOf = (id: string | null) => string;

function Runs({ connection, nameOf }: { connection: string; nameOf: NameOf }) {
  const connections = useConnections((s) => s.connections);
  const { runs, error } = useSyncRuns(connections, connection);
  return (
    <section className="card" aria-labelledby="runs-heading">
      <header className="card-header">
        <h2 id="runs-heading">Sync runs</h2>
        <p className="muted">The latest 50 per connection</p>
      </header>
      {error ? <ErrorNotice error={error} /> : null}
      {runs === null && !error ? <LoadingBlock label="Loading sync runs…" rows={5} /> : null}
      {runs && runs.length === 0 ? (
        <EmptyState
          icon={<ActivityIcon width={28} height={28} />}
          title="No syncs yet"
          headingLevel={3}
        >
          <p>Each sync, scheduled or by hand, is listed here with what it changed.</p>
        </EmptyState>
      ) : null}
      {runs && runs.length > 0 ? <SyncRunsTable runs={runs} nameOf={nameOf} /> : null}
    </section>
  );
}

function Quarantine({ connection, nameOf }: { connection: string; nameOf: NameOf }) {
  const query = useLedgerQuery(
    'quarantine.list',
    connection ? { connectionId: connection, limit: 200 } : { limit: 200 },
    { watch: 'ledger' },
  );
  return (
    <section className="card" aria-labelledby="quarantine-heading">
      <header className="card-header">
        <h2 id="quarantine-heading">Set aside</h2>
        <p className="muted">Rows from Plaid that could not be applied, kept rather than dropped</p>
      </header>
      <QueryState
        query={query}
        loadingLabel="Loading…"
        isEmpty={(rows) => rows.length === 0}
        empty={
          <EmptyState title="Nothing was set aside" headingLevel={3}>
            <p>Every row Plaid sent so far could be applied to your ledger.</p>
          </EmptyState>
        }
      >
        {(data) => (
          <div className="table-scroll" role="region" aria-label="Rows set aside" tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Connection</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Plaid id</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {data.map((q) => (
                  <tr key={q.id}>
                    <td className="nowrap">{formatDateTime(q.createdAt)}</td>
                    <td>{nameOf(q.connectionId)}</td>
                    <td>{q.kind}</td>
                    <td>{q.plaidId ? <code>{q.plaidId}</code> : '—'}</td>
                    <td>{q.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
