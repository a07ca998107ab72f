import { Configuration, PlaidApi, type RemovedTransaction, type Transaction } from 'plaid';
import { expect } from 'vitest';
import { startPlaidEmulator, type PlaidEmulator, type PlaidEmulatorOptions } from '../src/index';

export const TODAY = '2025-03-14';

export interface Harness {
  emulator: PlaidEmulator;
  plaid: PlaidApi;
}

export async function startHarness(options: PlaidEmulatorOptions = {}): Promise<Harness> {
  const emulator = await startPlaidEmulator({ seed: 42, today: TODAY, ...options });
  return { emulator, plaid: clientFor(emulator) };
}

export function clientFor(
  emulator: PlaidEmulator,
  keys: { clientId?: string; secret?: string } = {},
): PlaidApi {
  return new PlaidApi(
    new Configuration({
      basePath: emulator.url,
      baseOptions: {
        headers: {
          'PLAID-CLIENT-ID': keys.clientId ?? emulator.control.clientId,
          'PLAID-SECRET': keys.secret ?? emulator.control.secret,
        },
      },
    }),
  );
}

/** An SDK client that sends no keys at all (for body-auth and missing-key tests). */
export function keylessClient(emulator: PlaidEmulator): PlaidApi {
  return new PlaidApi(new Configuration({ basePath: emulator.url }));
}

export interface CaughtPlaidError {
  status: number;
  data: Record<string, unknown>;
}

/** Awaits an SDK call that must fail with an HTTP error, returning status and body. */
export async function plaidFailure(call: Promise<unknown>): Promise<CaughtPlaidError> {
  try {
    await call;
  } catch (error) {
    // The SDK rejects with an AxiosError; axios is not a direct dependency, so read it by shape.
    const response = (error as { response?: { status: number; data: unknown } }).response;
    if (response)
      return { status: response.status, data: response.data as Record<string, unknown> };
    throw error;
  }
  throw new Error('expected the call to fail');
}

const PLAID_ERROR_KEYS = new Set([
  'error_type',
  'error_code',
  'error_message',
  'display_message',
  'request_id',
  'documentation_url',
  'suggested_action',
  'causes',
  'error_code_reason',
]);

/** PLAID-NOTES §3: the exact PlaidError shape, with the expected code, type and HTTP status. */
export function expectPlaidError(
  failure: CaughtPlaidError,
  expected: { status: number; type: string; code: string; displayMessage?: 'null' | 'set' },
): void {
  const { status, data } = failure;
  expect({ status, type: data.error_type, code: data.error_code }).toEqual({
    status: expected.status,
    type: expected.type,
    code: expected.code,
  });
  expect(typeof data.error_message).toBe('string');
  expect((data.error_message as string).length).toBeGreaterThan(0);
  expect(data).toHaveProperty('display_message');
  if (expected.displayMessage === 'null') expect(data.display_message).toBeNull();
  if (expected.displayMessage === 'set') expect(typeof data.display_message).toBe('string');
  expect(data.request_id).toMatch(/^[A-Za-z0-9]{15}$/);
  expect(data).not.toHaveProperty('status');
  for (const key of Object.keys(data))
    expect(PLAID_ERROR_KEYS.has(key), `unexpected key ${key}`).toBe(true);
}

/** Raw HTTP for what the SDK cannot send (bad JSON, GET, unknown paths). */
export async function rawPost(
  emulator: PlaidEmulator,
  path: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; data: Record<string, unknown> }> {
  const response = await fetch(emulator.url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, data: (await response.json()) as Record<string, unknown> };
}

export interface SyncRun {
  pages: number;
  cursor: string;
  added: Transaction[];
  modified: Transaction[];
  removed: RemovedTransaction[];
  /** Page index on which each transaction id was added / removed. */
  addedOnPage: Map<string, number>;
  removedOnPage: Map<string, number>;
}

/** Page /transactions/sync to the end the way Plaid documents it, collecting every update. */
export async function syncToEnd(
  plaid: PlaidApi,
  accessToken: string,
  cursor: string | undefined,
  count?: number,
): Promise<SyncRun> {
  const run: SyncRun = {
    pages: 0,
    cursor: cursor ?? '',
    added: [],
    modified: [],
    removed: [],
    addedOnPage: new Map(),
    removedOnPage: new Map(),
  };
  let next = cursor;
  for (;;) {
    const { data } = await plaid.transactionsSync({
      access_token: accessToken,
      cursor: next,
      count,
    });
    expect(data.transactions_update_status).toBe('HISTORICAL_UPDATE_COMPLETE');
    if (count !== undefined) {
      expect(data.added.length + data.modified.length + data.removed.length).toBeLessThanOrEqual(
        count,
      );
    }
    for (const t of data.added) run.addedOnPage.set(t.transaction_id, run.pages);
    for (const r of data.removed) run.removedOnPage.set(r.transaction_id, run.pages);
    run.added.push(...data.added);
    run.modified.push(...data.modified);
    run.removed.push(...data.removed);
    run.pages++;
    next = data.next_cursor;
    if (!data.has_more) break;
  }
  run.cursor = next ?? '';
  return run;
}

/** Apply a sync run to a local store keyed by transaction_id, as an app would (upsert + delete). */
export function applyRun(store: Map<string, Transaction>, run: SyncRun): void {
  for (const t of run.added) store.set(t.transaction_id, t);
  for (const t of run.modified) store.set(t.transaction_id, t);
  for (const r of run.removed) store.delete(r.transaction_id);
}

export function byId<T extends { transaction_id: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((t) => [t.transaction_id, t]));
}
