/**
 * A Ledgerlight core in a child process for the crash-point suite, bundled once with esbuild and
 * run with plain `node` (tsx would cost a second per start). It does one thing a person does —
 * link a bank, sync, resync, disconnect, or just start the app and let it settle — and SIGKILLs
 * itself at the point CRASH_JOB names: before or after the n-th SQL write statement of the
 * process, or before or after a keychain write or delete of an access token. Time-based kills
 * come from the parent's timers.
 */
import BetterSqlite3 from 'better-sqlite3';
import { createCore } from '../../../src/main/core';
import { silentLogger } from '../../../src/main/log';
import { KeychainSecretStore } from '../../../src/main/secrets/keychain-store';
import { MemorySecretStore } from '../../../src/main/secrets/memory-store';
import type { SecretStore } from '../../../src/main/secrets/secret-store';
import type { Connection } from '../../../src/shared/model';
import type { CrashJob } from './crash-job';
import { FileSecretStore } from './crash-file-secrets';

const job = JSON.parse(process.env.CRASH_JOB!) as CrashJob;
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};
let writes = 0;
let matching = 0;
const kill = job.kill;
const pattern = kill?.kind === 'sql' ? new RegExp(kill.pattern, 'i') : null;

/** Whether this write is the chosen one: the n-th of all, or the n-th whose SQL matches. */
function chosen(sql: string): boolean {
  writes += 1;
  if (kill?.kind === 'write') return writes === kill.n;
  if (pattern?.test(sql)) return ++matching === (kill as { n: number }).n;
  return false;
}

// Every write the core makes goes through Statement#run (transactions' BEGIN and COMMIT too)
// or Database#exec: count them and die before or after the chosen one.
function counted<A extends unknown[], R>(
  original: (...args: A) => R,
  sqlOf: (self: unknown, args: A) => string,
) {
  return function (this: unknown, ...args: A): R {
    const here = chosen(sqlOf(this, args));
    if (here && !(kill as { after: boolean }).after) die();
    const result = original.apply(this, args);
    if (here) die();
    return result;
  };
}
const probe = new BetterSqlite3(':memory:');
const statementPrototype = Object.getPrototypeOf(probe.prepare('SELECT 1')) as {
  run: (...args: unknown[]) => unknown;
};
probe.close();
statementPrototype.run = counted(
  statementPrototype.run,
  (self) => (self as { source: string }).source,
);
const databasePrototype = BetterSqlite3.prototype as unknown as {
  exec: (...args: unknown[]) => unknown;
};
databasePrototype.exec = counted(databasePrototype.exec, (_self, args) => String(args[0]));

/** The store the app would use, with kills around access-token writes and deletes. */
class KillingStore implements SecretStore {
  constructor(private readonly inner: SecretStore) {}
  get(account: string) {
    return this.inner.get(account);
  }
  async set(account: string, value: string) {
    this.at('set', account, false);
    await this.inner.set(account, value);
    this.at('set', account, true);
  }
  async delete(account: string) {
    this.at('delete', account, false);
    const deleted = await this.inner.delete(account);
    this.at('delete', account, true);
    return deleted;
  }
  accounts() {
    return this.inner.accounts();
  }
  private at(op: 'set' | 'delete', account: string, after: boolean) {
    if (kill?.kind === 'secret' && kill.op === op && kill.after === after) {
      if (account.startsWith('access-token:')) die();
    }
  }
}

async function openSecrets(): Promise<SecretStore> {
  if (job.secrets.kind === 'keychain') return new KeychainSecretStore(job.secrets.service);
  if (job.secrets.kind === 'file') return new FileSecretStore(job.secrets.file);
  const memory = new MemorySecretStore();
  for (const [account, value] of Object.entries(job.secrets.entries)) {
    await memory.set(account, value);
  }
  return memory;
}

const core = await createCore({
  dataDir: job.dataDir,
  secrets: new KillingStore(await openSecrets()),
  plaidBaseUrl: job.plaidBaseUrl,
  log: silentLogger,
  schedule: false,
  manualCooldownMs: 0,
  retry: { policy: { attempts: 4, baseDelayMs: 2, maxDelayMs: 10 } },
});

async function invoke(channel: string, input: unknown) {
  const result = await core.invoke(channel as never, input);
  return result.ok ? { ok: true as const } : { ok: false as const, code: result.error.code };
}

const outcome: Record<string, unknown> = {};
if (job.action.kind === 'link') {
  outcome.link = await invoke('link.exchange', {
    publicToken: job.action.publicToken,
    institution: null,
    accounts: [],
  });
} else if (job.action.kind === 'sync' || job.action.kind === 'resync') {
  outcome.sync = await invoke(`connections.${job.action.kind}`, {
    connectionId: job.action.connectionId,
  });
} else if (job.action.kind === 'disconnect') {
  outcome.disconnect = await invoke('connections.disconnect', {
    connectionId: job.action.connectionId,
  });
} else if (job.action.kind === 'settle') {
  // The app started again: the person syncs what is listed, and disconnects again what they
  // had asked to disconnect when the app died.
  const listed = await core.invoke('connections.list', {});
  if (!listed.ok) throw new Error(listed.error.message);
  for (const connection of listed.value as Connection[]) {
    if (connection.status === 'DISCONNECTED') continue;
    const name = job.action.disconnect?.includes(connection.id) ? 'disconnect' : 'sync';
    outcome[connection.id] = await invoke(`connections.${name}`, { connectionId: connection.id });
  }
}
await core.idle();
await core.close();
process.stdout.write(`DONE ${JSON.stringify({ writes, matching, outcome })}\n`);
process.exit(0);
