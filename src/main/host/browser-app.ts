import { createCore, type Core, type CoreOptions } from '../core';
import { startLinkPageServer, type LinkPageServer } from '../link-page/server';
import type { Logger } from '../log';
import { startHost, type Host } from './server';

export interface BrowserAppOptions {
  core: Omit<CoreOptions, 'linkPage' | 'log'>;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  token: string;
  /** The app's port (0: any free one). */
  port: number;
  /**
   * The Link page's port. 0 picks a free one, which is fine for Link's pop-up OAuth; a
   * redirect address registered at Plaid needs a fixed one (LEDGERLIGHT_LINK_PORT).
   */
  linkPort: number;
  /** Demo mode: the emulator's Link script. */
  linkScriptUrl?: string | null;
  log: Logger;
}

export interface BrowserApp {
  core: Core;
  host: Host;
  linkPage: LinkPageServer;
  close(): Promise<void>;
}

/** The path of the loopback OAuth redirect, on the Link page's own origin. */
export const OAUTH_PATH = '/oauth';

/**
 * The app in a browser: the core, the host that serves it with its API, and the Link page on
 * an origin of its own, whose one endpoint hands Link's result to the core.
 */
export async function startBrowserApp(options: BrowserAppOptions): Promise<BrowserApp> {
  let core: Core | undefined;
  const linkPage = await startLinkPageServer({
    rendererDir: options.rendererDir,
    port: options.linkPort,
    oauthPath: OAUTH_PATH,
    linkScriptUrl: options.linkScriptUrl ?? null,
    onResult: async (outcome) =>
      core
        ? core.finishLink(outcome)
        : { ok: false, error: { code: 'INTERNAL', message: 'Ledgerlight is still starting.' } },
    onHostedComplete: () => void core?.invoke('link.checkHosted', {}),
    log: options.log,
  });
  try {
    core = await createCore({
      ...options.core,
      log: options.log,
      linkPage: {
        hostedCompletionUri: linkPage.hostedCompletionUrl,
        loopbackRedirectUri: options.linkPort ? `${linkPage.origin}${OAUTH_PATH}` : null,
      },
    });
  } catch (error) {
    await linkPage.close();
    throw error;
  }
  const ready = core;
  const host = await startHost({
    core: ready,
    rendererDir: options.rendererDir,
    token: options.token,
    port: options.port,
    log: options.log,
    linkPage,
  }).catch(async (error: unknown) => {
    await ready.close();
    await linkPage.close();
    throw error;
  });
  return {
    core: ready,
    host,
    linkPage,
    async close() {
      await host.close();
      await linkPage.close();
      await ready.close();
    },
  };
}
