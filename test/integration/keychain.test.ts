import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { KeychainSecretStore } from '../../src/main/secrets/keychain-store';

/**
 * Against the real OS keychain (libsecret + gnome-keyring in CI, inside dbus-run-session). A
 * service name of its own keeps these entries apart from a developer's real Ledgerlight keys.
 */
const service = `Ledgerlight-test-${crypto.randomUUID()}`;
const store = new KeychainSecretStore(service);
const used = new Set<string>();
const account = (name: string) => {
  used.add(name);
  return name;
};

afterAll(async () => {
  for (const name of used) await store.delete(name).catch(() => undefined);
});

describe('the keychain secret store', () => {
  it('sets, gets, overwrites and deletes a secret', async () => {
    const name = account('plaid:sandbox:secret');
    expect(await store.get(name)).toBeNull();
    await store.set(name, 'first-value');
    expect(await store.get(name)).toBe('first-value');
    await store.set(name, 'second-value ✓ with unicode');
    expect(await store.get(name)).toBe('second-value ✓ with unicode');
    expect(await store.delete(name)).toBe(true);
    expect(await store.get(name)).toBeNull();
    expect(await store.delete(name)).toBe(false);
  });

  it('keeps accounts and services apart', async () => {
    const a = account('access-token:conn_a');
    const b = account('access-token:conn_b');
    await store.set(a, 'token-a');
    await store.set(b, 'token-b');
    expect(await store.get(a)).toBe('token-a');
    expect(await store.get(b)).toBe('token-b');
    expect(await new KeychainSecretStore(`${service}-other`).get(a)).toBeNull();
  });

  it('answers KEYCHAIN_UNAVAILABLE, not a plaintext fallback, when no Secret Service is reachable', async () => {
    // libsecret picks its D-Bus connection once per process, so the unreachable case runs in a
    // child whose session bus address points nowhere.
    const script = path.join(import.meta.dirname, '../support/keychain-probe.ts');
    const tsx = path.join(import.meta.dirname, '../../node_modules/.bin/tsx');
    const { stdout } = await promisify(execFile)(tsx, [script, service], {
      env: {
        ...process.env,
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/ledgerlight-bus',
        DISPLAY: '',
      },
      timeout: 20_000,
    });
    const result = JSON.parse(stdout.trim().split('\n').pop()!) as {
      code: string;
      message: string;
    }[];
    expect(result.map((r) => r.code)).toEqual([
      'KEYCHAIN_UNAVAILABLE',
      'KEYCHAIN_UNAVAILABLE',
      'KEYCHAIN_UNAVAILABLE',
    ]);
    expect(result[0]!.message).toMatch(/keychain is not reachable/);
  });
});
