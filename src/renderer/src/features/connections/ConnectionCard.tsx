import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Connection } from '../../../../shared/model';
import { ErrorNotice } from '../../components/ErrorNotice';
import { AlertIcon, PauseIcon, PlayIcon, SyncIcon } from '../../components/Icons';
import { InstitutionMark } from '../../components/InstitutionMark';
import { Spinner } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { StatusBadge } from '../../components/StatusBadge';
import {
  daysUntil,
  formatAgo,
  formatDateTime,
  formatDay,
  formatDuration,
  formatRelative,
} from '../../format/dates';
import { frequencyLabel, plural } from '../../format/labels';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { useNow } from '../../hooks/useNow';
import { useLedger } from '../../ledger/context';
import { useLinkSession, type LinkPurpose } from '../../link/link-session';
import { useLiveSync } from '../../store/live-sync';
import { toast } from '../../store/toasts';
import { BankStatusNotice } from './BankStatusNotice';
import { ConnectionHealthDetails } from './ConnectionHealthDetails';
import { ConnectionSettingsForm } from './ConnectionSettingsForm';
import { AlreadyConnectedNotice } from './LinkFeedback';
import { LiveReads } from './LiveReads';
import { ChooseAccountsButton } from './ChooseAccountsButton';
import { ResyncButton } from './ResyncButton';
import { SandboxTools } from './SandboxTools';
import { DisconnectDialog } from './DisconnectDialog';
import { SyncProgress } from './SyncProgress';

/** Consent that ends within this many days gets a warning. */
const CONSENT_WARNING_DAYS = 14;

