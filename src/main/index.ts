/**
 * The Electron shell: a window, the app:// protocol, the IPC binding and the lifecycle. It is the
 * only main-process file that imports `electron`; everything the app does lives in the core
 * (`createCore`), which runs and is tested under plain Node.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  type MenuItemConstructorOptions,
  type WebFrameMain,
} from 'electron';
import { CHANNEL_NAMES, EVENT_IPC_CHANNEL, type InvokeResult } from '../shared/contract';
import { attentionNotices } from './attention';
import { createCore, type Core } from './core';
import { createFileLogger } from './log';
import { electronSqliteBindingPath } from './native-binding';
import { rendererSecurityHeaders } from './security/csp';
import { resolveRendererFile } from './security/renderer-files';
import { isAllowedExternalUrl, isPlaidUrl } from './security/urls';
import { KeychainSecretStore } from './secrets/keychain-store';
import { APP_VERSION } from './version';
import { isVisibleOn, loadWindowBounds, saveWindowBounds } from './window-state';

const SCHEME = 'app';
const APP_ORIGIN = `${SCHEME}://ledgerlight`;
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
/** electron-vite's dev server, only when not packaged. */
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const trustedOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;

// Must run before `ready`: a standard, secure scheme gives the renderer a real origin (Plaid Link
// refuses file://) with fetch support.
protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database and run a second sync engine on it.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  // `npm run demo`: the built-in Plaid emulator and a throwaway data folder instead of the user's.
  const demo =
    process.env.LEDGERLIGHT_DEMO === '1'
      ? await (await import('./demo/backend')).startDemoBackend()
      : null;
  serveRenderer(demo?.linkOrigin ?? null);
  hardenSession();
  const log = createFileLogger(path.join(app.getPath('userData'), 'logs', 'ledgerlight.log'));
  core = await createCore({
    dataDir: app.getPath('userData'),
    secrets: new KeychainSecretStore(),
    plaidBaseUrl: process.env.LEDGERLIGHT_PLAID_BASE_URL || null,
    sqliteNativeBinding: electronSqliteBinding(),
    version: APP_VERSION,
    log,
    ...demo?.coreOptions,
  });
  bindIpc(core);
  const awake = core;
  // No webhooks reach a desktop app: after sleep, catch up on every sync that fell due.
  powerMonitor.on('resume', () => awake.wake());
  Menu.setApplicationMenu(buildMenu(core));
  notifyWhenNeeded(core);
  mainWindow = createWindow();
  if (demo) {
    await demo.populate(core, log);
    app.on('quit', () => void demo.close());
  }
}

function createWindow(): BrowserWindow {
  const dataDir = app.getPath('userData');
  const saved = loadWindowBounds(dataDir);
  const place =
    saved &&
    isVisibleOn(
      saved,
      screen.getAllDisplays().map((d) => d.workArea),
    )
      ? saved
      : null;
  const win = new BrowserWindow({
    width: place?.width ?? 1280,
    height: place?.height ?? 820,
    ...(place ? { x: place.x, y: place.y } : {}),
    minWidth: 900,
    minHeight: 600,
    title: 'Ledgerlight',
    show: false,
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => {
    if (place?.maximized) win.maximize();
    win.show();
  });
  win.on('close', () =>
    saveWindowBounds(dataDir, { ...win.getNormalBounds(), maximized: win.isMaximized() }),
  );
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/`);
  return win;
}

function buildMenu(boundCore: Core): Menu {
  const syncAll: MenuItemConstructorOptions = {
    label: 'Sync All Connections',
    accelerator: 'CmdOrCtrl+Shift+S',
    click: () => void boundCore.invoke('connections.sync', {}),
  };
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        syncAll,
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}

/** A system notification, once each, when a connection needs the user (see attention.ts). */
function notifyWhenNeeded(boundCore: Core): void {
  const shown = new Set<string>();
  const check = async () => {
    const result = await boundCore.invoke('connections.list', {});
    if (!result.ok || !Notification.isSupported()) return;
    for (const notice of attentionNotices(
      result.value as Parameters<typeof attentionNotices>[0],
      new Date(),
    )) {
      if (shown.has(notice.key)) continue;
      shown.add(notice.key);
      const notification = new Notification({ title: notice.title, body: notice.body });
      notification.on('click', () => mainWindow?.show());
      notification.show();
    }
  };
  boundCore.events.subscribe((event) => {
    if (event.name === 'sync.failed' || event.name === 'sync.completed') void check();
  });
  void check();
}

/** app://ledgerlight/… → the built renderer, with the traversal check and the CSP. */
function serveRenderer(demoLinkOrigin: string | null): void {
  const headers = rendererSecurityHeaders({ linkOrigin: demoLinkOrigin });
  protocol.handle(SCHEME, (request) => {
    const url = new URL(request.url);
    const found =
      url.host === 'ledgerlight' ? resolveRendererFile(rendererDir, url.pathname) : null;
    if (!found) return new Response('Not found', { status: 404 });
    return new Response(fs.readFileSync(found.file), {
      headers: { ...headers, 'Content-Type': found.contentType },
    });
  });
}

function hardenSession(): void {
  // Denied by default. The one exception: the app window may write text to the clipboard (the
  // "Copy path" buttons), never read it.
  const allowed = (contents: Electron.WebContents | null, permission: string) =>
    permission === 'clipboard-sanitized-write' && contents === mainWindow?.webContents;
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback) =>
    callback(allowed(contents, permission)),
  );
  session.defaultSession.setPermissionCheckHandler((contents, permission) =>
    allowed(contents, permission),
  );

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // Link's OAuth pop-ups (children of the main window) must follow the bank's own pages, so
    // only the app window itself is pinned to our origin.
    contents.on('will-navigate', (event, url) => {
      if (contents === mainWindow?.webContents && new URL(url).origin !== trustedOrigin) {
        event.preventDefault();
      }
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (isPlaidUrl(url)) {
        return {
          action: 'allow',
          overrideBrowserWindowOptions: {
            width: 480,
            height: 720,
            webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
          },
        };
      }
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

/** Only the app window's own main frame, on our own origin, may call the core. */
function isTrustedSender(frame: WebFrameMain | null): boolean {
  if (!frame || frame.parent !== null || !mainWindow) return false;
  if (frame !== mainWindow.webContents.mainFrame) return false;
  try {
    return new URL(frame.url).origin === trustedOrigin;
  } catch {
    return false;
  }
}

function bindIpc(boundCore: Core): void {
  const refused: InvokeResult<never> = {
    ok: false,
    error: { code: 'VALIDATION', message: 'This window may not call Ledgerlight.' },
  };
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(name, (event, input: unknown) =>
      isTrustedSender(event.senderFrame) ? boundCore.invoke(name, input) : refused,
    );
  }
  boundCore.events.subscribe((event) => {
    if (mainWindow && !mainWindow.isDestroyed()) {
      mainWindow.webContents.send(EVENT_IPC_CHANNEL, event);
    }
  });
}

/** The Electron-ABI build of better-sqlite3 made by `npm start`; packaged apps carry their own. */
function electronSqliteBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const file = electronSqliteBindingPath(app.getAppPath(), process.versions.electron);
  return fs.existsSync(file) ? file : undefined;
}

function fail(error: unknown): void {
  dialog.showErrorBox('Ledgerlight could not start', (error as Error).message);
  app.exit(1);
}

app.on('window-all-closed', () => app.quit());

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !core) return;
  // Close the database cleanly (WAL checkpoint) before the process goes away.
  event.preventDefault();
  quitting = true;
  void core.close().finally(() => app.quit());
});
