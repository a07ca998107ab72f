import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startPlaidEmulator, type PlaidEmulator } from '@ledgerlight/plaid-emulator';
import { createCore, type Core } from '../../src/main/core';
import { databaseFileName } from '../../src/main/environment-file';
import { silentLogger } from '../../src/main/log';
import { KeychainSecretStore } from '../../src/main/secrets/keychain-store';
import { secretAccounts } from '../../src/main/secrets/secret-store';
import type { Channel, ChannelOutput, LedgerEvent } from '../../src/shared/contract';
import { EMULATOR_TODAY } from '../support/sync-harness';
import { tempDir } from '../support/temp-dir';

/**
 * Profiles through the real core: a real SQLite file per profile, the Plaid emulator over HTTP,
 * and the REAL keychain (run under scripts/with-test-keyring.sh) in a throwaway service, so these
 * entries never meet a developer's own Ledgerlight keys.
 */
const service = `Ledgerlight-profiles-test-${crypto.randomUUID()}`;
const keychain = new KeychainSecretStore(service);

afterAll(async () => {
  for (const account of await keychain.accounts()) await keychain.delete(account);
});

interface Running {
  core: Core;
  emulator: PlaidEmulator;
  dataDir: string;
  events: LedgerEvent[];
  call<C extends Channel>(channel: C, input?: unknown): Promise<ChannelOutput<C>>;
  refusal(channel: Channel, input?: unknown): Promise<{ code: string; message: string }>;
  restart(): Promise<void>;
}

const running: Running[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.core.close();
    await r.emulator.close();
  }
});

async function start(dataDir = tempDir()): Promise<Running> {
  const emulator = await startPlaidEmulator({ seed: 11, today: EMULATOR_TODAY, rateLimits: false });
  const events: LedgerEvent[] = [];
  const open = async () => {
    const core = await createCore({
      dataDir,
      secrets: keychain,
      plaidBaseUrl: emulator.url,
      log: silentLogger,
      schedule: false,
      retry: { policy: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } },
    });
    core.events.subscribe((event) => events.push(event));
    return core;
  };
  const r: Running = {
    core: await open(),
    emulator,
    dataDir,
    events,
    async call(channel, input = {}) {
      const result = await r.core.invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    async refusal(channel, input = {}) {
      const result = await r.core.invoke(channel, input);
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return result.error;
    },
    async restart() {
      await r.core.close();
      r.core = await open();
    },
  };
  running.push(r);
  return r;
}

async function saveKeys(r: Running): Promise<void> {
  await r.call('settings.setPlaid', {
    environment: 'sandbox',
    clientId: r.emulator.control.clientId,
    secret: r.emulator.control.secret,
  });
}

async function linkBank(r: Running): Promise<string> {
  const linked = await r.call('link.sandboxConnect', { institutionId: 'ins_109508' });
  await r.core.idle();
  return linked.connectionId;
}

