import type { LinkService } from '../link-sessions';
import type { EmulatorState } from '../state';
import type { ObjectFields } from '../validate';
import type { Wire } from '../wire';

export interface RouteContext<Req> {
  body: Req;
  requestId: string;
  state: EmulatorState;
  link: LinkService;
  /** The emulator's own origin, e.g. http://127.0.0.1:4010. */
  baseUrl: string;
}

export interface ApiRoute {
  path: string;
  fields: ObjectFields;
  /** Plaid API routes need the keys; the fake Link page's own endpoints do not. */
  authenticated: boolean;
  handle(ctx: RouteContext<Record<string, unknown>>): unknown;
  /** Whether a call is part-way through a pagination (for mid-pagination scenarios). */
  midPagination?(ctx: RouteContext<Record<string, unknown>>): boolean;
}

/**
 * A Plaid endpoint whose handler must return the SDK's own response type (with enums as their
 * string values): a misspelt or missing field is a compile error here, not a surprise in a client.
 */
export function plaidRoute<Req, Res extends { request_id: string }>(route: {
  path: string;
  fields: ObjectFields;
  handle: (ctx: RouteContext<Wire<Req>>) => Wire<Res> | Promise<Wire<Res>>;
  midPagination?: (ctx: RouteContext<Wire<Req>>) => boolean;
}): ApiRoute {
  // The server validated the body against `fields` before calling, which is what makes it a Req.
  const typed = (ctx: RouteContext<Record<string, unknown>>) =>
    ctx as unknown as RouteContext<Wire<Req>>;
  const { midPagination } = route;
  return {
    path: route.path,
    fields: route.fields,
    authenticated: true,
    handle: (ctx) => route.handle(typed(ctx)),
    midPagination: midPagination ? (ctx) => midPagination(typed(ctx)) : undefined,
  };
}

/** An endpoint of the fake Link page (not part of Plaid's API). */
export function linkUiRoute<Req, Res>(route: {
  path: string;
  fields: ObjectFields;
  handle: (ctx: RouteContext<Req>) => Res;
}): ApiRoute {
  return {
    path: route.path,
    fields: route.fields,
    authenticated: false,
    handle: (ctx) => route.handle(ctx as unknown as RouteContext<Req>),
  };
}
