import fs from 'node:fs';
import type { Browser, BrowserContext, Frame, Page } from '@playwright/test';
import { ipcMain } from './index';
import {
  FakeWebFrameMain,
  navigationEvent,
  type FakeBrowserWindow,
  type WindowDriver,
} from './windows';

const EMIT = 'fake-electron:emit';

/**
 * Backs the fake's windows with real Chromium pages, so the built renderer and the real built
 * preload run as they do in Electron, and what reaches the shell is what Chromium reports:
 * - a window is a page; a partition (`webPreferences.partition`) is a browser context of its own;
 * - the preload runs first in every document, as Electron's sandboxed preloads do: one classic
 *   script with a `require` that knows only `electron` (so an ES module, or a chunk it would
 *   load, fails here as it would there). Its `ipcRenderer.invoke` is a Playwright binding into
 *   the fake ipcMain, with the calling frame as Chromium reports it (URL, parent);
 * - `webContents.send` is delivered to the preload's `ipcRenderer.on` listeners;
 * - a navigation the page starts (not `loadURL`) meets the shell's `will-navigate` first, and is
 *   aborted if the shell prevents it.
 * Unlike Electron, the preload shares the page's JavaScript world (no context isolation), so the
 * page could call the binding itself: the shell's sender checks are what these tests lean on.
 */
export class BrowserDriver implements WindowDriver {
  private readonly contexts = new Map<string, Promise<BrowserContext>>();
  private readonly pages = new Map<FakeBrowserWindow, Promise<Page>>();
  private readonly frames = new WeakMap<Frame, FakeWebFrameMain>();
  private readonly loading = new Map<FakeBrowserWindow, string>();
  private readonly deliveries = new Map<FakeBrowserWindow, Promise<unknown>>();

  constructor(
    private readonly browser: Browser,
    /** Per context, e.g. routing Plaid's CDN to the emulator. */
    private readonly prepare: (context: BrowserContext, partition: string) => Promise<void>,
  ) {}

  /** The page behind a window, once it exists. */
  page(win: FakeBrowserWindow): Promise<Page> {
    const page = this.pages.get(win);
    if (!page) throw new Error('this window has no page');
    return page;
  }

  created(win: FakeBrowserWindow): void {
    this.pages.set(win, this.open(win));
  }

  async loadURL(win: FakeBrowserWindow, url: string): Promise<void> {
    const page = await this.page(win);
    this.loading.set(win, withoutFragment(url));
    await page.goto(url);
    this.frameFor(win, page, page.mainFrame());
  }

  send(win: FakeBrowserWindow, channel: string, args: unknown[]): void {
    // In order, one after the other, as IPC delivers them.
    const previous = this.deliveries.get(win) ?? Promise.resolve();
    const next = previous.then(async () => {
      const page = await this.page(win);
      await page
        .evaluate(
          ([key, c, a]) =>
            (window as unknown as Record<symbol, (c: string, a: unknown[]) => void>)[
              Symbol.for(key)
            ]?.(c, a),
          [EMIT, channel, args] as const,
        )
        .catch(() => undefined); // a page that is navigating drops the message, as Electron's does
    });
    this.deliveries.set(win, next);
  }

  closed(win: FakeBrowserWindow): void {
    void this.pages.get(win)?.then((page) => page.close());
  }

  async close(): Promise<void> {
    for (const context of this.contexts.values()) await (await context).close();
  }

  private context(partition: string): Promise<BrowserContext> {
    let context = this.contexts.get(partition);
    if (!context) {
      context = this.browser
        .newContext({ viewport: { width: 1280, height: 820 } })
        .then(async (created) => {
          await this.prepare(created, partition);
          return created;
        });
      this.contexts.set(partition, context);
    }
    return context;
  }

  private async open(win: FakeBrowserWindow): Promise<Page> {
    const context = await this.context(win.partition);
    const page = await context.newPage();
    await page.exposeBinding(
      '__fakeElectronInvoke',
      async (source, channel: string, args: unknown[]) => {
        const frame = this.frameFor(win, page, source.frame);
        try {
          return { value: await ipcMain.invokeFrom(frame, win.webContents, channel, ...args) };
        } catch (error) {
          return { error: (error as Error).message };
        }
      },
    );
    const preload = win.options.webPreferences?.preload;
    if (preload) await page.addInitScript({ content: sandboxedPreload(preload) });
    await page.route('**/*', async (route) => {
      const request = route.request();
      if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) {
        return route.fallback();
      }
      const url = request.url();
      if (this.loading.get(win) === withoutFragment(url)) {
        this.loading.delete(win);
        return route.fallback();
      }
      const { event, prevented } = navigationEvent(url);
      win.webContents.emit('will-navigate', event, url, false, true);
      return prevented() ? route.abort('aborted') : route.fallback();
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) win.webContents.mainFrame.url = frame.url();
    });
    page.on('close', () => {
      if (!win.isDestroyed()) win.close();
    });
    return page;
  }

  /** The fake WebFrameMain for a Chromium frame: the main frame is the window's own. */
  private frameFor(win: FakeBrowserWindow, page: Page, frame: Frame): FakeWebFrameMain {
    if (frame === page.mainFrame()) {
      const main = win.webContents.mainFrame;
      main.url = frame.url();
      this.frames.set(frame, main);
      return main;
    }
    let found = this.frames.get(frame);
    if (!found) {
      const parent = frame.parentFrame();
      found = new FakeWebFrameMain(
        win.webContents,
        parent ? this.frameFor(win, page, parent) : null,
        frame.url(),
      );
      this.frames.set(frame, found);
    }
    found.url = frame.url();
    return found;
  }
}

/** Requests carry no #fragment. */
function withoutFragment(url: string): string {
  return url.split('#')[0]!;
}

/**
 * The built preload as Electron runs a sandboxed one: a classic script, before the page's own,
 * whose `require` has only `electron` (contextBridge and ipcRenderer).
 */
function sandboxedPreload(file: string): string {
  const source = fs.readFileSync(file, 'utf8');
  return `(() => {
  const listeners = new Map();
  const ipcRenderer = {
    async invoke(channel, ...args) {
      const answer = await window.__fakeElectronInvoke(channel, args);
      if ('error' in answer) throw new Error("Error invoking remote method '" + channel + "': " + answer.error);
      return answer.value;
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  Object.defineProperty(window, Symbol.for(${JSON.stringify(EMIT)}), {
    value: (channel, args) => {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: ipcRenderer }, ...args);
    },
  });
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: Object.freeze({ ...api }), enumerable: true });
    },
  };
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error("module not found: " + name + " (a sandboxed preload can only require electron)");
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${source}
  })(require, module, module.exports);
})();`;
}
