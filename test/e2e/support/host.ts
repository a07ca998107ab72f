import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KeychainSecretStore } from '../../../src/main/secrets/keychain-store';
import { secretAccounts } from '../../../src/main/secrets/secret-store';

export interface RunningHost {
  url: string;
  openUrl: string;
  token: string;
  dataDir: string;
  keychain: KeychainSecretStore;
  stop(): Promise<number | null>;
}

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * Starts the built headless host (`out/main/host.js`, as `npm run serve` does) on a fresh data
 * folder and waits for its one "listening" line.
 */
export async function startBuiltHost(env: Record<string, string> = {}): Promise<RunningHost> {
  const entry = path.join(root, 'out', 'main', 'host.js');
  if (!fs.existsSync(entry)) throw new Error('Build first: `npm run build` makes out/main/host.js');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledgerlight-e2e-'));
  // Real keychain, but a service of its own: a developer's real Ledgerlight keys stay untouched.
  const keychainService = `Ledgerlight-e2e-${crypto.randomUUID()}`;
  const child: ChildProcess = spawn(process.execPath, [entry], {
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
      const match = /Ledgerlight listening on (\S+)/.exec(out);
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
      return code;
    },
  };
}
