import type { SecretStore } from './secret-store';

/**
 * A SecretStore in process memory. For unit tests of parts other than the keychain, and nothing
 * else: it forgets everything on exit and must never hold a real credential.
 */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();

  async get(account: string): Promise<string | null> {
    return this.values.get(account) ?? null;
  }

  async set(account: string, value: string): Promise<void> {
    this.values.set(account, value);
  }

  async delete(account: string): Promise<boolean> {
    return this.values.delete(account);
  }

  /** For tests that assert what was stored. */
  snapshot(): ReadonlyMap<string, string> {
    return new Map(this.values);
  }
}
