import { z } from 'zod';
import { LedgerError } from '../../shared/errors';
import type { PlaidEnvironment, PlaidSettings } from '../../shared/model';
import type { SettingsRepo } from '../db/settings-repo';
import { secretAccounts, type SecretStore } from '../secrets/secret-store';

export interface PlaidCredentials {
  environment: PlaidEnvironment;
  clientId: string;
  secret: string;
  /** The API base URL: a custom one (emulator, proxy) or null for Plaid's own for the environment. */
  baseUrl: string | null;
}

const KEYS = { baseUrl: 'plaid.baseUrl' } as const;

/**
 * The Plaid keys and where to send them, for the environment this database belongs to. The base
 * URL is a plain setting; the client id and secret are per environment in the keychain, so one
 * environment's keys are never sent to the other.
 */
export class PlaidCredentialsService {
  constructor(
    private readonly currentEnvironment: PlaidEnvironment,
    private readonly settings: SettingsRepo,
    private readonly secrets: SecretStore,
    /** LEDGERLIGHT_PLAID_BASE_URL: wins over the stored base URL (emulator, demo, proxy). */
    private readonly baseUrlOverride: string | null,
  ) {}

  environment(): PlaidEnvironment {
    return this.currentEnvironment;
  }

  baseUrl(): string | null {
    return this.baseUrlOverride ?? this.settings.get(KEYS.baseUrl, z.string().nullable(), null);
  }

  /** Where keys about to be saved with this base URL would be sent. */
  baseUrlFor(candidate: string | undefined): string | null {
    return this.baseUrlOverride ?? candidate ?? null;
  }

  async describe(): Promise<PlaidSettings> {
    const environment = this.environment();
    const [clientId, secret] = await Promise.all([
      this.secrets.get(secretAccounts.plaidClientId(environment)),
      this.secrets.get(secretAccounts.plaidSecret(environment)),
    ]);
    return {
      environment,
      baseUrl: this.baseUrl(),
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

  /** The custom base URL of this environment (null for Plaid's own). */
  saveBaseUrl(baseUrl: string | null): void {
    this.settings.set(KEYS.baseUrl, baseUrl);
  }

  async clear(environment: PlaidEnvironment): Promise<void> {
    await this.secrets.delete(secretAccounts.plaidClientId(environment));
    await this.secrets.delete(secretAccounts.plaidSecret(environment));
  }

  /** The keys for the current environment, or NOT_CONFIGURED saying what to do. */
  async require(): Promise<PlaidCredentials> {
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
    return { environment, clientId, secret, baseUrl: this.baseUrl() };
  }
}

function mask(value: string): string {
  return value.length <= 4
    ? '••••'
    : `${'•'.repeat(Math.min(value.length - 4, 12))}${value.slice(-4)}`;
}
