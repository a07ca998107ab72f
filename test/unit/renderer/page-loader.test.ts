import { describe, expect, it } from 'vitest';
import { PageLoader } from '../../../src/renderer/src/features/transactions/page-loader';
import type { LedgerApi, Transaction } from '../../../src/shared/contract';

/**
 * The list's rows never wait for the count: the first page shows as soon as it arrives, the
 * count fills in beside it, and a refresh keeps the last count on screen while it recounts.
 */

interface Pending {
  channel: string;
  input: Record<string, unknown>;
  resolve(value: unknown): void;
}

function fakeLedger() {
  const pending: Pending[] = [];
  const ledger = {
    invoke: (channel: string, input: Record<string, unknown>) =>
      new Promise((resolve) => pending.push({ channel, input, resolve })),
  } as unknown as LedgerApi;
  const take = (channel: string): Pending => {
    const i = pending.findIndex((p) => p.channel === channel);
    if (i < 0) throw new Error(`no ${channel} call waiting`);
    return pending.splice(i, 1)[0]!;
  };
  return { ledger, pending, take };
}

const rows = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ id: `t${from + i}` }) as Transaction);
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the transactions page loader', () => {
  it('shows the first page before the count, then the count, asked with the same filter', async () => {
    const { ledger, take } = fakeLedger();
    const loader = new PageLoader(ledger);
    loader.reset({ accountId: 'a1', sort: 'amount', direction: 'asc' }, false);
    expect(loader.getSnapshot()).toMatchObject({ total: null, counting: true, loading: true });

    const count = take('transactions.count');
    expect(count.input).toEqual({ accountId: 'a1' });
    take('transactions.list').resolve({ items: rows(500), nextCursor: 'c1' });
    await settle();
    expect(loader.getSnapshot()).toMatchObject({ total: 500, counting: true, loading: false });
    expect(loader.getSnapshot().items).toHaveLength(500);

    count.resolve(1234);
    await settle();
    expect(loader.getSnapshot()).toMatchObject({ total: 1234, counting: false });
  });

  it('keeps the last count on screen while a refresh recounts, and trusts the rows at the end', async () => {
    const { ledger, take } = fakeLedger();
    const loader = new PageLoader(ledger);
    loader.reset({}, false);
    take('transactions.count').resolve(3);
    take('transactions.list').resolve({ items: rows(3), nextCursor: null });
    await settle();
    expect(loader.getSnapshot()).toMatchObject({ total: 3, counting: false });

    loader.reset({}, true);
    expect(loader.getSnapshot()).toMatchObject({ total: 3, counting: false, loading: true });
    take('transactions.list').resolve({ items: rows(500), nextCursor: 'c1' });
    await settle();
    expect(loader.getSnapshot()).toMatchObject({ total: 500, counting: false });
    take('transactions.count').resolve(800);
    await settle();
    expect(loader.getSnapshot().total).toBe(800);
  });

  it('drops a count that arrives for a filter no longer shown', async () => {
    const { ledger, take } = fakeLedger();
    const loader = new PageLoader(ledger);
    loader.reset({ search: 'old' }, false);
    const stale = take('transactions.count');
    take('transactions.list').resolve({ items: [], nextCursor: null });
    loader.reset({ search: 'new' }, false);
    stale.resolve(99);
    take('transactions.list').resolve({ items: rows(2), nextCursor: null });
    await settle();
    expect(loader.getSnapshot()).toMatchObject({ total: 2, counting: false });
  });
});
