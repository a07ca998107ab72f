import { useId, useState } from 'react';
import type { Connection } from '../../../../shared/model';
import { formatDateTime, formatDay } from '../../format/dates';
import { plural } from '../../format/labels';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';

const HEALTH_WORDS = { HEALTHY: 'Working normally', DEGRADED: 'Having problems', DOWN: 'Down' };

/**
 * The connection's health (`connections.health`): failures in a row, the last error, consent and
 * what Plaid says about the bank. Loaded only when the person opens it.
 */
export function ConnectionHealthDetails({ connection }: { connection: Connection }) {
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const health = useLedgerQuery(
    'connections.health',
    open ? { connectionId: connection.id } : null,
  );
  const bank = connection.institution?.status ?? null;
  const data = health.data;
  return (
    <details
      className="connection-health"
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary id={titleId}>Health</summary>
      {health.error ? (
        <p className="muted">{health.error.message}</p>
      ) : !data ? (
        <p className="muted">Loading…</p>
      ) : (
        <dl className="connection-meta connection-health-list" aria-labelledby={titleId}>
          <div>
            <dt>Failures in a row</dt>
            <dd>
              {data.consecutiveFailures === 0
                ? 'None'
                : plural(data.consecutiveFailures, 'failed sync', 'failed syncs')}
            </dd>
          </div>
          <div>
            <dt>Last error</dt>
            <dd>
              {data.lastError ? (
                <>
                  {data.lastError.message} <code>{data.lastError.code}</code>
                </>
              ) : (
                'None'
              )}
            </dd>
          </div>
          <div>
            <dt>Consent</dt>
            <dd>
              {data.consentExpiresAt
                ? `Until ${formatDay(data.consentExpiresAt.slice(0, 10))}`
                : 'No end date from the bank'}
            </dd>
          </div>
          <div>
            <dt>Last success</dt>
            <dd>{data.lastSuccessAt ? formatDateTime(data.lastSuccessAt) : 'Not yet'}</dd>
          </div>
          <div>
            <dt>Bank status (Plaid)</dt>
            <dd>
              {bank ? (
                <>
                  {HEALTH_WORDS[bank.overall]}
                  {bank.overall !== 'HEALTHY'
                    ? ` (sign-in: ${bank.logins ? HEALTH_WORDS[bank.logins].toLowerCase() : 'unknown'}, new transactions: ${bank.transactions ? HEALTH_WORDS[bank.transactions].toLowerCase() : 'unknown'})`
                    : ''}
                  , checked {formatDateTime(bank.checkedAt)}
                </>
              ) : (
                'Not checked yet'
              )}
            </dd>
          </div>
        </dl>
      )}
    </details>
  );
}
