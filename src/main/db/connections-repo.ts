import type {
  Connection,
  ConnectionHealth,
  ConnectionStatus,
  ConnectionsSummary,
  PlaidEnvironment,
  SyncRun,
} from '../../shared/model';
import { toInstitutionStatus } from './institutions-repo';
import type { Database } from './open';

interface ConnectionRow {
  id: string;
  environment: PlaidEnvironment;
  plaid_item_id: string;
  institution_id: string | null;
  display_name: string;
  status: ConnectionStatus;
  sync_frequency_minutes: number;
  paused: number;
  last_sync_at: string | null;
  last_success_at: string | null;
  next_sync_at: string | null;
  consecutive_failures: number;
  consent_expires_at: string | null;
  error_code: string | null;
  error_message: string | null;
  created_at: string;
  inst_name: string | null;
  inst_logo: string | null;
  inst_color: string | null;
  inst_url: string | null;
  inst_status: string | null;
  inst_transactions: string | null;
  inst_logins: string | null;
  inst_changed_at: string | null;
  inst_incident: string | null;
  inst_checked_at: string | null;
  account_count: number;
  running: number;
}

interface SyncRunRow {
  id: number;
  connection_id: string;
  trigger: string;
  status: SyncRun['status'];
  started_at: string;
  finished_at: string | null;
  added: number;
  modified: number;
  removed: number;
  quarantined: number;
  error_code: string | null;
  error_message: string | null;
  plaid_request_id: string | null;
  plaid_request_ids: string;
  batch_id: number | null;
}

const CONNECTION_SELECT = `
  SELECT c.*, i.name AS inst_name, i.logo AS inst_logo, i.primary_color AS inst_color,
         i.url AS inst_url, i.status AS inst_status, i.status_transactions AS inst_transactions,
         i.status_logins AS inst_logins, i.status_changed_at AS inst_changed_at,
         i.status_incident AS inst_incident, i.status_checked_at AS inst_checked_at,
         (SELECT COUNT(*) FROM accounts a WHERE a.connection_id = c.id AND a.closed_at IS NULL)
           AS account_count,
         EXISTS (SELECT 1 FROM sync_runs r WHERE r.connection_id = c.id AND r.status = 'running')
           AS running
  FROM connections c LEFT JOIN institutions i ON i.id = c.institution_id`;

export interface ConnectionPatch {
  displayName?: string;
  syncFrequencyMinutes?: number;
  paused?: boolean;
  nextSyncAt?: string | null;
}

export class ConnectionsRepo {
  constructor(private readonly db: Database) {}

  /** Live, unpaused connections whose next sync is due (or was never set), earliest first. */
  dueIds(now: string): string[] {
    return this.db
      .prepare<[string], { id: string }>(
        `SELECT id FROM connections
         WHERE status = 'ACTIVE' AND paused = 0 AND (next_sync_at IS NULL OR next_sync_at <= ?)
         ORDER BY next_sync_at`,
      )
      .all(now)
      .map((r) => r.id);
  }

  /** When the earliest live, unpaused connection is next due, or null when none is scheduled. */
  nextSyncAt(): string | null {
    return (
      this.db
        .prepare<[], { next: string | null }>(
          `SELECT MIN(next_sync_at) AS next FROM connections WHERE status = 'ACTIVE' AND paused = 0`,
        )
        .get()?.next ?? null
    );
  }

  list(): Connection[] {
    return this.db
      .prepare<[], ConnectionRow>(`${CONNECTION_SELECT} ORDER BY c.created_at, c.id`)
      .all()
      .map(toConnection);
  }

  get(id: string): Connection | undefined {
    const row = this.db
      .prepare<[string], ConnectionRow>(`${CONNECTION_SELECT} WHERE c.id = ?`)
      .get(id);
    return row ? toConnection(row) : undefined;
  }

  /** The Plaid API address the connection's access token was issued by. */
  plaidBaseUrl(id: string): string | null {
    return (
      this.db
        .prepare<[string], { url: string | null }>(
          'SELECT plaid_base_url AS url FROM connections WHERE id = ?',
        )
        .get(id)?.url ?? null
    );
  }

