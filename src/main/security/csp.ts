/** Where Plaid Link's script is loaded from (react-plaid-link's constant, and Plaid's rule). */
export const PLAID_LINK_SCRIPT_URL = 'https://cdn.plaid.com/link/v2/stable/link-initialize.js';

const COMMON = [
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/**
 * The app window's Content-Security-Policy: our own bundle and nothing else. Plaid's script never
 * runs here (Link has a page of its own, see `buildLinkCsp`), so no third-party origin is
 * allowed at all. Inline styles are allowed for the charts' and the virtual list's positioning;
 * inline scripts, eval, frames and plugins are not.
 */
export function buildCsp(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "frame-src 'none'",
    "worker-src 'none'",
    ...COMMON,
  ].join('; ');
}

export interface LinkCspOptions {
  /**
   * Another origin that serves a Link script and its frame (the emulator's fake Link in demo
   * mode). Real users never set it.
   */
  linkScriptOrigin?: string | null;
}

/**
 * The Link page's policy: its own small bundle, Plaid Link's script and frame, and Plaid's hosts.
 * Inline styles are allowed because Link positions its overlay with them; Plaid also needs
 * `blob:` workers.
 */
export function buildLinkCsp(options: LinkCspOptions = {}): string {
  const extra = options.linkScriptOrigin ? ` ${options.linkScriptOrigin}` : '';
  return [
    "default-src 'self'",
    `script-src 'self' ${PLAID_LINK_SCRIPT_URL}${extra}`,
    `frame-src https://cdn.plaid.com${extra}`,
    `connect-src 'self' https://*.plaid.com${extra}`,
    "img-src 'self' data: https://*.plaid.com",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    'worker-src blob:',
    ...COMMON,
  ].join('; ');
}

/** Headers every app-window response carries, from the app:// protocol and the host alike. */
export function rendererSecurityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': buildCsp(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // Nothing the app window opens may keep a reference to it.
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** Headers of the Link page. Link's OAuth pop-ups must be able to talk back to it. */
export function linkPageSecurityHeaders(options: LinkCspOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': buildLinkCsp(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
  };
}
