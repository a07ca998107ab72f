import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../src/main/secrets/memory-store';
import {
  PrefixedSecretStore,
  profileAccountPrefix,
} from '../../../src/main/secrets/prefixed-store';

describe('a profile’s view of the keychain', () => {
  it('stores under its prefix and sees only its own entries', async () => {
    const keychain = new MemorySecretStore();
    await keychain.set('plaid:sandbox:secret', 'default-secret');
    const family = new PrefixedSecretStore(keychain, profileAccountPrefix('abc'));
    const work = new PrefixedSecretStore(keychain, profileAccountPrefix('def'));

    expect(await family.get('plaid:sandbox:secret')).toBeNull();
    await family.set('plaid:sandbox:secret', 'family-secret');
    await work.set('access-token:conn_1', 'work-token');

    expect(await family.get('plaid:sandbox:secret')).toBe('family-secret');
    expect(await work.get('plaid:sandbox:secret')).toBeNull();
    expect(await keychain.get('plaid:sandbox:secret')).toBe('default-secret');
    expect(await family.accounts()).toEqual(['plaid:sandbox:secret']);
    expect(await work.accounts()).toEqual(['access-token:conn_1']);
    expect([...keychain.snapshot().keys()].sort()).toEqual([
      'plaid:sandbox:secret',
      'profile:abc:plaid:sandbox:secret',
      'profile:def:access-token:conn_1',
    ]);

    expect(await family.delete('plaid:sandbox:secret')).toBe(true);
    expect(await keychain.get('plaid:sandbox:secret')).toBe('default-secret');
  });
});
