import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ImportBatch } from '../../../../shared/model';
import { EmptyState } from '../../components/EmptyState';
import { QueryState } from '../../components/QueryState';
import { Badge } from '../../components/StatusBadge';
import { formatDateTime } from '../../format/dates';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { useConnections } from '../../store/connections';
import { batchDates, batchTitle } from '../import/batch-words';

/** Batches per page of the list. */
const PAGE = 50;
/** The "Show" choice for every batch that no connection made: files and hand entries. */
const OWN = 'own';

/**
 * Every batch of rows that came in, newest first: syncs, file imports and hand entries, what each
 * is, the days its rows span and where they stand. Filtered (by the core) by the screen's
 * connection choice, and here by account or to the imports and hand entries; a page at a time.
 */
export function BatchesTable({ connection }: { connection: string }) {
  const [params, setParams] = useSearchParams();
  const show = params.get('batches') ?? '';
  const [page, setPage] = useState({ key: '', offset: 0 });
  const filterKey = `${show}|${connection}`;
  // A new filter starts again from the newest batches.
  const offset = page.key === filterKey ? page.offset : 0;
  const accountId = show && show !== OWN ? show : undefined;
  const query = useLedgerQuery(
    'batches.list',
    {
      limit: PAGE,
      offset,
      ...(accountId ? { accountId } : {}),
      ...(connection ? { connectionId: connection } : {}),
      ...(show === OWN ? { kind: 'imports' as const } : {}),
    },
    { watch: 'ledger' },
  );
  const accounts = useLedgerQuery('accounts.list', { includeClosed: true });
  const connections = useConnections((s) => s.connections);
  const selectId = useId();

  const full = (query.data?.length ?? 0) === PAGE;
  const goTo = (next: number) => setPage({ key: filterKey, offset: Math.max(0, next) });

  return (
    <section className="card" aria-labelledby="batches-heading">
      <header className="card-header">
        <h2 id="batches-heading">Import batches</h2>
        <div className="toolbar">
          <label htmlFor={selectId}>Show</label>
          <select
            id={selectId}
            value={show}
            onChange={(e) => {
              const p = new URLSearchParams(params);
              if (e.target.value) p.set('batches', e.target.value);
              else p.delete('batches');
              setParams(p, { replace: true });
            }}
          >
            <option value="">Every batch</option>
            <option value={OWN}>Imports and hand entries</option>
            {(accounts.data ?? []).length > 0 ? (
              <optgroup label="Into one account">
                {(accounts.data ?? []).map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </div>
      </header>
      <QueryState
        query={query}
        loadingLabel="Loading import batches…"
        loadingRows={5}
        isEmpty={(all) => all.length === 0 && offset === 0}
        empty={
          show || connection ? (
            <EmptyState title="No batches fit this choice" headingLevel={3}>
              <p>Choose “Every batch” above, or another account or connection.</p>
            </EmptyState>
          ) : (
            <EmptyState title="No import batches yet" headingLevel={3}>
              <p>
                Every sync that adds, changes or removes transactions records a batch here, and so
                does every file you import and every day of transactions you enter by hand.
              </p>
            </EmptyState>
          )
        }
      >
        {(all) => (
          <>
            <div className="table-scroll" role="region" aria-label="Import batches" tabIndex={0}>
              <table className="data-table batches-table">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">What</th>
                    <th scope="col">Dates</th>
                    <th scope="col" className="num">
                      Rows
                    </th>
                    <th scope="col">Where they stand</th>
                  </tr>
                </thead>
                <tbody>
                  {all.map((b) => (
                    <tr key={b.id}>
                      <td className="nowrap">{formatDateTime(b.createdAt)}</td>
                      <td>
                        <Link to={`/activity/batches/${b.id}`}>{batchTitle(b, connections)}</Link>
                        {b.revertedAt ? (
                          <>
                            {' '}
                            <Badge tone="neutral">Reverted</Badge>
                          </>
                        ) : null}
                        <span className="cell-sub">Batch #{b.id}</span>
                      </td>
                      <td className="nowrap">{batchDates(b)}</td>
                      <td className="num">{b.count.toLocaleString()}</td>
                      <td>
                        <Breakdown batch={b} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {all.length === 0 ? (
                <p className="muted batches-none">There are no older batches.</p>
              ) : null}
            </div>
            {offset > 0 || full ? (
              <nav className="batches-pager" aria-label="Pages of import batches">
                <button
                  type="button"
                  className="button button-small"
                  disabled={offset === 0}
                  onClick={() => goTo(offset - PAGE)}
                >
                  Newer
                </button>
                <span className="muted">
                  Batches {(offset + 1).toLocaleString()}–{(offset + all.length).toLocaleString()}
                </span>
                <button
                  type="button"
                  className="button button-small"
                  disabled={!full}
                  onClick={() => goTo(offset + PAGE)}
                >
                  Older
                </button>
              </nav>
            ) : null}
          </>
        )}
      </QueryState>
    </section>
  );
}

/** New / already here / to check, in words; a sync also says what it changed. */
function Breakdown({ batch }: { batch: ImportBatch }) {
  const parts = [
    `${batch.unmatched.toLocaleString()} new`,
    `${batch.matched.toLocaleString()} already here`,
    `${batch.suggested.toLocaleString()} to check`,
  ];
  return (
    <span className="batch-breakdown">
      {parts.join(' · ')}
      {batch.importMethod === 'PLAID' && (batch.modified > 0 || batch.removed > 0) ? (
        <span className="cell-sub">
          {batch.modified.toLocaleString()} updated · {batch.removed.toLocaleString()} removed
        </span>
      ) : null}
    </span>
  );
}
