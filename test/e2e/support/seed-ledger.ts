import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databaseFileName } from '../../../src/main/environment-file';
import { openDatabase, type Database } from '../../../src/main/db/open';
import { squareLogoPng } from '@ledgerlight/plaid-emulator';

/**
 * A data folder with a ledger already in it, for UI tests of screens that need data without a
 * bank: the host opens it as it would the user's own. The rows are written with the app's own
 * migrations (openDatabase) and plain SQL, as test/support/seed.ts does for the core's tests.
 *
 * Dates are relative to today, so "this month" on the overview always has data. Every active
 * connection's next sync is hours away, so the host's start-up sync leaves them alone.
 */
export interface SeedOptions {
  /** Instead of the household, one bank with this many transactions (scale tests). */
  bulk?: number;
  /** Connections whose last manual sync started just now (their Sync now is cooling down). */
  manualSyncJustNow?: string[];
}

export interface SeededLedger {
  dataDir: string;
  databasePath: string;
  transactionCount: number;
}

export const SEEDED = {
  platypus: 'conn_platypus',
  tartan: 'conn_tartan',
  hound: 'conn_hound',
  bulk: 'conn_bulk',
} as const;

const DAY = 86_400_000;

export async function seedLedger(options: SeedOptions = {}): Promise<SeededLedger> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledgerlight-e2e-seed-'));
  const databasePath = path.join(dataDir, databaseFileName('sandbox'));
  const db = await openDatabase({ file: databasePath });
  try {
    const writer = new Writer(db);
    const count = db.transaction(() =>
      options.bulk ? writer.bulk(options.bulk) : writer.household(options.manualSyncJustNow ?? []),
    )();
    return { dataDir, databasePath, transactionCount: count };
  } finally {
    db.close();
  }
}

/** A small, deterministic random stream (the same data every run). */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Merchant {
  merchant: string;
  name: string;
  primary: string;
  detailed: string;
  /** Typical amount in cents and its spread. */
  cents: number;
  spread: number;
}

const m = (
  merchant: string,
  name: string,
  primary: string,
  detailed: string,
  cents: number,
  spread: number,
): Merchant => ({ merchant, name, primary, detailed: `${primary}_${detailed}`, cents, spread });

const EVERYDAY: Merchant[] = [
  m('Starbucks', 'STARBUCKS STORE 04321', 'FOOD_AND_DRINK', 'COFFEE', 575, 250),
  m('Whole Foods Market', 'WHOLEFDS MKT 10235', 'FOOD_AND_DRINK', 'GROCERIES', 8640, 4000),
  m("Trader Joe's", 'TRADER JOE S #552', 'FOOD_AND_DRINK', 'GROCERIES', 5480, 2500),
  m('Chipotle', 'CHIPOTLE 1187', 'FOOD_AND_DRINK', 'RESTAURANT', 1390, 500),
  m('Sweetgreen', 'SWEETGREEN SOMA', 'FOOD_AND_DRINK', 'RESTAURANT', 1650, 400),
  m('Uber', 'UBER *TRIP HELP.UBER.COM', 'TRANSPORTATION', 'TAXIS_AND_RIDE_SHARES', 2210, 1200),
  m('Shell', 'SHELL OIL 57442', 'TRANSPORTATION', 'GAS', 4820, 1500),
  m('Amazon', 'AMAZON MKTPL*2K4RT5', 'GENERAL_MERCHANDISE', 'ONLINE_MARKETPLACES', 3499, 3000),
  m('Target', 'TARGET 00012345', 'GENERAL_MERCHANDISE', 'SUPERSTORES', 6215, 3500),
  m('CVS Pharmacy', 'CVS/PHARMACY #04412', 'MEDICAL', 'PHARMACIES_AND_SUPPLEMENTS', 1875, 900),
  m('AMC Theatres', 'AMC METREON 16', 'ENTERTAINMENT', 'TV_AND_MOVIES', 3200, 800),
];

