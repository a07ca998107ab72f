import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channels, type Channel } from '../../src/shared/contract';
import { startTestCore, type TestCore } from '../support/core';

/** Inputs no channel accepts: wrong types, unknown keys, and absurd values. */
const MALFORMED: unknown[] = [
  'a string',
  42,
  [],
  [1, 2, 3],
  { __proto__: { polluted: true }, unexpectedKey: 1 },
  { unexpectedKey: 'x' },
];

/** For each channel, one input that is wrong in a field it does know. */
const WRONG_FIELD: Record<Channel, unknown> = {
  'settings.getPlaid': { environment: 'sandbox' },
  'settings.setPlaid': { environment: 'staging', clientId: 'id', secret: 's' },
  'settings.clearPlaid': { environment: 'development' },
  'settings.get': { verbose: true },
  'settings.update': { oauthRedirectUri: 'ledgerlight://oauth' },
  'profiles.list': { all: true },
  'profiles.create': { name: '   ' },
  'profiles.rename': { id: 'Not An Id!', name: 'Family' },
  'profiles.switch': { id: '' },
  'profiles.delete': { id: 'default', everything: true },
  'link.createToken': { connectionId: '' },
  'link.exchange': { publicToken: '', institution: null, accounts: [] },
  'link.checkHosted': { linkToken: 42 },
  'link.sandboxConnect': { institutionId: 7 },
  'connections.list': { all: true },
  'connections.summary': { x: 1 },
  'connections.logs': { connectionId: 'conn_1', limit: 100_000 },
  'connections.health': {},
  'connections.sync': { connectionId: ['conn_1'] },
  'connections.update': { connectionId: 'conn_1', syncFrequencyMinutes: 1.5 },
  'connections.disconnect': { connectionId: 'conn_1', deleteData: 'yes' },
  'connections.refresh': { connectionId: 42 },
  'connections.resync': { connectionId: '' },
  'sandbox.resetLogin': { connectionId: null },
  'sandbox.createTransactions': {
    connectionId: 'conn_1',
    transactions: [{ date: '2026-01-01', amount: 0, description: 'Zero' }],
  },
  'institutions.checkStatus': { institutionId: 'ins_1' },
  'portfolio.holdings': { accountId: 7 },
  'portfolio.investmentTransactions': { limit: 501 },
  'liabilities.list': { kind: 'credit' },
  'recurring.list': { includeInactive: 'yes' },
  'accounts.list': { connectionId: 5 },
  'accounts.get': { accountId: '' },
  'accounts.update': { accountId: 'acc_1', name: 'x'.repeat(101) },
  'accounts.create': { name: 'Wallet', kind: 'cash', currency: 'EURO' },
  'accounts.close': { accountId: 'acc_1', closed: 'yes' },
  'accounts.setBalance': { accountId: 'acc_1', date: '2026-01-01', balance: 10.5 },
  'accounts.checkBalance': { accountId: 'acc_1', connectionId: 'conn_1' },
  'transactions.list': { from: '2026-02-01', to: '2026-01-01' },
  'transactions.count': { type: 'sideways' },
  'transactions.totals': { show: 'everything' },
  'transactions.get': { id: '' },
  'transactions.update': { ids: ['txn_1'], set: { payee: 'Tab\there' } },
  'transactions.undo': { everything: true },
  'transactions.tag': { ids: ['txn_1'], add: ['x'.repeat(41)] },
  'transactions.split': { id: 'txn_1', parts: [{ amount: 1.5 }, { amount: -1.5 }] },
  'transactions.create': {
    accountId: 'acc_1',
    date: '2026-01-01',
    amount: 0,
    name: 'Zero',
  },
  'transactions.edit': { id: 'txn_1' },
  'transactions.delete': { ids: [] },
  'tags.list': { all: true },
  'batches.list': { limit: -1 },
  'batches.get': { batchId: 'one' },
  'import.preview': { accountId: 'acc_1', fileName: 'a.csv', content: 'not base64!' },
  'import.commit': {
    accountId: 'acc_1',
    fileName: 'a.csv',
    content: 'YQ==',
    mapping: { columns: { date: 0 } },
  },
  'import.revert': { batchId: 0 },
  'import.resolve': { id: 'txn_1' },
  'reports.netWorth': { step: 'year' },
  'reports.spending': { months: 0, until: '2026-13-01' },
  'categories.list': { all: true },
  'categories.create': { name: '   ' },
  'categories.rename': { name: 'Coffee', newName: 'Line\nbreak' },
  'categories.merge': { name: 'Coffee', into: 'x'.repeat(101) },
  'categories.setHidden': { name: 'Coffee', hidden: 'yes' },
  'quarantine.list': { connectionId: 'conn_1', limit: 0 },
  'transfers.suggestions': { limit: 201 },
  'transfers.confirm': { outId: 'tx_1', inId: 'tx_1' },
  'transfers.reject': { outId: '', inId: 'tx_2' },
  'transfers.unconfirm': { outId: 'tx_1' },
  'rules.list': { all: true },
  'rules.create': {
    conditions: { text: [{ field: 'bankText', op: 'matches', value: '([a-z' }] },
    actions: { category: 'Coffee' },
  },
  'rules.update': { id: 1, actions: { split: { by: 'percent', parts: [{ percent: 50 }] } } },
  'rules.delete': { id: 0 },
  'rules.move': { id: 1, direction: 'up' },
  'rules.preview': { conditions: { amount: { min: 500, max: 100 } }, actions: { exclude: true } },
  'rules.apply': { id: '1' },
};

