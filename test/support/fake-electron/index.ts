/**
 * A stand-in for the `electron` module, for running the real shell (src/main/electron/) under
 * plain Node. Vitest resolves `electron` to this file (vitest.config.ts). It implements the
 * documented behaviour of what the shell uses, typed against electron's own definitions: a
 * member the shell calls but electron does not have, or has with another signature, does not
 * compile. `fake` is the test's side: drive events, make IPC calls from a frame, fetch through a
 * registered protocol, read what the shell did.
 */
import { EventEmitter } from 'node:events';
import type Electron from 'electron';
import {
  FakeBrowserWindow,
  FakeWebContents,
  FakeWebFrameMain,
  navigationEvent,
  type WindowDriver,
} from './windows';

export { FakeBrowserWindow, FakeWebContents, FakeWebFrameMain };
export type { WindowDriver };

type AppMethods =
  | 'whenReady'
  | 'isReady'
  | 'requestSingleInstanceLock'
  | 'quit'
  | 'exit'
  | 'getPath'
  | 'getAppPath'
  | 'setAsDefaultProtocolClient'
  | 'isPackaged';

class FakeApp extends EventEmitter implements Pick<Electron.App, AppMethods> {
  isPackaged = false;
  userData = '';
  appPath = '';
  hasLock = true;
  /** When false, whenReady() waits for fake.makeReady() (to test what happens before ready). */
  autoReady = true;
  ready = false;
  quitting = false;
  exitCode: number | null = null;
  readonly protocolClients: { scheme: string; path?: string; args?: string[] }[] = [];
  private readyWaiters: (() => void)[] = [];

  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    if (this.autoReady) {
      return Promise.resolve().then(() => this.makeReady());
    }
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  makeReady(): void {
    if (this.ready) return;
    this.ready = true;
    this.emit('ready', { preventDefault() {} }, {});
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  isReady(): boolean {
    return this.ready;
  }

  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }

  /** As Electron: `before-quit` may be prevented; otherwise `will-quit` and `quit` follow. */
  quit(): void {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.quitting = true;
    this.emit('will-quit', { preventDefault() {} });
    this.emit('quit', { preventDefault() {} }, 0);
  }

  exit(exitCode = 0): void {
    this.exitCode = exitCode;
  }

  getPath(name: Parameters<Electron.App['getPath']>[0]): string {
    if (name !== 'userData') throw new Error(`the fake has no path for ${name}`);
    return this.userData;
  }

  getAppPath(): string {
    return this.appPath;
  }

  setAsDefaultProtocolClient(scheme: string, path?: string, args?: string[]): boolean {
    this.protocolClients.push({ scheme, ...(path ? { path } : {}), ...(args ? { args } : {}) });
    return true;
  }
}

type InvokeListener = Parameters<Electron.IpcMain['handle']>[1];

class FakeIpcMain implements Pick<Electron.IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** An ipcRenderer.invoke from a frame: its event carries the frame as Electron's does. */
  async invokeFrom(
    frame: FakeWebFrameMain | null,
    sender: FakeWebContents,
    channel: string,
    ...args: unknown[]
  ): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`Error invoking remote method '${channel}': No handler`);
    const event = {
      type: 'frame',
      sender,
      senderFrame: frame,
      processId: frame?.processId ?? 0,
      frameId: frame?.routingId ?? 0,
      preventDefault() {},
    } as unknown as Electron.IpcMainInvokeEvent;
    return listener(event, ...args);
  }
}

type ProtocolHandler = Parameters<Electron.Protocol['handle']>[1];

