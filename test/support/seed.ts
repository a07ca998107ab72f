import type { Database } from 'better-sqlite3';

/**
 * Writes a small, known data set straight into a migrated database, for tests of the reading side
 * (the sync engine that normally writes these rows is tested on its own).
 */
export interface SeedOptions {
  connections?: number;
  transactionsPerAccount?: number;
  /** The newest transaction date; older ones step back one day at a time. */
  today?: string;
}

export interface Seeded {
  connectionIds: string[];
  accountIds: string[];
  transactionCount: number;
  batchIds: number[];
}

const MERCHANTS = ['Starbucks', 'Whole Foods', 'Uber', 'Netflix', 'Shell', 'Amazon', 'Delta Air'];
const CATEGORIES = ['FOOD_AND_DRINK', 'GENERAL_MERCHANDISE', 'TRANSPORTATION', 'ENTERTAINMENT'];

export function seedDatabase(db: Database, options: SeedOptions = {}): Seeded {
  const connections = options.connections ?? 2;
  const perAccount = options.transactionsPerAccount ?? 30;
  const today = Date.parse(`${options.today ?? '2026-11-20'}T00:00:00Z`);
  const now = '2026-11-20T12:00:00.000Z';
  const seeded: Seeded = { connectionIds: [], accountIds: [], transactionCount: 0, batchIds: [] };

  const insertInstitution = db.prepare(
    `INSERT OR IGNORE INTO institutions (id, name, primary_color, url, updated_at)
     VALUES (?, ?, '#1f6feb', 'https://example.com', ?)`,
  );
  const insertConnection = db.prepare(
    `INSERT INTO connections (id, environment, plaid_base_url, plaid_item_id, institution_id,
       display_name, sync_frequency_minutes, last_sync_at, last_success_at, next_sync_at,
       created_at, updated_at)
     VALUES (?, 'sandbox', 'http://127.0.0.1:9', ?, ?, ?, 360, ?, ?, ?, ?, ?)`,
  );
  const insertAccount = db.prepare(
    `INSERT INTO accounts (id, connection_id, name, type, subtype, mask, currency,
       balance_current, balance_available, balance_limit, balance_updated_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRun = db.prepare(
    `INSERT INTO sync_runs (connection_id, trigger, status, started_at, finished_at, added)
     VALUES (?, 'manual', 'succeeded', ?, ?, ?)`,
  );
  const insertBatch = db.prepare(
    `INSERT INTO import_batches (connection_id, run_id, created_at, added) VALUES (?, ?, ?, ?)`,
  );
  const insertTransaction = db.prepare(
    `INSERT INTO transactions (id, account_id, connection_id, date, name, merchant_name, category,
       amount, currency, pending, batch_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSnapshot = db.prepare(
    `INSERT INTO balance_snapshots (account_id, date, current, available, currency)
     VALUES (?, ?, ?, ?, ?)`,
  );

  db.transaction(() => {
    for (let c = 0; c < connections; c++) {
      const connectionId = `conn_${c + 1}`;
      const institutionId = `ins_${109508 + c}`;
      insertInstitution.run(institutionId, `Seed Bank ${c + 1}`, now);
      insertConnection.run(
        connectionId,
        `item_${c + 1}`,
        institutionId,
        `Seed Bank ${c + 1}`,
        now,
        now,
        '2026-11-20T18:00:00.000Z',
        `2026-01-0${c + 1}T00:00:00.000Z`,
        now,
      );
      seeded.connectionIds.push(connectionId);
      const runId = Number(insertRun.run(connectionId, now, now, perAccount * 2).lastInsertRowid);
      const batchId = Number(
        insertBatch.run(connectionId, runId, now, perAccount * 2).lastInsertRowid,
      );
      seeded.batchIds.push(batchId);

      const accounts = [
        {
          suffix: 'chk',
          name: 'Checking',
          type: 'depository',
          subtype: 'checking',
          currency: 'USD',
        },
        {
          suffix: 'cc',
          name: 'Credit Card',
          type: 'credit',
          subtype: 'credit card',
          currency: c ? 'CAD' : 'USD',
        },
      ];
      for (const [a, account] of accounts.entries()) {
        const accountId = `acc_${c + 1}_${account.suffix}`;
        insertAccount.run(
          accountId,
          connectionId,
          account.name,
          account.type,
          account.subtype,
          `${1000 + a}`,
          account.currency,
          125_000 - a * 50_000,
          120_000 - a * 50_000,
          account.type === 'credit' ? 500_000 : null,
          now,
          now,
          now,
        );
        seeded.accountIds.push(accountId);
        for (let d = 0; d < 3; d++) {
          const date = new Date(today - d * 86_400_000).toISOString().slice(0, 10);
          insertSnapshot.run(
            accountId,
            date,
            125_000 - d * 1000,
            120_000 - d * 1000,
            account.currency,
          );
        }
        for (let t = 0; t < perAccount; t++) {
          // Ten years at most, so that large benchmark sets have many rows a day.
          const date = new Date(today - (t % 3650) * 86_400_000).toISOString().slice(0, 10);
          const merchant = MERCHANTS[(t + a) % MERCHANTS.length]!;
          const amount = t % 5 === 0 ? 250_000 : -((t * 731 + a * 97) % 9_000) - 100;
          insertTransaction.run(
            `tx_${c + 1}_${account.suffix}_${t}`,
            accountId,
            connectionId,
            date,
            t % 5 === 0 ? 'PAYROLL ACME CORP' : `${merchant.toUpperCase()} #${t}`,
            t % 5 === 0 ? null : merchant,
            t % 5 === 0 ? 'INCOME' : CATEGORIES[t % CATEGORIES.length]!,
            amount,
            account.currency,
            t < 2 ? 1 : 0,
            batchId,
            now,
            now,
          );
          seeded.transactionCount++;
        }
      }
    }
  })();
  return seeded;
}