  update(id: string, patch: ConnectionPatch, updatedAt: string): void {
    const columns: Record<string, string | number | null | undefined> = {
      display_name: patch.displayName,
      sync_frequency_minutes: patch.syncFrequencyMinutes,
      paused: patch.paused === undefined ? undefined : patch.paused ? 1 : 0,
      next_sync_at: patch.nextSyncAt,
    };
    const changed = Object.entries(columns).filter(([, value]) => value !== undefined);
    if (changed.length === 0) return;
    const sets = [...changed.map(([column]) => `${column} = ?`), 'updated_at = ?'];
    this.db
      .prepare(`UPDATE connections SET ${sets.join(', ')} WHERE id = ?`)
      .run(...changed.map(([, value]) => value), updatedAt, id);
  }

  summary(): ConnectionsSummary {
    const row = this.db
      .prepare<
        [],
        {
          total: number;
          active: number;
          errors: number;
          last_sync_at: string | null;
          next_sync_at: string | null;
          syncing: number;
        }
      >(
        `SELECT COUNT(*) AS total,
                COALESCE(SUM(status = 'ACTIVE'), 0) AS active,
                COALESCE(SUM(status IN ('LOGIN_REQUIRED', 'ERROR')), 0) AS errors,
                MAX(last_sync_at) AS last_sync_at,
                MIN(CASE WHEN status = 'ACTIVE' AND paused = 0 THEN next_sync_at END) AS next_sync_at,
                (SELECT COUNT(DISTINCT connection_id) FROM sync_runs WHERE status = 'running') AS syncing
         FROM connections WHERE status <> 'DISCONNECTED'`,
      )
      .get()!;
    return {
      total: row.total,
      active: row.active,
      syncing: row.syncing > 0,
      runningCount: row.syncing,
      lastSyncAt: row.last_sync_at,
      nextSyncAt: row.next_sync_at,
      errorCount: row.errors,
    };
  }

  health(id: string): ConnectionHealth | undefined {
    const row = this.db
      .prepare<[string], ConnectionRow>(`${CONNECTION_SELECT} WHERE c.id = ?`)
      .get(id);
    if (!row) return undefined;
    return {
      connectionId: row.id,
      status: row.status,
      lastSuccessAt: row.last_success_at,
      consecutiveFailures: row.consecutive_failures,
      consentExpiresAt: row.consent_expires_at,
      lastError: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    };
  }

  runs(connectionId: string, limit: number): SyncRun[] {
    return this.db
      .prepare<[string, number], SyncRunRow>(
        `SELECT r.*, b.id AS batch_id FROM sync_runs r
         LEFT JOIN import_batches b ON b.run_id = r.id
         WHERE r.connection_id = ? ORDER BY r.id DESC LIMIT ?`,
      )
      .all(connectionId, limit)
      .map(toSyncRun);
  }
}

function toConnection(row: ConnectionRow): Connection {
  return {
    id: row.id,
    environment: row.environment,
    institution:
      row.institution_id && row.inst_name
        ? {
            id: row.institution_id,
            name: row.inst_name,
            logo: row.inst_logo,
            primaryColor: row.inst_color,
            url: row.inst_url,
            status: toInstitutionStatus({
              status: row.inst_status,
              status_transactions: row.inst_transactions,
              status_logins: row.inst_logins,
              status_changed_at: row.inst_changed_at,
              status_incident: row.inst_incident,
              status_checked_at: row.inst_checked_at,
            }),
          }
        : null,
    displayName: row.display_name,
    status: row.status,
    syncing: row.running === 1,
    paused: row.paused === 1,
    syncFrequencyMinutes: row.sync_frequency_minutes,
    lastSyncAt: row.last_sync_at,
    lastSuccessAt: row.last_success_at,
    nextSyncAt: row.next_sync_at,
    consentExpiresAt: row.consent_expires_at,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    accountCount: row.account_count,
    createdAt: row.created_at,
  };
}

function toSyncRun(row: SyncRunRow): SyncRun {
  const durationMs = row.finished_at
    ? Date.parse(row.finished_at) - Date.parse(row.started_at)
    : null;
  return {
    id: row.id,
    connectionId: row.connection_id,
    trigger: row.trigger,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs,
    added: row.added,
    modified: row.modified,
    removed: row.removed,
    quarantined: row.quarantined,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    plaidRequestId: row.plaid_request_id,
    plaidRequestIds: parseRequestIds(row.plaid_request_ids),
    batchId: row.batch_id,
  };
}

function parseRequestIds(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