const MONTHLY: Array<Merchant & { day: number }> = [
  { ...m('Netflix', 'NETFLIX.COM', 'ENTERTAINMENT', 'TV_AND_MOVIES', 1549, 0), day: 4 },
  { ...m('Spotify', 'SPOTIFY USA', 'ENTERTAINMENT', 'MUSIC_AND_AUDIO', 1199, 0), day: 9 },
  {
    ...m('Equinox', 'EQUINOX MEMBERSHIP', 'PERSONAL_CARE', 'GYMS_AND_FITNESS_CENTERS', 8900, 0),
    day: 2,
  },
  {
    ...m('Comcast', 'COMCAST CABLE COMM', 'RENT_AND_UTILITIES', 'INTERNET_AND_CABLE', 7999, 0),
    day: 12,
  },
  {
    ...m('PG&E', 'PGANDE WEB ONLINE', 'RENT_AND_UTILITIES', 'GAS_AND_ELECTRICITY', 11200, 3000),
    day: 15,
  },
];

interface Tx {
  id: string;
  account: string;
  connection: string;
  date: string;
  name: string;
  merchant: string | null;
  primary: string | null;
  detailed: string | null;
  amount: number;
  currency: string;
  pending: boolean;
  channel: string;
}

class Writer {
  private readonly now = Date.now();
  private readonly iso = new Date(this.now).toISOString();
  private readonly today = Date.UTC(
    new Date().getFullYear(),
    new Date().getMonth(),
    new Date().getDate(),
  );
  private seq = 0;

  constructor(private readonly db: Database) {}

  private day(offset: number): string {
    return new Date(this.today - offset * DAY).toISOString().slice(0, 10);
  }

  private ago(ms: number): string {
    return new Date(this.now - ms).toISOString();
  }

  private institution(id: string, name: string, color: string, logo: boolean) {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO institutions (id, name, logo, primary_color, url, status, updated_at)
         VALUES (?, ?, ?, ?, ?, 'HEALTHY', ?)`,
      )
      .run(
        id,
        name,
        logo ? `data:image/png;base64,${squareLogoPng(color)}` : null,
        color,
        'https://example.com',
        this.iso,
      );
  }

  private connection(c: {
    id: string;
    institution: string;
    name: string;
    status?: string;
    frequency?: number;
    lastSyncAgo: number;
    lastSuccessAgo: number;
    nextSyncIn: number | null;
    consentIn?: number;
    error?: [string, string];
    createdAgo: number;
  }) {
    this.db
      .prepare(
        `INSERT INTO connections (id, environment, plaid_base_url, plaid_item_id, institution_id,
           display_name, status, products, cursor, sync_frequency_minutes, last_sync_at,
           last_success_at, next_sync_at, consecutive_failures, consent_expires_at, error_code,
           error_message, created_at, updated_at)
         VALUES (?, 'sandbox', 'https://sandbox.plaid.com', ?, ?, ?, ?, '["transactions"]',
           'seeded', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        c.id,
        `item_${c.id}`,
        c.institution,
        c.name,
        c.status ?? 'ACTIVE',
        c.frequency ?? 360,
        this.ago(c.lastSyncAgo),
        this.ago(c.lastSuccessAgo),
        c.nextSyncIn === null ? null : new Date(this.now + c.nextSyncIn).toISOString(),
        c.error ? 1 : 0,
        c.consentIn === undefined ? null : new Date(this.now + c.consentIn).toISOString(),
        c.error?.[0] ?? null,
        c.error?.[1] ?? null,
        this.ago(c.createdAgo),
        this.iso,
      );
  }

