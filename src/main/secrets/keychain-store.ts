import { createRequire } from 'node:module';
import { LedgerError } from '../../shared/errors';
import type { SecretStore } from './secret-store';

type Keytar = typeof import('keytar');

export const KEYCHAIN_SERVICE = 'Ledgerlight';

const UNAVAILABLE_HELP =
  'The system keychain is not reachable, so Ledgerlight cannot keep your Plaid keys safely. ' +
  'On macOS and Windows this is the built-in keychain / credential vault; on Linux install and ' +
  'unlock a Secret Service provider (GNOME Keyring or KWallet, e.g. `apt install gnome-keyring`) ' +
  'and sign in to a desktop session. Nothing was saved.';

/**
 * The OS keychain through keytar (macOS Keychain, Windows Credential Vault, libsecret on Linux).
 * keytar is loaded lazily so that a machine without libsecret still starts and shows the error;
 * every failure becomes KEYCHAIN_UNAVAILABLE and is never answered by a plaintext fallback.
 */
export class KeychainSecretStore implements SecretStore {
  private keytar: Keytar | undefined;

  constructor(private readonly service: string = KEYCHAIN_SERVICE) {}

  async get(account: string): Promise<string | null> {
    return this.call((k) => k.getPassword(this.service, account));
  }

  async set(account: string, value: string): Promise<void> {
    await this.call((k) => k.setPassword(this.service, account, value));
  }

  async delete(account: string): Promise<boolean> {
    return this.call((k) => k.deletePassword(this.service, account));
  }

  async accounts(): Promise<string[]> {
    const found = await this.call((k) => k.findCredentials(this.service));
    return found.map((credential) => credential.account);
  }

  private async call<T>(fn: (keytar: Keytar) => Promise<T>): Promise<T> {
    try {
      return await fn(this.load());
    } catch (error) {
      if (error instanceof LedgerError) throw error;
      // keytar's own message names the D-Bus or keychain failure; it never contains the secret.
      throw new LedgerError('KEYCHAIN_UNAVAILABLE', UNAVAILABLE_HELP, {
        retryable: true,
        cause: (error as Error).message,
      });
    }
  }

  private load(): Keytar {
    if (!this.keytar) {
      const require = createRequire(import.meta.url);
      this.keytar = require('keytar') as Keytar;
    }
    return this.keytar;
  }
}
