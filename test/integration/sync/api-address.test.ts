import { startPlaidEmulator, type PlaidEmulator } from '@ledgerlight/plaid-emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { secretAccounts } from '../../../src/main/secrets/secret-store';
import { linkSandbox, startHarness, type Harness } from '../../support/sync-harness';

let h: Harness | undefined;
let other: PlaidEmulator | undefined;
afterEach(async () => {
  await h?.close();
  await other?.close();
  h = undefined;
  other = undefined;
});

const CONNECTION_CALLS = ['/transactions/sync', '/item/get', '/accounts/get', '/item/remove'];

describe('the Plaid API address', () => {
  it('is no input: settings.setPlaid with a base URL is refused and nothing is saved', async () => {
    h = await startHarness();
    const before = await h.call('settings.getPlaid');
    const error = await h.failure('settings.setPlaid', {
      environment: 'sandbox',
      clientId: 'someone-else',
      secret: 'their-secret',
      baseUrl: 'https://attacker.example',
    });
    expect(error.code).toBe('VALIDATION');
    expect(await h.call('settings.getPlaid')).toEqual(before);
    expect(await h.secrets.get(secretAccounts.plaidClientId('sandbox'))).toBe(
      h.emulator.control.clientId,
    );
  });

  it('a connection’s access token only ever goes to the address that issued it', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const issuer = h.emulator;
    const { connectionId, itemId, token } = await linkSandbox(h);

    // The app is started again pointed somewhere else (another emulator with the same keys).
    other = await startPlaidEmulator({
      seed: 8,
      rateLimits: false,
      clientId: issuer.control.clientId,
      secret: issuer.control.secret,
    });
    await h.restart({ plaidBaseUrl: other.url });
    expect((await h.call('settings.getPlaid')).baseUrl).toBe(other.url);
    issuer.control.resetCalls();

    // Sync, update mode and disconnect of the old connection still go to its own issuer…
    issuer.control.advance({ days: 3, itemId });
    await h.call('connections.sync', { connectionId });
    await h.core.idle();
    expect((await h.call('connections.logs', { connectionId }))[0]!.status).toBe('succeeded');
    await h.call('link.createToken', { connectionId });
    await h.call('connections.disconnect', { connectionId });
    const issuerCalls = issuer.control.calls().map((c) => c.endpoint);
    for (const endpoint of [
      '/transactions/sync',
      '/item/get',
      '/item/remove',
      '/link/token/create',
    ]) {
      expect(issuerCalls).toContain(endpoint);
    }
    // …and the new address never saw the token, nor any call about that connection.
    const strangerCalls = other.control.calls();
    expect(strangerCalls.filter((c) => CONNECTION_CALLS.includes(c.endpoint))).toEqual([]);
    expect(JSON.stringify(strangerCalls)).not.toContain(token);

    // A new bank is linked through the address the app runs with now, and remembers it.
    const second = await linkSandbox(h, 'ins_109511');
    expect(other.control.items().map((i) => i.itemId)).toContain(second.itemId);
    issuer.control.resetCalls();
    await h.call('connections.sync', { connectionId: second.connectionId });
    await h.core.idle();
    expect(issuer.control.calls()).toEqual([]);
  });
});
