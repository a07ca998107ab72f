import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  expectedTransactions,
  startHarness,
  visibleTransactions,
  type Harness,
} from '../../support/sync-harness';

/**
 * Link update mode with account selection, through the real SDK: the accounts the person leaves
 * out stop syncing and close with their history, the ones they add appear with theirs, and the
 * emulator's Item reports only what was chosen, as Plaid's does.
 */

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function rowsOf(h: Harness, accountId: string) {
  const db = new BetterSqlite3(h.databasePath, { readonly: true });
  try {
    return db
      .prepare('SELECT id, removed_at, notes FROM transactions WHERE account_id = ? ORDER BY id')
      .all(accountId) as { id: string; removed_at: string | null; notes: string | null }[];
  } finally {
    db.close();
  }
}

/** First Platypus Bank linked through Link with every account shared, and its first sync done. */
async function linkWholeBank(h: Harness) {
  const { linkToken } = await h.call('link.createToken');
  const planned = h.emulator.control.completeLink(linkToken, {
    institutionId: 'ins_109508',
    username: 'user_good',
    password: 'pass_good',
  });
  const { connectionId } = await h.call('link.exchange', {
    publicToken: planned.publicToken,
    institution: { id: 'ins_109508', name: 'First Platypus Bank' },
    accounts: planned.accounts.map(({ id, name, type, subtype, mask }) => ({
      id,
      name,
      type,
      subtype,
      mask,
    })),
  });
  await h.core.idle();
  return { planned, connectionId };
}

describe('update mode with account selection', () => {
  it('closes the accounts left out (history kept) and brings in the ones added', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const { planned, connectionId } = await linkWholeBank(h);
    const itemId = planned.itemId;
    const byName = (name: string) => planned.accounts.find((a) => a.subtype === name);
    const checking = byName('checking')!;
    const savings = byName('savings')!;
    expect(checking && savings).toBeTruthy();

    // Notes on a savings row, which must outlive the account leaving the connection.
    const savingsRow = rowsOf(h, savings.id)[0]!;
    await h.call('transactions.update', { ids: [savingsRow.id], set: { notes: 'kept' } });
    const savingsBefore = rowsOf(h, savings.id);
    expect(savingsBefore.length).toBeGreaterThan(0);

    // Update mode with account selection: keep checking, leave savings out.
    const update = await h.call('link.createToken', {
      connectionId,
      updateAccountSelection: true,
    });
    const tokenCall = h.emulator.control.calls({ endpoint: '/link/token/create' }).at(-1)!;
    expect(tokenCall.request).toMatchObject({ update: { account_selection_enabled: true } });
    const offered = h.emulator.control.completeLink(update.linkToken, {
      accountIds: planned.accounts.filter((a) => a.id !== savings.id).map((a) => a.id),
    });
    expect(offered.itemId).toBe(itemId);
    await h.call('link.exchange', {
      publicToken: offered.publicToken,
      institution: null,
      accounts: [],
      connectionId,
    });
    await h.core.idle();

    // The emulator now answers /accounts/get without savings.
    const plaidAccounts = h.emulator.control.accounts(itemId).map((a) => a.account_id);
    expect(plaidAccounts).not.toContain(savings.id);
    expect(plaidAccounts).toContain(checking.id);

    const open = await h.call('accounts.list', { connectionId });
    expect(open.map((a) => a.id)).not.toContain(savings.id);
    const [card] = await h.call('connections.list');
    expect(card!.accountCount).toBe(open.length);
    const all = await h.call('accounts.list', { connectionId, includeClosed: true });
    const closed = all.find((a) => a.id === savings.id)!;
    expect(closed.closedAt).not.toBeNull();
    // Its history stays, edits and all, and is not marked removed.
    expect(rowsOf(h, savings.id)).toEqual(savingsBefore);

    const [repairRun] = await h.call('connections.logs', { connectionId });
    expect(repairRun).toMatchObject({ trigger: 'repair', status: 'succeeded' });

    // Choose again: savings comes back with its history, nothing doubled.
    h.emulator.control.advance({ days: 3, itemId });
    const again = await h.call('link.createToken', { connectionId, updateAccountSelection: true });
    const back = h.emulator.control.completeLink(again.linkToken, {
      accountIds: planned.accounts.map((a) => a.id),
    });
    await h.call('link.exchange', {
      publicToken: back.publicToken,
      institution: null,
      accounts: [],
      connectionId,
    });
    await h.core.idle();
    const reopened = await h.call('accounts.list', { connectionId });
    expect(reopened.map((a) => a.id)).toContain(savings.id);
    expect(reopened.find((a) => a.id === savings.id)!.closedAt).toBeNull();
    expect(visibleTransactions(h.databasePath, connectionId)).toEqual(
      expectedTransactions(h.emulator, itemId),
    );
    expect(rowsOf(h, savings.id).find((r) => r.id === savingsRow.id)?.notes).toBe('kept');
  });

  it('a newly chosen account appears with its history', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    // Link the whole bank, then narrow to checking, then add the card.
    const { planned: first, connectionId } = await linkWholeBank(h);
    const checking = first.accounts.find((a) => a.subtype === 'checking')!;
    const card = first.accounts.find((a) => a.subtype === 'credit card')!;

    const narrow = await h.call('link.createToken', { connectionId, updateAccountSelection: true });
    const narrowed = h.emulator.control.completeLink(narrow.linkToken, {
      accountIds: [checking.id],
    });
    await h.call('link.exchange', {
      publicToken: narrowed.publicToken,
      institution: null,
      accounts: [],
      connectionId,
    });
    await h.core.idle();
    expect((await h.call('accounts.list', { connectionId })).map((a) => a.id)).toEqual([
      checking.id,
    ]);

    const widen = await h.call('link.createToken', { connectionId, updateAccountSelection: true });
    const widened = h.emulator.control.completeLink(widen.linkToken, {
      accountIds: [checking.id, card.id],
    });
    await h.call('link.exchange', {
      publicToken: widened.publicToken,
      institution: null,
      accounts: [],
      connectionId,
    });
    await h.core.idle();
    const open = (await h.call('accounts.list', { connectionId })).map((a) => a.id).sort();
    expect(open).toEqual([checking.id, card.id].sort());
    const cardTruth = expectedTransactions(h.emulator, first.itemId).filter(
      (t) => t.account_id === card.id,
    );
    expect(cardTruth.length).toBeGreaterThan(0);
    expect(
      visibleTransactions(h.databasePath, connectionId).filter((t) => t.account_id === card.id),
    ).toEqual(cardTruth);
  });
});
