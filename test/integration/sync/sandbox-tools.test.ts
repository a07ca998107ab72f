import { afterEach, describe, expect, it } from 'vitest';
import {
  expectedTransactions,
  itemIdOf,
  linkSandbox,
  startHarness,
  visibleTransactions,
  type Harness,
} from '../../support/sync-harness';

/**
 * Sandbox tools with the real SDK against the emulator: a login reset that Repair fixes, new
 * transactions for a user_transactions_dynamic Item, and a clear refusal outside Sandbox.
 */

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function linkThroughLink(
  harness: Harness,
  username: string,
  password: string,
  institutionId = 'ins_109508',
) {
  const { linkToken } = await harness.call('link.createToken');
  const done = harness.emulator.control.completeLink(linkToken, {
    institutionId,
    username,
    password,
  });
  const result = await harness.call('link.exchange', {
    publicToken: done.publicToken,
    institution: null,
    accounts: done.accounts.map(({ id, name, type, subtype, mask }) => ({
      id,
      name,
      type,
      subtype,
      mask,
    })),
  });
  await harness.core.idle();
  return { connectionId: result.connectionId, itemId: done.itemId };
}

describe('sandbox tools', () => {
  it('reset login: the connection needs Repair at once, and Repair brings it back', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const { connectionId, itemId } = await linkSandbox(h);

    const reset = await h.call('sandbox.resetLogin', { connectionId });
    expect(reset).toMatchObject({
      status: 'LOGIN_REQUIRED',
      nextSyncAt: null,
      error: { code: 'ITEM_LOGIN_REQUIRED' },
    });
    expect(reset.error!.message).toMatch(/Repair/);
    expect(
      h.emulator.control.calls({ endpoint: '/sandbox/item/reset_login', itemId }),
    ).toHaveLength(1);
    // Plaid agrees: a sync now fails the same way.
    await h.call('connections.sync', { connectionId });
    await h.core.idle();
    const [failed] = await h.call('connections.logs', { connectionId });
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'ITEM_LOGIN_REQUIRED' });

    const { linkToken } = await h.call('link.createToken', { connectionId });
    const done = h.emulator.control.completeLink(linkToken, {
      username: 'user_good',
      password: 'pass_good',
    });
    await h.call('link.exchange', {
      publicToken: done.publicToken,
      institution: null,
      accounts: [],
      connectionId,
    });
    await h.core.idle();
    const repaired = (await h.call('connections.list'))[0]!;
    expect(repaired).toMatchObject({ status: 'ACTIVE', error: null });
  });

  it('creates transactions at the bank for a user_transactions_dynamic connection and syncs them', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const { connectionId, itemId } = await linkThroughLink(h, 'user_transactions_dynamic', 'any');
    expect(h.emulator.control.today(itemId)).toBe('2026-11-20');

    const created = await h.call('sandbox.createTransactions', {
      connectionId,
      transactions: [
        { date: '2026-11-19', amount: -1234, description: 'Test coffee' },
        { date: '2026-11-20', amount: 50000, description: 'Test refund' },
      ],
    });
    expect(created.created).toBe(2);
    expect(created.runId).not.toBeNull();
    await h.core.idle();

    const call = h.emulator.control
      .calls({ endpoint: '/sandbox/transactions/create', itemId })
      .at(-1)!;
    expect(call.status).toBe(200);
    expect(call.request).toMatchObject({
      transactions: [
        { date_transacted: '2026-11-19', date_posted: '2026-11-19', amount: 12.34 },
        { amount: -500, description: 'Test refund', iso_currency_code: 'USD' },
      ],
    });
    const list = await h.call('transactions.list', { connectionId, search: 'Test coffee' });
    expect(list.items[0]).toMatchObject({ name: 'Test coffee', amount: -1234, date: '2026-11-19' });
    expect(visibleTransactions(h.databasePath, connectionId)).toEqual(
      expectedTransactions(h.emulator, itemId),
    );
  });

  it('says plainly what Plaid refuses: a user_good Item, a date too old', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const { connectionId } = await linkSandbox(h);
    const refused = await h.failure('sandbox.createTransactions', {
      connectionId,
      transactions: [{ date: '2026-11-19', amount: -100, description: 'Nope' }],
    });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toMatch(/user_transactions_dynamic/);
    expect(refused.message).not.toMatch(/\.\.|_FIELD|transactions\[/);

    const dynamic = await linkThroughLink(h, 'user_transactions_dynamic', 'any', 'ins_109511');
    const tooOld = await h.failure('sandbox.createTransactions', {
      connectionId: dynamic.connectionId,
      transactions: [{ date: '2026-10-01', amount: -100, description: 'Old' }],
    });
    expect(tooOld.code).toBe('VALIDATION');
    expect(tooOld.message).toMatch(/14 days/);
  });

  it('is refused with a sentence for a connection outside Sandbox, and nothing is sent', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    await h.call('settings.setPlaid', {
      environment: 'production',
      clientId: h.emulator.control.clientId,
      secret: h.emulator.control.secret,
    });
    const { connectionId } = await linkThroughLink(h, 'user_good', 'pass_good');
    const connection = (await h.call('connections.list')).find((c) => c.id === connectionId)!;
    expect(connection.environment).toBe('production');
    h.emulator.control.resetCalls();

    for (const [channel, input] of [
      ['sandbox.resetLogin', { connectionId }],
      [
        'sandbox.createTransactions',
        { connectionId, transactions: [{ date: '2026-11-19', amount: -1, description: 'x' }] },
      ],
    ] as const) {
      const error = await h.failure(channel, input);
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toBe(
        'Sandbox tools work only for connections made with Plaid Sandbox keys, and this one uses Production.',
      );
    }
    expect(h.emulator.control.calls().filter((c) => c.endpoint.startsWith('/sandbox/'))).toEqual(
      [],
    );
    expect(itemIdOf(h.databasePath.replace('-sandbox', '-production'), connectionId)).toBeTruthy();
  });
});
