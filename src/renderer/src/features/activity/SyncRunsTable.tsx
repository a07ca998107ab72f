import { useState } from 'react';
import type { SyncRun } from '../../../../shared/model';
import { Badge } from '../../components/StatusBadge';
import { formatDateTime, formatDuration } from '../../format/dates';
import { triggerLabel } from '../../format/labels';
import '../../styles/connection-tools.css';

/**
 * Every sync run: when, why, how long, what it changed, how it failed, and Plaid's request ids
 * (the one Plaid support asks for first, copyable, and all the run's calls below it).
 */
export function SyncRunsTable({
  runs,
  nameOf,
}: {
  runs: SyncRun[];
  nameOf: (connectionId: string) => string;
}) {
  return (
    <div className="table-scroll" role="region" aria-label="Sync runs" tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Connection</th>
            <th scope="col">Trigger</th>
            <th scope="col">Result</th>
            <th scope="col" className="num">
              Duration
            </th>
            <th scope="col">Changes</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td className="nowrap">{formatDateTime(run.startedAt)}</td>
              <td className="connection-name-cell">{nameOf(run.connectionId)}</td>
              <td className="nowrap">{triggerLabel(run.trigger)}</td>
              <td>
                {run.status === 'succeeded' ? (
                  <Badge tone="positive">Succeeded</Badge>
                ) : run.status === 'running' ? (
                  <Badge tone="info">Running</Badge>
                ) : (
                  <Badge tone="danger">Failed</Badge>
                )}
              </td>
              <td className="num">
                {run.durationMs === null ? '—' : formatDuration(run.durationMs)}
              </td>
              <td className="nowrap">{changes(run)}</td>
              <td className="run-details">
                {run.errorCode ? (
                  <>
                    <code>{run.errorCode}</code> {run.errorMessage}
                  </>
                ) : null}
                {run.plaidRequestId ? <RequestIds run={run} /> : null}
                {!run.errorCode && !run.plaidRequestId ? <span className="muted">—</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "3 new, 1 removed, 1 set aside" (zeros left out), or "No changes". */
function changes(run: SyncRun): string {
  if (run.status !== 'succeeded') return '—';
  const parts = [
    [run.added, 'new'],
    [run.modified, 'updated'],
    [run.removed, 'removed'],
    [run.quarantined, 'set aside'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, label]) => `${(n as number).toLocaleString()} ${label as string}`);
  return parts.length ? parts.join(', ') : 'No changes';
}

/** The run's Plaid request id, copyable, and every other id of the run folded under it. */
function RequestIds({ run }: { run: SyncRun }) {
  const [copied, setCopied] = useState(false);
  const id = run.plaidRequestId!;
  const others = run.plaidRequestIds.length;

  async function copy() {
    try {
      await navigator.clipboard.writeText(id);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <span className="cell-sub">
      Plaid request <code>{id}</code>
      <button
        type="button"
        className="button button-small run-request-copy"
        onClick={() => void copy()}
        aria-label={`Copy Plaid request id ${id}`}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
      {others > 1 ? (
        <details className="run-request-ids">
          <summary>All {others} request ids of this run</summary>
          <ol>
            {run.plaidRequestIds.map((requestId) => (
              <li key={requestId}>{requestId}</li>
            ))}
          </ol>
        </details>
      ) : null}
    </span>
  );
}
