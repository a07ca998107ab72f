import type { Institution, InstitutionHealth, InstitutionStatus } from '../../shared/model';
import type { Database } from './open';

/** The columns of `institutions` that hold Plaid's last status (migration 017). */
export interface InstitutionStatusRow {
  status: string | null;
  status_transactions: string | null;
  status_logins: string | null;
  status_changed_at: string | null;
  status_incident: string | null;
  status_checked_at: string | null;
}

interface InstitutionRow extends InstitutionStatusRow {
  id: string;
  name: string;
  logo: string | null;
  primary_color: string | null;
  url: string | null;
}

/** One bank to ask about, and the connection whose Plaid keys and address to ask with. */
export interface InstitutionToPoll {
  institutionId: string;
  connectionId: string;
}

/** What Plaid said about a bank just now: its details and its status. */
export interface InstitutionAnswer {
  id: string;
  name: string;
  logo: string | null;
  primaryColor: string | null;
  url: string | null;
  status: Omit<InstitutionStatus, 'checkedAt'> | null;
}

const HEALTH = new Set<string>(['HEALTHY', 'DEGRADED', 'DOWN']);

function health(value: string | null): InstitutionHealth | null {
  return value !== null && HEALTH.has(value) ? (value as InstitutionHealth) : null;
}

/** The stored status in the model's shape, or null when Ledgerlight has never asked. */
export function toInstitutionStatus(row: InstitutionStatusRow): InstitutionStatus | null {
  const overall = health(row.status);
  if (!overall || !row.status_checked_at) return null;
  return {
    overall,
    transactions: health(row.status_transactions),
    logins: health(row.status_logins),
    changedAt: row.status_changed_at,
    incident: row.status_incident,
    checkedAt: row.status_checked_at,
  };
}

export class InstitutionsRepo {
  constructor(private readonly db: Database) {}

  /** Each bank of a live connection once, with the oldest live connection to it. */
  toPoll(): InstitutionToPoll[] {
    return this.db
      .prepare<[], { institution_id: string; connection_id: string }>(
        `SELECT institution_id, MIN(id) AS connection_id FROM connections
         WHERE institution_id IS NOT NULL AND status <> 'DISCONNECTED'
         GROUP BY institution_id ORDER BY institution_id`,
      )
      .all()
      .map((r) => ({ institutionId: r.institution_id, connectionId: r.connection_id }));
  }

  /** Banks of live connections that Plaid has not been asked about yet (a new connection's). */
  unchecked(): string[] {
    return this.db
      .prepare<[], { id: string }>(
        `SELECT DISTINCT c.institution_id AS id FROM connections c
         JOIN institutions i ON i.id = c.institution_id
         WHERE c.status <> 'DISCONNECTED' AND i.status_checked_at IS NULL`,
      )
      .all()
      .map((r) => r.id);
  }

  /** The connections to a bank, so each can be told its bank's news. */
  connectionIds(institutionId: string): string[] {
    return this.db
      .prepare<[string], { id: string }>(
        `SELECT id FROM connections WHERE institution_id = ? AND status <> 'DISCONNECTED'`,
      )
      .all(institutionId)
      .map((r) => r.id);
  }

  get(id: string): Institution | undefined {
    const row = this.db
      .prepare<[string], InstitutionRow>('SELECT * FROM institutions WHERE id = ?')
      .get(id);
    return row ? toInstitution(row) : undefined;
  }

  /**
   * Keeps Plaid's answer: the name and colour as Plaid now gives them, the logo when Plaid sends
   * one, and the status. Returns whether anything a person can see changed.
   */
  saveAnswer(answer: InstitutionAnswer, checkedAt: string): boolean {
    const before = this.get(answer.id);
    this.db
      .prepare(
        `UPDATE institutions SET name = ?, logo = COALESCE(?, logo),
           primary_color = COALESCE(?, primary_color), url = COALESCE(?, url),
           status = COALESCE(?, status), status_transactions = COALESCE(?, status_transactions),
           status_logins = COALESCE(?, status_logins),
           status_changed_at = CASE WHEN ? IS NULL THEN status_changed_at ELSE ? END,
           status_incident = CASE WHEN ? IS NULL THEN status_incident ELSE ? END,
           status_checked_at = CASE WHEN ? IS NULL THEN status_checked_at ELSE ? END,
           updated_at = ?
         WHERE id = ?`,
      )
      .run(
        answer.name,
        answer.logo,
        answer.primaryColor,
        answer.url,
        answer.status?.overall ?? null,
        answer.status?.transactions ?? null,
        answer.status?.logins ?? null,
        answer.status ? 1 : null,
        answer.status?.changedAt ?? null,
        answer.status ? 1 : null,
        answer.status?.incident ?? null,
        answer.status ? 1 : null,
        checkedAt,
        checkedAt,
        answer.id,
      );
    const after = this.get(answer.id);
    if (!before || !after) return false;
    const seen = (i: Institution) =>
      JSON.stringify([
        i.name,
        i.logo,
        i.primaryColor,
        i.url,
        i.status?.overall,
        i.status?.transactions,
        i.status?.logins,
        i.status?.incident,
      ]);
    return seen(before) !== seen(after);
  }
}

function toInstitution(row: InstitutionRow): Institution {
  return {
    id: row.id,
    name: row.name,
    logo: row.logo,
    primaryColor: row.primary_color,
    url: row.url,
    status: toInstitutionStatus(row),
  };
}