  private account(a: {
    id: string;
    connection: string;
    name: string;
    official?: string;
    type: string;
    subtype: string;
    mask: string;
    currency?: string;
    current: number;
    available?: number | null;
    limit?: number | null;
    history?: number;
  }) {
    const currency = a.currency ?? 'USD';
    this.db
      .prepare(
        `INSERT INTO accounts (id, connection_id, name, official_name, type, subtype, mask, currency,
           balance_current, balance_available, balance_limit, balance_updated_at, created_at,
           updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.id,
        a.connection,
        a.name,
        a.official ?? null,
        a.type,
        a.subtype,
        a.mask,
        currency,
        a.current,
        a.available ?? null,
        a.limit ?? null,
        this.ago(15 * 60_000),
        this.ago(200 * DAY),
        this.iso,
      );
    // Daily snapshots: a gentle walk that ends at today's balance.
    const days = a.history ?? 120;
    const random = prng(a.id.length * 7919 + a.current);
    const insert = this.db.prepare(
      `INSERT INTO balance_snapshots (account_id, date, current, available, credit_limit, currency)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    let value = a.current;
    for (let d = 0; d < days; d++) {
      insert.run(
        a.id,
        this.day(d),
        value,
        a.available === undefined ? null : value,
        a.limit ?? null,
        currency,
      );
      const step = Math.round((random() - 0.45) * Math.max(2000, Math.abs(a.current) * 0.02));
      value -= step;
    }
  }

  private run(r: {
    connection: string;
    trigger: string;
    ago: number;
    ms: number;
    added?: number;
    modified?: number;
    removed?: number;
    quarantined?: number;
    failed?: [string, string, string];
  }): { runId: number; batchId: number | null } {
    const started = this.ago(r.ago);
    const finished = new Date(this.now - r.ago + r.ms).toISOString();
    const runId = Number(
      this.db
        .prepare(
          `INSERT INTO sync_runs (connection_id, trigger, status, started_at, finished_at, pages,
             added, modified, removed, quarantined, error_code, error_message, plaid_request_id)
           VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          r.connection,
          r.trigger,
          r.failed ? 'failed' : 'succeeded',
          started,
          finished,
          r.added ?? 0,
          r.modified ?? 0,
          r.removed ?? 0,
          r.quarantined ?? 0,
          r.failed?.[0] ?? null,
          r.failed?.[1] ?? null,
          r.failed?.[2] ?? null,
        ).lastInsertRowid,
    );
    const changed = (r.added ?? 0) + (r.modified ?? 0) + (r.removed ?? 0);
    if (r.failed || changed === 0) return { runId, batchId: null };
    const batchId = Number(
      this.db
        .prepare(
          `INSERT INTO import_batches (connection_id, run_id, created_at, added, modified, removed)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(r.connection, runId, finished, r.added ?? 0, r.modified ?? 0, r.removed ?? 0)
        .lastInsertRowid,
    );
    return { runId, batchId };
  }

  private transactions(rows: Tx[], batchOf: (t: Tx) => number | null): number {
    const insert = this.db.prepare(
      `INSERT INTO transactions (id, account_id, connection_id, date, authorized_date, name,
         merchant_name, category, category_detailed, amount, currency, pending, payment_channel,
         batch_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const t of rows) {
      insert.run(
        t.id,
        t.account,
        t.connection,
        t.date,
        t.date,
        t.name,
        t.merchant,
        t.primary,
        t.detailed,
        t.amount,
        t.currency,
        t.pending ? 1 : 0,
        t.channel,
        batchOf(t),
        this.iso,
        this.iso,
      );
    }
    return rows.length;
  }

  private tx(
    account: string,
    connection: string,
    offset: number,
    amount: number,
    merchant: Pick<Merchant, 'merchant' | 'name' | 'primary' | 'detailed'> | null,
    name?: string,
    currency = 'USD',
  ): Tx {
    return {
      id: `tx_${String(++this.seq).padStart(6, '0')}`,
      account,
      connection,
      date: this.day(offset),
      name: name ?? merchant?.name ?? 'UNKNOWN',
      merchant: merchant?.merchant ?? null,
      primary: merchant?.primary ?? null,
      detailed: merchant?.detailed ?? null,
      amount,
      currency,
      pending:
        offset <= 1 && amount < 0 && merchant !== null && merchant.primary !== 'LOAN_PAYMENTS',
      channel: 'in store',
    };
  }

  /** A household across three banks: the screens as a real user would see them. */
  household(manualJustNow: string[]): number {
    const H = 3_600_000;
    this.institution('ins_109508', 'First Platypus Bank', '#1f6f43', true);
    this.institution('ins_109511', 'Tartan Bank', '#4b3b8f', true);
    this.institution('ins_109512', 'Houndstooth Bank', '#0a6ebd', false);
    this.connection({
      id: SEEDED.platypus,
      institution: 'ins_109508',
      name: 'First Platypus Bank',
      lastSyncAgo: 12 * 60_000,
      lastSuccessAgo: 12 * 60_000,
      nextSyncIn: 5 * H + 48 * 60_000,
      createdAgo: 240 * DAY,
    });
    this.connection({
      id: SEEDED.tartan,
      institution: 'ins_109511',
      name: 'Tartan Bank',
      status: 'LOGIN_REQUIRED',
      lastSyncAgo: 3 * H,
      lastSuccessAgo: 27 * H,
      nextSyncIn: null,
      error: [
        'ITEM_LOGIN_REQUIRED',
        'The login details of this account have changed. Sign in again to continue syncing.',
      ],
      createdAgo: 200 * DAY,
    });
    this.connection({
      id: SEEDED.hound,
      institution: 'ins_109512',
      name: 'Houndstooth Bank',
      frequency: 720,
      lastSyncAgo: 2 * H,
      lastSuccessAgo: 2 * H,
      nextSyncIn: 10 * H,
      consentIn: 6 * DAY + H,
      createdAgo: 150 * DAY,
    });

    const P = SEEDED.platypus;
    const T = SEEDED.tartan;
    const D = SEEDED.hound;
    this.account({
      id: 'acc_p_chk',
      connection: P,
      name: 'Plaid Checking',
      official: 'Plaid Gold Standard 0% Interest Checking',
      type: 'depository',
      subtype: 'checking',
      mask: '0000',
      current: 451_233,
      available: 440_210,
    });
    this.account({
      id: 'acc_p_sav',
      connection: P,
      name: 'Plaid Saving',
      official: 'Plaid Silver Standard 0.1% Interest Saving',
      type: 'depository',
      subtype: 'savings',
      mask: '1111',
      current: 1_285_000,
      available: 1_285_000,
    });
    this.account({
      id: 'acc_p_cc',
      connection: P,
      name: 'Plaid Credit Card',
      type: 'credit',
      subtype: 'credit card',
      mask: '3333',
      current: 124_055,
      available: 875_945,
      limit: 1_000_000,
    });
    this.account({
      id: 'acc_p_ira',
      connection: P,
      name: 'Plaid IRA',
      type: 'investment',
      subtype: 'ira',
      mask: '5555',
      current: 3_842_077,
    });
    this.account({
      id: 'acc_p_loan',
      connection: P,
      name: 'Plaid Student Loan',
      type: 'loan',
      subtype: 'student',
      mask: '7777',
      current: 1_842_055,
    });
    this.account({
      id: 'acc_t_chk',
      connection: T,
      name: 'Tartan Checking',
      type: 'depository',
      subtype: 'checking',
      mask: '0101',
      current: 210_490,
      available: 210_490,
      history: 60,
    });
    this.account({
      id: 'acc_t_sav',
      connection: T,
      name: 'Tartan Savings',
      type: 'depository',
      subtype: 'savings',
      mask: '0202',
      current: 600_000,
      available: 600_000,
      history: 60,
    });
    this.account({
      id: 'acc_d_cc',
      connection: D,
      name: 'Houndstooth Card',
      type: 'credit',
      subtype: 'credit card',
      mask: '4444',
      current: 32_018,
      available: 267_982,
      limit: 300_000,
    });
    this.account({
      id: 'acc_d_cad',
      connection: D,
      name: 'Houndstooth Chequing',
      type: 'depository',
      subtype: 'checking',
      mask: '9004',
      currency: 'CAD',
      current: 183_040,
      available: 183_040,
    });

    const random = prng(42);
    const rows: Tx[] = [];
    const cents = (base: number, spread: number) =>
      Math.max(99, Math.round(base + (random() - 0.5) * 2 * spread));
    const DAYS = 240;
    for (let d = DAYS; d >= 0; d--) {
      const date = new Date(this.today - d * DAY);
      const dom = date.getUTCDate();
      // Everyday spending, mostly on the card.
      const n = 1 + Math.floor(random() * 3);
      for (let i = 0; i < n; i++) {
        const merchant = EVERYDAY[Math.floor(random() * EVERYDAY.length)]!;
        const account = random() < 0.7 ? 'acc_p_cc' : 'acc_p_chk';
        rows.push(this.tx(account, P, d, -cents(merchant.cents, merchant.spread), merchant));
      }
      for (const bill of MONTHLY) {
        if (dom === bill.day)
          rows.push(this.tx('acc_p_cc', P, d, -cents(bill.cents, bill.spread), bill));
      }
      if (d % 14 === 3) {
        rows.push(
          this.tx(
            'acc_p_chk',
            P,
            d,
            412_500,
            m('ACME Corp', 'ACME CORP PAYROLL PPD', 'INCOME', 'WAGES', 0, 0),
          ),
        );
      }
      if (dom === 1) {
        rows.push(
          this.tx(
            'acc_p_chk',
            P,
            d,
            -38_500,
            m(
              'Platypus Student Loans',
              'PLATYPUS STUDENT LN PMT',
              'LOAN_PAYMENTS',
              'STUDENT_LOAN_PAYMENT',
              0,
              0,
            ),
          ),
        );
        rows.push(
          this.tx(
            'acc_p_loan',
            P,
            d,
            38_500,
            m(
              'Platypus Student Loans',
              'PAYMENT RECEIVED',
              'LOAN_PAYMENTS',
              'STUDENT_LOAN_PAYMENT',
              0,
              0,
            ),
          ),
        );
        rows.push(
          this.tx(
            'acc_p_chk',
            P,
            d,
            -215_000,
            m('Rent', 'ZELLE TO LANDLORD LLC', 'RENT_AND_UTILITIES', 'RENT', 0, 0),
          ),
        );
      }
      if (dom === 20) {
        const paid = cents(180_000, 40_000);
        rows.push(
          this.tx(
            'acc_p_chk',
            P,
            d,
            -paid,
            m(
              'First Platypus Card',
              'PLATYPUS CARD AUTOPAY',
              'LOAN_PAYMENTS',
              'CREDIT_CARD_PAYMENT',
              0,
              0,
            ),
          ),
        );
        rows.push(
          this.tx(
            'acc_p_cc',
            P,
            d,
            paid,
            m(
              'First Platypus Card',
              'PAYMENT THANK YOU',
              'LOAN_PAYMENTS',
              'CREDIT_CARD_PAYMENT',
              0,
              0,
            ),
          ),
        );
      }
      if (dom === 5) {
        rows.push(
          this.tx(
            'acc_p_chk',
            P,
            d,
            -50_000,
            m('Plaid Saving', 'TRANSFER TO SAVINGS 1111', 'TRANSFER_OUT', 'SAVINGS', 0, 0),
          ),
        );
        rows.push(
          this.tx(
            'acc_p_sav',
            P,
            d,
            50_000,
            m('Plaid Checking', 'TRANSFER FROM CHECKING 0000', 'TRANSFER_IN', 'SAVINGS', 0, 0),
          ),
        );
      }
      if (dom === 28) {
        rows.push(
          this.tx(
            'acc_p_sav',
            P,
            d,
            107,
            m('First Platypus Bank', 'INTEREST PAYMENT', 'INCOME', 'INTEREST_EARNED', 0, 0),
          ),
        );
      }
      // Tartan (login required since yesterday): nothing newer than its last success.
      if (d >= 2 && d <= 60 && random() < 0.35) {
        const merchant = EVERYDAY[Math.floor(random() * 5)]!;
        rows.push(this.tx('acc_t_chk', T, d, -cents(merchant.cents, merchant.spread), merchant));
      }
      if (d <= 150 && random() < 0.18) {
        const merchant =
          random() < 0.5
            ? m('Tim Hortons', 'TIM HORTONS #2231', 'FOOD_AND_DRINK', 'COFFEE', 420, 150)
            : m('Loblaws', 'LOBLAWS 1032', 'FOOD_AND_DRINK', 'GROCERIES', 7420, 3000);
        rows.push(
          this.tx(
            'acc_d_cad',
            D,
            d,
            -cents(merchant.cents, merchant.spread),
            merchant,
            undefined,
            'CAD',
          ),
        );
      }
      if (d <= 150 && random() < 0.12) {
        const merchant = EVERYDAY[5 + Math.floor(random() * 6)]!;
        rows.push(this.tx('acc_d_cc', D, d, -cents(merchant.cents, merchant.spread), merchant));
      }
    }

    // Sync history: the first sync brought everything older than a week; daily runs since.
    const link = {
      [P]: this.run({ connection: P, trigger: 'link', ago: 240 * DAY, ms: 4200, added: 0 }),
      [T]: this.run({ connection: T, trigger: 'link', ago: 200 * DAY, ms: 2600, added: 0 }),
      [D]: this.run({ connection: D, trigger: 'link', ago: 150 * DAY, ms: 1900, added: 0 }),
    };
    const daily = new Map<string, number>();
    for (let d = 7; d >= 0; d--) {
      for (const connection of [P, D]) {
        const added = rows.filter(
          (r) => r.connection === connection && r.date === this.day(d),
        ).length;
        const { batchId } = this.run({
          connection,
          trigger: d === 0 && connection === P ? 'manual' : d === 7 ? 'startup' : 'scheduled',
          ago: d * DAY + (connection === P ? 12 * 60_000 : 2 * H),
          ms: 800 + Math.round(random() * 2400),
          added,
          modified: Math.floor(random() * 3),
          removed: d % 3 === 0 ? 1 : 0,
          quarantined: d === 2 && connection === P ? 1 : 0,
        });
        if (batchId) daily.set(`${connection}|${this.day(d)}`, batchId);
      }
    }
    this.run({ connection: T, trigger: 'scheduled', ago: 27 * H, ms: 1400, added: 3, modified: 1 });
    this.run({
      connection: T,
      trigger: 'scheduled',
      ago: 3 * H,
      ms: 650,
      failed: [
        'ITEM_LOGIN_REQUIRED',
        'The login details of this account have changed. Sign in again to continue syncing.',
        'Zq8vKb2LmN4pRtY',
      ],
    });
    this.db
      .prepare(
        `INSERT INTO quarantine (connection_id, run_id, kind, plaid_id, reason, payload, created_at)
         VALUES (?, NULL, 'transaction', 'x9Kq2LmN4pRtYvB7', 'unknown account: the bank reported a transaction for an account that is not shared with Ledgerlight', '{}', ?)`,
      )
      .run(P, this.ago(2 * DAY));
    for (const connection of manualJustNow) {
      this.run({ connection, trigger: 'manual', ago: 2000, ms: 900, added: 0 });
    }

    // Link batches for the bulk of history (reusing the link runs for the older rows).
    const linkBatch = new Map<string, number>();
    const linkAgo: Record<string, string> = {
      [P]: this.ago(240 * DAY - 4200),
      [T]: this.ago(200 * DAY - 2600),
      [D]: this.ago(150 * DAY - 1900),
    };
    for (const [connection, { runId }] of Object.entries(link)) {
      const older = rows.filter(
        (r) => r.connection === connection && !daily.has(`${connection}|${r.date}`),
      ).length;
      this.db.prepare('UPDATE sync_runs SET added = ? WHERE id = ?').run(older, runId);
      const batchId = Number(
        this.db
          .prepare(
            `INSERT INTO import_batches (connection_id, run_id, created_at, added) VALUES (?, ?, ?, ?)`,
          )
          .run(connection, runId, linkAgo[connection]!, older).lastInsertRowid,
      );
      linkBatch.set(connection, batchId);
    }
    return this.transactions(
      rows,
      (t) => daily.get(`${t.connection}|${t.date}`) ?? linkBatch.get(t.connection) ?? null,
    );
  }

  /** One bank with `count` transactions: the scale test's ledger. */
  bulk(count: number): number {
    this.institution('ins_109508', 'First Platypus Bank', '#1f6f43', true);
    this.connection({
      id: SEEDED.bulk,
      institution: 'ins_109508',
      name: 'Scale Bank',
      lastSyncAgo: 60_000,
      lastSuccessAgo: 60_000,
      nextSyncIn: 6 * 3_600_000,
      createdAgo: 900 * DAY,
    });
    this.account({
      id: 'acc_bulk_chk',
      connection: SEEDED.bulk,
      name: 'Everyday Checking',
      type: 'depository',
      subtype: 'checking',
      mask: '4321',
      current: 912_345,
      available: 900_000,
      history: 30,
    });
    this.account({
      id: 'acc_bulk_cc',
      connection: SEEDED.bulk,
      name: 'Rewards Card',
      type: 'credit',
      subtype: 'credit card',
      mask: '8765',
      current: 45_600,
      limit: 1_500_000,
      history: 30,
    });
    const random = prng(7);
    const perDay = Math.max(1, Math.ceil(count / 1500));
    const rows: Tx[] = [];
    for (let i = 0; i < count; i++) {
      const merchant = EVERYDAY[i % EVERYDAY.length]!;
      rows.push(
        this.tx(
          i % 3 === 0 ? 'acc_bulk_chk' : 'acc_bulk_cc',
          SEEDED.bulk,
          Math.floor(i / perDay),
          i % 17 === 0 ? 250_000 : -(100 + Math.floor(random() * 20_000)),
          merchant,
          `${merchant.name} #${i}`,
        ),
      );
    }
    return this.transactions(rows, () => null);
  }
}