/** One bank connection: its state, live progress, and everything the user can do with it. */
export function ConnectionCard({
  connection,
  highlighted,
}: {
  connection: Connection;
  highlighted: boolean;
}) {
  const ledger = useLedger();
  const headingId = useId();
  const { id, displayName: name } = connection;
  const run = useLiveSync((s) => s.runs[id]);
  const outcome = useLiveSync((s) => s.outcomes[id]);
  const cooldownUntil = useLiveSync((s) => s.cooldownUntil[id] ?? 0);
  const linkPhase = useLinkSession((s) => s.phase);
  const conflictHere = useLinkSession((s) => s.conflictConnectionId === connection.id);
  // Both answer with events of their own (the sync's, connections.changed), so no reload here.
  const sync = useLedgerMutation('connections.sync', {
    invalidates: 'none',
    handle: (e) => {
      // Too early shows as the countdown on the button; a run already going shows as progress.
      if (e.code === 'TOO_EARLY' && e.details?.retryAfterMs) {
        useLiveSync.getState().setCooldown(id, Date.now() + e.details.retryAfterMs);
        return true;
      }
      return e.code === 'CONFLICT' && e.details?.runId !== undefined;
    },
  });
  const pause = useLedgerMutation('connections.update', { invalidates: 'none' });
  const busy = sync.pending ? 'sync' : pause.pending ? 'pause' : null;
  const actionError = sync.error ?? pause.error;
  const [editing, setEditing] = useState(false);
  const [disconnecting, setDisconnecting] = useState(false);
  // A countdown ticks every second; otherwise relative times only need a refresh now and then.
  const now = useNow(cooldownUntil > 0 ? 1000 : 30_000);
  const secondsLeft = Math.max(0, Math.ceil((cooldownUntil - now) / 1000));

  const syncing = Boolean(run) || connection.syncing;
  const live = connection.status !== 'DISCONNECTED';
  const consentDays = connection.consentExpiresAt
    ? daysUntil(connection.consentExpiresAt, now)
    : null;

  const openLink = (purpose: LinkPurpose) => void useLinkSession.getState().start(ledger, purpose);

  async function syncNow() {
    pause.clearError();
    await sync.run({ connectionId: id });
  }

  async function togglePause() {
    sync.clearError();
    const saved = await pause.run({ connectionId: id, paused: !connection.paused });
    if (saved === null) return;
    toast({
      tone: 'success',
      title: connection.paused ? `${name} resumed` : `${name} paused`,
      body: connection.paused
        ? 'Scheduled syncs run again.'
        : 'No scheduled syncs until you resume it. Sync now still works.',
    });
  }

  const syncLabel = syncing
    ? 'Syncing…'
    : secondsLeft > 0
      ? `Sync now (${secondsLeft} s)`
      : 'Sync now';

  return (
    <article
      className={`connection-card${highlighted ? ' highlighted' : ''}${live ? '' : ' disconnected'}`}
      id={`connection-${id}`}
      aria-labelledby={headingId}
      style={{ borderLeftColor: connection.institution?.primaryColor ?? undefined }}
    >
      <header className="connection-header">
        <InstitutionMark connection={connection} />
        <div className="connection-title">
          <h2 id={headingId} tabIndex={-1}>
            {name}
          </h2>
          <p className="muted">
            {connection.institution && connection.institution.name !== name
              ? `${connection.institution.name} · `
              : ''}
            {plural(connection.accountCount, 'account')}
            {' · '}
            <Link to={`/transactions?connection=${encodeURIComponent(id)}`}>Transactions</Link>
          </p>
        </div>
        <StatusBadge connection={connection} syncing={syncing} />
      </header>

      {conflictHere ? <AlreadyConnectedNotice connectionId={id} name={name} /> : null}
      <BankStatusNotice connection={connection} />

      {connection.status === 'LOGIN_REQUIRED' ? (
        <Notice
          tone="warning"
          title={`Sign in to ${connection.institution?.name ?? name} again`}
          actions={
            <button
              type="button"
              className="button button-primary"
              disabled={linkPhase !== 'idle'}
              onClick={() => openLink({ kind: 'repair', connectionId: id, name })}
            >
              Repair
            </button>
          }
        >
          <p>
            The bank needs you to log in again before Ledgerlight can sync. Nothing is lost: your
            transactions so far stay here.
          </p>
        </Notice>
      ) : connection.status === 'ERROR' && connection.error ? (
        <Notice tone="error" title="Syncing stopped">
          <p>{connection.error.message}</p>
          <p className="notice-meta">
            Error code <code>{connection.error.code}</code>
          </p>
        </Notice>
      ) : live && connection.error && !syncing ? (
        <Notice tone="warning" title="The last sync did not finish">
          <p>
            {connection.error.message} Ledgerlight will try again
            {connection.nextSyncAt ? ` ${formatRelative(connection.nextSyncAt, now)}` : ' later'}.
          </p>
        </Notice>
      ) : null}

      {live && consentDays !== null && consentDays <= CONSENT_WARNING_DAYS ? (
        <Notice
          tone="warning"
          title={
            consentDays < 0
              ? 'Your consent for this bank has expired'
              : `Your consent ends ${consentDays === 0 ? 'today' : `in ${plural(consentDays, 'day')}`}`
          }
          actions={
            <button
              type="button"
              className="button"
              disabled={linkPhase !== 'idle'}
              onClick={() => openLink({ kind: 'renew', connectionId: id, name })}
            >
              Renew access
            </button>
          }
        >
          <p>
            The bank lets Ledgerlight read this connection until{' '}
            {formatDay(connection.consentExpiresAt!.slice(0, 10))}. Renew it through Plaid to keep
            syncing.
          </p>
        </Notice>
      ) : null}

      {syncing && live ? <SyncProgress name={name} run={run} /> : null}

      <dl className="connection-meta">
        <div>
          <dt>Last sync</dt>
          <dd>
            {connection.lastSyncAt ? (
              <time dateTime={connection.lastSyncAt} title={formatDateTime(connection.lastSyncAt)}>
                {formatAgo(connection.lastSyncAt, now)}
              </time>
            ) : (
              'Never'
            )}
          </dd>
        </div>
        <div>
          <dt>Next sync</dt>
          <dd>
            {!live
              ? '—'
              : connection.paused
                ? 'Paused'
                : connection.nextSyncAt
                  ? Date.parse(connection.nextSyncAt) <= now
                    ? 'Due now'
                    : formatRelative(connection.nextSyncAt, now)
                  : 'Not scheduled'}
          </dd>
        </div>
        <div>
          <dt>Frequency</dt>
          <dd>{frequencyLabel(connection.syncFrequencyMinutes)}</dd>
        </div>
        <div>
          <dt>Last success</dt>
          <dd>{connection.lastSuccessAt ? formatDateTime(connection.lastSuccessAt) : 'Not yet'}</dd>
        </div>
      </dl>

      {outcome?.kind === 'completed' && !syncing ? (
        <p className="connection-outcome" role="status">
          Last run: {outcome.added.toLocaleString()} new, {outcome.modified.toLocaleString()}{' '}
          updated, {outcome.removed.toLocaleString()} removed in{' '}
          {formatDuration(outcome.durationMs)}.
        </p>
      ) : null}

      {secondsLeft > 0 && !syncing ? (
        <p className="connection-outcome muted" role="status">
          This connection synced moments ago. Sync now is available again shortly.
        </p>
      ) : null}
      {actionError ? <ErrorNotice error={actionError} /> : null}

      {live ? (
        <div className="connection-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => void syncNow()}
            disabled={syncing || busy !== null || secondsLeft > 0}
            aria-label={`Sync ${name} now`}
          >
            {busy === 'sync' || syncing ? (
              <Spinner size={14} />
            ) : (
              <SyncIcon width={16} height={16} />
            )}
            {syncLabel}
          </button>
          {connection.status === 'LOGIN_REQUIRED' ? null : (
            <ChooseAccountsButton connection={connection} />
          )}
          <ResyncButton connection={connection} disabled={syncing || busy !== null} />
          <button
            type="button"
            className="button"
            onClick={() => void togglePause()}
            disabled={busy !== null}
            aria-pressed={connection.paused}
          >
            {connection.paused ? (
              <PlayIcon width={15} height={15} />
            ) : (
              <PauseIcon width={15} height={15} />
            )}
            {connection.paused ? 'Resume' : 'Pause'}
          </button>
          <button
            type="button"
            className="button"
            aria-expanded={editing}
            onClick={() => setEditing((v) => !v)}
          >
            Rename &amp; frequency
          </button>
          <span className="actions-spacer" />
          <button
            type="button"
            className="button button-danger-ghost"
            onClick={() => setDisconnecting(true)}
          >
            Disconnect
          </button>
        </div>
      ) : (
        <p className="muted disconnected-note">
          <AlertIcon width={14} height={14} /> Disconnected. Its accounts and transactions stay in
          Ledgerlight; connect the bank again to resume syncing.
        </p>
      )}

      {live ? <LiveReads connection={connection} syncing={syncing} /> : null}
      <SandboxTools connection={connection} />
      <ConnectionHealthDetails connection={connection} />

      {editing ? (
        <ConnectionSettingsForm connection={connection} onDone={() => setEditing(false)} />
      ) : null}
      {disconnecting ? (
        <DisconnectDialog connection={connection} onClose={() => setDisconnecting(false)} />
      ) : null}
    </article>
  );
}
