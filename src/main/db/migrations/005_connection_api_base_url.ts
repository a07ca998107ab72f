import type { Migration } from '../migration';

/**
 * Each connection remembers the Plaid API address its access token was issued by, and only that
 * address ever sees the token again. Until now the address was one setting (or the launch
 * environment) for all of them; connections made before this migration take that setting where
 * one was saved, else Plaid's own host for their environment. The setting itself goes: the API
 * address is no longer something the window can change.
 */
export const connectionApiBaseUrl: Migration = {
  version: 5,
  name: 'connection_api_base_url',
  up: `
ALTER TABLE connections ADD COLUMN plaid_base_url TEXT;
UPDATE connections SET plaid_base_url = COALESCE(
  (SELECT json_extract(value, '$') FROM settings WHERE key = 'plaid.baseUrl'),
  CASE environment WHEN 'production' THEN 'https://production.plaid.com'
                   ELSE 'https://sandbox.plaid.com' END);
DELETE FROM settings WHERE key = 'plaid.baseUrl';
`,
};
