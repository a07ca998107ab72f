import http from 'node:http';
import path from 'node:path';
import { startPlaidEmulator, type PlaidEmulator } from '@ledgerlight/plaid-emulator';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../src/main/environment-file';
import { profileDir } from '../../src/main/profiles/paths';
import {
  CHANNEL_NAMES,
  channels,
  ERROR_CODES,
  isChannel,
  type Channel,
} from '../../src/shared/contract';
import { auth } from '../support/http-host';
import { startFuzzHost, type FuzzHost } from './support/input-host';
import {
  breakage,
  hostileKey,
  hostileString,
  hostileValue,
  mutate,
  mutationKind,
  rawBodies,
  toJson,
  VALID_EXAMPLES,
} from './support/input-payloads';

/**
 * Bad input, through the real HTTP host: every channel of the contract gets random and hostile
 * payloads, and valid examples broken one field at a time. Every answer must be the contract's
 * (a value, or `{ error: { code, message } }` with a known code other than INTERNAL and a
 * sentence), never a 500; the host keeps answering; and a refused call leaves the database as it
 * was: `PRAGMA data_version`, read on a second connection before and after it, does not move.
 * First without Plaid keys, then with the emulator's keys saved and one bank linked, so that the
 * calls that need Plaid get past the keys to Plaid's own answers. An accepted call's work (a
 * sync it started) is waited for before the next call is judged.
 *
 * FUZZ_SEED=<n> replays a run; FUZZ_RUNS=<n> sets the number of calls (default 20,000);
 * FUZZ_SLOW=1 prints every call that took over 100 ms.
 */

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 20_000);
const SHARE = { random: 0.25, mutated: 0.45, keyed: 0.25, raw: 0.05 };

let t: FuzzHost;
let emulator: PlaidEmulator;
let agent: http.Agent;
let watched: { file: string; db: BetterSqlite3.Database } | null = null;
const counts = {
  calls: 0,
  ok: 0,
  refused: 0,
  byCode: new Map<string, number>(),
  /** Channels that took at least one fuzzed input: their handlers ran on it to the end. */
  accepted: new Set<string>(),
  /** Channels that got an input their schema takes (so their handler ran), accepted or not. */
  reached: new Set<string>(),
};

function post(name: string, body: string | Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: t.host.port,
        method: 'POST',
        path: `/api/${name}`,
        headers: { ...auth, 'Content-Type': 'application/json' },
        agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function answer<T>(name: string, input: unknown): Promise<T> {
  const res = await post(name, JSON.stringify(input));
  if (res.status !== 200) throw new Error(`${name} was refused: ${res.text}`);
  return JSON.parse(res.text) as T;
}

/** The open ledger's file (a fuzzed call may have switched profile or environment). */
async function watchOpenLedger(): Promise<void> {
  const { currentId } = await answer<{ currentId: string }>('profiles.list', {});
  const { environment } = await answer<{ environment: 'sandbox' | 'production' }>(
    'settings.getPlaid',
    {},
  );
  const file = path.join(profileDir(t.dataDir, currentId), databaseFileName(environment));
  if (watched?.file === file) return;
  watched?.db.close();
  watched = { file, db: new BetterSqlite3(file, { readonly: true, fileMustExist: true }) };
}

function dataVersion(): number {
  return watched!.db.pragma('data_version', { simple: true }) as number;
}

function describeCall(name: string, body: string | Buffer): string {
  const text = body.toString();
  return `${name} ${text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text}`;
}

/** The core's last logged error, for a failure's message. */
function loggedCause(): string {
  const last = t.errors.at(-1);
  if (!last) return '';
  const error = last.fields?.error;
  const detail = error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error);
  return `\nlogged: ${last.message} ${detail}`;
}

