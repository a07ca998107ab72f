/**
 * Which URLs the app may navigate to, open as a child window, or hand to the system browser.
 * Plaid Link opens bank OAuth pages in pop-ups from Plaid's own domains; everything else is denied.
 */
const PLAID_HOST = /(^|\.)plaid\.com$/i;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** https on plaid.com or one of its subdomains. */
export function isPlaidUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === 'https:' && PLAID_HOST.test(parsed.hostname);
}

/** Sites the app links to that open in the system browser (help pages, Plaid's dashboard). */
const EXTERNAL_HOSTS = new Set([
  'plaid.com',
  'dashboard.plaid.com',
  'docs.plaid.com',
  'my.plaid.com',
  'github.com',
]);

export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    EXTERNAL_HOSTS.has(parsed.hostname.toLowerCase())
  );
}

/**
 * A Hosted Link page the shell may open in the system browser: Plaid's own (https on
 * plaid.com), or one served by the API address the app was started with (the emulator in demo
 * mode and tests). Only ever a URL the core got from Plaid for a session it opened.
 */
export function isAllowedHostedLinkUrl(url: string, plaidBaseUrl: string | null): boolean {
  if (isPlaidUrl(url)) return true;
  const parsed = parse(url);
  const base = plaidBaseUrl ? parse(plaidBaseUrl) : null;
  return (
    parsed !== null &&
    base !== null &&
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.protocol === base.protocol &&
    parsed.host === base.host
  );
}
