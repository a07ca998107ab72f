import { useEffect, useId, useRef } from 'react';
import { Link } from 'react-router';
import type { BatchRow, ImportBatch } from '../../../../shared/model';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Loading';
import { Money } from '../../components/Money';
import { Badge } from '../../components/StatusBadge';
import { formatDay } from '../../format/dates';
import { plural } from '../../format/labels';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { toast } from '../../store/toasts';
import { matchWords, STATUS_TONES, STATUS_WORDS } from './batch-words';

/**
 * A batch's rows as far as they are loaded, with "Show more" for the next page. The count of
 * rows shown is announced politely, so a screen reader hears that more arrived.
 */
export function BatchRowsTable({
  batch,
  items,
  hasMore,
  loadingMore,
  onMore,
}: {
  batch: ImportBatch;
  items: BatchRow[];
  hasMore: boolean;
  loadingMore: boolean;
  onMore(): void;
}) {
  const countRef = useRef<HTMLParagraphElement>(null);
  const asked = useRef(false);
  // The button goes away with the last page: focus moves to the count rather than the page top.
  useEffect(() => {
    if (asked.current && !loadingMore && !hasMore) countRef.current?.focus();
    if (!loadingMore) asked.current = false;
  }, [loadingMore, hasMore]);

  return (
    <>
      <div
        className="table-scroll"
        role="region"
        aria-label={`Rows of batch ${batch.id}`}
        tabIndex={0}
      >
        <table className="data-table batch-rows">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Description</th>
              <th scope="col">Counterparty</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">Status</th>
              <th scope="col">Match</th>
            </tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <Row key={row.transaction.id} row={row} batchId={batch.id} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="batch-more">
        <p ref={countRef} className="muted" role="status" tabIndex={-1}>
          Showing {items.length.toLocaleString()} of{' '}
          {plural(Math.max(batch.count, items.length), 'row')}
        </p>
        {hasMore ? (
          <button
            type="button"
            className="button"
            disabled={loadingMore}
            onClick={() => {
              asked.current = true;
              onMore();
            }}
          >
            {loadingMore ? (
              <>
                <Spinner /> Loading more rows…
              </>
            ) : (
              'Show more'
            )}
          </button>
        ) : null}
      </div>
    </>
  );
}

function Row({ row, batchId }: { row: BatchRow; batchId: number }) {
  const t = row.transaction;
  const words = matchWords(row);
  const other = row.match?.otherBatchId ?? null;
  return (
    <tr className={t.removed ? 'row-removed' : undefined}>
      <td className="nowrap">{formatDay(t.date)}</td>
      <td>{t.name}</td>
      <td>{row.counterparty}</td>
      <td className="num nowrap">
        <Money amount={t.amount} currency={t.currency} signed />
      </td>
      <td>
        <Badge tone={STATUS_TONES[row.status]}>{STATUS_WORDS[row.status]}</Badge>
      </td>
      <td className="batch-match">
        {row.status === 'suggested' && row.match ? (
          <Candidates row={row} />
        ) : (
          <>
            {words ? <span>{words}</span> : <span className="muted">—</span>}
            {other !== null && other !== batchId ? (
              <span className="cell-sub">
                already here from <Link to={`/activity/batches/${other}`}>batch #{other}</Link>
              </span>
            ) : null}
          </>
        )}
      </td>
    </tr>
  );
}

/** A row that may be already here: the rows it may be, each to choose, or keep both. */
function Candidates({ row }: { row: BatchRow }) {
  const id = useId();
  const resolve = useLedgerMutation('import.resolve');
  const t = row.transaction;
  const candidates = row.match?.candidates ?? [];

  async function settle(sameAs: string | null) {
    const result = await resolve.attempt({ id: t.id, sameAs });
    if (!result.ok) return;
    const chosen = candidates.find((c) => c.id === sameAs);
    toast(
      chosen
        ? {
            tone: 'success',
            title: 'Made into one transaction',
            body: `“${t.name}” from the file is the same money as “${chosen.name}” of ${formatDay(chosen.date)}; the ledger keeps one of them, with what you set on either.`,
          }
        : {
            tone: 'success',
            title: 'Kept both transactions',
            body: `“${t.name}” stays beside the one already here, and you will not be asked about it again.`,
          },
    );
  }

  return (
    <div className="batch-candidates">
      <p id={`${id}-q`}>May be the same as:</p>
      <ul>
        {candidates.map((c, i) => (
          <li key={c.id}>
            <span id={`${id}-${i}`} className="batch-candidate-text">
              {formatDay(c.date)} · {c.name} ·{' '}
              <Money amount={c.amount} currency={c.currency} signed /> · {c.accountName}
            </span>
            <button
              type="button"
              className="button button-small"
              aria-describedby={`${id}-${i}`}
              disabled={resolve.pending}
              onClick={() => void settle(c.id)}
            >
              Same as this one
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button-small"
        aria-describedby={`${id}-q`}
        disabled={resolve.pending}
        onClick={() => void settle(null)}
      >
        Keep both
      </button>
      {resolve.error ? (
        <ErrorNotice error={resolve.error} title="That could not be settled" />
      ) : null}
    </div>
  );
}