const SENTENCE_START = /^[“"‘(A-Z0-9]/;
const SENTENCE_END = /[.?!][”"’)]?$/;

/** One call and the properties every answer has; throws (for fast-check) when one fails. */
async function check(name: string, body: string | Buffer): Promise<void> {
  const started = performance.now();
  try {
    await checkInner(name, body);
  } finally {
    const ms = performance.now() - started;
    if (process.env.FUZZ_SLOW && ms > 100) console.log(`slow ${Math.round(ms)} ms ${name}`);
  }
}

/** Whether the contract takes this body for this channel (then its handler runs on it). */
function passesSchema(name: string, body: string | Buffer): boolean {
  if (!isChannel(name)) return false;
  try {
    const text = body.toString();
    // As the host and the dispatch read it: no body, or null, is an empty input.
    return channels[name].input.safeParse((text.length ? JSON.parse(text) : null) ?? {}).success;
  } catch {
    return false;
  }
}

async function checkInner(name: string, body: string | Buffer): Promise<void> {
  if (passesSchema(name, body)) counts.reached.add(name);
  const before = dataVersion();
  const res = await post(name, body);
  counts.calls += 1;
  const call = describeCall(name, body);
  if (res.status >= 500 && res.status !== 502 && res.status !== 503) {
    throw new Error(`HTTP ${res.status} for ${call}: ${res.text.slice(0, 500)}${loggedCause()}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.text);
  } catch {
    throw new Error(
      `an answer that is not JSON (${res.status}) for ${call}: ${res.text.slice(0, 200)}`,
    );
  }
  if (res.status === 200) {
    counts.ok += 1;
    counts.accepted.add(name);
    // What an accepted call started (a sync) finishes before the next call is judged.
    await t.core.idle();
    // Switching profile or environment opens another file.
    if (/^(profiles|settings)\./.test(name)) await watchOpenLedger();
    return;
  }
  counts.refused += 1;
  const error = (parsed as { error?: { code?: unknown; message?: unknown } }).error;
  const code = String(error?.code);
  counts.byCode.set(code, (counts.byCode.get(code) ?? 0) + 1);

  if (!(ERROR_CODES as readonly string[]).includes(code) || code === 'INTERNAL') {
    throw new Error(
      `error code ${code} (${res.status}) for ${call}: ${res.text.slice(0, 300)}${loggedCause()}`,
    );
  }
  const message = error?.message;
  if (typeof message !== 'string' || !SENTENCE_START.test(message) || !SENTENCE_END.test(message)) {
    throw new Error(`a message that is not a sentence for ${call}: ${JSON.stringify(message)}`);
  }
  const after = dataVersion();
  if (after !== before) {
    throw new Error(`a refused call (${code}) changed the database for ${call}`);
  }
}

async function expectHealthy(): Promise<void> {
  const settings = await answer<object>('settings.get', {});
  expect(settings).toBeTypeOf('object');
}

function runs(share: number): number {
  return Math.ceil(TOTAL_RUNS * share);
}

const withExamples = CHANNEL_NAMES.filter((name) => VALID_EXAMPLES[name] !== undefined);

beforeAll(async () => {
  emulator = await startPlaidEmulator({ seed: SEED % 1000, today: '2026-11-20' });
  // Plaid's own limits would only make the engine wait and retry.
  emulator.control.setRateLimits(false);
  t = await startFuzzHost(emulator.url);
  agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  await watchOpenLedger();
  const missing = CHANNEL_NAMES.filter((name) => VALID_EXAMPLES[name] === undefined);
  console.log(
    `fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${CHANNEL_NAMES.length} channels, ` +
      `${withExamples.length} with a valid example to break` +
      (missing.length ? ` (none yet for: ${missing.join(', ')})` : ''),
  );
});

afterAll(async () => {
  watched?.db.close();
  agent?.destroy();
  await t?.close();
  await emulator?.close();
});

describe('every channel, fed bad input over HTTP', () => {
  it('answers random payloads in the contract and writes nothing when it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNEL_NAMES),
        fc.oneof(
          fc.jsonValue({ maxDepth: 4 }),
          fc.object({ maxDepth: 3 }),
          hostileValue,
          fc.dictionary(hostileKey, hostileValue, { maxKeys: 4 }),
        ),
        async (name, payload) => check(name, toJson(payload)),
      ),
      { seed: SEED, numRuns: runs(SHARE.random) },
    );
    await expectHealthy();
  });

  it('answers valid examples broken one field at a time in the contract', async () => {
    expect(withExamples.length).toBeGreaterThan(CHANNEL_NAMES.length * 0.9);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...withExamples),
        fc.nat(),
        mutationKind,
        breakage,
        async (name: Channel, pick, mutation, broken) =>
          check(name, toJson(mutate(VALID_EXAMPLES[name]!, pick, mutation, broken))),
      ),
      { seed: SEED + 1, numRuns: runs(SHARE.mutated) },
    );
    await expectHealthy();
  });

  it('answers them in the contract with Plaid keys saved, and a refusal from Plaid writes nothing', async () => {
    // Now the calls that need Plaid get past the keys, to the emulator: banks get linked and
    // synced, and Plaid's own refusals (an unknown institution, a second Item) come back.
    // In whichever profile and environment the calls so far left open.
    const { environment } = await answer<{ environment: string }>('settings.getPlaid', {});
    await answer('settings.setPlaid', {
      environment,
      clientId: emulator.control.clientId,
      secret: emulator.control.secret,
    });
    // One bank linked and synced: a second Item for it is refused (after Plaid made it).
    await answer('link.sandboxConnect', { institutionId: 'ins_109508' });
    await t.core.idle();
    await watchOpenLedger();
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...withExamples),
          fc.nat(),
          mutationKind,
          breakage,
          async (name: Channel, pick, mutation, broken) =>
            check(name, toJson(mutate(VALID_EXAMPLES[name]!, pick, mutation, broken))),
        ),
        { seed: SEED + 3, numRuns: runs(SHARE.keyed) },
      );
    } finally {
      const { environment: now } = await answer<{ environment: string }>('settings.getPlaid', {});
      await answer('settings.clearPlaid', { environment: now });
    }
    await expectHealthy();
  });

  it('answers bodies that are not JSON, and channels that do not exist, in the contract', async () => {
    const badName = hostileString
      .filter((s) => s.length > 0 && s.length < 200)
      // Every byte percent-encoded (lone surrogates arrive as U+FFFD, as any client sends them).
      .map((s) =>
        [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''),
      );
    await fc.assert(
      fc.asyncProperty(
        // The host's own two Link endpoints take a body too.
        fc.oneof(fc.constantFrom(...CHANNEL_NAMES, 'link/open', 'link/hosted'), badName),
        rawBodies,
        async (name, body) => check(name, body),
      ),
      { seed: SEED + 2, numRuns: runs(SHARE.raw) },
    );
    await expectHealthy();
  });

  it('made at least 10,000 calls, and the host and this process are unharmed', async () => {
    await expectHealthy();
    // The host runs in this process: a polluted prototype would show here.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // The watch on data_version sees the core's commits (else every refusal would pass it).
    const before = dataVersion();
    await answer('categories.create', { name: `Fuzz check ${SEED}` });
    expect(dataVersion()).not.toBe(before);
    const codes = [...counts.byCode].map(([code, n]) => `${code} ${n}`).join(', ');
    console.log(
      `fuzz: ${counts.calls} calls (seed ${SEED}): ${counts.ok} answered, ` +
        `${counts.refused} refused (${codes}); the database unchanged by every refusal`,
    );
    const unreached = CHANNEL_NAMES.filter((name) => !counts.reached.has(name));
    console.log(
      `fuzz: ${counts.reached.size} of ${CHANNEL_NAMES.length} channels got inputs their schema ` +
        `takes, so their handlers ran (${counts.accepted.size} accepted one: ` +
        `${[...counts.accepted].sort().join(', ')})` +
        (unreached.length ? `; never past validation: ${unreached.join(', ')}` : ''),
    );
    expect(counts.calls).toBeGreaterThanOrEqual(Math.min(TOTAL_RUNS, 10_000));
    // Nothing failed inside the core on the way (an INTERNAL answer fails its call already).
    expect(t.errors.map((e) => e.message)).toEqual([]);
  });
});
