import { z } from 'zod';
import { LedgerError } from '../../shared/errors';
import { plaidEnvironmentSchema } from '../../shared/contract';
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

const KEYS = { environment: 'plaid.environment', baseUrl: 'plaid.baseUrl' } as const;

/**
 * The Plaid keys and where to send them. The environment and base URL are plain settings; the
 * client id and secret are per environment in the keychain, so switching environment never sends
 * one environment's keys to the other.
 */
export class PlaidCredentialsService {
  constructor(
    private readonly settings: SettingsRepo,
    private readonly secrets: SecretStore,
    /** LEDGERLIGHT_PLAID_BASE_URL: wins over the stored base URL (emulator, demo, proxy). */
    private readonly baseUrlOverride: string | null,
  ) {}

  environment(): PlaidEnvironment {
    return this.settings.get(KEYS.environment, plaidEnvironmentSchema, 'sandbox');
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

  /** Stores the keys first and the settings after, so a keychain failure changes nothing. */
  async save(input: {
    environment: PlaidEnvironment;
    clientId: string;
    secret: string;
    baseUrl?: string | undefined;
  }): Promise<void> {
    await this.secrets.set(secretAccounts.plaidClientId(input.environment), input.clientId);
    await this.secrets.set(secretAccounts.plaidSecret(input.environment), input.secret);
    this.settings.set(KEYS.environment, input.environment);
    this.settings.set(KEYS.baseUrl, input.baseUrl ?? null);
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
