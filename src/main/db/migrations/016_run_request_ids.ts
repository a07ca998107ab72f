import type { Migration } from '../migration';

/**
 * Every Plaid request id a sync run saw, in call order, as a JSON array. Plaid support asks for
 * them whether a run failed or not (a wrong balance is a successful run); `plaid_request_id`
 * keeps the one that names the run: the failing call's, or the run's last call.
 */
export const runRequestIds: Migration = {
  version: 16,
  name: 'run_request_ids',
  up: `
ALTER TABLE sync_runs ADD COLUMN plaid_request_ids TEXT NOT NULL DEFAULT '[]';
`,
};