class FakeProtocol implements Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'> {
  readonly privileged: Electron.CustomScheme[] = [];
  readonly handlers = new Map<string, ProtocolHandler>();
  private registered = false;

  constructor(private readonly app: FakeApp) {}

  /** Electron allows it once, and only before `ready`. */
  registerSchemesAsPrivileged(customSchemes: Electron.CustomScheme[]): void {
    if (this.app.isReady())
      throw new Error('registerSchemesAsPrivileged must be called before ready');
    if (this.registered) throw new Error('registerSchemesAsPrivileged can be called only once');
    this.registered = true;
    this.privileged.push(...customSchemes);
  }

  /** Electron's protocol module may be used only once the app is ready. */
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!this.app.isReady()) throw new Error('protocol.handle must be called after ready');
    this.handlers.set(scheme, handler);
  }

  /** What the renderer's request for a URL on a registered scheme gets back. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`no handler for ${scheme}:`);
    return handler(new Request(url, init));
  }
}

type RequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0];

class FakeSession implements Pick<
  Electron.Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler'
> {
  requestHandler: RequestHandler = null;
  checkHandler: CheckHandler = null;

  constructor(readonly partition: string) {}

  setPermissionRequestHandler(handler: RequestHandler): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: CheckHandler): void {
    this.checkHandler = handler;
  }

  /** A page asks for a permission; Electron's default (no handler) grants it. */
  request(contents: FakeWebContents, permission: string): Promise<boolean> {
    const handler = this.requestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) =>
      handler(
        contents as unknown as Electron.WebContents,
        permission as Parameters<NonNullable<RequestHandler>>[1],
        resolve,
        {} as Parameters<NonNullable<RequestHandler>>[3],
      ),
    );
  }

  check(contents: FakeWebContents, permission: string): boolean {
    const handler = this.checkHandler;
    if (!handler) return true;
    return handler(
      contents as unknown as Electron.WebContents,
      permission as Parameters<NonNullable<CheckHandler>>[1],
      '',
      {} as Parameters<NonNullable<CheckHandler>>[3],
    );
  }
}

const sessions = new Map<string, FakeSession>();
const fakeSession = {
  get defaultSession(): FakeSession {
    return fromPartition('');
  },
  fromPartition,
};

function fromPartition(partition: string): FakeSession {
  let found = sessions.get(partition);
  if (!found) {
    found = new FakeSession(partition);
    sessions.set(partition, found);
  }
  return found;
}

class FakeShell implements Pick<Electron.Shell, 'openExternal'> {
  readonly opened: string[] = [];
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }
}

class FakeNotification
  extends EventEmitter
  implements Pick<Electron.Notification, 'show' | 'title' | 'body'>
{
  static readonly shown: FakeNotification[] = [];
  static isSupported(): boolean {
    return true;
  }
  title: string;
  body: string;
  constructor(options: Electron.NotificationConstructorOptions = {}) {
    super();
    this.title = options.title ?? '';
    this.body = options.body ?? '';
  }
  show(): void {
    FakeNotification.shown.push(this);
  }
}

class FakeMenu {
  static application: FakeMenu | null = null;
  constructor(readonly template: Electron.MenuItemConstructorOptions[]) {}
  static buildFromTemplate(
    template: Parameters<(typeof Electron.Menu)['buildFromTemplate']>[0],
  ): FakeMenu {
    return new FakeMenu(template as Electron.MenuItemConstructorOptions[]);
  }
  static setApplicationMenu(menu: FakeMenu | null): void {
    FakeMenu.application = menu;
  }
}

class FakeScreen implements Pick<Electron.Screen, 'getAllDisplays'> {
  displays: Electron.Display[] = [display({ x: 0, y: 0, width: 1920, height: 1080 })];
  getAllDisplays(): Electron.Display[] {
    return this.displays;
  }
}

export function display(workArea: Electron.Rectangle): Electron.Display {
  return { id: 1, bounds: workArea, workArea, scaleFactor: 1 } as Electron.Display;
}

class FakeDialog implements Pick<Electron.Dialog, 'showErrorBox'> {
  readonly errors: { title: string; content: string }[] = [];
  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content });
  }
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const protocol = new FakeProtocol(app);
export const session = fakeSession;
export const shell = new FakeShell();
export const powerMonitor = new EventEmitter();
export const Notification = FakeNotification;
export const Menu = FakeMenu;
export const screen = new FakeScreen();
export const dialog = new FakeDialog();
export const BrowserWindow = FakeBrowserWindow;

/** Every name this module stands in for must be one electron exports. */
const EXPORTED = {
  app,
  ipcMain,
  protocol,
  session,
  shell,
  powerMonitor,
  Notification,
  Menu,
  screen,
  dialog,
  BrowserWindow,
} satisfies Partial<Record<keyof typeof Electron, unknown>>;
export default EXPORTED;

