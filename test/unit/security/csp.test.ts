import { describe, expect, it } from 'vitest';
import { buildCsp, PLAID_LINK_SCRIPT_URL } from '../../../src/main/security/csp';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('the renderer CSP', () => {
  const csp = directives(buildCsp());

  it('allows Plaid Link and nothing else from outside', () => {
    expect(csp.get('script-src')).toEqual(["'self'", PLAID_LINK_SCRIPT_URL]);
    expect(csp.get('frame-src')).toEqual(['https://cdn.plaid.com']);
    expect(csp.get('worker-src')).toEqual(['blob:']);
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('forbids inline script, eval, plugins, base and framing', () => {
    const script = csp.get('script-src')!;
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('adds a Link origin only when asked (demo mode)', () => {
    const demo = directives(buildCsp({ linkOrigin: 'http://127.0.0.1:4010' }));
    expect(demo.get('script-src')).toContain('http://127.0.0.1:4010');
    expect(demo.get('frame-src')).toContain('http://127.0.0.1:4010');
    expect(csp.get('script-src')).not.toContain('http://127.0.0.1:4010');
  });
});
