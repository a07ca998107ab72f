import type { QuarantinedItem } from '../../shared/model';
import type { Database } from './open';

interface QuarantineRow {
  id: number;
  connection_id: string | null;
  run_id: number | null;
  kind: string;
  plaid_id: string | null;
  reason: string;
  created_at: string;
}

/**
 * Rows a sync could not apply. The raw payload stays in the database for support; the list
 * shows why each row was set aside, which is what the user can act on.
 */
export class QuarantineRepo {
  constructor(private readonly db: Database) {}

  list(connectionId: string | undefined, limit: number): QuarantinedItem[] {
    const where = connectionId ? 'WHERE connection_id = ?' : '';
    return this.db
      .prepare<unknown[], QuarantineRow>(
        `SELECT id, connection_id, run_id, kind, plaid_id, reason, created_at FROM quarantine
         ${where} ORDER BY id DESC LIMIT ?`,
      )
      .all(...(connectionId ? [connectionId] : []), limit)
      .map((row) => ({
        id: row.id,
        connectionId: row.connection_id,
        runId: row.run_id,
        kind: row.kind,
        plaidId: row.plaid_id,
        reason: row.reason,
        createdAt: row.created_at,
      }));
  }
}
