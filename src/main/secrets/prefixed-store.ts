import type { SecretStore } from './secret-store';

/**
 * One profile's view of the keychain: every account name gets the profile's prefix, so two
 * profiles' Plaid keys and access tokens never share an entry, and one profile cannot read
 * another's. The default profile uses the store unwrapped, under the names it always had.
 */
export class PrefixedSecretStore implements SecretStore {
  constructor(
    private readonly inner: SecretStore,
    private readonly prefix: string,
  ) {}

  get(account: string): Promise<string | null> {
    return this.inner.get(this.prefix + account);
  }

  set(account: string, value: string): Promise<void> {
    return this.inner.set(this.prefix + account, value);
  }

  delete(account: string): Promise<boolean> {
    return this.inner.delete(this.prefix + account);
  }

  async accounts(): Promise<string[]> {
    return (await this.inner.accounts())
      .filter((account) => account.startsWith(this.prefix))
      .map((account) => account.slice(this.prefix.length));
  }
}

/** Where a profile's own account names start in the shared keychain service. */
export const PROFILE_ACCOUNT_PREFIX = 'profile:';

/** Account names of a profile other than the default one start with this. */
export function profileAccountPrefix(profileId: string): string {
  return `${PROFILE_ACCOUNT_PREFIX}${profileId}:`;
}
