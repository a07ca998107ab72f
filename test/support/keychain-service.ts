import { createRequire } from 'node:module';

/** Deletes every entry of a throwaway keychain service (keytar is what the app itself uses). */
export async function forgetKeychainService(service: string): Promise<void> {
  try {
    const keytar = createRequire(import.meta.url)('keytar') as typeof import('keytar');
    for (const { account } of await keytar.findCredentials(service)) {
      await keytar.deletePassword(service, account);
    }
  } catch {
    // No keychain: nothing was stored either.
  }
}
