import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { ArrowLeftIcon } from '../components/Icons';
import { LoadingBlock } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { TransactionList } from '../features/transactions/TransactionList';
import { formatDateTime } from '../format/dates';
import { useLedgerQuery } from '../hooks/useLedgerQuery';
import { connectionName, useConnections } from '../store/connections';

/** The most rows `batches.get` returns for one batch. */
const BATCH_ROWS = 200;

export function BatchDetail() {
  const { batchId = '' } = useParams();
  const id = Number(batchId);
  const valid = Number.isInteger(id) && id > 0;
  const { data, error, reload } = useLedgerQuery('batches.get', valid ? { batchId: id } : null, {
    watch: 'ledger',
  });
  const accounts = useLedgerQuery('accounts.list', {});
  const connections = useConnections((s) => s.connections);
  const accountMap = useMemo(
    () => new Map((accounts.data ?? []).map((a) => [a.id, a])),
    [accounts.data],
  );
  const back = (
    <Link to="/activity?view=batches" className="back-link">
      <ArrowLeftIcon width={16} height={16} /> Import batches
    </Link>
  );
  const title = valid ? `Import batch #${id}` : 'Import batch not found';

  return (
    <div className="page">
      <PageHeader
        title={title}
        back={back}
        subtitle={
          data
            ? `${connectionName(connections, data.batch.connectionId)} · ${formatDateTime(data.batch.createdAt)}${data.batch.runId ? ` · sync run #${data.batch.runId}` : ''}`
            : undefined
        }
      />
      {!valid ? (
        <EmptyState title="There is no such batch">
          <p>Batch numbers are whole numbers, as listed under Activity.</p>
        </EmptyState>
      ) : null}
      {error && !data ? (
        <ErrorNotice
          error={error}
          action={
            <button type="button" className="button" onClick={reload}>
              Try again
            </button>
          }
        />
      ) : null}
      {valid && !data && !error ? <LoadingBlock label="Loading the batch…" rows={6} /> : null}
      {data ? (
        <>
          <section className="stat-row" aria-label="What this batch changed">
            <div className="stat-card">
              <p className="stat-label">New</p>
              <p className="stat-value stat-value-sm">{data.batch.added.toLocaleString()}</p>
            </div>
            <div className="stat-card">
              <p className="stat-label">Updated</p>
              <p className="stat-value stat-value-sm">{data.batch.modified.toLocaleString()}</p>
            </div>
            <div className="stat-card">
              <p className="stat-label">Removed</p>
              <p className="stat-value stat-value-sm">{data.batch.removed.toLocaleString()}</p>
            </div>
          </section>
          <section className="card" aria-labelledby="rows-heading">
            <header className="card-header">
              <h2 id="rows-heading">Rows</h2>
              {data.transactions.length >= BATCH_ROWS ? (
                <p className="muted">The first {BATCH_ROWS} rows of this batch</p>
              ) : null}
            </header>
            {data.transactions.length === 0 ? (
              <EmptyState title="No rows left in this batch" headingLevel={3}>
                <p>Its rows were changed by later syncs or deleted with their connection.</p>
              </EmptyState>
            ) : (
              <TransactionList
                transactions={data.transactions}
                accounts={accountMap}
                caption={`Rows of import batch ${id}`}
              />
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
