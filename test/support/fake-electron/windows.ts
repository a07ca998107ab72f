import { EventEmitter } from 'node:events';
import type Electron from 'electron';

/**
 * BrowserWindow, its webContents and their frames, as the shell uses them. Each class declares
 * the members it stands in for with electron's own types (`Pick<Electron.X, …>`), so a signature
 * that changes upstream no longer compiles here. Where electron hands out one of its own objects
 * (a window's webContents, a frame's parent) the fake hands out its own class instead.
 */

let nextId = 1;
const ids = () => nextId++;

/** What backs a window: nothing (unit tests) or a real Chromium page (see browser-driver.ts). */
export interface WindowDriver {
  created(win: FakeBrowserWindow): void;
  loadURL(win: FakeBrowserWindow, url: string): Promise<void>;
  send(win: FakeBrowserWindow, channel: string, args: unknown[]): void;
  closed(win: FakeBrowserWindow): void;
}

export class FakeWebFrameMain implements Pick<
  Electron.WebFrameMain,
  'url' | 'processId' | 'routingId' | 'frameTreeNodeId'
> {
  readonly processId: number;
  readonly routingId = ids();
  readonly frameTreeNodeId = ids();
  url = '';

  constructor(
    readonly webContents: FakeWebContents,
    readonly parent: FakeWebFrameMain | null,
    url = '',
  ) {
    // A frame of the same page shares the page's renderer process.
    this.processId = parent ? parent.processId : ids();
    this.url = url;
  }

  get top(): FakeWebFrameMain {
    return this.parent ? this.parent.top : this;
  }
}

type WindowOpenHandler = Parameters<Electron.WebContents['setWindowOpenHandler']>[0];

export class FakeWebContents
  extends EventEmitter
  implements Pick<Electron.WebContents, 'id' | 'isDestroyed' | 'getURL'>
{
  readonly id = ids();
  mainFrame: FakeWebFrameMain;
  windowOpenHandler: WindowOpenHandler | null = null;
  /** Everything sent to this page (webContents.send), in order. */
  readonly sent: { channel: string; args: unknown[] }[] = [];
  destroyed = false;

  constructor(readonly owner: FakeBrowserWindow) {
    super();
    this.mainFrame = new FakeWebFrameMain(this, null);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
    this.owner.driver?.send(this.owner, channel, args);
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

type BrowserWindowMethods =
  | 'loadURL'
  | 'show'
  | 'focus'
  | 'isMinimized'
  | 'minimize'
  | 'restore'
  | 'isDestroyed'
  | 'isMaximized'
  | 'maximize'
  | 'getNormalBounds'
  | 'close'
  | 'isVisible'
  | 'isFocused'
  | 'id';

export class FakeBrowserWindow
  extends EventEmitter
  implements Pick<Electron.BrowserWindow, BrowserWindowMethods>
{
  static readonly all = new Set<FakeBrowserWindow>();
  /** Set by the fake's reset/useBrowser; every new window uses it. */
  static driver: WindowDriver | null = null;
  /** Called for every window the shell creates (the fake emits `web-contents-created`). */
  static onCreated: ((win: FakeBrowserWindow) => void) | null = null;

  static getAllWindows(): FakeBrowserWindow[] {
    return [...FakeBrowserWindow.all];
  }

  readonly id = ids();
  readonly webContents: FakeWebContents;
  readonly options: Electron.BrowserWindowConstructorOptions;
  readonly driver: WindowDriver | null;
  private destroyed = false;
  private visible = false;
  private minimized = false;
  private maximized = false;
  private focused = false;
  private shownOnce = false;

  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents(this);
    this.driver = FakeBrowserWindow.driver;
    FakeBrowserWindow.all.add(this);
    FakeBrowserWindow.onCreated?.(this);
    this.driver?.created(this);
  }

  get partition(): string {
    return this.options.webPreferences?.partition ?? '';
  }

  async loadURL(url: string): Promise<void> {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.webContents.mainFrame = new FakeWebFrameMain(this.webContents, null, url);
    if (this.driver) await this.driver.loadURL(this, url);
    if (!this.shownOnce) {
      this.shownOnce = true;
      this.emit('ready-to-show');
    }
  }

  show(): void {
    this.visible = true;
    this.minimized = false;
  }

  focus(): void {
    this.focused = true;
  }

  isFocused(): boolean {
    return this.focused;
  }

  isVisible(): boolean {
    return this.visible;
  }

  minimize(): void {
    this.minimized = true;
    this.focused = false;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
  }

  maximize(): void {
    this.maximized = true;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  getNormalBounds(): Electron.Rectangle {
    return {
      x: this.options.x ?? 0,
      y: this.options.y ?? 0,
      width: this.options.width ?? 800,
      height: this.options.height ?? 600,
    };
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** As Electron: `close`, then (unless prevented) `closed`; the last window also ends the app. */
  close(): void {
    if (this.destroyed) return;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    FakeBrowserWindow.all.delete(this);
    this.driver?.closed(this);
    this.emit('closed');
    FakeBrowserWindow.onAllClosed?.();
  }

  static onAllClosed: (() => void) | null = null;
}

/** Electron's will-navigate event object: preventable, with the URL on it. */
export function navigationEvent(url: string): {
  event: Electron.Event<Electron.WebContentsWillNavigateEventParams>;
  prevented: () => boolean;
} {
  let prevented = false;
  const event = {
    url,
    isSameDocument: false,
    isMainFrame: true,
    preventDefault: () => (prevented = true),
    defaultPrevented: false,
  } as unknown as Electron.Event<Electron.WebContentsWillNavigateEventParams>;
  return { event, prevented: () => prevented };
}
