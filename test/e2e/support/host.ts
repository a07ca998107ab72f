import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KeychainSecretStore } from '../../../src/main/secrets/keychain-store';
import { secretAccounts } from '../../../src/main/secrets/secret-store';
import { forgetKeychainService } from '../../support/keychain-service';

export interface RunningHost {
  url: string;
  openUrl: string;
  token: string;
  dataDir: string;
  keychain: KeychainSecretStore;
  stop(): Promise<number | null>;
}

const root = path.resolve(import.meta.dirname, '../../..');

export interface HostOptions {
  /** A data folder prepared by the test (e.g. a seeded database); default: a fresh one. */
  dataDir?: string;
  /** Another built entry (e.g. `out/main/demo.js` with `--serve`); default: the host. */
  entry?: string;
  args?: string[];
}

/**
 * Starts the built headless host (`out/main/host.js`, as `npm run serve` does) on a fresh data
 * folder (or the one given) and waits for its one "listening" line. `env` adds or overrides
 * environment variables, e.g. LEDGERLIGHT_PLAID_BASE_URL for the emulator.
 */
export async function startBuiltHost(
  env: Record<string, string> = {},
  options: HostOptions = {},
): Promise<RunningHost> {
  const entry = path.join(root, options.entry ?? path.join('out', 'main', 'host.js'));
  if (!fs.existsSync(entry)) throw new Error(`Build first: \`npm run build\` makes ${entry}`);
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ledgerlight-e2e-'));
  // Real keychain, but a service of its own: a developer's real Ledgerlight keys stay untouched.
  const keychainService = `Ledgerlight-e2e-${crypto.randomUUID()}`;
  const child: ChildProcess = spawn(process.execPath, [entry, ...(options.args ?? [])], {
    env: {
      ...process.env,
      LEDGERLIGHT_DATA_DIR: dataDir,
      LEDGERLIGHT_PORT: '0',
      LEDGERLIGHT_KEYCHAIN_SERVICE: keychainService,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /Ledgerlight (?:demo )?listening on (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr}`)));
  });
  const openUrl = new URL(line);
  const token = new URLSearchParams(openUrl.hash.slice(1)).get('token')!;
  return {
    url: `${openUrl.origin}/`,
    openUrl: line,
    token,
    dataDir,
    keychain: new KeychainSecretStore(keychainService),
    async stop() {
      const code = await new Promise<number | null>((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
      fs.rmSync(dataDir, { recursive: true, force: true });
      const keychain = new KeychainSecretStore(keychainService);
      for (const env of ['sandbox', 'production'] as const) {
        await keychain.delete(secretAccounts.plaidClientId(env)).catch(() => false);
        await keychain.delete(secretAccounts.plaidSecret(env)).catch(() => false);
      }
      // Access tokens of connections the test linked: the service is this run's alone.
      await forgetKeychainService(keychainService);
      return code;
    },
  };
}
