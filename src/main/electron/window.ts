import { BrowserWindow, screen } from 'electron';
import { isVisibleOn, loadWindowBounds, saveWindowBounds } from './window-state';

export interface MainWindowOptions {
  /** Where the window's place is remembered. */
  dataDir: string;
  /** The built app-window preload (out/preload/index.cjs). */
  preload: string;
  url: string;
}

/** Every window of the app is sandboxed and isolated, with no Node and no <webview>. */
export const LOCKED_DOWN = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  webviewTag: false,
  spellcheck: false,
} as const;

/** The app window, where it was last time if that is still on a screen. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = loadWindowBounds(options.dataDir);
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
    webPreferences: { preload: options.preload, ...LOCKED_DOWN },
  });
  win.once('ready-to-show', () => {
    if (place?.maximized) win.maximize();
    win.show();
  });
  win.on('close', () =>
    saveWindowBounds(options.dataDir, { ...win.getNormalBounds(), maximized: win.isMaximized() }),
  );
  void win.loadURL(options.url);
  return win;
}

/** Brings a window forward (a second launch, a notification, a deep link). */
export function focusWindow(win: BrowserWindow | undefined): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
