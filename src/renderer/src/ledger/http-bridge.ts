import { fetchEventSource } from '@microsoft/fetch-event-source';
import type {
  Channel,
  InvokeResult,
  LedgerBridge,
  LedgerErrorShape,
  LedgerEvent,
  LinkPageRequest,
} from '../../../shared/contract';

/**
 * The bridge of the headless host: `POST /api/<channel>` and Server-Sent Events on
 * `/api/events`, both with the bearer token. EventSource cannot send headers, so events use a
 * fetch-based SSE client that can.
 *
 * Link opens in a window of its own on the Link page's origin, with no opener: Plaid's script
 * there can neither read this page (which holds the token) nor navigate it. How Link ended comes
 * back from the core as a `link.finished` event.
 */
export function createHttpBridge(token: string): LedgerBridge {
  const headers = { Authorization: `Bearer ${token}` };
  const listeners = new Set<(event: LedgerEvent) => void>();
  let stream: AbortController | null = null;

  function openStream(): void {
    stream = new AbortController();
    void fetchEventSource('/api/events', {
      headers,
      signal: stream.signal,
      openWhenHidden: true,
      onmessage(message) {
        if (!message.event) return;
        const event = { name: message.event, payload: JSON.parse(message.data) } as LedgerEvent;
        for (const listener of listeners) listener(event);
      },
    });
  }

  async function post<T>(path: string, input: unknown): Promise<InvokeResult<T>> {
    let response: Response;
    try {
      response = await fetch(path, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return offline();
    }
    const body = (await response.json().catch(() => null)) as
      { error?: LedgerErrorShape } | null | unknown;
    if (response.ok) return { ok: true, value: body as T };
    const error = (body as { error?: LedgerErrorShape } | null)?.error;
    return {
      ok: false,
      error: error ?? { code: 'INTERNAL', message: `The app answered ${response.status}.` },
    };
  }

  async function openWindow(path: string, request: LinkPageRequest, features: string) {
    const answer = await post<{ url: string }>(path, request);
    if (!answer.ok) return answer;
    window.open(answer.value.url, '_blank', features);
    return { ok: true as const, value: null };
  }

  return {
    invoke<C extends Channel>(channel: C, input: unknown) {
      return post<never>(`/api/${channel}`, input);
    },
    openLink: (request) =>
      openWindow('/api/link/open', request, 'popup,width=480,height=760,noopener,noreferrer'),
    openHostedLink: (request) => openWindow('/api/link/hosted', request, 'noopener,noreferrer'),
    onEvent(listener) {
      listeners.add(listener);
      if (!stream) openStream();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stream?.abort();
          stream = null;
        }
      };
    },
  };
}

function offline(): InvokeResult<never> {
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: 'Ledgerlight is not reachable. Is `npm run serve` running?',
    },
  };
}
