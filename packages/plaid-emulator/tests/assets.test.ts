import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers';

/**
 * The fake Link is shipped as text built from TypeScript functions; these checks catch a script
 * that no longer parses or that reaches for something outside itself (the browser test then
 * exercises the whole flow).
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emulator.close());

describe('served Link assets', () => {
  it('serves link-initialize.js, which installs window.Plaid.create from its own origin', async () => {
    const response = await fetch(`${h.emulator.url}/link/v2/stable/link-initialize.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/javascript/);
    const source = await response.text();
    expect(source).not.toMatch(/\brequire\(|\bimport\s|__dirname|process\./);
    class FakeScript {
      src = 'https://cdn.plaid.com/link/v2/stable/link-initialize.js';
    }
    const window = { location: { origin: 'https://app.example' } } as Record<string, unknown>;
    const document = { currentScript: new FakeScript() };
    new Function('window', 'document', 'HTMLScriptElement', source)(window, document, FakeScript);
    const plaid = window.Plaid as { create: unknown; version: string };
    expect(typeof plaid.create).toBe('function');
    expect(plaid.version).toBe('emulator');
  });

  it('serves link.html with an inline script that parses', async () => {
    const response = await fetch(`${h.emulator.url}/link/v2/stable/link.html`);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect(() => new Function(script!)).not.toThrow();
    expect(script).not.toMatch(/\brequire\(|__dirname|process\./);
  });

  it('does not serve the Link assets over POST or anything else under GET', async () => {
    expect((await fetch(`${h.emulator.url}/link/v2/stable/other.js`)).status).toBe(404);
    expect((await fetch(`${h.emulator.url}/hl/abcdef`, { redirect: 'manual' })).status).toBe(410);
  });
});
