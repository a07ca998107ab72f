import { BrowserWindow, session, shell, type IpcMainInvokeEvent } from 'electron';
import type { InvokeResult } from '../../shared/contract';
import type { Core } from '../core';
import { startLinkPageServer, type LinkPageServer } from '../link-page/server';
import type { Logger } from '../log';
import { isAllowedHostedLinkUrl } from '../security/urls';
import { checkSender, type LinkWindowControl, type SenderCheck } from './ipc';
import { describeOrigin, isSameOrigin, originOf } from './origin';
import { denyPermissions } from './session';
import { LOCKED_DOWN } from './window';

/** The Link window's own session: nothing of the app's (storage, permissions) is shared. */
export const LINK_PARTITION = 'ledgerlight-link';

export interface LinkWindowOptions {
  core: Core;
  /** The built renderer, which holds the Link page. */
  rendererDir: string;
  /** The built Link preload (out/preload/link.cjs). */
  preload: string;
  parent(): BrowserWindow | undefined;
  /** Demo mode: the emulator's Link script. */
  linkScriptUrl: string | null;
  /** Where new Plaid requests go; Hosted Link pages there may open in the browser too. */
  plaidBaseUrl: string | null;
  log: Logger;
}

interface OpenLink {
  linkToken: string;
  window: BrowserWindow;
  server: LinkPageServer;
  /** The OAuth redirect address registered at Plaid, if any (from Settings). */
  redirectUri: string | null;
  reported: boolean;
}

/**
 * Plaid Link in a window of its own: its own session, a preload whose one call reports how Link
 * ended, and the Link page on a loopback origin served only while the window is open. Plaid's
 * script runs there and never in the app window, which holds the ledger's bridge.
 *
 * OAuth banks come back three ways, all resumed the same way (the Link page reopened with
 * `receivedRedirectUri`): the Link window itself navigating to the registered redirect address,
 * the redirect arriving at the loopback listener from another browser, or a `ledgerlight://oauth`
 * deep link.
 */
export class LinkWindows implements LinkWindowControl {
  private current: OpenLink | null = null;

  constructor(private readonly options: LinkWindowOptions) {
    denyPermissions(session.fromPartition(LINK_PARTITION));
  }

  isLinkContents(contents: Electron.WebContents): boolean {
    return this.current?.window.webContents === contents;
  }

  async open(linkToken: string): Promise<void> {
    if (this.current?.linkToken === linkToken) return this.focus();
    if (this.current) this.current.window.close();
    const redirectUri = await this.redirectUri();
    const loopback = loopbackOf(redirectUri);
    const server = await startLinkPageServer({
      rendererDir: this.options.rendererDir,
      port: loopback?.port ?? 0,
      hostname: loopback?.hostname ?? 'localhost',
      ...(loopback ? { oauthPath: loopback.path } : {}),
      linkScriptUrl: this.options.linkScriptUrl,
      onOAuthRedirect: (url) => this.resume(url),
      log: this.options.log,
    });
    const parent = this.options.parent();
    const window = new BrowserWindow({
      width: 480,
      height: 760,
      minWidth: 360,
      minHeight: 560,
      title: 'Connect your bank with Plaid',
      autoHideMenuBar: true,
      ...(parent ? { parent } : {}),
      webPreferences: { preload: this.options.preload, partition: LINK_PARTITION, ...LOCKED_DOWN },
    });
    const open: OpenLink = { linkToken, window, server, redirectUri, reported: false };
    this.current = open;
    window.webContents.on('will-navigate', (event) => {
      if (this.interceptRedirect(open, event.url)) event.preventDefault();
    });
    window.webContents.on('will-redirect', (event) => {
      if (this.interceptRedirect(open, event.url)) event.preventDefault();
    });
    window.on('closed', () => void this.ended(open));
    await window.loadURL(server.pageUrl(linkToken));
  }

