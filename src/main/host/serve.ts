/**
 * `npm run serve`: the app in a browser on this machine. Same core, same built renderer as the
 * desktop app; configured by environment variables (see docs/self-hosting.md).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core';
import { defaultDataDir } from '../data-dir';
import { createFileLogger } from '../log';
import { KeychainSecretStore } from '../secrets/keychain-store';
import { APP_VERSION } from '../version';
import { assertStrongToken, randomToken } from './auth';
import { startHost } from './server';

async function main(): Promise<void> {
  const env = process.env;
  const dataDir = path.resolve(env.LEDGERLIGHT_DATA_DIR || defaultDataDir());
  const port = parsePort(env.LEDGERLIGHT_PORT);
  const token = env.LEDGERLIGHT_TOKEN || randomToken();
  assertStrongToken(token);
  const log = createFileLogger(path.join(dataDir, 'logs', 'ledgerlight.log'));
  const here = path.dirname(fileURLToPath(import.meta.url));

  const core = await createCore({
    dataDir,
    // A service name of its own keeps test or second-profile keys apart from the real ones.
    secrets: new KeychainSecretStore(env.LEDGERLIGHT_KEYCHAIN_SERVICE || undefined),
    plaidBaseUrl: env.LEDGERLIGHT_PLAID_BASE_URL || null,
    log,
    version: APP_VERSION,
    ...optionalNumber('manualCooldownMs', env.LEDGERLIGHT_MANUAL_COOLDOWN_MS),
  });
  const host = await startHost({
    core,
    rendererDir: path.resolve(here, '../renderer'),
    token,
    port,
    log,
  });
  process.stdout.write(`Ledgerlight listening on ${host.openUrl}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('host stopping', { signal });
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** Test and power-user knobs given as whole numbers (e.g. LEDGERLIGHT_MANUAL_COOLDOWN_MS). */
function optionalNumber<K extends string>(
  key: K,
  value: string | undefined,
): Partial<Record<K, number>> {
  if (value === undefined || value === '') return {};
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new Error(`${key} must be a whole number, not "${value}".`);
  return { [key]: number } as Partial<Record<K, number>>;
}

function parsePort(value: string | undefined): number {
  if (!value) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`LEDGERLIGHT_PORT must be a port number, not "${value}".`);
  }
  return port;
}

main().catch((error: unknown) => {
  process.stderr.write(`Ledgerlight could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
