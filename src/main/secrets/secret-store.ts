import type { PlaidEnvironment } from '../../shared/model';

/**
 * Where secrets live: the Plaid client id and secret per environment, and one access token per
 * connection. The production store is the OS keychain; nothing here ever touches SQLite.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  /** Resolves true when something was deleted. */
  delete(account: string): Promise<boolean>;
  /** Every account name stored (never the values): what deleting a profile must clear. */
  accounts(): Promise<string[]>;
}

/** Keychain account names, in one place so that no caller spells one by hand. */
export const secretAccounts = {
  plaidClientId: (env: PlaidEnvironment) => `plaid:${env}:client-id`,
  plaidSecret: (env: PlaidEnvironment) => `plaid:${env}:secret`,
  accessToken: (connectionId: string) => `access-token:${connectionId}`,
} as const;
