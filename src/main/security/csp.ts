/** Where Plaid Link's script is loaded from (react-plaid-link's constant, and Plaid's rule). */
export const PLAID_LINK_SCRIPT_URL = 'https://cdn.plaid.com/link/v2/stable/link-initialize.js';

export interface CspOptions {
  /**
   * An extra origin that serves a Link script and its frame (the emulator's fake Link in demo
   * mode). Real users never set it.
   */
  linkOrigin?: string | null;
}

/**
 * The renderer's Content-Security-Policy: our own bundle, Plaid Link's script and frame, and
 * nothing else. Inline styles are allowed because Link positions its overlay with them; inline
 * scripts, eval, plugins, <base> and form posts are not.
 */
export function buildCsp(options: CspOptions = {}): string {
  const extra = options.linkOrigin ? ` ${options.linkOrigin}` : '';
  return [
    "default-src 'self'",
    `script-src 'self' ${PLAID_LINK_SCRIPT_URL}${extra}`,
    `frame-src https://cdn.plaid.com${extra}`,
    `connect-src 'self' https://production.plaid.com https://sandbox.plaid.com${extra}`,
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    'worker-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every renderer response carries, from the app:// protocol and the headless host alike. */
export function rendererSecurityHeaders(options: CspOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': buildCsp(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
  };
}
