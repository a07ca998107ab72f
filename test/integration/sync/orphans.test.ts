import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Configuration, PlaidApi } from 'plaid';
import { afterEach, describe, expect, it } from 'vitest';
import { accessTokenEnvironment } from '../../../src/main/linking/orphans';
import { secretAccounts } from '../../../src/main/secrets/secret-store';
import { freePort } from '../../support/free-port';
import { linkSandbox, startHarness, type Harness } from '../../support/sync-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const removedAtPlaid = (harness: Harness, itemId: string) =>
  harness.emulator.control.items().find((i) => i.itemId === itemId)!.removed;

/**
 * An Item linked at Plaid whose token reached the keychain but whose row never landed: what a
 * link killed between the two leaves (the ledger marked the link pending before the keychain).
 */
async function plantOrphan(harness: Harness, connectionId: string) {
  const item = harness.emulator.control.createItem({ institutionId: 'ins_109508' });
  await harness.secrets.set(secretAccounts.accessToken(connectionId), item.accessToken);
  markPending(harness, connectionId);
  return item;
}

function markPending(harness: Harness, connectionId: string): void {
  const pending = pendingIn(harness);
  const db = new BetterSqlite3(harness.databasePath);
  db.prepare(
    `INSERT INTO settings (key, value) VALUES ('link.pendingConnections', ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  ).run(JSON.stringify([...pending, connectionId]));
  db.close();
}

function pendingIn(harness: Harness): string[] {
  const db = new BetterSqlite3(harness.databasePath, { readonly: true });
  const row = db
    .prepare("SELECT value FROM settings WHERE key = 'link.pendingConnections'")
    .get() as { value: string } | undefined;
  db.close();
  return row ? (JSON.parse(row.value) as string[]) : [];
}

describe('orphaned Plaid Items at start-up', () => {
  it('the emulator issues sandbox tokens, and the prefix names the environment', () => {
    expect(accessTokenEnvironment('access-sandbox-0b5e6b2d-2f53-4e4d-9d43-4ad4b7e0a1c2')).toBe(
      'sandbox',
    );
    expect(accessTokenEnvironment('access-production-0b5e6b2d')).toBe('production');
    expect(accessTokenEnvironment('public-sandbox-0b5e6b2d')).toBeNull();
    expect(accessTokenEnvironment('something else')).toBeNull();
  });

  it('a token with no connection is given back to Plaid and leaves the keychain; live ones stay', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const live = await linkSandbox(h);
    const orphan = await plantOrphan(h, 'conn_never-landed');
    // Another environment's token is the other ledger's business…
    await h.secrets.set(secretAccounts.accessToken('conn_prod'), 'access-production-abc-123');
    markPending(h, 'conn_prod');
    // …and a token this ledger never marked belongs to another data folder on the same keychain.
    const stranger = h.emulator.control.createItem({ institutionId: 'ins_109511' });
    await h.secrets.set(secretAccounts.accessToken('conn_elsewhere'), stranger.accessToken);
    h.emulator.control.resetCalls();

    await h.restart();
    await h.core.idle();

    expect(removedAtPlaid(h, orphan.itemId)).toBe(true);
    expect(await h.secrets.get(secretAccounts.accessToken('conn_never-landed'))).toBeNull();
    expect(removedAtPlaid(h, live.itemId)).toBe(false);
    expect(await h.secrets.get(secretAccounts.accessToken(live.connectionId))).toBe(live.token);
    expect(await h.secrets.get(secretAccounts.accessToken('conn_prod'))).toBe(
      'access-production-abc-123',
    );
    expect(await h.secrets.get(secretAccounts.accessToken('conn_elsewhere'))).toBe(
      stranger.accessToken,
    );
    expect(removedAtPlaid(h, stranger.itemId)).toBe(false);
    expect(h.emulator.control.calls({ endpoint: '/item/remove' })).toHaveLength(1);
    expect(pendingIn(h)).toEqual(['conn_prod']);
    expect((await h.call('connections.list')).map((c) => c.id)).toEqual([live.connectionId]);
    const log = fs.readFileSync(path.join(h.dataDir, 'logs', 'ledgerlight.log'), 'utf8');
    expect(log).toContain('orphaned Plaid Item removed');
    expect(log).not.toContain(orphan.accessToken);
  });

  it('when Plaid cannot be reached the token stays, and the next start removes the Item', async () => {
    h = await startHarness();
    const orphan = await plantOrphan(h, 'conn_unreachable');
    const nowhere = `http://127.0.0.1:${await freePort()}`;

    await h.restart({ plaidBaseUrl: nowhere });
    await h.core.idle();
    expect(await h.secrets.get(secretAccounts.accessToken('conn_unreachable'))).toBe(
      orphan.accessToken,
    );
    expect(removedAtPlaid(h, orphan.itemId)).toBe(false);
    const log = fs.readFileSync(path.join(h.dataDir, 'logs', 'ledgerlight.log'), 'utf8');
    expect(log).toContain('orphaned access token kept for the next start');
    expect(log).not.toContain(orphan.accessToken);

    expect(pendingIn(h)).toEqual(['conn_unreachable']);

    await h.restart();
    await h.core.idle();
    expect(removedAtPlaid(h, orphan.itemId)).toBe(true);
    expect(await h.secrets.get(secretAccounts.accessToken('conn_unreachable'))).toBeNull();
    expect(pendingIn(h)).toEqual([]);
  });

  it('a link marks itself pending only until its row lands', async () => {
    h = await startHarness();
    const { connectionId } = await linkSandbox(h);
    expect(pendingIn(h)).toEqual([]);
    expect(await h.secrets.get(secretAccounts.accessToken(connectionId))).toMatch(
      /^access-sandbox-/,
    );
  });

  it('a disconnect that died after its row was written but before the keychain ends clean', async () => {
    h = await startHarness();
    const { connectionId, itemId, token } = await linkSandbox(h);
    await h.core.close();
    // The row says disconnected; the token and the Item were left behind.
    const db = new BetterSqlite3(h.databasePath);
    db.prepare("UPDATE connections SET status = 'DISCONNECTED' WHERE id = ?").run(connectionId);
    db.close();
    expect(await h.secrets.get(secretAccounts.accessToken(connectionId))).toBe(token);

    await h.restart();
    await h.core.idle();
    expect(removedAtPlaid(h, itemId)).toBe(true);
    expect(await h.secrets.get(secretAccounts.accessToken(connectionId))).toBeNull();
  });

  it('an Item Plaid removed already only loses its keychain entry', async () => {
    h = await startHarness();
    const orphan = await plantOrphan(h, 'conn_gone');
    const plaid = new PlaidApi(
      new Configuration({
        basePath: h.emulator.url,
        baseOptions: {
          headers: {
            'PLAID-CLIENT-ID': h.emulator.control.clientId,
            'PLAID-SECRET': h.emulator.control.secret,
          },
        },
      }),
    );
    await plaid.itemRemove({ access_token: orphan.accessToken });
    h.emulator.control.resetCalls();

    await h.restart();
    await h.core.idle();
    expect(await h.secrets.get(secretAccounts.accessToken('conn_gone'))).toBeNull();
    expect(h.emulator.control.calls({ endpoint: '/item/remove' })).toHaveLength(1);
  });
});
