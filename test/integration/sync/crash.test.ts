import { afterEach, describe, expect, it } from 'vitest';
import { syncInChildKilledAt } from '../../support/sync-child-run';
import { secretAccounts } from '../../../src/main/secrets/secret-store';
import {
  expectedTransactions,
  expectTokenNowhere,
  itemIdOf,
  startHarness,
  visibleTransactions,
  type Harness,
} from '../../support/sync-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a process killed in the middle of a sync', () => {
  it('loses nothing and duplicates nothing: the next run reaches the ground truth', async () => {
    h = await startHarness({ core: { manualCooldownMs: 0 } });
    const linked = await h.call('link.sandboxConnect', { institutionId: 'ins_109508' });
    await h.core.idle();
    const { connectionId } = linked;
    const itemId = itemIdOf(h.databasePath, connectionId);
    const token = (await h.secrets.get(secretAccounts.accessToken(connectionId)))!;
    await h.core.close();

    // Kill points: before any page, mid-pagination (after page 1 of several), and right after
    // the commit. Each time the bank has moved on, so there is always something to apply.
    const killPoints = ['sync.started:1', 'sync.progress:1', 'sync.progress:2', 'sync.completed:1'];
    for (const killAt of killPoints) {
      h.emulator.control.advance({ days: 120, itemId });
      const printed = await syncInChildKilledAt(h, connectionId, token, killAt);
      const [event, count] = killAt.split(':');
      expect(printed.split('\n').filter((l) => l === `EVENT ${event}`)).toHaveLength(Number(count));
      if (event !== 'sync.completed') expect(printed).not.toContain('EVENT sync.completed');
    }

    await h.restart({ manualCooldownMs: 0 });
    // Three runs died before their commit and say so; the one killed after it committed whole.
    const childRuns = (await h.call('connections.logs', { connectionId })).filter(
      (r) => r.trigger === 'manual',
    );
    expect(childRuns.map((r) => r.errorCode ?? r.status).reverse()).toEqual([
      'INTERRUPTED',
      'INTERRUPTED',
      'INTERRUPTED',
      'succeeded',
    ]);
    await h.call('connections.sync', { connectionId });
    await h.core.idle();
    const rows = visibleTransactions(h.databasePath, connectionId);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows).toEqual(expectedTransactions(h.emulator, itemId));
    expectTokenNowhere(h, token);
  });
});
