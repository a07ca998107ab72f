import path from 'node:path';
import { app } from 'electron';

/** The app's URL scheme, registered with the OS (and in the installers). */
export const DEEP_LINK_SCHEME = 'ledgerlight';
/** Where Hosted Link sends the browser when it ends. */
export const HOSTED_LINK_COMPLETE_URL = `${DEEP_LINK_SCHEME}://link-complete`;

export type DeepLink =
  /** A registered https redirect page forwarded a bank's OAuth redirect (its query). */
  | { kind: 'oauth'; query: string }
  /** Hosted Link ended in the browser. */
  | { kind: 'hosted-link-complete' };

/** The two links the app understands; anything else is ignored. */
export function parseDeepLink(url: string): DeepLink | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${DEEP_LINK_SCHEME}:`) return null;
  if (parsed.host === 'oauth' && parsed.searchParams.has('oauth_state_id')) {
    return { kind: 'oauth', query: parsed.search };
  }
  if (parsed.host === 'link-complete') return { kind: 'hosted-link-complete' };
  return null;
}

/** On Windows and Linux the OS starts the app (a second instance) with the link in argv. */
export function deepLinkInArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.startsWith(`${DEEP_LINK_SCHEME}://`)) ?? null;
}

/**
 * Makes the OS send ledgerlight:// links to this app. A packaged app is registered by its
 * installer too; an unpackaged one (`npm start`) must name Electron and the app's entry.
 */
export function registerDeepLinks(): void {
  if (process.defaultApp && process.argv[1]) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [
      path.resolve(process.argv[1]),
    ]);
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  }
}

/**
 * Holds links that arrive before the app is ready (macOS sends `open-url` before `ready` when a
 * link launches the app) and hands each to the handler once there is one.
 */
export class DeepLinkInbox {
  private readonly waiting: string[] = [];
  private handler: ((link: DeepLink, url: string) => void) | null = null;

  constructor(private readonly onIgnored: (url: string) => void) {}

  deliver(url: string): void {
    if (!this.handler) {
      this.waiting.push(url);
      return;
    }
    const link = parseDeepLink(url);
    if (link) this.handler(link, url);
    else this.onIgnored(url);
  }

  handleWith(handler: (link: DeepLink, url: string) => void): void {
    this.handler = handler;
    for (const url of this.waiting.splice(0)) this.deliver(url);
  }
}
