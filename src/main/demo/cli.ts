/**
 * `npm run demo`: Ledgerlight on the built-in Plaid emulator, no keys needed. The desktop app by
 * default; `npm run demo -- --serve` serves it to a browser instead (as `npm run serve` does).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertStrongToken, randomToken } from '../host/auth';
import { startBrowserApp } from '../host/browser-app';
import { parsePort } from '../host/env';
import { createFileLogger } from '../log';
import { APP_VERSION } from '../version';
import { startDemoBackend } from './backend';
import { checkDesktopPrerequisites, explainMissing } from './desktop-prerequisites';

const here = path.dirname(fileURLToPath(import.meta.url));

async function serveInBrowser(): Promise<void> {
  const env = process.env;
  const token = env.LEDGERLIGHT_TOKEN || randomToken();
  assertStrongToken(token);
  const demo = await startDemoBackend();
  const log = createFileLogger(path.join(demo.coreOptions.dataDir, 'logs', 'ledgerlight.log'));
  const app = await startBrowserApp({
    core: { ...demo.coreOptions, version: APP_VERSION },
    rendererDir: path.resolve(here, '../renderer'),
    token,
    port: parsePort(env.LEDGERLIGHT_PORT, 'LEDGERLIGHT_PORT'),
    linkPort: parsePort(env.LEDGERLIGHT_LINK_PORT, 'LEDGERLIGHT_LINK_PORT'),
    linkScriptUrl: demo.linkScriptUrl,
    log,
  });
  await demo.populate(app.core, log);
  process.stdout.write(
    `Plaid emulator on ${demo.emulator.url} (keys: ${demo.emulator.control.clientId} / ${demo.emulator.control.secret})\n`,
  );
  process.stdout.write(`Ledgerlight demo listening on ${app.host.openUrl}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await demo.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/**
 * The desktop app, started the way `npm start` starts it, told to run on the emulator. When it
 * cannot start, the reason is looked up rather than guessed: which of Electron's pieces is
 * missing, and how to get it.
 */
function openDesktop(): void {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const child = spawn(npm, ['start'], {
    stdio: 'inherit',
    env: { ...process.env, LEDGERLIGHT_DEMO: '1' },
  });
  child.on('exit', (code) => {
    if (code !== 0) {
      const why = explainMissing(checkDesktopPrerequisites(path.resolve(here, '../..')));
      process.stderr.write(
        `${why ?? 'The desktop app did not start; the messages above say why. The demo in your browser: npm run demo -- --serve'}\n`,
      );
    }
    process.exit(code ?? 1);
  });
}

if (process.argv.includes('--serve')) {
  serveInBrowser().catch((error: unknown) => {
    process.stderr.write(`The demo could not start: ${(error as Error).message}\n`);
    process.exit(1);
  });
} else {
  openDesktop();
}
