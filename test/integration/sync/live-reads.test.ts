import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { linkSandbox, startHarness, type Harness } from '../../support/sync-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const PLATYPUS = 'ins_109508';

function setStoredBalance(databasePath: string, accountId: string, current: number): void {
  const db = new BetterSqlite3(databasePath);
  try {
    db.prepare('UPDATE accounts SET balance_current = ?, balance_updated_at = ? WHERE id = ?').run(
      current,
      '2026-01-01T00:00:00.000Z',
      accountId,
    );
  } finally {
    db.close();
  }
}

function snapshots(databasePath: string, accountId: string): { date: string; current: number }[] {
  const db = new BetterSqlite3(databasePath, { readonly: true });
  try {
    return db
      .prepare('SELECT date, current FROM balance_snapshots WHERE account_id = ? ORDER BY date')
      .all(accountId) as { date: string; current: number }[];
  } finally {
    db.close();
  }
}

/** A sentence for a person: capital first, a full stop last, no codes, no doubled marks. */
function expectSentences(message: string): void {
  expect(message).toMatch(/^[A-Z].*[.!?]$/);
  expect(message).not.toMatch(/[A-Z]{3,}_[A-Z]/);
  expect(message).not.toMatch(/\.\.|\s\./);
}

describe('check balance now', () => {
  it('reads live balances for one account, stores them and returns them', async () => {
    h = await startHarness();
    const { connectionId, itemId } = await linkSandbox(h, PLATYPUS);
    const accounts = await h.call('accounts.list', { connectionId });
    const checking = accounts.find((a) => a.subtype === 'checking')!;
    const truth = h.emulator.control.accounts(itemId).find((a) => a.account_id === checking.id)!;
    setStoredBalance(h.databasePath, checking.id, 1);
    h.emulator.control.resetCalls();

    const live = await h.call('accounts.checkBalance', { accountId: checking.id });
    expect(live.accounts).toHaveLength(1);
    expect(live.accounts[0]!.id).toBe(checking.id);
    expect(live.accounts[0]!.balances.current).toBe(Math.round(truth.balances.current! * 100));
    expect(live.accounts[0]!.balanceUpdatedAt).toBe(live.checkedAt);
    const [call] = h.emulator.control.calls({ endpoint: '/accounts/balance/get' });
    expect(call).toBeDefined();

    const stored = (await h.call('accounts.get', { accountId: checking.id })).account;
    expect(stored.balances.current).toBe(live.accounts[0]!.balances.current);
    const today = live.checkedAt.slice(0, 10);
    expect(snapshots(h.databasePath, checking.id).find((s) => s.date === today)?.current).toBe(
      live.accounts[0]!.balances.current,
    );
  });

  it('reads every account of a connection at once', async () => {
    h = await startHarness();
    const { connectionId } = await linkSandbox(h, PLATYPUS);
    const accounts = await h.call('accounts.list', { connectionId });
    const live = await h.call('accounts.checkBalance', { connectionId });
    expect(live.accounts.map((a) => a.id).sort()).toEqual(accounts.map((a) => a.id).sort());
  });

  it('says in sentences when Plaid’s balance limit is reached, and when to try again', async () => {
    h = await startHarness({ emulator: { rateLimits: true } });
    const { connectionId } = await linkSandbox(h, PLATYPUS);
    h.emulator.control.resetRateLimits();
    h.emulator.control.setRateLimits({ '/accounts/balance/get': { perItem: 2 } });
    await h.call('accounts.checkBalance', { connectionId });
    await h.call('accounts.checkBalance', { connectionId });
    const refused = await h.failure('accounts.checkBalance', { connectionId });
    expect(refused.code).toBe('TOO_EARLY');
    expect(refused.message).toContain('Try again in about a minute.');
    expect(refused.message).toContain('a few live balance checks a minute');
    expectSentences(refused.message);
    expect(refused.details).toMatchObject({
      plaidErrorCode: 'BALANCE_LIMIT',
      retryAfterMs: 60_000,
    });
    // One call only: a refused check is not retried into the next window.
    const balanceCalls = h.emulator.control.calls({ endpoint: '/accounts/balance/get' });
    expect(balanceCalls.filter((c) => c.status === 429)).toHaveLength(1);

    // A minute later the window has moved on.
    h.emulator.control.advanceTime(61_000);
    await h.call('accounts.checkBalance', { connectionId });
  });

  it('says when the bank does not offer live balances, or the keys are not enabled for them', async () => {
    h = await startHarness();
    const { connectionId } = await linkSandbox(h, PLATYPUS);
    h.emulator.control.setUnsupportedProducts(PLATYPUS, ['balance']);
    let refused = await h.failure('accounts.checkBalance', { connectionId });
    expect(refused.code).toBe('PLAID');
    expect(refused.message).toContain('This bank does not offer that through Plaid');
    expect(refused.details?.plaidErrorCode).toBe('PRODUCTS_NOT_SUPPORTED');
    expectSentences(refused.message);

    h.emulator.control.setUnsupportedProducts(PLATYPUS, []);
    h.emulator.control.setDisabledProducts(['balance']);
    refused = await h.failure('accounts.checkBalance', { connectionId });
    expect(refused.message).toContain('Your Plaid account is not enabled for this');
    expect(refused.details?.plaidErrorCode).toBe('INVALID_PRODUCT');
    expectSentences(refused.message);
  });

  it('says the bank needs a new sign-in, and refuses an account kept by hand', async () => {
    h = await startHarness();
    const { connectionId, itemId } = await linkSandbox(h, PLATYPUS);
    h.emulator.control.resetLogin(itemId);
    const refused = await h.failure('accounts.checkBalance', { connectionId });
    expect(refused.message).toBe(
      'The bank needs you to sign in again before it answers. Choose Repair on its card, then try again.',
    );

    const wallet = await h.call('accounts.create', {
      name: 'Wallet',
      kind: 'cash',
      currency: 'USD',
    });
    const manual = await h.failure('accounts.checkBalance', { accountId: wallet.id });
    expect(manual.code).toBe('CONFLICT');
    expectSentences(manual.message);
  });
});

