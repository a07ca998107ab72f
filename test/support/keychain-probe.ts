/**
 * Run as a child process by the keychain test: tries get, set and delete against whatever Secret
 * Service the environment points at and prints the error codes as one JSON line.
 */
import { KeychainSecretStore } from '../../src/main/secrets/keychain-store';
import { LedgerError } from '../../src/shared/errors';

const store = new KeychainSecretStore(process.argv[2] ?? 'Ledgerlight-probe');
const outcomes: { code: string; message: string }[] = [];
for (const attempt of [
  () => store.get('probe'),
  () => store.set('probe', 'must-not-be-written-anywhere'),
  () => store.delete('probe'),
]) {
  try {
    await attempt();
    outcomes.push({ code: 'OK', message: '' });
  } catch (error) {
    outcomes.push(
      error instanceof LedgerError
        ? { code: error.code, message: error.message }
        : { code: 'UNEXPECTED', message: String(error) },
    );
  }
}
process.stdout.write(JSON.stringify(outcomes) + '\n');
