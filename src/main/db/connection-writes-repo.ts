import type { Database } from './open';
import type { Institution, PlaidEnvironment } from '../../shared/model';

export interface NewConnection {
  id: string;
  environment: PlaidEnvironment;
  /** The Plaid API address that issued the access token; the only one it is ever sent to. */
  plaidBaseUrl: string;
  itemId: string;
  institution: Institution | null;
  displayName: string;
  syncFrequencyMinutes: number;
  products: string[];
  consentExpiresAt: string | null;
}

/** Rows written when a bank is linked, disconnected or found to be linked already. */
export class ConnectionWritesRepo {
  constructor(private readonly db: Database) {}

  create(connection: NewConnection, now: string): void {
    if (connection.institution) this.saveInstitution(connection.institution, now);
    this.db
      .prepare(
        `INSERT INTO connections (id, environment, plaid_base_url, plaid_item_id, institution_id,
           display_name, products, sync_frequency_minutes, consent_expires_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        connection.id,
        connection.environment,
        connection.plaidBaseUrl,
        connection.itemId,
        connection.institution?.id ?? null,
        connection.displayName,
        JSON.stringify(connection.products),
        connection.syncFrequencyMinutes,
        connection.consentExpiresAt,
        now,
        now,
      );
  }

  saveInstitution(institution: Institution, now: string): void {
    this.db
      .prepare(
        `INSERT INTO institutions (id, name, logo, primary_color, url, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name,
           logo = COALESCE(excluded.logo, institutions.logo),
           primary_color = COALESCE(excluded.primary_color, institutions.primary_color),
           url = COALESCE(excluded.url, institutions.url), updated_at = excluded.updated_at`,
      )
      .run(
        institution.id,
        institution.name,
        institution.logo,
        institution.primaryColor,
        institution.url,
        now,
      );
  }

  byItemId(itemId: string): string | null {
    return (
      this.db
        .prepare<[string], { id: string }>('SELECT id FROM connections WHERE plaid_item_id = ?')
        .get(itemId)?.id ?? null
    );
  }

  /**
   * A live connection to the same institution holding every one of these account masks: linking
   * it again would make a second, billed Item for the same accounts.
   */
  findDuplicate(institutionId: string, masks: string[]): string | null {
    if (masks.length === 0) return null;
    const candidates = this.db
      .prepare<[string], { id: string }>(
        `SELECT id FROM connections WHERE institution_id = ? AND status <> 'DISCONNECTED' ORDER BY created_at`,
      )
      .all(institutionId);
    for (const { id } of candidates) {
      const existing = new Set(
        this.db
          .prepare<[string], { mask: string | null }>(
            'SELECT mask FROM accounts WHERE connection_id = ?',
          )
          .all(id)
          .map((r) => r.mask),
      );
      if (masks.every((mask) => existing.has(mask))) return id;
    }
    return null;
  }

  markRepaired(connectionId: string, consentExpiresAt: string | null, now: string): void {
    this.db
      .prepare(
        `UPDATE connections SET status = 'ACTIVE', error_code = NULL, error_message = NULL,
           consecutive_failures = 0, consent_expires_at = ?, updated_at = ?
         WHERE id = ? AND status <> 'DISCONNECTED'`,
      )
      .run(consentExpiresAt, now, connectionId);
  }

  /**
   * Plaid has just said the login needs the person (a Sandbox reset): no sync until it is
   * repaired, and the card says why.
   */
  markLoginRequired(connectionId: string, code: string, message: string, now: string): void {
    this.db
      .prepare(
        `UPDATE connections SET status = 'LOGIN_REQUIRED', error_code = ?, error_message = ?,
           next_sync_at = NULL, updated_at = ?
         WHERE id = ? AND status <> 'DISCONNECTED'`,
      )
      .run(code, message, now, connectionId);
  }

  /** The connection stays, with its history; its ledger rows go only when asked. */
  disconnect(connectionId: string, deleteData: boolean, now: string): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE connections SET status = 'DISCONNECTED', disconnected_at = ?, next_sync_at = NULL,
             cursor = NULL, error_code = NULL, error_message = NULL, updated_at = ? WHERE id = ?`,
        )
        .run(now, now, connectionId);
      if (deleteData) {
        this.db.prepare('DELETE FROM accounts WHERE connection_id = ?').run(connectionId);
        this.db.prepare('DELETE FROM import_batches WHERE connection_id = ?').run(connectionId);
        this.db.prepare('DELETE FROM quarantine WHERE connection_id = ?').run(connectionId);
      }
    })();
  }
}