  /** Hosted Link: only the page Plaid made for a session this app opened. */
  async openHosted(linkToken: string): Promise<boolean> {
    const url = this.options.core.hostedLinkUrl(linkToken);
    if (!url || !isAllowedHostedLinkUrl(url, this.options.plaidBaseUrl)) return false;
    await shell.openExternal(url);
    return true;
  }

  checkSender(event: IpcMainInvokeEvent): SenderCheck {
    const open = this.current;
    if (!open) return { ok: false, reason: 'no Link window is open' };
    return checkSender(event, open.window, originOf(open.server.origin));
  }

  /** The Link page's one call. The window closes once the core has the result. */
  async finished(outcome: unknown): Promise<InvokeResult<null>> {
    const open = this.current;
    const token = (outcome as { linkToken?: unknown } | null)?.linkToken;
    if (!open || token !== open.linkToken) {
      return {
        ok: false,
        error: { code: 'VALIDATION', message: 'This is not the Link session of this window.' },
      };
    }
    open.reported = true;
    const result = await this.options.core.finishLink(outcome);
    if (!result.ok) open.reported = false;
    if (!open.window.isDestroyed()) open.window.close();
    return result;
  }

  /** An OAuth redirect came back (loopback listener, or the Link window's own navigation). */
  resume(redirectUrl: string): void {
    const open = this.current;
    if (!open) {
      this.options.log.warn('oauth redirect without an open Link window');
      return;
    }
    void open.window.loadURL(open.server.pageUrl(open.linkToken, redirectUrl));
    this.focus();
  }

  /** `ledgerlight://oauth?oauth_state_id=…`: the registered https page forwarded the redirect. */
  resumeFromDeepLink(query: string): void {
    const base = this.current?.redirectUri;
    if (!base) {
      this.options.log.warn('oauth deep link without a registered redirect address');
      return;
    }
    this.resume(`${base}${query}`);
  }

  close(): void {
    if (this.current && !this.current.window.isDestroyed()) this.current.window.close();
  }

  private focus(): void {
    const win = this.current?.window;
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  }

  /** True when a navigation of the Link window is the OAuth redirect (it is then resumed). */
  private interceptRedirect(open: OpenLink, url: string): boolean {
    if (url.startsWith('ledgerlight:')) {
      const parsed = new URL(url);
      if (parsed.host === 'oauth') this.resumeFromDeepLink(parsed.search);
      return true;
    }
    if (open.redirectUri && isRedirectTo(url, open.redirectUri)) {
      this.resume(url);
      return true;
    }
    if (isSameOrigin(url, originOf(open.server.origin)!) || url.startsWith('https:')) return false;
    this.options.log.warn('navigation refused', { window: 'link', to: describeOrigin(url) });
    return true;
  }

  private async ended(open: OpenLink): Promise<void> {
    if (this.current === open) this.current = null;
    await open.server.close();
    // Closed by the user before Link said anything: that is an exit without an error.
    if (!open.reported) {
      await this.options.core.finishLink({
        linkToken: open.linkToken,
        status: 'exit',
        error: null,
      });
    }
  }

  private async redirectUri(): Promise<string | null> {
    const settings = await this.options.core.invoke('settings.get', {});
    return settings.ok
      ? (settings.value as { oauthRedirectUri: string | null }).oauthRedirectUri
      : null;
  }
}

/** A loopback redirect address, which this window's Link page server must listen on. */
function loopbackOf(
  redirectUri: string | null,
): { port: number; path: string; hostname: 'localhost' | '127.0.0.1' } | null {
  if (!redirectUri) return null;
  const url = new URL(redirectUri);
  if (url.protocol !== 'http:') return null;
  if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') return null;
  return { port: Number(url.port || 80), path: url.pathname, hostname: url.hostname };
}

/** The same address as the registered redirect, with Plaid's query added. */
function isRedirectTo(url: string, redirectUri: string): boolean {
  try {
    const to = new URL(url);
    const registered = new URL(redirectUri);
    return (
      to.protocol === registered.protocol &&
      to.host === registered.host &&
      to.pathname === registered.pathname
    );
  } catch {
    return false;
  }
}
