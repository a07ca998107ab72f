/**
 * The Electron shell's lifecycle: one instance, the core, the app window, the Link window and
 * the deep links that come back from a browser. Everything the app does lives in the core
 * (`createCore`), which runs and is tested under plain Node; this folder is the only main-process
 * code that imports `electron`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, powerMonitor, session, type BrowserWindow } from 'electron';
import { createCore, type Core, type CoreOptions } from '../core';
import { createFileLogger, type Logger } from '../log';
import { KeychainSecretStore } from '../secrets/keychain-store';
import { APP_VERSION } from '../version';
import {
  DeepLinkInbox,
  deepLinkInArgv,
  HOSTED_LINK_COMPLETE_URL,
  registerDeepLinks,
  type DeepLink,
} from './deep-links';
import { bindIpc, forwardEvents } from './ipc';
import { LinkWindows } from './link-window';
import { installMenu } from './menu';
import { electronSqliteBinding } from './native-binding';
import { notifyWhenNeeded } from './notifications';
import { describeOrigin, originOf } from './origin';
import { APP_URL, registerAppScheme, serveRenderer } from './protocol';
import { denyPermissions, guardWebContents } from './session';
import { createMainWindow, focusWindow } from './window';

/** The loopback address offered for registering as the OAuth redirect (Settings shows it). */
export const LOOPBACK_OAUTH_PORT = 47913;
export const LOOPBACK_REDIRECT_URI = `http://localhost:${LOOPBACK_OAUTH_PORT}/oauth`;

export interface ShellOptions {
  env?: NodeJS.ProcessEnv;
  argv?: readonly string[];
  /** The build's folder, holding main/, preload/ and renderer/ (default: beside this file's). */
  builtDir?: string;
  /** Applied last: tests give the core a keychain service, a clock or timers of their own. */
  core?: Partial<CoreOptions>;
}

interface ShellState {
  core?: Core;
  window?: BrowserWindow;
  links?: LinkWindows;
  log?: Logger;
}

/**
 * Starts the desktop app. A second copy would open the same database and run a second sync
 * engine on it, so it only hands its deep link (if it was started with one) to the first copy,
 * which comes forward, and quits.
 */
export function launchShell(options: ShellOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  const builtDir =
    options.builtDir ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }
  const state: ShellState = {};
  const inbox = new DeepLinkInbox((url) =>
    state.log?.warn('deep link ignored', { link: describeOrigin(url) }),
  );
  app.on('second-instance', (_event, argv) => {
    focusWindow(state.window);
    const link = deepLinkInArgv(argv);
    if (link) inbox.deliver(link);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    inbox.deliver(url);
  });
  const launchedWith = deepLinkInArgv(options.argv ?? process.argv);
  if (launchedWith) inbox.deliver(launchedWith);

  app.on('window-all-closed', () => app.quit());
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !state.core) return;
    // Close the database cleanly (WAL checkpoint) before the process goes away.
    event.preventDefault();
    quitting = true;
    state.links?.close();
    void state.core.close().finally(() => app.quit());
  });

  return app
    .whenReady()
    .then(() => start(state, inbox, env, builtDir, options.core ?? {}))
    .catch(fail);
}

async function start(
  state: ShellState,
  inbox: DeepLinkInbox,
  env: NodeJS.ProcessEnv,
  builtDir: string,
  overrides: Partial<CoreOptions>,
): Promise<void> {
  // `npm run demo`: the built-in Plaid emulator and a throwaway data folder instead of the user's.
  const demo =
    env.LEDGERLIGHT_DEMO === '1'
      ? await (await import('../demo/backend')).startDemoBackend(env)
      : null;
  const dataDir = app.getPath('userData');
  const log = createFileLogger(path.join(dataDir, 'logs', 'ledgerlight.log'));
  state.log = log;
  const rendererDir = path.join(builtDir, 'renderer');
  // electron-vite's dev server, only when not packaged.
  const devServerUrl = !app.isPackaged ? env.ELECTRON_RENDERER_URL || undefined : undefined;
  const appUrl = devServerUrl ?? APP_URL;
  const appOrigin = originOf(appUrl)!;

  serveRenderer(rendererDir);
  // The one permission: the app window may write text to the clipboard (the Copy buttons).
  denyPermissions(
    session.defaultSession,
    (contents, permission) =>
      permission === 'clipboard-sanitized-write' && contents === state.window?.webContents,
  );
  const plaidBaseUrl = demo?.coreOptions.plaidBaseUrl ?? (env.LEDGERLIGHT_PLAID_BASE_URL || null);
  const core = await createCore({
    dataDir,
    // A service name of its own keeps test or second-profile keys apart from the real ones.
    secrets: new KeychainSecretStore(env.LEDGERLIGHT_KEYCHAIN_SERVICE || undefined),
    plaidBaseUrl,
    sqliteNativeBinding: electronSqliteBinding({
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
      electronVersion: process.versions.electron ?? '',
    }),
    version: APP_VERSION,
    log,
    linkPage: {
      hostedCompletionUri: HOSTED_LINK_COMPLETE_URL,
      loopbackRedirectUri: LOOPBACK_REDIRECT_URI,
    },
    ...demo?.coreOptions,
    ...overrides,
  });
  state.core = core;

  const links = new LinkWindows({
    core,
    rendererDir,
    preload: path.join(builtDir, 'preload', 'link.cjs'),
    parent: () => state.window,
    linkScriptUrl: demo?.linkScriptUrl ?? null,
    plaidBaseUrl,
    log,
  });
  state.links = links;
  guardWebContents({
    appContents: () => state.window?.webContents,
    appOrigin,
    isLinkContents: (contents) => links.isLinkContents(contents),
    log,
  });
  bindIpc({ core, appWindow: () => state.window, appOrigin, link: links, log });
  forwardEvents(core, () => state.window);
  // No webhooks reach a desktop app: after sleep, catch up on every sync that fell due.
  powerMonitor.on('resume', () => core.wake());
  installMenu(core, process.platform);
  notifyWhenNeeded(core, () => focusWindow(state.window));
  registerDeepLinks();

  state.window = createMainWindow({
    dataDir,
    preload: path.join(builtDir, 'preload', 'index.cjs'),
    url: appUrl,
  });
  inbox.handleWith((link: DeepLink) => {
    if (link.kind === 'oauth') return links.resumeFromDeepLink(link.query);
    focusWindow(state.window);
    void core.invoke('link.checkHosted', {});
  });
  if (demo) {
    await demo.populate(core, log);
    app.on('quit', () => void demo.close());
  }
}

function fail(error: unknown): void {
  dialog.showErrorBox('Ledgerlight could not start', (error as Error).message);
  app.exit(1);
}
