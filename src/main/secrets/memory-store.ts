import type { SecretStore } from './secret-store';

/**
 * A SecretStore in process memory: it forgets everything on exit, so it must never hold a real
 * credential. Demo mode keeps the emulator's fake keys and tokens in it, and tests of parts other
 * than the keychain use it.
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

  async accounts(): Promise<string[]> {
    return [...this.values.keys()];
  }

  /** What is stored, for tests that assert it. */
  snapshot(): ReadonlyMap<string, string> {
    return new Map(this.values);
  }
}
