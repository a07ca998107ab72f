import { fetchEventSource } from '@microsoft/fetch-event-source';
import type {
  Channel,
  InvokeResult,
  LedgerBridge,
  LedgerErrorShape,
  LedgerEvent,
} from '../../../shared/contract';

/**
 * The bridge of the headless host: `POST /api/<channel>` and Server-Sent Events on
 * `/api/events`, both with the bearer token. EventSource cannot send headers, so events use a
 * fetch-based SSE client that can.
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

  return {
    async invoke<C extends Channel>(channel: C, input: unknown) {
      let response: Response;
      try {
        response = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return offline();
      }
      const body = (await response.json().catch(() => null)) as
        { error?: LedgerErrorShape } | null | unknown;
      if (response.ok) return { ok: true, value: body } as InvokeResult<never>;
      const error = (body as { error?: LedgerErrorShape } | null)?.error;
      return {
        ok: false,
        error: error ?? { code: 'INTERNAL', message: `The app answered ${response.status}.` },
      };
    },
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
