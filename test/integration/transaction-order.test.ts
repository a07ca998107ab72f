import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, Transaction } from '../../src/shared/contract';
import { TRANSACTION_SORTS } from '../../src/shared/contract';
import { callCore, startTestCore, type TestCore } from '../support/core';

/**
 * The list in every order, with the person's filters and the totals of what it shows, checked
 * against the same question asked of the SQLite file directly.
 */

let t: TestCore | undefined;
afterEach(async () => {
  await t?.core.close();
  t = undefined;
});

const call = <C extends Channel>(channel: C, input: unknown = {}) =>
  callCore(t!.core, channel, input);

/** Every row of the list, page by page, as the screen walks it. */
async function walk(input: ChannelInput<'transactions.list'>, limit = 7): Promise<Transaction[]> {
  const rows: Transaction[] = [];
  let cursor: string | undefined;
  do {
    const page = await call('transactions.list', {
      ...input,
      limit,
      ...(cursor ? { cursor } : {}),
    });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

function sql<T>(query: string, ...params: unknown[]): T[] {
  const db = new BetterSqlite3(t!.databasePath, { readonly: true });
  try {
    return db.prepare(query).all(...params) as T[];
  } finally {
    db.close();
  }
}

const shownPayee = (r: Transaction) => r.user.payee ?? r.merchantName ?? r.name;

describe('the transactions list', () => {
  it('pages through every order and direction with each row exactly once, in that order', async () => {
    t = await startTestCore({ seed: { connections: 2, transactionsPerAccount: 12 } });
    const all = sql<{ id: string }>('SELECT id FROM transactions WHERE removed_at IS NULL');
    // Some of the person's own payees and categories, which the order must follow.
    const [a, b] = all;
    await call('transactions.update', { ids: [a!.id], set: { payee: 'aardvark café' } });
    await call('transactions.update', { ids: [b!.id], set: { category: 'ZZ Last' } });

    for (const sort of TRANSACTION_SORTS) {
      for (const direction of ['asc', 'desc'] as const) {
        const rows = await walk({ sort, direction });
        expect(rows.map((r) => r.id).sort()).toEqual(all.map((r) => r.id).sort());
        const keyOf = (r: Transaction): string | number =>
          sort === 'date'
            ? r.date
            : sort === 'amount'
              ? r.amount
              : sort === 'payee'
                ? shownPayee(r).toLowerCase()
                : sort === 'category'
                  ? (r.user.category ?? r.category ?? '')
                  : r.accountId;
        const keys = rows.map(keyOf);
        if (sort === 'account') {
          // Accounts in name order (the name shown), each account's rows newest first.
          const names = new Map(
            sql<{ id: string; name: string }>(
              'SELECT id, COALESCE(user_name, name) AS name FROM accounts',
            ).map((a) => [a.id, `${a.name}\u0000${a.id}`]),
          );
          for (let i = 1; i < rows.length; i++) {
            const [x, y] = [rows[i - 1]!, rows[i]!];
            const [nx, ny] = [names.get(x.accountId)!, names.get(y.accountId)!];
            if (nx === ny) expect(x.date >= y.date, `account rows by date at ${i}`).toBe(true);
            else if (direction === 'asc') expect(nx < ny, `accounts asc at ${i}`).toBe(true);
            else expect(nx > ny, `accounts desc at ${i}`).toBe(true);
          }
          continue;
        }
        for (let i = 1; i < keys.length; i++) {
          const [x, y] = [keys[i - 1]!, keys[i]!];
          if (direction === 'asc') expect(x <= y, `${sort} asc at ${i}: ${x} then ${y}`).toBe(true);
          else expect(x >= y, `${sort} desc at ${i}: ${x} then ${y}`).toBe(true);
        }
      }
    }
    const byPayee = await walk({ sort: 'payee' });
    expect(byPayee[0]!.user.payee).toBe('aardvark café');
    const byCategory = await walk({ sort: 'category', direction: 'desc' });
    expect(byCategory[0]!.user.category).toBe('ZZ Last');

    // Accounts by the name shown: a renamed account moves to where its new name sorts.
    const accounts = sql<{ id: string }>('SELECT id FROM accounts ORDER BY id');
    await call('accounts.update', { accountId: accounts.at(-1)!.id, name: 'AAA first' });
    const byAccount = await walk({ sort: 'account' });
    expect(byAccount[0]!.accountId).toBe(accounts.at(-1)!.id);
  });

  it('reads every sorted page from an index in order, seeking to the cursor (query plans)', async () => {
    t = await startTestCore({ seed: { connections: 1, transactionsPerAccount: 30 } });
    const plans: string[] = [];
    const db = new BetterSqlite3(t.databasePath, { readonly: true });
    // The page queries the list runs, planned by SQLite: none may sort the ledger to find a page.
    const { TransactionsRepo } = await import('../../src/main/db/transactions-repo');
    const spy = new Proxy(db, {
      get(target, property) {
        if (property === 'prepare') {
          return (query: string) => {
            if (/ORDER BY/.test(query) && /LIMIT/.test(query)) plans.push(query);
            return target.prepare(query);
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    const repo = new TransactionsRepo(spy as never);
    try {
      for (const by of ['date', 'payee', 'category', 'amount'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          plans.length = 0;
          const first = repo.page({}, 5, undefined, { by, direction });
          repo.page({}, 5, first.nextCursor!, { by, direction });
          expect(plans).toHaveLength(2);
          for (const [i, query] of plans.entries()) {
            const probe =
              i === 0 ? [6] : [by === 'amount' ? 0 : by === 'date' ? '2026-01-01' : 'm', 1, 6];
            const detail = (
              db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...probe) as { detail: string }[]
            )
              .map((p) => p.detail)
              .join(' | ');
            expect(detail, `${by} ${direction} page ${i + 1}`).not.toMatch(/TEMP B-TREE/);
            expect(detail, `${by} ${direction} page ${i + 1}`).toMatch(
              /USING INDEX transactions_visible_by/,
            );
          }
        }
      }
    } finally {
      db.close();
    }
  });

  it('pages through rows that share a date, an amount and a payee without skipping or repeating one', async () => {
    t = await startTestCore({ seed: { connections: 2, transactionsPerAccount: 40 } });
    const db = new BetterSqlite3(t.databasePath);
    // Most rows on one day with one amount and one payee: only seq tells them apart.
    db.exec(`UPDATE transactions SET date = '2026-06-15', amount = -1234, payee = 'Same'
             WHERE seq % 5 <> 0`);
    db.close();
    const all = sql<{ id: string }>('SELECT id FROM transactions WHERE removed_at IS NULL')
      .map((r) => r.id)
      .sort();
    for (const sort of TRANSACTION_SORTS) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const limit of [1, 7, 50]) {
          const ids = (await walk({ sort, direction }, limit)).map((r) => r.id);
          expect(new Set(ids).size, `${sort} ${direction} by ${limit}: repeats`).toBe(ids.length);
          expect([...ids].sort(), `${sort} ${direction} by ${limit}`).toEqual(all);
        }
      }
    }
    const filtered = (await walk({ accountId: 'acc_1_chk', type: 'out' }, 3)).map((r) => r.id);
    expect(filtered.sort()).toEqual(
      sql<{ id: string }>(
        `SELECT id FROM transactions WHERE removed_at IS NULL AND account_id = 'acc_1_chk'
           AND amount < 0 ORDER BY id`,
      ).map((r) => r.id),
    );
  });

  it('counts, beside the list, exactly the rows the list walks through, for every filter', async () => {
    t = await startTestCore({ seed: { connections: 2, transactionsPerAccount: 25 } });
    const ids = sql<{ id: string }>('SELECT id FROM transactions ORDER BY seq').map((r) => r.id);
    await call('transactions.update', { ids: ids.slice(0, 4), set: { excluded: true } });
    await call('transactions.update', { ids: ids.slice(3, 9), set: { reviewed: true } });
    await call('transactions.tag', { ids: ids.slice(5, 8), add: ['Trip'] });
    await call('transactions.update', { ids: [ids[10]!], set: { notes: 'café au lait' } });
    const db = new BetterSqlite3(t.databasePath);
    db.prepare(
      "UPDATE transactions SET removed_at = '2026-11-01T00:00:00Z' WHERE id IN (?, ?, ?)",
    ).run(ids[20], ids[21], ids[30]);
    db.prepare("UPDATE transactions SET needs_review = 'Check it.' WHERE id = ?").run(ids[12]);
    db.prepare('UPDATE transactions SET category = NULL WHERE id = ?').run(ids[13]);
    db.close();
    const filters: ChannelInput<'transactions.count'>[] = [
      {},
      { accountId: 'acc_2_cc' },
      { connectionId: 'conn_1' },
      { from: '2026-11-01', to: '2026-11-10' },
      { type: 'in' },
      { type: 'out', accountId: 'acc_1_chk' },
      { category: 'TRANSPORTATION' },
      { tag: 'trip' },
      { show: 'needs-review' },
      { show: 'uncategorized' },
      { show: 'excluded' },
      { show: 'unreviewed' },
      { show: 'removed' },
      { includeRemoved: true },
      { search: 'starbucks' },
      { search: 'STARBU' },
      { search: 'arbuck' },
      { search: 'cafe' },
      { search: 'trip' },
      { search: 'whole foods' },
      { search: 'uber', accountId: 'acc_1_cc' },
      { search: 'no such thing' },
    ];
    for (const filter of filters) {
      const rows = await walk(filter, 20);
      expect(await call('transactions.count', filter), JSON.stringify(filter)).toBe(rows.length);
    }
    expect(await call('transactions.count', { show: 'removed' })).toBe(3);
    expect(await call('transactions.count', { search: 'cafe' })).toBe(1);
  });

  it('reads the rare views from small indexes and counts the rows in view from an index', async () => {
    t = await startTestCore({ seed: { connections: 1, transactionsPerAccount: 30 } });
    const db = new BetterSqlite3(t.databasePath, { readonly: true });
    const plan = (query: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[])
        .map((p) => p.detail)
        .join(' | ');
    try {
      const views: Record<string, string> = {
        'removed_at IS NULL AND needs_review IS NOT NULL': 'transactions_visible_needing_review',
        'removed_at IS NULL AND excluded = 1': 'transactions_visible_excluded',
        'removed_at IS NULL AND reviewed = 0': 'transactions_visible_unreviewed',
        'removed_at IS NOT NULL': 'transactions_removed_by_date',
      };
      for (const [where, index] of Object.entries(views)) {
        expect(
          plan(`SELECT * FROM transactions WHERE ${where} ORDER BY date DESC, seq DESC LIMIT 101`),
        ).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b`));
      }
      // The whole ledger's totals come from an index alone, not the table.
      expect(
        plan(
          `SELECT currency, SUM(amount), COUNT(*) FROM transactions t
           WHERE t.removed_at IS NULL AND t.excluded = 0 GROUP BY currency`,
        ),
      ).toMatch(/USING (COVERING )?INDEX transactions_included_by_currency/);
      // The count the repo runs for the whole ledger and for a date range.
      const counts: string[] = [];
      const { TransactionsRepo } = await import('../../src/main/db/transactions-repo');
      const spy = new Proxy(db, {
        get(target, property) {
          if (property === 'prepare') {
            return (query: string) => {
              if (/COUNT\(\*\)/.test(query)) counts.push(query);
              return target.prepare(query);
            };
          }
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
        },
      });
      const repo = new TransactionsRepo(spy as never);
      expect(repo.count({})).toBe(60);
      expect(repo.count({ from: '2026-11-01' })).toBe(40);
      expect(counts).toHaveLength(2);
      expect(plan(counts[0]!)).toMatch(
        /SCAN t USING (COVERING )?INDEX transactions_visible_by_date/,
      );
    } finally {
      db.close();
    }
  });

  it('refuses a cursor made for another order instead of misreading it', async () => {
    t = await startTestCore({ seed: true });
    const first = await call('transactions.list', { sort: 'amount', limit: 5 });
    const result = await t.core.invoke('transactions.list', {
      sort: 'payee',
      limit: 5,
      cursor: first.nextCursor,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION');
  });

  it('shows only rows that want a look, are uncategorized, left out, or not reviewed', async () => {
    t = await startTestCore({ seed: { connections: 1, transactionsPerAccount: 10 } });
    const ids = sql<{ id: string }>('SELECT id FROM transactions ORDER BY seq').map((r) => r.id);
    await call('transactions.update', { ids: ids.slice(0, 3), set: { excluded: true } });
    await call('transactions.update', { ids: ids.slice(2, 6), set: { reviewed: true } });
    const db = new BetterSqlite3(t.databasePath);
    db.prepare('UPDATE transactions SET category = NULL WHERE id IN (?, ?)').run(ids[7], ids[8]);
    db.prepare("UPDATE transactions SET needs_review = 'Check it.' WHERE id = ?").run(ids[9]);
    db.close();
    // The person's own category counts: a row they categorized is not uncategorized.
    await call('transactions.update', { ids: [ids[8]!], set: { category: 'Gifts' } });

    const idsOf = async (show: ChannelInput<'transactions.list'>['show']) =>
      (await walk({ show })).map((r) => r.id).sort();
    expect(await idsOf('excluded')).toEqual(ids.slice(0, 3).sort());
    expect(await idsOf('needs-review')).toEqual([ids[9]]);
    expect(await idsOf('uncategorized')).toEqual([ids[7]]);
    const total = sql<{ n: number }>('SELECT COUNT(*) AS n FROM transactions')[0]!.n;
    expect((await idsOf('unreviewed')).length).toBe(total - 4);
  });

  it('totals money in, out and net per currency for the whole filtered set, leaving out excluded rows', async () => {
    t = await startTestCore({ seed: { connections: 2, transactionsPerAccount: 15 } });
    const someIds = sql<{ id: string }>('SELECT id FROM transactions ORDER BY seq LIMIT 4');
    await call('transactions.update', { ids: someIds.map((r) => r.id), set: { excluded: true } });
    const expected = (where: string, ...params: unknown[]) =>
      sql(
        `SELECT currency, COALESCE(SUM(CASE WHEN amount > 0 THEN amount END), 0) AS moneyIn,
           COALESCE(SUM(CASE WHEN amount < 0 THEN amount END), 0) AS moneyOut,
           SUM(amount) AS net, COUNT(*) AS count
         FROM transactions WHERE removed_at IS NULL AND excluded = 0 AND (${where})
         GROUP BY currency ORDER BY count DESC, currency`,
        ...params,
      );
    const all = await call('transactions.totals', {});
    expect(all).toEqual(expected('1'));
    expect(all.reduce((n, c) => n + c.count, 0)).toBeGreaterThan(20);
    const account = sql<{ id: string }>('SELECT id FROM accounts ORDER BY id LIMIT 1')[0]!.id;
    expect(await call('transactions.totals', { accountId: account, type: 'out' })).toEqual(
      expected('account_id = ? AND amount < 0', account),
    );
    expect(await call('transactions.totals', { search: 'zzzz-nothing' })).toEqual([]);
  });
});
