import { LedgerError } from '../../shared/errors';
import type { PlaidEnvironment, PlaidSettings } from '../../shared/model';
import { secretAccounts, type SecretStore } from '../secrets/secret-store';
import { PlaidEnvironments } from './sdk-values';

export interface PlaidCredentials {
  environment: PlaidEnvironment;
  clientId: string;
  secret: string;
  /** The API address these keys (and any access token with them) are sent to. */
  baseUrl: string;
}

/** Plaid's own API host for an environment. */
export function plaidHost(environment: PlaidEnvironment): string {
  return PlaidEnvironments[environment]!;
}

/**
 * The Plaid keys and where to send them, for the environment this database belongs to. The
 * client id and secret are per environment in the keychain, so one environment's keys are never
 * sent to the other. The API address is not a setting anyone can change from the window: it is
 * Plaid's host, or the one the app was started with (LEDGERLIGHT_PLAID_BASE_URL: the emulator,
 * demo mode, tests). Each connection keeps the address its access token was issued by, and
 * calls about that connection go only there (`forConnection`).
 */
export class PlaidCredentialsService {
  constructor(
    private readonly currentEnvironment: PlaidEnvironment,
    private readonly secrets: SecretStore,
    /** From the launch environment only; null means Plaid's own host. */
    private readonly baseUrlOverride: string | null,
    /** The address a connection was made through (null: no such connection). */
    private readonly connectionBaseUrl: (connectionId: string) => string | null,
  ) {}

  environment(): PlaidEnvironment {
    return this.currentEnvironment;
  }

  /** Where new requests of an environment go: a new link, a key check. */
  baseUrl(environment: PlaidEnvironment = this.currentEnvironment): string {
    return this.baseUrlOverride ?? plaidHost(environment);
  }

  async describe(): Promise<PlaidSettings> {
    const environment = this.environment();
    const [clientId, secret] = await Promise.all([
      this.secrets.get(secretAccounts.plaidClientId(environment)),
      this.secrets.get(secretAccounts.plaidSecret(environment)),
    ]);
    return {
      environment,
      baseUrl: this.baseUrlOverride,
      clientIdSet: clientId !== null,
      secretSet: secret !== null,
      clientIdMasked: clientId === null ? null : mask(clientId),
    };
  }

  /** Only the keychain: keys for another environment are saved before the app switches to it. */
  async saveKeys(input: {
    environment: PlaidEnvironment;
    clientId: string;
    secret: string;
  }): Promise<void> {
    await this.secrets.set(secretAccounts.plaidClientId(input.environment), input.clientId);
    await this.secrets.set(secretAccounts.plaidSecret(input.environment), input.secret);
  }

  async clear(environment: PlaidEnvironment): Promise<void> {
    await this.secrets.delete(secretAccounts.plaidClientId(environment));
    await this.secrets.delete(secretAccounts.plaidSecret(environment));
  }

  /** The keys for the current environment, sent to the current address, or NOT_CONFIGURED. */
  async require(): Promise<PlaidCredentials> {
    return { ...(await this.keys()), baseUrl: this.baseUrl() };
  }

  /**
   * The keys for calls about one connection, sent to the address that connection was made
   * through, whatever the app was started with since: its access token never goes anywhere else.
   */
  async forConnection(connectionId: string): Promise<PlaidCredentials> {
    const baseUrl = this.connectionBaseUrl(connectionId);
    if (!baseUrl) {
      throw new LedgerError(
        'NOT_FOUND',
        'Ledgerlight does not know which Plaid address this connection was made through. Connect the bank again.',
      );
    }
    return { ...(await this.keys()), baseUrl };
  }

  private async keys(): Promise<Omit<PlaidCredentials, 'baseUrl'>> {
    const environment = this.environment();
    const [clientId, secret] = await Promise.all([
      this.secrets.get(secretAccounts.plaidClientId(environment)),
      this.secrets.get(secretAccounts.plaidSecret(environment)),
    ]);
    if (!clientId || !secret) {
      throw new LedgerError(
        'NOT_CONFIGURED',
        `Add your Plaid ${environment} client id and secret in Settings first.`,
      );
    }
    return { environment, clientId, secret };
  }
}

function mask(value: string): string {
  return value.length <= 4
    ? '••••'
    : `${'•'.repeat(Math.min(value.length - 4, 12))}${value.slice(-4)}`;
}
