import type { SyncRun } from '../../../../shared/model';
import { Badge } from '../../components/StatusBadge';
import { formatDateTime, formatDuration } from '../../format/dates';
import { triggerLabel } from '../../format/labels';

/** Every sync run: when, why, how long, what it changed, and how it failed (with Plaid's id). */
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
              <td className="nowrap">{nameOf(run.connectionId)}</td>
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
                {run.plaidRequestId ? (
                  <span className="cell-sub">
                    Plaid request <code>{run.plaidRequestId}</code>
                  </span>
                ) : null}
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