FakeBrowserWindow.onCreated = (win) => app.emit('web-contents-created', {}, win.webContents);
FakeBrowserWindow.onAllClosed = () => {
  if (FakeBrowserWindow.all.size === 0 && !app.quitting) app.emit('window-all-closed');
};

/** The test's side of the fake. */
export const fake = {
  app,
  ipc: ipcMain,
  protocol,
  shell,
  dialog,
  screen,
  sessions,
  notifications: FakeNotification.shown,
  menu: () => FakeMenu.application,
  windows: () => FakeBrowserWindow.getAllWindows(),

  /** A clean slate for the next launch of the shell. */
  reset(options: { userData: string; appPath?: string; isPackaged?: boolean }): void {
    app.removeAllListeners();
    powerMonitor.removeAllListeners();
    Object.assign(app, {
      userData: options.userData,
      appPath: options.appPath ?? options.userData,
      isPackaged: options.isPackaged ?? false,
      hasLock: true,
      autoReady: true,
      ready: false,
      quitting: false,
      exitCode: null,
    });
    app.protocolClients.length = 0;
    ipcMain.handlers.clear();
    Object.assign(protocol, { registered: false });
    protocol.privileged.length = 0;
    protocol.handlers.clear();
    sessions.clear();
    shell.opened.length = 0;
    dialog.errors.length = 0;
    FakeNotification.shown.length = 0;
    FakeMenu.application = null;
    FakeBrowserWindow.all.clear();
    FakeBrowserWindow.driver = null;
    screen.displays = [display({ x: 0, y: 0, width: 1920, height: 1080 })];
  },

  /** Backs every window created from now on with `driver` (real Chromium pages). */
  useDriver(driver: WindowDriver | null): void {
    FakeBrowserWindow.driver = driver;
  },

  makeReady: () => app.makeReady(),

  /** The main frame of a window calls `channel` through ipcRenderer.invoke. */
  invoke(win: FakeBrowserWindow, channel: string, ...args: unknown[]): Promise<unknown> {
    return ipcMain.invokeFrom(win.webContents.mainFrame, win.webContents, channel, ...args);
  },

  /** A sub-frame (an <iframe> on the page) makes the call instead. */
  invokeFromSubFrame(
    win: FakeBrowserWindow,
    url: string,
    channel: string,
    ...args: unknown[]
  ): Promise<unknown> {
    const frame = new FakeWebFrameMain(win.webContents, win.webContents.mainFrame, url);
    return ipcMain.invokeFrom(frame, win.webContents, channel, ...args);
  },

  /** The page starts a navigation: `will-navigate` first, and only an unprevented one happens. */
  navigate(win: FakeBrowserWindow, url: string): boolean {
    const { event, prevented } = navigationEvent(url);
    win.webContents.emit('will-navigate', event, url, false, true);
    if (prevented()) return false;
    win.webContents.mainFrame.url = url;
    return true;
  },

  /** The page calls window.open(url): the window-open handler decides, as in Electron. */
  windowOpen(win: FakeBrowserWindow, url: string): FakeBrowserWindow | null {
    const handler = win.webContents.windowOpenHandler;
    const decision = handler
      ? handler({
          url,
          frameName: '',
          features: '',
          disposition: 'new-window',
          referrer: { url: win.webContents.getURL(), policy: 'no-referrer' },
        })
      : { action: 'allow' as const };
    if (decision.action !== 'allow') return null;
    const child = new FakeBrowserWindow({
      ...('overrideBrowserWindowOptions' in decision ? decision.overrideBrowserWindowOptions : {}),
    });
    win.webContents.emit('did-create-window', child, { url });
    void child.loadURL(url);
    return child;
  },

  /** Another launch of the app: Electron tells the first instance, with that launch's argv. */
  secondInstance(argv: string[]): void {
    app.emit('second-instance', { preventDefault() {} }, argv, '', {});
  },

  /** macOS hands a URL of a registered scheme to the running app. */
  openUrl(url: string): boolean {
    let prevented = false;
    app.emit('open-url', { preventDefault: () => (prevented = true) }, url);
    return prevented;
  },
};
