import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, type Migration } from '../../../src/main/db/migration';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { openDatabase } from '../../../src/main/db/open';
import { CANDIDATES_SQL } from '../../../src/main/db/transfers-repo';
import { tempDir } from '../../support/temp-dir';

const LATEST = MIGRATIONS.length;

/** Everything a migration could touch, in a comparable form: schema, rows and version. */
function dump(file: string): string {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const schema = db
      .prepare(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { type: string; name: string; sql: string }[];
    const rows = schema
      .filter((o) => o.type === 'table' && !o.sql.startsWith('CREATE VIRTUAL'))
      .map((o) => ({ [o.name]: db.prepare(`SELECT * FROM "${o.name}"`).all() }));
    return JSON.stringify({ version: db.pragma('user_version', { simple: true }), schema, rows });
  } finally {
    db.close();
  }
}

/** A file at an exact earlier version, built by the shipped migrations themselves. */
function fileAtVersion(dir: string, version: number): string {
  const file = path.join(dir, 'ledgerlight.sqlite');
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  applyMigrations(db, MIGRATIONS.slice(0, version));
  db.close();
  return file;
}

function insertV1Fixture(db: Database): void {
  const now = '2026-01-01T00:00:00.000Z';
  db.prepare(`INSERT INTO institutions (id, name, updated_at) VALUES ('ins_1', 'Bank', ?)`).run(
    now,
  );
  db.prepare(
    `INSERT INTO connections (id, environment, plaid_item_id, institution_id, display_name,
       sync_frequency_minutes, created_at, updated_at)
     VALUES ('c1', 'sandbox', 'item1', 'ins_1', 'Bank', 360, ?, ?)`,
  ).run(now, now);
  db.prepare(
    `INSERT INTO accounts (id, connection_id, name, type, currency, created_at, updated_at)
     VALUES ('a1', 'c1', 'Checking', 'depository', 'USD', ?, ?)`,
  ).run(now, now);
  db.prepare(
    `INSERT INTO transactions (id, account_id, connection_id, date, name, merchant_name, amount,
       currency, pending, created_at, updated_at)
     VALUES ('t1', 'a1', 'c1', '2026-01-01', 'STARBUCKS 123', 'Starbucks', -450, 'USD', 0, ?, ?),
            ('t2', 'a1', 'c1', '2026-01-02', 'Payroll', NULL, 250000, 'USD', 0, ?, ?)`,
  ).run(now, now, now, now);
}

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('bring an empty file to the latest version with durable pragmas', async () => {
    const file = path.join(tempDir(), 'ledgerlight.sqlite');
    const db = await openDatabase({ file });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'transactions_fts%'",
      )
      .all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name).sort()).toEqual(
      [
        'accounts',
        'balance_snapshots',
        'connections',
        'import_batches',
        'institutions',
        'quarantine',
        'settings',
        'securities',
        'holdings',
        'liabilities',
        'recurring_streams',
        'investment_transactions',
        'payee_rules',
        'sync_runs',
        'sync_stage',
        'sync_stage_pages',
        'search_index_deferral',
        'spending_days',
        'tags',
        'transaction_aliases',
        'transaction_edits',
        'transaction_splits',
        'transaction_tags',
        'transactions',
        'transfer_pairs',
        'rules',
        'categories',
        'category_merges',
        'transaction_import_ids',
        'batch_links',
      ].sort(),
    );
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT/);
    db.close();
  });

  it('reopening a current file changes nothing and makes no backup', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ledgerlight.sqlite');
    (await openDatabase({ file })).close();
    const before = dump(file);
    (await openDatabase({ file })).close();
    expect(dump(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('from version 1 with rows: keeps every row, indexes them for search, and backs up first', async () => {
    const dir = tempDir();
    const file = fileAtVersion(dir, 1);
    const v1 = new BetterSqlite3(file);
    insertV1Fixture(v1);
    v1.close();

    const db = await openDatabase({ file, now: () => new Date('2026-02-03T04:05:06Z') });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.prepare('SELECT id FROM transactions ORDER BY id').pluck().all()).toEqual([
      't1',
      't2',
    ]);
    const found = db
      .prepare(
        'SELECT t.id FROM transactions t WHERE t.seq IN (SELECT rowid FROM transactions_fts WHERE transactions_fts MATCH \'"starbu"\')',
      )
      .pluck()
      .all();
    expect(found).toEqual(['t1']);
    db.close();

    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toEqual(['ledgerlight-v1-2026-02-03T04-05-06-000Z.sqlite']);
    const backup = new BetterSqlite3(path.join(dir, 'backups', backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT COUNT(*) FROM transactions').pluck().get()).toBe(2);
    backup.close();
  });

  it('from version 2 with rows: keeps them, searchable, and adds holdings and liabilities', async () => {
    const dir = tempDir();
    const file = fileAtVersion(dir, 2);
    const v2 = new BetterSqlite3(file);
    v2.pragma('foreign_keys = ON');
    insertV1Fixture(v2);
    v2.close();

    const db = await openDatabase({ file });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.prepare('SELECT COUNT(*) FROM transactions').pluck().get()).toBe(2);
    const search = db.prepare(
      "SELECT rowid FROM transactions_fts WHERE transactions_fts MATCH 'payroll'",
    );
    expect(search.all()).toHaveLength(1);
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare(
      "INSERT INTO securities (id, name, ticker, close_price, currency, updated_at) VALUES ('s1', 'Index fund', 'IDX', 12345, 'USD', ?)",
    ).run(now);
    db.prepare(
      "INSERT INTO holdings (account_id, security_id, quantity, institution_value, currency, updated_at) VALUES ('a1', 's1', 1.5, 18517, 'USD', ?)",
    ).run(now);
    db.prepare(
      "INSERT INTO liabilities (account_id, kind, details, updated_at) VALUES ('a1', 'credit', '{}', ?)",
    ).run(now);
    expect(() =>
      db.prepare("UPDATE liabilities SET kind = 'payday' WHERE account_id = 'a1'").run(),
    ).toThrow(/CHECK/);
    db.close();
    expect(fs.readdirSync(path.join(dir, 'backups'))).toHaveLength(1);
  });

  it('from version 3 with rows: the same rows, now listed and counted through partial indexes', async () => {
    const dir = tempDir();
    const file = fileAtVersion(dir, 3);
    const v3 = new BetterSqlite3(file);
    v3.pragma('foreign_keys = ON');
    insertV1Fixture(v3);
    v3.prepare(
      "UPDATE transactions SET removed_at = '2026-01-03T00:00:00.000Z' WHERE id = 't2'",
    ).run();
    v3.close();

    const db = await openDatabase({ file });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    const visible =
      'SELECT id FROM transactions WHERE removed_at IS NULL ORDER BY date DESC, seq DESC';
    expect(db.prepare(visible).pluck().all()).toEqual(['t1']);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${visible}`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/transactions_visible_by_date/);
    const count = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM transactions WHERE removed_at IS NULL AND COALESCE(user_category, category) = 'X'",
      )
      .all() as { detail: string }[];
    expect(count.map((p) => p.detail).join(' ')).toMatch(/INDEX transactions_visible_by_category/);
    // Deleting an account still finds its removed rows through the foreign-key index.
    db.prepare("DELETE FROM accounts WHERE id = 'a1'").run();
    expect(db.prepare('SELECT COUNT(*) FROM transactions').pluck().get()).toBe(0);
    db.close();
  });

  it('from version 4: each connection gets the API address it was made through', async () => {
    const dir = tempDir();
    const withSetting = fileAtVersion(dir, 4);
    const v4 = new BetterSqlite3(withSetting);
    v4.pragma('foreign_keys = ON');
    insertV1Fixture(v4);
    v4.prepare("INSERT INTO settings (key, value) VALUES ('plaid.baseUrl', ?)").run(
      JSON.stringify('http://127.0.0.1:4010'),
    );
    v4.close();
    const db = await openDatabase({ file: withSetting });
    const row = "SELECT plaid_base_url FROM connections WHERE id = 'c1'";
    expect(db.prepare(row).pluck().get()).toBe('http://127.0.0.1:4010');
    // The setting is gone: the address is no longer something the window can change.
    expect(
      db.prepare("SELECT COUNT(*) FROM settings WHERE key = 'plaid.baseUrl'").pluck().get(),
    ).toBe(0);
    db.close();

    const other = tempDir();
    const plain = fileAtVersion(other, 4);
    const raw = new BetterSqlite3(plain);
    raw.pragma('foreign_keys = ON');
    insertV1Fixture(raw);
    raw.close();
    const reopened = await openDatabase({ file: plain });
    expect(reopened.prepare(row).pluck().get()).toBe('https://sandbox.plaid.com');
    reopened.close();
  });

  it('from version 5: every row keeps its bank fields, with empty user fields, no locks and no history', async () => {
    const dir = tempDir();
    const file = fileAtVersion(dir, 5);
    const v5 = new BetterSqlite3(file);
    v5.pragma('foreign_keys = ON');
    insertV1Fixture(v5);
    const bankColumns =
      'SELECT id, date, name, merchant_name, amount, currency FROM transactions ORDER BY id';
    const before = v5.prepare(bankColumns).all();
    v5.close();

    const db = await openDatabase({ file });
    expect(db.prepare(bankColumns).all()).toEqual(before);
    expect(
      db
        .prepare(
          'SELECT DISTINCT payee, user_category, notes, excluded, reviewed, locks, needs_review FROM transactions',
        )
        .all(),
    ).toEqual([
      {
        payee: null,
        user_category: null,
        notes: null,
        excluded: 0,
        reviewed: 0,
        locks: '{}',
        needs_review: null,
      },
    ]);
    expect(db.prepare('SELECT COUNT(*) FROM transaction_edits').pluck().get()).toBe(0);
    // A category filter pages through the index of the category a row shows.
    const filtered = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT seq FROM transactions t WHERE t.removed_at IS NULL
         AND COALESCE(t.user_category, t.category) = ? ORDER BY t.date DESC, t.seq DESC LIMIT 101`,
      )
      .all('FOOD_AND_DRINK') as { detail: string }[];
    expect(filtered.map((p) => p.detail).join(' ')).toMatch(
      /INDEX transactions_visible_by_category/,
    );
    expect(filtered.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
    // An alias cannot point at nothing.
    expect(() =>
      db
        .prepare(
          "INSERT INTO transaction_aliases (plaid_id, seq, reason, created_at) VALUES ('x', 999, 'posted', 'now')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('from version 6: rows already there are found mid-word, in the person’s payee and notes too', async () => {
    const dir = tempDir();
    const file = fileAtVersion(dir, 6);
    const v6 = new BetterSqlite3(file);
    v6.pragma('foreign_keys = ON');
    insertV1Fixture(v6);
    v6.prepare(
      "UPDATE transactions SET payee = 'Morning coffee', notes = 'with Ana' WHERE id = 't1'",
    ).run();
    v6.close();
    const db = await openDatabase({ file });
    const find = (q: string) =>
      db
        .prepare(
          'SELECT t.id FROM transactions t WHERE t.seq IN (SELECT rowid FROM transactions_fts WHERE transactions_fts MATCH ?) ORDER BY t.id',
        )
        .pluck()
        .all(q);
    expect(find('"arbuck"')).toEqual(['t1']);
    expect(find('"ffee"')).toEqual(['t1']);
    expect(find('"th an"')).toEqual(['t1']);
    expect(find('"yrol"')).toEqual(['t2']);
    // The triggers follow later edits of the person's fields.
    db.prepare("UPDATE transactions SET notes = 'rent share' WHERE id = 't2'").run();
    expect(find('"nt sha"')).toEqual(['t2']);
    db.close();
  });

  it('from version 7: no payee rules yet, and the rows of one bank text are found by index', async () => {
    const dir = tempDir();
    const file = fileAtVersion(dir, 7);
    const v7 = new BetterSqlite3(file);
    v7.pragma('foreign_keys = ON');
    insertV1Fixture(v7);
    v7.close();
    const db = await openDatabase({ file });
    expect(db.prepare('SELECT COUNT(*) FROM payee_rules').pluck().get()).toBe(0);
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT * FROM transactions WHERE name = 'STARBUCKS 123' AND removed_at IS NULL",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/INDEX transactions_by_name/);
    db.close();
  });

  it('from version 8: accounts keep the bank’s name, with no name of the person’s and not hidden', async () => {
    const dir = tempDir();
    const file = fileAtVersion(dir, 8);
    const v8 = new BetterSqlite3(file);
    v8.pragma('foreign_keys = ON');
    insertV1Fixture(v8);
    v8.close();
    const db = await openDatabase({ file });
    expect(db.prepare('SELECT id, name, user_name, hidden FROM accounts').all()).toEqual([
      { id: 'a1', name: 'Checking', user_name: null, hidden: 0 },
    ]);
    expect(() => db.prepare("UPDATE accounts SET hidden = 2 WHERE id = 'a1'").run()).toThrow(
      /CHECK/,
    );
    db.close();
  });

  it('from version 9: rows have no tags and no splits; a tag name is unique in any letter case, and parts go with their row', async () => {
    const dir = tempDir();
    const file = fileAtVersion(dir, 9);
    const v9 = new BetterSqlite3(file);
    v9.pragma('foreign_keys = ON');
    insertV1Fixture(v9);
    v9.close();
    const db = await openDatabase({ file });
    expect(db.prepare('SELECT COUNT(*) FROM tags').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM transaction_tags').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM transaction_splits').pluck().get()).toBe(0);
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare("INSERT INTO tags (name, created_at) VALUES ('Holiday', ?)").run(now);
    expect(() =>
      db.prepare("INSERT INTO tags (name, created_at) VALUES ('HOLIDAY', ?)").run(now),
    ).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO tags (name, created_at) VALUES ('', ?)").run(now)).toThrow(
      /CHECK/,
    );
    const seq = db.prepare("SELECT seq FROM transactions WHERE id = 't1'").pluck().get() as number;
    db.prepare('INSERT INTO transaction_tags (seq, tag_id) SELECT ?, id FROM tags').run(seq);
    db.prepare(
      'INSERT INTO transaction_splits (seq, position, amount, category) VALUES (?, 0, -300, ?), (?, 1, -150, NULL)',
    ).run(seq, 'Coffee', seq);
    expect(() =>
      db
        .prepare('INSERT INTO transaction_splits (seq, position, amount) VALUES (?, 2, 0)')
        .run(seq),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare('INSERT INTO transaction_splits (seq, position, amount) VALUES (?, 1, -5)')
        .run(seq),
    ).toThrow(/UNIQUE/);
    // A row's tags are found from the tag by index, for the tag filter.
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT seq FROM transaction_tags WHERE tag_id = 1')
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/transaction_tags_by_tag|PRIMARY KEY/);
    // Tags and parts live and die with their row.
    db.prepare('DELETE FROM transactions WHERE seq = ?').run(seq);
    expect(db.prepare('SELECT COUNT(*) FROM transaction_tags').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM transaction_splits').pluck().get()).toBe(0);
    db.close();
  });

  it('from version 10: no transfer decisions yet, and a row finds its opposite amount by index', async () => {
    const dir = tempDir();
    const file = fileAtVersion(dir, 10);
    const v10 = new BetterSqlite3(file);
    v10.pragma('foreign_keys = ON');
    insertV1Fixture(v10);
    const now = '2026-01-01T00:00:00.000Z';
    v10
      .prepare(
        `INSERT INTO accounts (id, connection_id, name, type, currency, created_at, updated_at)
         VALUES ('a2', 'c1', 'Savings', 'depository', 'USD', ?, ?)`,
      )
      .run(now, now);
    v10
      .prepare(
        `INSERT INTO transactions (id, account_id, connection_id, date, name, amount, currency,
           pending, created_at, updated_at)
         VALUES ('t3', 'a1', 'c1', '2026-01-05', 'TO SAVINGS', -50000, 'USD', 0, ?, ?),
                ('t4', 'a2', 'c1', '2026-01-07', 'FROM CHECKING', 50000, 'USD', 0, ?, ?)`,
      )
      .run(now, now, now, now);
    v10.close();

    const db = await openDatabase({ file });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.prepare('SELECT COUNT(*) FROM transactions').pluck().get()).toBe(4);
    expect(db.prepare('SELECT COUNT(*) FROM transfer_pairs').pluck().get()).toBe(0);

    const params = [4, 4, '2025-01-01', 100];
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${CANDIDATES_SQL}`).all(...params) as {
      detail: string;
    }[];
    const details = plan.map((p) => p.detail).join(' | ');
    expect(details).toMatch(
      /SEARCH i USING INDEX transactions_visible_by_transfer \(currency=\? AND amount=\? AND date>\? AND date<\?\)/,
    );
    expect(details).toMatch(/SEARCH o USING INDEX transactions_visible_by_date \(date>\?\)/);
    // The decisions are looked up by key, never scanned.
    expect(details).not.toMatch(/SCAN p\b/);
    const seq = (id: string) =>
      db.prepare('SELECT seq FROM transactions WHERE id = ?').pluck().get(id) as number;
    expect(db.prepare(CANDIDATES_SQL).all(...params)).toEqual([
      { outSeq: seq('t3'), inSeq: seq('t4'), outDate: '2026-01-05', daysApart: 2 },
    ]);

    const decide = db.prepare(
      "INSERT INTO transfer_pairs (out_seq, in_seq, status, decided_at) VALUES (?, ?, ?, 'now')",
    );
    expect(() => decide.run(seq('t3'), seq('t4'), 'maybe')).toThrow(/CHECK/);
    expect(() => decide.run(seq('t3'), seq('t3'), 'rejected')).toThrow(/CHECK/);
    decide.run(seq('t3'), seq('t4'), 'confirmed');
    // A row is in one confirmed transfer at most; rejections may be many.
    expect(() => decide.run(seq('t3'), seq('t2'), 'confirmed')).toThrow(/UNIQUE/);
    decide.run(seq('t3'), seq('t2'), 'rejected');
    expect(db.prepare(CANDIDATES_SQL).all(...params)).toEqual([]);
    // Purging a row takes its decisions with it.
    db.prepare("DELETE FROM transactions WHERE id = 't3'").run();
    expect(db.prepare('SELECT COUNT(*) FROM transfer_pairs').pluck().get()).toBe(0);
    db.close();
  });

  it('from version 12: Plaid’s categories and every category already in use become the person’s list', async () => {
    const dir = tempDir();
    const file = fileAtVersion(dir, 12);
    const v12 = new BetterSqlite3(file);
    v12.pragma('foreign_keys = ON');
    insertV1Fixture(v12);
    const now = '2026-01-01T00:00:00.000Z';
    v12
      .prepare(
        `INSERT INTO transactions (id, account_id, connection_id, date, name, amount, currency,
           pending, category, user_category, created_at, updated_at)
         VALUES ('t3', 'a1', 'c1', '2026-01-03', 'CAFE', -300, 'USD', 0, 'FOOD_AND_DRINK', 'Coffee', ?, ?),
                ('t4', 'a1', 'c1', '2026-01-04', 'CAFE 2', -310, 'USD', 0, NULL, 'coffee', ?, ?),
                ('t5', 'a1', 'c1', '2026-01-05', 'ODD', -320, 'USD', 0, 'OTHER', NULL, ?, ?),
                ('t6', 'a1', 'c1', '2026-01-06', 'TRIP', -330, 'USD', 0, NULL, 'travel', ?, ?)`,
      )
      .run(now, now, now, now, now, now, now, now);
    const t1 = v12.prepare("SELECT seq FROM transactions WHERE id = 't1'").pluck().get() as number;
    v12
      .prepare(
        'INSERT INTO transaction_splits (seq, position, amount, category) VALUES (?, 0, -200, ?), (?, 1, -250, ?)',
      )
      .run(t1, 'Snacks', t1, 'Coffee');
    v12.close();

    const db = await openDatabase({ file });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    const rows = db.prepare('SELECT name, plaid_key, hidden FROM categories ORDER BY id').all() as {
      name: string;
      plaid_key: string | null;
      hidden: number;
    }[];
    // Plaid's primary categories first, in their order, named as the app has always shown them.
    expect(rows.slice(0, 3)).toEqual([
      { name: 'Food and drink', plaid_key: 'FOOD_AND_DRINK', hidden: 0 },
      { name: 'General merchandise', plaid_key: 'GENERAL_MERCHANDISE', hidden: 0 },
      { name: 'Rent and utilities', plaid_key: 'RENT_AND_UTILITIES', hidden: 0 },
    ]);
    expect(rows).toHaveLength(16 + 3);
    // Then a key the bank sent that the list lacked, and the names the person typed: one
    // category per name whatever its letter case (the first spelling), none for a Plaid name.
    expect(rows.slice(16)).toEqual([
      { name: 'Other', plaid_key: 'OTHER', hidden: 0 },
      { name: 'Coffee', plaid_key: null, hidden: 0 },
      { name: 'Snacks', plaid_key: null, hidden: 0 },
    ]);
    expect(rows.filter((r) => r.name.toLowerCase() === 'travel')).toEqual([
      { name: 'Travel', plaid_key: 'TRAVEL', hidden: 0 },
    ]);
    // The rows themselves are untouched.
    expect(db.prepare('SELECT user_category FROM transactions ORDER BY seq').pluck().all()).toEqual(
      [null, null, 'Coffee', 'coffee', null, 'travel'],
    );
    expect(db.prepare('SELECT COUNT(*) FROM category_merges').pluck().get()).toBe(0);
    const insert = db.prepare(
      'INSERT INTO categories (name, plaid_key, hidden, created_at) VALUES (?, ?, ?, ?)',
    );
    expect(() => insert.run('COFFEE', null, 0, now)).toThrow(/UNIQUE/);
    expect(() => insert.run('Dining', 'FOOD_AND_DRINK', 0, now)).toThrow(/UNIQUE/);
    expect(() => insert.run('Dining', null, 2, now)).toThrow(/CHECK/);
    expect(() => insert.run('  ', null, 0, now)).toThrow(/CHECK/);
    expect(() => insert.run(Buffer.from('x'), null, 0, now)).toThrow(/cannot store BLOB value/);
    db.close();
  });

  it('refuses a file newer than the app knows, and leaves it unchanged', async () => {
    const dir = tempDir();
    const file = fileAtVersion(dir, LATEST);
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST + 5}`);
    raw.close();
    const before = dump(file);
    await expect(openDatabase({ file })).rejects.toThrow(/newer version of Ledgerlight/);
    expect(dump(file)).toBe(before);
  });

  it('a failing migration leaves the file exactly as it was', async () => {
    const dir = tempDir();
    const file = fileAtVersion(dir, 1);
    const v1 = new BetterSqlite3(file);
    insertV1Fixture(v1);
    v1.close();
    const before = dump(file);

    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: LATEST + 1, name: 'adds_a_table', up: 'CREATE TABLE extra (x INTEGER) STRICT;' },
      {
        version: LATEST + 2,
        name: 'fails_halfway',
        up: "UPDATE transactions SET name = 'changed'; SELECT no_such_function();",
      },
    ];
    await expect(openDatabase({ file, migrations: broken })).rejects.toThrow(/no_such_function/);
    expect(dump(file)).toBe(before);
  });

  it('from version 11: edits keep their history, and rules start empty and refuse broken JSON', async () => {
    const dir = tempDir();
    const file = fileAtVersion(dir, 11);
    const v11 = new BetterSqlite3(file);
    v11.pragma('foreign_keys = ON');
    insertV1Fixture(v11);
    const now = '2026-01-01T00:00:00.000Z';
    const seq = v11.prepare("SELECT seq FROM transactions WHERE id = 't1'").pluck().get() as number;
    v11
      .prepare(
        `INSERT INTO transaction_edits (group_id, seq, field, before, after, source, at)
         VALUES (1, ?, 'category', '{"value":null,"locked":false}',
                 '{"value":"Coffee","locked":true}', 'user', ?)`,
      )
      .run(seq, now);
    v11.close();

    const db = await openDatabase({ file });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(12);
    expect(
      db.prepare('SELECT source, rule_id FROM transaction_edits WHERE seq = ?').get(seq),
    ).toEqual({ source: 'user', rule_id: null });
    expect(db.prepare('SELECT COUNT(*) FROM rules').pluck().get()).toBe(0);
    const insert = db.prepare(
      `INSERT INTO rules (name, stage, position, conditions, actions, created_at, updated_at)
       VALUES ('r', ?, 0, ?, '{"category":"Coffee"}', ?, ?)`,
    );
    expect(() => insert.run('default', '{not json', now, now)).toThrow(/CHECK/);
    expect(() => insert.run('sometime', '{}', now, now)).toThrow(/CHECK/);
    insert.run('pre', '{}', now, now);
    expect(db.prepare('SELECT COUNT(*) FROM rules').pluck().get()).toBe(1);
    db.close();
  });

  it('from version 13: the sort indexes are built over the rows already there', async () => {
    const file = fileAtVersion(tempDir(), 13);
    const v13 = new BetterSqlite3(file);
    insertV1Fixture(v13);
    const rows = v13.prepare('SELECT COUNT(*) FROM transactions').pluck().get();
    v13.close();

    const db = await openDatabase({ file });
    expect(db.prepare('SELECT COUNT(*) FROM transactions').pluck().get()).toBe(rows);
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%by_%'")
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining([
        'transactions_visible_by_payee',
        'transactions_visible_by_shown_category',
      ]),
    );
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT seq FROM transactions WHERE removed_at IS NULL
         ORDER BY COALESCE(payee, merchant_name, name) COLLATE NOCASE, seq LIMIT 5`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/transactions_visible_by_payee/);
    db.close();
  });

  it('from version 14: every row, account and batch keeps its seq and its links, and rows without a connection become possible', async () => {
    const file = fileAtVersion(tempDir(), 14);
    const v14 = new BetterSqlite3(file);
    v14.pragma('foreign_keys = ON');
    insertV1Fixture(v14);
    const now = '2026-01-01T00:00:00.000Z';
    v14.prepare("INSERT INTO tags (name, created_at) VALUES ('trip', ?)").run(now);
    v14.prepare('INSERT INTO transaction_tags (seq, tag_id) SELECT seq, 1 FROM transactions').run();
    v14.prepare("INSERT INTO transaction_aliases VALUES ('old-id', 1, 'posted', ?)").run(now);
    v14
      .prepare("INSERT INTO import_batches (connection_id, created_at, added) VALUES ('c1', ?, 2)")
      .run(now);
    v14
      .prepare('UPDATE transactions SET batch_id = 1, payee = ?, locks = ? WHERE seq = 1')
      .run('Coffee', '{"payee":"x"}');
    const before = v14.prepare('SELECT * FROM transactions ORDER BY seq').all();
    v14.close();

    const db = await openDatabase({ file });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const after = db.prepare('SELECT * FROM transactions ORDER BY seq').all() as Record<
      string,
      unknown
    >[];
    expect(after.map(({ source: _s, ...rest }) => rest)).toEqual(before);
    expect(after.every((r) => r.source === 'plaid')).toBe(true);
    expect(db.prepare('SELECT COUNT(*) FROM transaction_tags').pluck().get()).toBe(before.length);
    expect(db.prepare('SELECT seq, reason FROM transaction_aliases').all()).toEqual([
      { seq: 1, reason: 'posted' },
    ]);
    expect(db.prepare('SELECT method, connection_id FROM import_batches').all()).toEqual([
      { method: 'PLAID', connection_id: 'c1' },
    ]);
    // The search index still points at the same rows.
    expect(
      db
        .prepare('SELECT rowid FROM transactions_fts WHERE transactions_fts MATCH \'"starbucks"\'')
        .pluck()
        .all(),
    ).toEqual([1]);
    // A manual account and row need no connection; a Plaid one still does.
    db.prepare(
      `INSERT INTO accounts (id, source, name, type, currency, created_at, updated_at)
       VALUES ('manual-1', 'manual', 'Wallet', 'depository', 'EUR', ?, ?)`,
    ).run(now, now);
    db.prepare(
      `INSERT INTO transactions (id, account_id, source, date, name, amount, currency, pending,
         created_at, updated_at) VALUES ('manual-t1', 'manual-1', 'manual', '2026-01-05', 'Bread', -350, 'EUR', 0, ?, ?)`,
    ).run(now, now);
    expect(() =>
      db
        .prepare(
          `INSERT INTO transactions (id, account_id, source, date, name, amount, currency, pending,
             created_at, updated_at) VALUES ('p9', 'a1', 'plaid', '2026-01-05', 'x', 1, 'USD', 0, ?, ?)`,
        )
        .run(now, now),
    ).toThrow(/CHECK/);
    // Deleting the connection still takes its rows with it, and leaves the manual ones.
    db.prepare("DELETE FROM connections WHERE id = 'c1'").run();
    expect(db.prepare('SELECT id FROM transactions').pluck().all()).toEqual(['manual-t1']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('refuses a file that is not a database, with a clear message', async () => {
    const file = path.join(tempDir(), 'ledgerlight.sqlite');
    fs.writeFileSync(file, 'this is not sqlite'.repeat(500));
    await expect(openDatabase({ file })).rejects.toThrow(/cannot be read as a database|integrity/);
  });

  it('enforces the schema: STRICT types, status values, unique Plaid ids', async () => {
    const db = await openDatabase({ file: path.join(tempDir(), 'l.sqlite') });
    insertV1Fixture(db);
    const now = '2026-01-01T00:00:00.000Z';
    const insertTx = db.prepare(
      `INSERT INTO transactions (id, account_id, connection_id, date, name, amount, currency,
         pending, created_at, updated_at) VALUES (?, 'a1', 'c1', '2026-01-03', 'x', ?, 'USD', 0, ?, ?)`,
    );
    expect(() => insertTx.run('t1', 100, now, now)).toThrow(/UNIQUE/);
    expect(() => insertTx.run('t3', 'ten dollars', now, now)).toThrow(
      /cannot store TEXT value in INTEGER/,
    );
    expect(() => db.prepare("UPDATE connections SET status = 'BROKEN'").run()).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO accounts (id, connection_id, name, type, currency, created_at, updated_at)
           VALUES ('a9', 'no-such-connection', 'x', 'depository', 'USD', ?, ?)`,
        )
        .run(now, now),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
