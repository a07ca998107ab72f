import { describe, expect, it } from 'vitest';
import {
  buildCsp,
  buildLinkCsp,
  linkPageSecurityHeaders,
  PLAID_LINK_SCRIPT_URL,
  rendererSecurityHeaders,
} from '../../../src/main/security/csp';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('the app window CSP', () => {
  const csp = directives(buildCsp());

  it('allows our own bundle and nothing from outside: Plaid never runs in the app window', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(buildCsp()).not.toMatch(/plaid/);
  });

  it('forbids inline script, eval, plugins, base and framing', () => {
    const script = csp.get('script-src')!;
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('keeps nothing the app opens attached to it', () => {
    expect(rendererSecurityHeaders()['Cross-Origin-Opener-Policy']).toBe('same-origin');
  });
});

describe('the Link page CSP', () => {
  const csp = directives(buildLinkCsp());

  it('allows Plaid Link’s script, frame and hosts, and nothing else from outside', () => {
    expect(csp.get('script-src')).toEqual(["'self'", PLAID_LINK_SCRIPT_URL]);
    expect(csp.get('frame-src')).toEqual(['https://cdn.plaid.com']);
    expect(csp.get('worker-src')).toEqual(['blob:']);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('adds a Link script origin only when asked (demo mode)', () => {
    const demo = directives(buildLinkCsp({ linkScriptOrigin: 'http://127.0.0.1:4010' }));
    expect(demo.get('script-src')).toContain('http://127.0.0.1:4010');
    expect(demo.get('frame-src')).toContain('http://127.0.0.1:4010');
    expect(csp.get('script-src')).not.toContain('http://127.0.0.1:4010');
  });

  it('lets Link’s OAuth pop-ups talk back to it', () => {
    expect(linkPageSecurityHeaders()['Cross-Origin-Opener-Policy']).toBe(
      'same-origin-allow-popups',
    );
  });
});
