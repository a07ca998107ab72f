import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { ArrowLeftIcon } from '../components/Icons';
import { LoadingBlock } from '../components/Loading';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { BatchRowsTable } from '../features/import/BatchRowsTable';
import { BatchStats } from '../features/import/BatchStats';
import { batchTitle, canRevert } from '../features/import/batch-words';
import { RevertDialog } from '../features/import/RevertDialog';
import { useBatchRows } from '../features/import/useBatchRows';
import { formatDateTime } from '../format/dates';
import { plural } from '../format/labels';
import { useConnections } from '../store/connections';

/**
 * One sync run, file import or day of hand entries: what it is, where its rows stand, the rows
 * themselves a page at a time, the questions it left for the person (a row that may be already
 * here) and, for a file, taking the whole import back.
 */
export function BatchDetail() {
  const { batchId = '' } = useParams();
  const id = Number(batchId);
  const valid = /^\d+$/.test(batchId) && Number.isSafeInteger(id) && id > 0;
  const rows = useBatchRows(valid ? id : null);
  const connections = useConnections((s) => s.connections);
  const [reverting, setReverting] = useState(false);
  const revertButton = useRef<HTMLButtonElement>(null);
  const { batch } = rows;

  const back = (
    <Link to="/activity?view=batches" className="back-link">
      <ArrowLeftIcon width={16} height={16} /> Import batches
    </Link>
  );
  const title = !valid
    ? 'Import batch not found'
    : batch
      ? batchTitle(batch, connections)
      : `Import batch #${id}`;

  return (
    <div className="page">
      <PageHeader
        title={title}
        back={back}
        subtitle={
          batch
            ? `Batch #${batch.id} · ${formatDateTime(batch.createdAt)}${batch.runId ? ` · sync run #${batch.runId}` : ''}`
            : undefined
        }
        actions={
          batch && canRevert(batch) ? (
            <button
              ref={revertButton}
              type="button"
              className="button button-danger-ghost"
              onClick={() => setReverting(true)}
            >
              Revert this import
            </button>
          ) : undefined
        }
      />
      {!valid ? (
        <EmptyState title="There is no such batch">
          <p>Batch numbers are whole numbers, as listed under Activity.</p>
        </EmptyState>
      ) : null}
      {rows.error && !batch ? (
        <ErrorNotice
          error={rows.error}
          action={
            <button type="button" className="button" onClick={rows.reload}>
              Try again
            </button>
          }
        />
      ) : null}
      {valid && rows.loading ? <LoadingBlock label="Loading the batch…" rows={6} /> : null}
      {batch ? (
        <>
          {batch.revertedAt ? (
            <Notice tone="info" title={`Reverted on ${formatDateTime(batch.revertedAt)}`}>
              <p>
                The rows this import added were removed from your ledger; rows it found already here
                stayed as they were.
              </p>
            </Notice>
          ) : null}
          {batch.suggested > 0 ? (
            <Notice tone="warning" title={`${plural(batch.suggested, 'row')} to check`}>
              <p>
                {batch.suggested === 1 ? 'It' : 'Each'} may be the same money as a transaction
                already here. Choose the one it is the same as, or keep both.
              </p>
            </Notice>
          ) : null}
          <BatchStats batch={batch} />
          <section className="card" aria-labelledby="rows-heading">
            <header className="card-header">
              <h2 id="rows-heading">Rows</h2>
            </header>
            {rows.error ? (
              <ErrorNotice
                error={rows.error}
                title="The rows could not be loaded"
                action={
                  <button type="button" className="button" onClick={rows.reload}>
                    Try again
                  </button>
                }
              />
            ) : null}
            {rows.items.length === 0 ? (
              <EmptyState title="No rows left in this batch" headingLevel={3}>
                <p>
                  {batch.revertedAt
                    ? 'Its rows were removed when the import was reverted.'
                    : 'Its rows were changed by later syncs or deleted with their connection.'}
                </p>
              </EmptyState>
            ) : (
              <BatchRowsTable
                batch={batch}
                items={rows.items}
                hasMore={rows.hasMore}
                loadingMore={rows.loadingMore}
                onMore={rows.more}
              />
            )}
          </section>
          {reverting ? (
            <RevertDialog
              batch={batch}
              onClose={() => {
                setReverting(false);
                requestAnimationFrame(() => revertButton.current?.focus());
              }}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
