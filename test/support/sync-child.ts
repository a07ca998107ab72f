/**
 * A Ledgerlight core in a child process, for the crash test: it starts a manual sync and reports
 * each event on stdout. Its secrets come from the environment because the
 * in-memory store cannot cross a process boundary (this is a test fixture, not an app path).
 * It kills itself with SIGKILL at the point CHILD_KILL_AT names.
 */
import { createCore } from '../../src/main/core';
import { silentLogger } from '../../src/main/log';
import { MemorySecretStore } from '../../src/main/secrets/memory-store';
import { secretAccounts } from '../../src/main/secrets/secret-store';

const env = process.env;
const secrets = new MemorySecretStore();
await secrets.set(secretAccounts.plaidClientId('sandbox'), env.CHILD_CLIENT_ID!);
await secrets.set(secretAccounts.plaidSecret('sandbox'), env.CHILD_SECRET!);
await secrets.set(secretAccounts.accessToken(env.CHILD_CONNECTION_ID!), env.CHILD_ACCESS_TOKEN!);
const core = await createCore({
  dataDir: env.CHILD_DATA_DIR!,
  secrets,
  plaidBaseUrl: env.CHILD_EMULATOR_URL!,
  log: silentLogger,
  schedule: false,
  manualCooldownMs: 0,
  retry: { policy: { attempts: 4, baseDelayMs: 2, maxDelayMs: 10 } },
});
// The kill point, e.g. `sync.progress:2`: SIGKILL this very process, synchronously, the moment
// the core emits that event for the n-th time (mid-pagination, or right after the commit).
const [killEvent, killCount] = (env.CHILD_KILL_AT ?? '').split(':');
let seen = 0;
core.events.subscribe((event) => {
  process.stdout.write(`EVENT ${event.name}\n`);
  if (event.name === killEvent && ++seen === Number(killCount ?? 1))
    process.kill(process.pid, 'SIGKILL');
});
const result = await core.invoke('connections.sync', { connectionId: env.CHILD_CONNECTION_ID! });
process.stdout.write(`INVOKED ${JSON.stringify(result.ok)}\n`);
setInterval(() => undefined, 1000);
