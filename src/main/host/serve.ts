/**
 * `npm run serve`: the app in a browser on this machine. Same core, same built renderer as the
 * desktop app; configured by environment variables (see docs/self-hosting.md).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../data-dir';
import { createFileLogger } from '../log';
import { KeychainSecretStore } from '../secrets/keychain-store';
import { APP_VERSION } from '../version';
import { assertStrongToken, randomToken } from './auth';
import { startBrowserApp } from './browser-app';
import { optionalNumber, parsePort } from './env';

async function main(): Promise<void> {
  const env = process.env;
  const dataDir = path.resolve(env.LEDGERLIGHT_DATA_DIR || defaultDataDir());
  const port = parsePort(env.LEDGERLIGHT_PORT, 'LEDGERLIGHT_PORT');
  const token = env.LEDGERLIGHT_TOKEN || randomToken();
  assertStrongToken(token);
  const log = createFileLogger(path.join(dataDir, 'logs', 'ledgerlight.log'));
  const here = path.dirname(fileURLToPath(import.meta.url));

  const app = await startBrowserApp({
    core: {
      dataDir,
      // A service name of its own keeps test or second-profile keys apart from the real ones.
      secrets: new KeychainSecretStore(env.LEDGERLIGHT_KEYCHAIN_SERVICE || undefined),
      plaidBaseUrl: env.LEDGERLIGHT_PLAID_BASE_URL || null,
      version: APP_VERSION,
      ...optionalNumber('manualCooldownMs', env.LEDGERLIGHT_MANUAL_COOLDOWN_MS),
    },
    rendererDir: path.resolve(here, '../renderer'),
    token,
    port,
    linkPort: parsePort(env.LEDGERLIGHT_LINK_PORT, 'LEDGERLIGHT_LINK_PORT'),
    log,
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('host stopping', { signal });
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // Last: whoever waits for this line may stop the host at once, which must close the ledger
  // cleanly (a signal before the handlers would kill the process and leave the file marked open).
  process.stdout.write(`Ledgerlight listening on ${app.host.openUrl}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Ledgerlight could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