/** A sentence for a person: a capital, an end stop, no doubled punctuation, no schema words. */
function expectSentence(message: string): void {
  expect(message).toMatch(/^[A-Z"]/);
  expect(message).toMatch(/[.!?]$/);
  expect(message).not.toMatch(/\.\.|,,|undefined|null|\bid\b|strictObject|expected/);
}

describe('profiles', () => {
  it('keeps a ledger from before profiles where it was, as the default profile', async () => {
    const r = await start();
    await saveKeys(r);
    const connectionId = await linkBank(r);
    const databasePath = path.join(r.dataDir, databaseFileName('sandbox'));
    expect(fs.existsSync(databasePath)).toBe(true);
    // The keychain names are the ones Ledgerlight always used.
    expect(await keychain.get(secretAccounts.accessToken(connectionId))).toMatch(/^access-/);
    expect(await keychain.get(secretAccounts.plaidSecret('sandbox'))).toBe(
      r.emulator.control.secret,
    );

    const list = await r.call('profiles.list');
    expect(list.profiles).toEqual([
      expect.objectContaining({ id: 'default', name: 'Personal', isDefault: true, current: true }),
    ]);
    expect((await r.call('settings.get')).databasePath).toBe(databasePath);
    // Reading the list writes nothing: the data folder is exactly as it was.
    expect(fs.existsSync(path.join(r.dataDir, 'profiles.json'))).toBe(false);
    expect(fs.existsSync(path.join(r.dataDir, 'profiles'))).toBe(false);

    await r.restart();
    expect((await r.call('connections.list')).map((c) => c.id)).toEqual([connectionId]);
  });

  it('creates, switches, keeps data and keys apart both ways, renames and deletes', async () => {
    const r = await start();
    await saveKeys(r);
    const personalConnection = await linkBank(r);
    const personalRows = (await r.call('transactions.list', {})).items.map((t) => t.id);
    expect(personalRows.length).toBeGreaterThan(0);

    const family = await r.call('profiles.create', { name: '  Family  ' });
    expect(family).toMatchObject({ name: 'Family', isDefault: false, current: false });
    // Creating does not open it.
    expect((await r.call('connections.list')).map((c) => c.id)).toEqual([personalConnection]);

    r.events.length = 0;
    const switched = await r.call('profiles.switch', { id: family.id });
    expect(switched.currentId).toBe(family.id);
    expect(r.events).toContainEqual({
      name: 'profiles.switched',
      payload: { profileId: family.id },
    });

    // Nothing of Personal is visible in Family: no connection, no rows, no keys.
    expect(await r.call('connections.list')).toEqual([]);
    expect((await r.call('transactions.list', {})).items).toEqual([]);
    expect(await r.call('settings.getPlaid')).toMatchObject({
      clientIdSet: false,
      secretSet: false,
    });
    const familyDir = path.join(r.dataDir, 'profiles', family.id);
    expect((await r.call('settings.get')).databasePath).toBe(
      path.join(familyDir, databaseFileName('sandbox')),
    );

    // Family gets its own keys and its own bank.
    await saveKeys(r);
    const familyConnection = await linkBank(r);
    expect(familyConnection).not.toBe(personalConnection);
    const familyRows = (await r.call('transactions.list', {})).items.map((t) => t.id);
    expect(familyRows.some((id) => personalRows.includes(id))).toBe(false);
    const prefix = `profile:${family.id}:`;
    expect(await keychain.get(prefix + secretAccounts.accessToken(familyConnection))).toMatch(
      /^access-/,
    );
    expect(await keychain.get(secretAccounts.accessToken(familyConnection))).toBeNull();
    // Family removes its keys; Personal's stay.
    await r.call('settings.clearPlaid', { environment: 'sandbox' });
    expect(await keychain.get(secretAccounts.plaidSecret('sandbox'))).toBe(
      r.emulator.control.secret,
    );
    await saveKeys(r);

    // …and nothing of Family is visible in Personal.
    await r.call('profiles.switch', { id: 'default' });
    expect((await r.call('connections.list')).map((c) => c.id)).toEqual([personalConnection]);
    const rowsBack = (await r.call('transactions.list', {})).items.map((t) => t.id);
    expect(rowsBack.sort()).toEqual([...personalRows].sort());
    expect(rowsBack.some((id) => familyRows.includes(id))).toBe(false);
    const failure = await r.refusal('connections.sync', { connectionId: familyConnection });
    expect(failure.code).toBe('NOT_FOUND');

    // The open profile is remembered across a restart.
    await r.call('profiles.switch', { id: family.id });
    await r.restart();
    expect((await r.call('profiles.list')).currentId).toBe(family.id);
    expect((await r.call('connections.list')).map((c) => c.id)).toEqual([familyConnection]);
    await r.call('profiles.switch', { id: 'default' });

    // Rename: trimmed, unique whatever the case.
    const renamed = await r.call('profiles.rename', { id: family.id, name: 'Household ' });
    expect(renamed.name).toBe('Household');
    const clash = await r.refusal('profiles.rename', { id: family.id, name: 'PERSONAL' });
    expect(clash.code).toBe('CONFLICT');
    expect(clash.message).toBe(
      'There is already a profile called "Personal". Choose another name.',
    );
    expectSentence(clash.message);
    const duplicate = await r.refusal('profiles.create', { name: 'household' });
    expect(duplicate.code).toBe('CONFLICT');
    expectSentence(duplicate.message);

    // The open profile cannot go.
    const open = await r.refusal('profiles.delete', { id: 'default' });
    expect(open.code).toBe('CONFLICT');
    expect(open.message).toBe(
      '"Personal" is open, so it cannot be deleted. Switch to another profile first.',
    );

    // Deleting Household ends its Item at Plaid, removes its folder and every keychain entry.
    const familyToken = await keychain.get(prefix + secretAccounts.accessToken(familyConnection));
    const familyItem = r.emulator.control.items().find((item) => item.accessToken === familyToken);
    expect(familyItem?.removed).toBe(false);
    const itemsBefore = r.emulator.control.items().filter((item) => !item.removed).length;
    const deleted = await r.call('profiles.delete', { id: family.id });
    expect(deleted).toMatchObject({ itemsRemoved: 1, itemsLeftLinked: 0 });
    expect(deleted.message).toBe(
      '"Household" was deleted with its data and its keys. 1 bank connection was ended at Plaid.',
    );
    expect(r.emulator.control.items().filter((item) => !item.removed).length).toBe(itemsBefore - 1);
    expect(
      r.emulator.control.items().find((item) => item.itemId === familyItem!.itemId)?.removed,
    ).toBe(true);
    expect(fs.existsSync(familyDir)).toBe(false);
    expect((await keychain.accounts()).filter((a) => a.startsWith(prefix))).toEqual([]);
    expect(deleted.profiles.profiles.map((p) => p.name)).toEqual(['Personal']);
    // Personal is untouched.
    expect((await r.call('connections.list')).map((c) => c.id)).toEqual([personalConnection]);
    expect(await keychain.get(secretAccounts.accessToken(personalConnection))).toMatch(/^access-/);

    const last = await r.refusal('profiles.delete', { id: 'default' });
    expect(last.code).toBe('CONFLICT');
    expect(last.message).toBe(
      'This is your only profile, so it cannot be deleted. Create another one first.',
    );
    const gone = await r.refusal('profiles.switch', { id: family.id });
    expect(gone).toMatchObject({
      code: 'NOT_FOUND',
      message: 'That profile does not exist any more.',
    });
  });

  it('stops the running syncs before it switches, and none of their events follows the switch', async () => {
    const r = await start();
    await saveKeys(r);
    const connectionId = await linkBank(r);
    const other = await r.call('profiles.create', { name: 'Other' });
    r.events.length = 0;
    await r.call('connections.sync', { connectionId }).catch(() => undefined);
    await r.call('profiles.switch', { id: other.id });
    const at = r.events.findIndex((e) => e.name === 'profiles.switched');
    expect(at).toBeGreaterThanOrEqual(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = r.events.slice(at + 1);
    expect(after.filter((e) => 'connectionId' in e.payload)).toEqual([]);
    // The old run ended (finished or cut short) rather than being left half-done.
    await r.call('profiles.switch', { id: 'default' });
    const runs = await r.call('connections.logs', { connectionId });
    expect(runs.every((run) => run.status !== 'running')).toBe(true);
  });

  it('a Link session opened in one profile cannot bring a bank into another', async () => {
    const r = await start();
    await saveKeys(r);
    const { linkToken } = await r.call('link.createToken', {});
    const other = await r.call('profiles.create', { name: 'Other', switchTo: true });
    // Whatever the token, the open profile has no such session: nothing is exchanged.
    const publicToken = 'public-sandbox-from-another-profile';
    const result = await r.core.finishLink({
      linkToken,
      status: 'success',
      publicToken,
      institution: { id: 'ins_109508', name: 'First Platypus Bank' },
      accounts: [],
    });
    expect(result.ok).toBe(false);
    expect(await r.call('connections.list')).toEqual([]);
    await r.call('profiles.switch', { id: 'default' });
    expect(await r.call('connections.list')).toEqual([]);
    expect(other.current).toBe(true);
  });

  it('deletes a profile whose data file is damaged, and says its banks may stay linked', async () => {
    const r = await start();
    const broken = await r.call('profiles.create', { name: 'Broken', switchTo: true });
    await r.call('profiles.switch', { id: 'default' });
    const folder = path.join(r.dataDir, 'profiles', broken.id);
    fs.writeFileSync(path.join(folder, databaseFileName('sandbox')), 'not a database at all');
    const deleted = await r.call('profiles.delete', { id: broken.id });
    expect(deleted.message).toBe(
      '"Broken" was deleted with its data and its keys. Its data file could not be read, so any ' +
        'banks it had stay linked at Plaid; remove them in the Plaid Dashboard if you want.',
    );
    expect(fs.existsSync(folder)).toBe(false);
  });

  it('refuses names that are empty, too long or on several lines', async () => {
    const r = await start();
    for (const name of ['   ', 'x'.repeat(61), 'two\nlines']) {
      const refusal = await r.refusal('profiles.create', { name });
      expect(refusal.code).toBe('VALIDATION');
      expectSentence(refusal.message);
    }
    expect((await r.refusal('profiles.create', { name: '  ' })).message).toBe(
      'A profile needs a name.',
    );
    expect((await r.refusal('profiles.create', { name: 'x'.repeat(61) })).message).toBe(
      'A profile name is at most 60 characters.',
    );
    expect((await r.call('profiles.create', { name: 'x'.repeat(60) })).name).toHaveLength(60);
  });

  it('creates and opens in one step, and deletes the first profile once another is open', async () => {
    const r = await start();
    await saveKeys(r);
    const connectionId = await linkBank(r);
    const work = await r.call('profiles.create', { name: 'Work', switchTo: true });
    expect(work.current).toBe(true);
    expect(await r.call('connections.list')).toEqual([]);

    const deleted = await r.call('profiles.delete', { id: 'default' });
    expect(deleted.itemsRemoved).toBe(1);
    expect(fs.existsSync(path.join(r.dataDir, databaseFileName('sandbox')))).toBe(false);
    expect(await keychain.get(secretAccounts.accessToken(connectionId))).toBeNull();
    expect(await keychain.get(secretAccounts.plaidSecret('sandbox'))).toBeNull();
    // Work's folder and the app's own files stay.
    expect(fs.existsSync(path.join(r.dataDir, 'profiles', work.id))).toBe(true);
    expect((await r.call('profiles.list')).profiles.map((p) => p.name)).toEqual(['Work']);
  });

  it('says the banks stay linked at Plaid when Plaid cannot be reached', async () => {
    const r = await start();
    const side = await r.call('profiles.create', { name: 'Side', switchTo: true });
    await saveKeys(r);
    await linkBank(r);
    await r.call('profiles.switch', { id: 'default' });
    await r.emulator.close();
    const deleted = await r.call('profiles.delete', { id: side.id });
    expect(deleted).toMatchObject({ itemsRemoved: 0, itemsLeftLinked: 1 });
    expect(deleted.message).toBe(
      '"Side" was deleted with its data and its keys. Plaid could not be reached for 1 bank ' +
        'connection, so that bank stays linked at Plaid; remove it in the Plaid Dashboard if you want.',
    );
    expectSentence(deleted.message);
    expect((await keychain.accounts()).filter((a) => a.startsWith(`profile:${side.id}:`))).toEqual(
      [],
    );
    // The emulator is already closed; afterEach closes it again harmlessly.
    r.emulator = await startPlaidEmulator({ seed: 11, today: EMULATOR_TODAY, rateLimits: false });
  });
});
