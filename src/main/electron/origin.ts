/**
 * An origin compared as scheme and host (the host includes the port). Never `URL.origin`: in
 * Node, and so in Electron's main process, a non-special scheme such as `app:` has an opaque
 * origin, and `new URL('app://ledgerlight/').origin` is the string "null" for every app:// URL.
 */
export interface Origin {
  protocol: string;
  host: string;
}

export function originOf(url: string): Origin | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? { protocol: parsed.protocol, host: parsed.host.toLowerCase() } : null;
  } catch {
    return null;
  }
}

export function isSameOrigin(url: string, origin: Origin): boolean {
  const other = originOf(url);
  return other !== null && other.protocol === origin.protocol && other.host === origin.host;
}

/** For logs: `app://ledgerlight`, never a path or a query (they can hold tokens). */
export function describeOrigin(url: string): string {
  const origin = originOf(url);
  return origin ? `${origin.protocol}//${origin.host}` : '(no origin)';
}
