import type { Migration } from '../migration';

/**
 * What Plaid last said about each bank's health (/institutions/get_by_id with include_status),
 * polled on a schedule so that a bank having trouble shows before a sync fails. `status` (from
 * the first schema) keeps the worst of the two products Ledgerlight relies on; the new columns
 * keep each of them, when each last changed, Plaid's incident title, and when Ledgerlight asked.
 */
export const institutionStatus: Migration = {
  version: 17,
  name: 'institution_status',
  up: `
ALTER TABLE institutions ADD COLUMN status_transactions TEXT;
ALTER TABLE institutions ADD COLUMN status_logins TEXT;
ALTER TABLE institutions ADD COLUMN status_changed_at TEXT;
ALTER TABLE institutions ADD COLUMN status_incident TEXT;
ALTER TABLE institutions ADD COLUMN status_checked_at TEXT;
`,
};
