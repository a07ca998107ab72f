import fs from 'node:fs';
import type { SecretStore } from '../../../src/main/secrets/secret-store';

/**
 * A SecretStore in a JSON file, for the crash-point suite on a machine without a keychain: like
 * the keychain it outlives a killed process, and each write replaces the file whole (write and
 * rename), so a kill leaves the old or the new contents. A test fixture only: it holds Sandbox
 * tokens of the emulator, never a real credential.
 */
export class FileSecretStore implements SecretStore {
  constructor(private readonly file: string) {}

  async get(account: string): Promise<string | null> {
    return this.read()[account] ?? null;
  }

  async set(account: string, value: string): Promise<void> {
    this.write({ ...this.read(), [account]: value });
  }

  async delete(account: string): Promise<boolean> {
    const values = this.read();
    if (!(account in values)) return false;
    delete values[account];
    this.write(values);
    return true;
  }

  async accounts(): Promise<string[]> {
    return Object.keys(this.read());
  }

  private read(): Record<string, string> {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  private write(values: Record<string, string>): void {
    const next = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(next, JSON.stringify(values));
    fs.renameSync(next, this.file);
  }
}
