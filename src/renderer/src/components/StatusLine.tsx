import { Link } from 'react-router';
import { formatAgo, formatDateTime, formatRelative } from '../format/dates';
import { plural } from '../format/labels';
import { useNow } from '../hooks/useNow';
import { useConnections } from '../store/connections';
import { useLiveSync } from '../store/live-sync';
import { AlertIcon, CheckIcon } from './Icons';
import { Spinner } from './Loading';
import { banksInTrouble } from '../features/connections/bank-status';

/**
 * Always at the bottom: is anything syncing, when did the last sync end, when is the next one,
 * and does any connection need the user (a link straight to it).
 */
export function StatusLine() {
  const summary = useConnections((s) => s.summary);
  const connections = useConnections((s) => s.connections);
  const runs = useLiveSync((s) => s.runs);
  const now = useNow(15_000);
  const liveCount = Object.keys(runs).length;
  const syncing = Math.max(liveCount, summary?.runningCount ?? 0);
  const fetched = Object.values(runs).reduce((sum, r) => sum + r.added + r.modified, 0);
  const broken = connections?.filter((c) => c.status === 'LOGIN_REQUIRED' || c.status === 'ERROR');
  const errorCount = summary?.errorCount ?? 0;
  const troubled = banksInTrouble(connections ?? []);
  const errorTarget =
    broken && broken.length > 0
      ? `/connections?focus=${encodeURIComponent(broken[0]!.id)}`
      : '/connections';

  return (
    <footer className="status-line" aria-label="Sync status">
      <span className="status-item" role="status">
        {summary === null ? (
          'Loading sync status…'
        ) : syncing > 0 || summary.syncing ? (
          <>
            <Spinner size={12} />
            <span>
              Syncing {plural(Math.max(syncing, 1), 'connection')}…
              {fetched > 0 ? ` ${fetched.toLocaleString()} transactions so far` : ''}
            </span>
          </>
        ) : summary.total === 0 ? (
          <span>No banks connected</span>
        ) : errorCount > 0 ? (
          <span>
            {summary.total - errorCount} of {plural(summary.total, 'connection')} up to date
          </span>
        ) : (
          <>
            <CheckIcon width={14} height={14} className="status-ok" />
            <span>Up to date</span>
          </>
        )}
      </span>
      {summary && summary.total > 0 ? (
        <>
          <span className="status-item">
            Last sync{' '}
            {summary.lastSyncAt ? (
              <time dateTime={summary.lastSyncAt} title={formatDateTime(summary.lastSyncAt)}>
                {formatAgo(summary.lastSyncAt, now)}
              </time>
            ) : (
              'never'
            )}
          </span>
          <span className="status-item">
            Next sync{' '}
            {summary.nextSyncAt ? (
              <time dateTime={summary.nextSyncAt} title={formatDateTime(summary.nextSyncAt)}>
                {Date.parse(summary.nextSyncAt) <= now
                  ? 'due now'
                  : formatRelative(summary.nextSyncAt, now)}
              </time>
            ) : (
              'not scheduled'
            )}
          </span>
        </>
      ) : null}
      {troubled.length > 0 ? (
        <Link
          to={`/connections?focus=${encodeURIComponent(troubled[0]!.connection.id)}`}
          className="status-item status-warning"
        >
          <AlertIcon width={14} height={14} />
          {troubled.length === 1
            ? troubled[0]!.trouble.short
            : `Plaid reports problems at ${troubled.length} banks`}
        </Link>
      ) : null}
      {errorCount > 0 ? (
        <Link to={errorTarget} className="status-item status-error">
          <AlertIcon width={14} height={14} />
          {errorCount === 1
            ? '1 connection needs attention'
            : `${errorCount} connections need attention`}
        </Link>
      ) : null}
    </footer>
  );
}