function snapshot(t: TestCore): string {
  const db = new BetterSqlite3(t.databasePath, { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'transactions_fts%'",
      )
      .pluck()
      .all() as string[];
    return JSON.stringify([
      db.pragma('data_version', { simple: true }),
      tables.map((name) => db.prepare(`SELECT * FROM "${name}"`).all()),
      [...t.secrets.snapshot()],
    ]);
  } finally {
    db.close();
  }
}

let t: TestCore | undefined;
afterEach(async () => {
  await t?.core.close();
  t = undefined;
});

describe('every channel validates its input at the boundary', () => {
  it('the test covers every channel of the contract', () => {
    expect(Object.keys(WRONG_FIELD).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it.each(CHANNEL_NAMES)(
    '%s rejects malformed input with VALIDATION and writes nothing',
    async (name) => {
      t = await startTestCore({ seed: true });
      const { core } = t;
      // Keys present, so that only validation stands between bad input and a handler.
      await t.secrets.set('plaid:sandbox:client-id', 'cid');
      await t.secrets.set('plaid:sandbox:secret', 'sec');
      const before = snapshot(t);
      for (const input of [...MALFORMED, WRONG_FIELD[name]]) {
        const result = await core.invoke(name, input);
        expect(result.ok, `${name} accepted ${JSON.stringify(input)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('VALIDATION');
          // A sentence for a person (error-sentences.test.ts reads every one), not zod's words.
          expect(result.error.message).toMatch(/^[“A-Z].*[.?!]$/);
          expect(result.error.message).not.toMatch(/expected|received|Invalid input/);
        }
      }
      expect(snapshot(t)).toBe(before);
    },
  );

  // The wrong inputs above fail for the reason meant, not for a shape the schema never takes.
  it.each([
    ['categories.create', { name: '  Coffee  ' }, { name: 'Coffee' }],
    [
      'categories.rename',
      { name: 'Coffee', newName: 'Cafés' },
      { name: 'Coffee', newName: 'Cafés' },
    ],
    [
      'categories.merge',
      { name: 'Coffee', into: 'FOOD_AND_DRINK' },
      { name: 'Coffee', into: 'FOOD_AND_DRINK' },
    ],
    ['categories.setHidden', { name: 'Travel', hidden: true }, { name: 'Travel', hidden: true }],
  ] as const)('%s accepts a well-formed input', (name, input, parsed) => {
    expect(channels[name].input.safeParse(input)).toEqual({ success: true, data: parsed });
  });

  it('an unknown channel is NOT_FOUND', async () => {
    t = await startTestCore();
    const result = await t.core.invoke('settings.deleteEverything', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
