import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { monthsEndingAt } from '../../src/main/db/reports-repo';
import type { Channel } from '../../src/shared/contract';
import { callCore, startTestCore, type TestCore } from '../support/core';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.core.close();
  t = undefined;
});

const call = <C extends Channel>(channel: C, input: unknown = {}) =>
  callCore(t!.core, channel, input);

/** Writes a few more rows beside the seed, with the categories the report must leave out. */
function addRows(rows: Array<[string, string, number, string | null, string | null, number?]>) {
  const db = new BetterSqlite3(t!.databasePath);
  try {
    const insert = db.prepare(
      `INSERT INTO transactions (id, account_id, connection_id, date, name, category,
         category_detailed, amount, currency, pending, removed_at, created_at, updated_at)
       VALUES (?, 'acc_1_chk', 'conn_1', ?, 'extra', ?, ?, ?, 'USD', 0, ?, 'now', 'now')`,
    );
    for (const [id, date, amount, category, detailed, removed] of rows) {
      insert.run(id, date, category, detailed, amount, removed ? '2026-11-20T00:00:00Z' : null);
    }
  } finally {
    db.close();
  }
}

describe('reports.spending', () => {
  it('sums money out per month, category and currency, leaving transfers and card payments out', async () => {
    // 30 transactions a day back from 2026-11-20 on each of 4 accounts (2 connections).
    t = await startTestCore({ seed: { transactionsPerAccount: 30, today: '2026-11-20' } });
    addRows([
      ['x_transfer', '2026-11-10', -50_000, 'TRANSFER_OUT', 'TRANSFER_OUT_SAVINGS'],
      ['x_card', '2026-11-11', -70_000, 'LOAN_PAYMENTS', 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT'],
      ['x_mortgage', '2026-11-12', -150_000, 'LOAN_PAYMENTS', 'LOAN_PAYMENTS_MORTGAGE_PAYMENT'],
      ['x_removed', '2026-11-13', -9_999, 'TRAVEL', 'TRAVEL_FLIGHTS', 1],
      ['x_old', '2026-04-30', -1_000, 'TRAVEL', 'TRAVEL_FLIGHTS'],
      ['x_future', '2026-11-21', -1_000, 'TRAVEL', 'TRAVEL_FLIGHTS'],
    ]);

    const report = await call('reports.spending', { months: 6, until: '2026-11-20' });
    expect(report.months).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);

    // The same sums straight from SQL, for the seeded rows.
    const db = new BetterSqlite3(t.databasePath, { readonly: true });
    const expected = db
      .prepare(
        `SELECT substr(date, 1, 7) AS month, category, currency, -SUM(amount) AS amount,
                COUNT(*) AS count
         FROM transactions WHERE amount < 0 AND id LIKE 'tx_%'
         GROUP BY month, category, currency`,
      )
      .all() as Array<{ month: string; category: string; currency: string; amount: number }>;
    db.close();
    const mortgage = {
      month: '2026-11',
      category: 'LOAN_PAYMENTS',
      currency: 'USD',
      amount: 150_000,
      count: 1,
    };
    const key = (r: { month: string; category: string | null; currency: string }) =>
      `${r.month}|${r.category}|${r.currency}`;
    const sort = <T extends { month: string; category: string | null; currency: string }>(
      rows: T[],
    ) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sort(report.rows)).toEqual(sort([...expected, mortgage] as typeof report.rows));
    expect(report.rows.every((r) => r.amount > 0)).toBe(true);
    // Both currencies of the seed appear, never summed together.
    expect(new Set(report.rows.map((r) => r.currency))).toEqual(new Set(['USD', 'CAD']));
    expect(report.rows.some((r) => r.category === 'TRANSFER_OUT')).toBe(false);
  });

  it('defaults to six months ending today and answers empty months for an empty ledger', async () => {
    t = await startTestCore();
    const report = await call('reports.spending');
    expect(report.months).toHaveLength(6);
    expect(report.months.at(-1)).toBe(new Date().toISOString().slice(0, 7));
    expect(report.rows).toEqual([]);
  });

  it('counts months across a year boundary', () => {
    expect(monthsEndingAt('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsEndingAt('2026-12', 1)).toEqual(['2026-12']);
  });
});

describe('categories.list', () => {
  it('lists the categories transactions carry, with counts, removed rows left out', async () => {
    t = await startTestCore({ seed: { transactionsPerAccount: 10 } });
    addRows([['x_removed', '2026-11-13', -9_999, 'TRAVEL', 'TRAVEL_FLIGHTS', 1]]);
    const categories = await call('categories.list');
    // The person's whole list is there; the ones rows carry have counts, the removed row none.
    expect(categories.filter((c) => c.count > 0).map((c) => c.category)).toEqual([
      'ENTERTAINMENT',
      'FOOD_AND_DRINK',
      'GENERAL_MERCHANDISE',
      'INCOME',
      'TRANSPORTATION',
    ]);
    expect(categories.find((c) => c.category === 'TRAVEL')).toMatchObject({ count: 0 });
    const total = categories.reduce((sum, c) => sum + c.count, 0);
    expect(total).toBe(t.seeded!.transactionCount);
  });
});

describe('quarantine.list', () => {
  it('lists set-aside rows newest first, per connection, without their payload', async () => {
    t = await startTestCore({ seed: true });
    const db = new BetterSqlite3(t.databasePath);
    const insert = db.prepare(
      `INSERT INTO quarantine (connection_id, kind, plaid_id, reason, payload, created_at)
       VALUES (?, 'transaction', ?, ?, '{"secretish":"raw"}', ?)`,
    );
    insert.run('conn_1', 'tx_a', 'unknown account acc_x', '2026-11-20T10:00:00.000Z');
    insert.run('conn_2', 'tx_b', 'no currency code', '2026-11-20T11:00:00.000Z');
    insert.run('conn_1', 'tx_c', 'malformed transaction: date', '2026-11-20T12:00:00.000Z');
    db.close();

    const all = await call('quarantine.list');
    expect(all.map((q) => q.plaidId)).toEqual(['tx_c', 'tx_b', 'tx_a']);
    expect(all[0]).toEqual({
      id: 3,
      connectionId: 'conn_1',
      runId: null,
      kind: 'transaction',
      plaidId: 'tx_c',
      reason: 'malformed transaction: date',
      createdAt: '2026-11-20T12:00:00.000Z',
    });
    expect(JSON.stringify(all)).not.toContain('secretish');
    const one = await call('quarantine.list', { connectionId: 'conn_1', limit: 1 });
    expect(one.map((q) => q.plaidId)).toEqual(['tx_c']);
    const missing = await t.core.invoke('quarantine.list', { connectionId: 'conn_9' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
