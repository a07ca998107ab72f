import type {
  ExitMetadata,
  FromLinkMessage,
  LinkErrorShape,
  SuccessMetadata,
  ToLinkMessage,
} from './protocol';
import { asBrowserScript } from './serialize';

/**
 * link-initialize.js: a stand-in for Plaid's script of that name. It defines window.Plaid.create,
 * whose handler opens the fake Link page in a full-page iframe served from the script's own origin,
 * and turns the page's postMessages into the onSuccess / onExit / onEvent / onLoad callbacks.
 */

interface LinkCreateConfig {
  token?: string | null;
  receivedRedirectUri?: string;
  onSuccess: (publicToken: string, metadata: SuccessMetadata) => void;
  onExit?: (error: LinkErrorShape | null, metadata: ExitMetadata) => void;
  onEvent?: (eventName: string, metadata: unknown) => void;
  onLoad?: () => void;
}

interface LinkHandler {
  open(): void;
  exit(options?: { force?: boolean }): void;
  destroy(): void;
  submit(data: unknown): void;
}

let cached: string | null = null;

export function linkInitializeScript(): string {
  cached ??= asBrowserScript(installFakePlaidLink);
  return cached;
}

function installFakePlaidLink(): void {
  const current = document.currentScript;
  const linkOrigin =
    current instanceof HTMLScriptElement && current.src
      ? new URL(current.src).origin
      : window.location.origin;
  let instances = 0;

  function create(config: LinkCreateConfig): LinkHandler {
    if (!config || typeof config.onSuccess !== 'function') {
      throw new Error('Plaid.create: onSuccess is required');
    }
    instances += 1;
    let frame: HTMLIFrameElement | null = document.createElement('iframe');
    let loaded = false;
    let opened = false;
    let finished = false;
    const hash = new URLSearchParams();
    hash.set('token', config.token ?? '');
    hash.set('origin', window.location.origin);
    if (config.receivedRedirectUri) hash.set('redirect', config.receivedRedirectUri);
    frame.src = `${linkOrigin}/link/v2/stable/link.html#${hash.toString()}`;
    frame.id = `plaid-link-iframe-${instances}`;
    frame.title = 'Plaid Link';
    frame.setAttribute(
      'style',
      'position:fixed;inset:0;width:100%;height:100%;border:0;margin:0;padding:0;z-index:2147483647;display:none;background:transparent;',
    );
    (document.body ?? document.documentElement).appendChild(frame);

    const post = (message: ToLinkMessage) => {
      frame?.contentWindow?.postMessage(message, linkOrigin);
    };
    const hide = () => {
      if (frame) frame.style.display = 'none';
      opened = false;
    };

    const onMessage = (event: MessageEvent) => {
      // Only the iframe this handler created, from the origin it was loaded from, may talk to us.
      if (!frame || event.origin !== linkOrigin || event.source !== frame.contentWindow) return;
      const message = event.data as FromLinkMessage;
      if (!message || message.source !== 'plaid-link-emulator') return;
      switch (message.type) {
        case 'loaded':
          loaded = true;
          if (config.onLoad) config.onLoad();
          if (opened) post({ source: 'plaid-link-emulator', type: 'open' });
          break;
        case 'event':
          if (config.onEvent) config.onEvent(message.name, message.metadata);
          break;
        case 'success':
          finished = true;
          hide();
          config.onSuccess(message.publicToken, message.metadata);
          break;
        case 'exit':
          finished = true;
          hide();
          if (config.onExit) config.onExit(message.error, message.metadata);
          break;
        case 'redirect':
          // OAuth with a redirect_uri: the whole page goes to the bank, as with real Link.
          window.location.assign(message.url);
          break;
      }
    };
    window.addEventListener('message', onMessage);

    return {
      open() {
        if (!frame) return;
        finished = false;
        opened = true;
        frame.style.display = 'block';
        if (loaded) post({ source: 'plaid-link-emulator', type: 'open' });
      },
      exit(options) {
        if (!frame || finished) return;
        if (!loaded) {
          hide();
          if (config.onExit) {
            config.onExit(null, {
              status: null,
              institution: null,
              link_session_id: '',
              request_id: '',
            });
          }
          return;
        }
        post({ source: 'plaid-link-emulator', type: 'exit', force: options?.force === true });
      },
      destroy() {
        window.removeEventListener('message', onMessage);
        if (frame) frame.remove();
        frame = null;
      },
      submit() {
        // Layer / Remember Me submissions are not emulated.
      },
    };
  }

  const plaid = {
    version: 'emulator',
    create,
    createEmbedded(): never {
      throw new Error('Plaid.createEmbedded is not emulated; use Plaid.create');
    },
  };
  (window as unknown as { Plaid: typeof plaid }).Plaid = plaid;
}