describe('get latest transactions', () => {
  it('asks Plaid to refresh, then syncs what the bank now has', async () => {
    h = await startHarness();
    const { linkToken } = await h.call('link.createToken');
    const done = h.emulator.control.completeLink(linkToken, {
      institutionId: PLATYPUS,
      username: 'user_transactions_dynamic',
    });
    const { connectionId } = await h.call('link.exchange', {
      publicToken: done.publicToken,
      institution: null,
      accounts: [],
    });
    await h.core.idle();
    const before = (await h.call('transactions.list', { connectionId, limit: 500 })).items;
    h.emulator.control.resetCalls();

    const { runId } = await h.call('connections.refresh', { connectionId });
    await h.core.idle();
    const endpoints = h.emulator.control.calls({ itemId: done.itemId }).map((c) => c.endpoint);
    // Refreshed once (the run does not ask again), then synced.
    expect(endpoints.filter((e) => e === '/transactions/refresh')).toHaveLength(1);
    expect(endpoints.indexOf('/transactions/refresh')).toBeLessThan(
      endpoints.indexOf('/transactions/sync'),
    );
    const run = (await h.call('connections.logs', { connectionId })).find((r) => r.id === runId)!;
    expect(run.status).toBe('succeeded');
    expect(run.trigger).toBe('refresh');
    expect(run.added).toBeGreaterThan(0);
    const after = (await h.call('transactions.list', { connectionId, limit: 500 })).items;
    const known = new Set(before.map((t) => t.id));
    expect(after.filter((t) => !known.has(t.id)).length).toBeGreaterThan(0);
  });

  it('says when Plaid’s refresh limit is reached, or the bank does not offer it', async () => {
    h = await startHarness({ emulator: { rateLimits: true } });
    const { connectionId } = await linkSandbox(h, PLATYPUS);
    h.emulator.control.resetRateLimits();
    await h.call('connections.refresh', { connectionId });
    await h.core.idle();
    await h.call('connections.refresh', { connectionId });
    await h.core.idle();
    const refused = await h.failure('connections.refresh', { connectionId });
    expect(refused.code).toBe('TOO_EARLY');
    expect(refused.message).toBe(
      'Plaid allows only two requests a minute for the latest transactions of a connection. Try again in about a minute. Your scheduled syncs still bring new transactions as the bank reports them.',
    );
    expect(refused.details?.plaidErrorCode).toBe('TRANSACTIONS_REFRESH_LIMIT');

    h.emulator.control.advanceTime(61_000);
    h.emulator.control.setUnsupportedProducts(PLATYPUS, ['transactions_refresh']);
    const unsupported = await h.failure('connections.refresh', { connectionId });
    expect(unsupported.details?.plaidErrorCode).toBe('PRODUCTS_NOT_SUPPORTED');
    expectSentences(unsupported.message);
    // Nothing was started for a refused refresh.
    expect((await h.call('connections.logs', { connectionId })).length).toBe(3);
  });
});
