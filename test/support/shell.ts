import fs from 'node:fs';
import path from 'node:path';
import { launchShell, type ShellOptions } from '../../src/main/electron/main';
import type { CoreOptions } from '../../src/main/core';
import { MemorySecretStore } from '../../src/main/secrets/memory-store';
import { secretAccounts } from '../../src/main/secrets/secret-store';
import { EVENT_IPC_CHANNEL, type LedgerEvent } from '../../src/shared/contract';
import { fake, type FakeBrowserWindow } from './fake-electron';
import { tempDir } from './temp-dir';

export interface TestShell {
  userData: string;
  builtDir: string;
  secrets: MemorySecretStore;
  /** The app window. */
  main: FakeBrowserWindow;
  /** Everything the shell wrote to its log so far. */
  log(): string;
  /** Core events the app window has been sent. */
  events(): LedgerEvent[];
  quit(): Promise<void>;
}

/**
 * A build folder with just enough in it for the shell: the two pages, an asset, the preloads
 * (named, never run here), and a file beside the renderer that must never be served.
 */
export function fakeBuild(): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'renderer', 'assets'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'preload'));
  fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Ledgerlight');
  fs.writeFileSync(path.join(dir, 'renderer', 'link.html'), '<!doctype html><title>Link page');
  fs.writeFileSync(path.join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'OUTSIDE-THE-RENDERER');
  fs.writeFileSync(path.join(dir, 'preload', 'index.cjs'), '');
  fs.writeFileSync(path.join(dir, 'preload', 'link.cjs'), '');
  return dir;
}

/**
 * The real shell (src/main/electron/main.ts) launched on the fake electron, with the real core
 * on a fresh data folder. Plaid keys, when given, are in an in-memory store (the keychain has
 * tests of its own); no sync runs on its own unless asked.
 */
export async function launchTestShell(
  options: {
    env?: NodeJS.ProcessEnv;
    argv?: string[];
    builtDir?: string;
    core?: Partial<CoreOptions>;
    keys?: { clientId: string; secret: string };
    /** The real keychain under a service of the test's own, instead of the in-memory store. */
    keychainService?: string;
    /** A data folder that outlives one test (default: a temp folder removed after it). */
    userData?: string;
    beforeLaunch?: () => void;
  } = {},
): Promise<TestShell> {
  const userData = options.userData ?? tempDir();
  fake.reset({ userData });
  options.beforeLaunch?.();
  const builtDir = options.builtDir ?? fakeBuild();
  const secrets = new MemorySecretStore();
  if (options.keys) {
    await secrets.set(secretAccounts.plaidClientId('sandbox'), options.keys.clientId);
    await secrets.set(secretAccounts.plaidSecret('sandbox'), options.keys.secret);
  }
  const shellOptions: ShellOptions = {
    env: {
      LEDGERLIGHT_PLAID_BASE_URL: 'http://127.0.0.1:9',
      ...(options.keychainService ? { LEDGERLIGHT_KEYCHAIN_SERVICE: options.keychainService } : {}),
      ...options.env,
    },
    argv: options.argv ?? ['electron', '.'],
    builtDir,
    core: { ...(options.keychainService ? {} : { secrets }), schedule: false, ...options.core },
  };
  await launchShell(shellOptions);
  const main = fake.windows()[0]!;
  const logFile = path.join(userData, 'logs', 'ledgerlight.log');
  return {
    userData,
    builtDir,
    secrets,
    main,
    log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
    events: () =>
      main.webContents.sent
        .filter((s) => s.channel === EVENT_IPC_CHANNEL)
        .map((s) => s.args[0] as LedgerEvent),
    async quit() {
      fake.app.quit();
      for (let i = 0; i < 200 && !fake.app.quitting; i += 1) {
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

/** Waits until `check` holds (the shell and the core answer asynchronously). */
export async function until<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
): Promise<T> {
  for (let i = 0; i < 500; i += 1) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}
