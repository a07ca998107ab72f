import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate } from './auth';
import { PlaidApiError } from './errors';
import { linkInitializeScript } from './link/script';
import { linkPageHtml } from './link/page';
import type { LinkService } from './link-sessions';
import { redact } from './calls';
import { ROUTES_BY_PATH } from './routes';
import type { RouteContext } from './routes/route';
import type { EmulatorState } from './state';
import { validateRequest } from './validate';

const MAX_BODY_BYTES = 1_000_000;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

interface Outcome {
  status: number | null;
  body: unknown;
  itemId: string | null;
  injected: string[];
  dropped: boolean;
  truncated: boolean;
}

/**
 * The HTTP face of the emulator: node:http, 127.0.0.1 only. Each API call runs the same pipeline
 * as Plaid's edge would: route, JSON body, keys, request validation, rate limits, then any injected
 * scenario, then the handler.
 */
export async function startServer(
  state: EmulatorState,
  link: LinkService,
  port: number,
): Promise<RunningServer> {
  const pendingDelays = new Set<() => void>();
  let closed = false;
  let baseUrl = '';

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Only a bug gets here; answer like Plaid's own 500 rather than hanging the client.
      console.error('[plaid-emulator] unhandled error', error);
      if (!res.headersSent)
        sendJson(res, 500, new PlaidApiError('INTERNAL_SERVER_ERROR').body(state.newRequestId()));
    });
  });

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        pendingDelays.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      pendingDelays.add(done);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && serveStatic(url, res)) return;

    const startedMs = state.clock.nowMs();
    const requestId = state.newRequestId();
    const path = url.pathname;
    let rawBody: unknown = undefined;
    const outcome = await run();
    if (outcome.dropped || closed) {
      req.socket.destroy();
    } else if (outcome.status !== null) {
      const json = JSON.stringify(outcome.body);
      if (outcome.truncated) sendTruncated(res, outcome.status, json);
      else sendJson(res, outcome.status, outcome.body, json);
    }
    const body = outcome.body as { error_code?: string; error_type?: string } | null;
    state.calls.add({
      time: new Date(startedMs).toISOString(),
      endpoint: path,
      itemId: outcome.itemId,
      status: outcome.dropped ? null : outcome.status,
      errorCode:
        outcome.status !== null && outcome.status >= 400 ? (body?.error_code ?? null) : null,
      errorType:
        outcome.status !== null && outcome.status >= 400 ? (body?.error_type ?? null) : null,
      requestId,
      durationMs: Math.max(0, state.clock.nowMs() - startedMs),
      request: redact(rawBody),
      injected: outcome.injected,
      dropped: outcome.dropped,
      truncated: outcome.truncated,
    });

    async function run(): Promise<Outcome> {
      const outcome: Outcome = {
        status: 200,
        body: null,
        itemId: null,
        injected: [],
        dropped: false,
        truncated: false,
      };
      const fail = (error: PlaidApiError): Outcome => {
        outcome.status = error.status;
        outcome.body = error.body(requestId);
        return outcome;
      };
      const route = req.method === 'POST' ? ROUTES_BY_PATH.get(path) : undefined;
      if (!route) {
        await drain(req);
        return fail(
          new PlaidApiError('NOT_FOUND', `the requested endpoint ${path} does not exist`),
        );
      }
      let body: Record<string, unknown>;
      try {
        body = await readJsonObject(req);
        rawBody = body;
      } catch (error) {
        if (error instanceof PlaidApiError) return fail(error);
        throw error;
      }
      try {
        const clientId = route.authenticated
          ? authenticate(req.headers, body, {
              clientId: state.options.clientId,
              secret: state.options.secret,
            })
          : 'link';
        validateRequest(body, route.fields);
        const item = state.peekItem(body.access_token);
        outcome.itemId = item?.itemId ?? null;
        const ctx: RouteContext<Record<string, unknown>> = {
          body,
          requestId,
          state,
          link,
          baseUrl,
        };
        if (route.authenticated) {
          const limited = state.rateLimiter.check(
            path,
            clientId,
            outcome.itemId,
            state.clock.nowMs(),
          );
          if (limited) return fail(new PlaidApiError(limited));
        }
        const effect = state.scenarios.evaluate({
          endpoint: path,
          itemId: outcome.itemId,
          midPagination: route.midPagination?.(ctx) ?? false,
          rateLimitCode: state.rateLimiter.codeFor(path),
          linkUi: !route.authenticated,
        });
        outcome.injected = effect.fired;
        if (effect.latencyMs > 0) await sleep(effect.latencyMs);
        if (effect.drop) {
          outcome.dropped = true;
          return outcome;
        }
        outcome.truncated = effect.truncate;
        if (effect.error) {
          // A login failure is a state of the Item, not of one response: it stays until repaired.
          if (effect.error.code === 'ITEM_LOGIN_REQUIRED' && item) item.error = effect.error;
          return fail(effect.error);
        }
        outcome.body = await route.handle(ctx);
        return outcome;
      } catch (error) {
        if (error instanceof PlaidApiError) return fail(error);
        throw error;
      }
    }
  }

  function serveStatic(url: URL, res: ServerResponse): boolean {
    if (url.pathname === '/link/v2/stable/link-initialize.js') {
      send(res, 200, 'application/javascript; charset=utf-8', linkInitializeScript());
      return true;
    }
    if (url.pathname === '/link/v2/stable/link.html') {
      send(res, 200, 'text/html; charset=utf-8', linkPageHtml());
      return true;
    }
    const hosted = /^\/hl\/([0-9a-f]+)$/.exec(url.pathname);
    if (hosted) {
      const record = link.hostedRecord(hosted[1] as string);
      if (!record) {
        send(
          res,
          410,
          'text/html; charset=utf-8',
          '<!doctype html><title>Link expired</title><p>This link has expired.</p>',
        );
      } else {
        res.writeHead(302, {
          Location: `/link/v2/stable/link.html#token=${encodeURIComponent(record.token)}&hosted=1`,
        });
        res.end();
      }
      return true;
    }
    return false;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${address.port}`;

  return {
    url: baseUrl,
    close: async () => {
      if (closed) return;
      closed = true;
      for (const wake of [...pendingDelays]) wake();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function send(res: ServerResponse, status: number, contentType: string, text: string): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  json = JSON.stringify(body),
): void {
  send(res, status, 'application/json; charset=utf-8', json);
}

/** Promise more bytes than are sent, then hang up: the client sees a body cut short. */
function sendTruncated(res: ServerResponse, status: number, json: string): void {
  const bytes = Buffer.from(json, 'utf8');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': bytes.length,
  });
  res.write(bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2))), () => {
    res.socket?.destroy();
  });
}

async function drain(req: IncomingMessage): Promise<void> {
  for await (const chunk of req) void chunk;
}

async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new PlaidApiError('INVALID_BODY', 'request body is too large');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new PlaidApiError('INVALID_BODY', 'body could not be parsed as JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new PlaidApiError('INVALID_BODY', 'body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}
