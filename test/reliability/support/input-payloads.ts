import fc from 'fast-check';
import type { Channel } from '../../../src/shared/contract';

/**
 * What the fuzzer sends: valid example inputs of every channel (on the seeded ledger of
 * test/support/seed.ts), and hostile values to break them with one field at a time.
 */

/**
 * A well-formed input per channel, naming seeded rows where it names any, so that a payload
 * broken in one field is exactly what reaches a handler once the others pass. A channel without
 * one is still fuzzed with random payloads (and the test says which those are).
 */
export const VALID_EXAMPLES: Partial<Record<Channel, Record<string, unknown>>> = {
  'settings.getPlaid': {},
  'settings.setPlaid': { environment: 'sandbox', clientId: 'client-id', secret: 'a-secret' },
  'settings.clearPlaid': { environment: 'sandbox' },
  'settings.get': {},
  'settings.update': {
    defaultSyncFrequencyMinutes: 60,
    oauthRedirectUri: 'https://example.com/oauth',
  },
  'profiles.list': {},
  'profiles.create': { name: 'Fuzz', switchTo: false },
  'profiles.rename': { id: 'no-such-profile', name: 'Family' },
  'profiles.switch': { id: 'no-such-profile' },
  'profiles.delete': { id: 'no-such-profile' },
  'link.createToken': { connectionId: 'conn_1', updateAccountSelection: false, hosted: false },
  'link.exchange': {
    publicToken: 'public-sandbox-00000000-0000-0000-0000-000000000000',
    institution: { id: 'ins_109508', name: 'Seed Bank 1' },
    accounts: [
      { id: 'acc_x', name: 'Checking', type: 'depository', subtype: 'checking', mask: '0000' },
    ],
  },
  'link.checkHosted': { linkToken: 'link-sandbox-00000000-0000-0000-0000-000000000000' },
  'link.sandboxConnect': { institutionId: 'ins_109508' },
  'connections.list': {},
  'connections.summary': {},
  'connections.logs': { connectionId: 'conn_1', limit: 10 },
  'connections.health': { connectionId: 'conn_1' },
  'connections.sync': { connectionId: 'conn_1' },
  'connections.update': {
    connectionId: 'conn_1',
    displayName: 'Everyday bank',
    syncFrequencyMinutes: 60,
    paused: false,
  },
  'connections.disconnect': { connectionId: 'conn_2', deleteData: false },
  'connections.refresh': { connectionId: 'conn_1' },
  'connections.resync': { connectionId: 'conn_1' },
  'sandbox.resetLogin': { connectionId: 'conn_1' },
  'sandbox.createTransactions': {
    connectionId: 'conn_1',
    transactions: [{ date: '2026-11-01', amount: -1234, description: 'Coffee' }],
  },
  'institutions.checkStatus': {},
  'portfolio.holdings': { accountId: 'acc_1_chk' },
  'portfolio.investmentTransactions': { accountId: 'acc_1_chk', limit: 10, offset: 0 },
  'liabilities.list': {},
  'recurring.list': { includeInactive: true },
  'accounts.list': { connectionId: 'conn_1', includeClosed: true },
  'accounts.get': { accountId: 'acc_1_chk' },
  'accounts.update': { accountId: 'acc_1_chk', name: 'Main checking', hidden: false },
  'accounts.create': {
    name: 'Wallet',
    kind: 'cash',
    currency: 'USD',
    balance: 5000,
    balanceDate: '2026-11-01',
  },
  'accounts.close': { accountId: 'acc_1_chk', closed: false },
  'accounts.setBalance': { accountId: 'acc_1_chk', date: '2026-11-01', balance: 1000 },
  'accounts.checkBalance': { accountId: 'acc_1_chk' },
  'transactions.list': {
    accountId: 'acc_1_chk',
    from: '2026-01-01',
    to: '2026-11-20',
    type: 'out',
    category: 'FOOD_AND_DRINK',
    search: 'starbucks',
    sort: 'amount',
    direction: 'asc',
    limit: 50,
  },
  'transactions.count': { accountId: 'acc_1_chk', tag: 'work', search: 'shell' },
  'transactions.totals': { connectionId: 'conn_1', show: 'uncategorized', search: 'uber' },
  'transactions.get': { id: 'tx_1_chk_3' },
  'transactions.update': {
    ids: ['tx_1_chk_3', 'tx_1_chk_4'],
    set: { payee: 'Coffee shop', category: 'Coffee', notes: 'a note', reviewed: true },
    payeeForSameText: false,
  },
  'transactions.undo': {},
  'transactions.tag': { ids: ['tx_1_chk_3'], add: ['work'], remove: ['old'] },
  'transactions.split': {
    id: 'tx_1_chk_3',
    parts: [
      { amount: -100, category: 'Coffee', notes: 'mine' },
      { amount: -100, category: 'Food', notes: null },
    ],
  },
  'transactions.create': {
    accountId: 'acc_1_chk',
    date: '2026-11-01',
    amount: -500,
    name: 'Lunch',
    payee: 'Cafe',
    category: 'Food',
    notes: 'with friends',
    tags: ['work'],
    addAnyway: false,
  },
  'transactions.edit': { id: 'tx_1_chk_3', date: '2026-11-02', amount: -700, name: 'Dinner' },
  'transactions.delete': { ids: ['tx_1_chk_3'] },
  'tags.list': {},
  'batches.list': { limit: 10, offset: 0, connectionId: 'conn_1', kind: 'syncs' },
  'batches.get': { batchId: 1, limit: 10 },
  'import.preview': {
    accountId: 'acc_1_chk',
    fileName: 'bank.csv',
    content: Buffer.from('Date,Description,Amount\n2026-11-01,Coffee,-4.50\n').toString('base64'),
    format: 'csv',
    dateOrder: 'YMD',
    skipUnreadable: false,
  },
  'import.commit': {
    accountId: 'acc_1_chk',
    fileName: 'bank.csv',
    content: Buffer.from('Date,Description,Amount\n2026-11-01,Coffee,-4.50\n').toString('base64'),
    format: 'csv',
    dateOrder: 'YMD',
    skipUnreadable: false,
  },
  'import.revert': { batchId: 1 },
  'import.resolve': { id: 'tx_1_chk_3', sameAs: 'tx_1_chk_4' },
  'reports.spending': { months: 6, until: '2026-11-20' },
  'reports.netWorth': { months: 12, until: '2026-11-20', step: 'month' },
  'categories.list': {},
  'categories.create': { name: 'Fuzzed category' },
  'categories.rename': { name: 'FOOD_AND_DRINK', newName: 'Food and drink' },
  'categories.merge': { name: 'ENTERTAINMENT', into: 'FOOD_AND_DRINK' },
  'categories.setHidden': { name: 'TRANSPORTATION', hidden: true },
  'quarantine.list': { connectionId: 'conn_1', limit: 10 },
  'transfers.suggestions': { limit: 10 },
  'transfers.confirm': { outId: 'tx_1_chk_3', inId: 'tx_2_chk_3' },
  'transfers.reject': { outId: 'tx_1_chk_3', inId: 'tx_2_chk_3' },
  'transfers.unconfirm': { outId: 'tx_1_chk_3', inId: 'tx_2_chk_3' },
  'rules.list': {},
  'rules.create': {
    name: 'Coffee',
    stage: 'default',
    enabled: true,
    stopAfter: false,
    conditions: {
      text: [{ field: 'bankText', op: 'matches', value: 'star(bucks)?' }],
      amount: { min: -10000, max: 0 },
      accountId: 'acc_1_chk',
      dayOfMonth: { from: 1, to: 28 },
    },
    actions: { category: 'Coffee', addTags: ['coffee'] },
  },
  'rules.update': {
    id: 1,
    name: 'Coffee',
    enabled: false,
    conditions: { text: [{ field: 'payee', op: 'contains', value: 'star' }] },
    actions: {
      split: { by: 'percent', parts: [{ percent: 50 }, { percent: 50, category: 'Food' }] },
    },
  },
  'rules.delete': { id: 1 },
  'rules.move': { id: 1, direction: 'later' },
  'rules.preview': {
    conditions: { text: [{ field: 'bankText', op: 'contains', value: 'uber' }] },
    actions: { payee: 'Uber', exclude: true },
    limit: 5,
  },
  'rules.apply': { id: 1 },
};

/** A number the JSON text carries as written (JSON.stringify would turn 1e400 or -0 into others). */
export class RawNumber {
  constructor(readonly text: string) {}
}

/** A JSON text for `value`, with RawNumbers spelled out and own `__proto__` keys kept. */
export function toJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawNumber) {
      raws.push(v.text);
      return `@@RAW${raws.length - 1}@@`;
    }
    return v;
  });
  return (text ?? 'null').replace(/"@@RAW(\d+)@@"/g, (_m, i: string) => raws[Number(i)]!);
}

/** An object with an own, enumerable property of any name (`__proto__` included). */
export function withKey(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

const SQL_AND_FTS = [
  "' OR 1=1 --",
  "'; DROP TABLE transactions; --",
  '" OR ""="',
  '"a" NEAR b',
  'NEAR(a b, 2)',
  '*',
  '^',
  'a*',
  '^start',
  '"unbalanced',
  "it's",
  '(a OR b',
  'a AND',
  'NOT',
  'col:value',
  'name:starbucks',
  '{a b}',
  '- a',
  '+',
  '%',
  '_',
  '\\',
  'a\\"b',
  '1; SELECT * FROM sqlite_master',
  'x UNION SELECT 1',
  '/*',
  '\u0000',
];

const TEXT_EDGES = [
  '',
  ' ',
  '\t',
  '\n\r',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\u007f',
  '\uD800',
  'a\uDFFFb',
  '\uDBFF\uDBFF',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  'שלום',
  'a\u200Bb',
  '\uFEFF',
  '\u200D\u200C',
  '😀👩‍👩‍👧',
  'Ａ',
  'ǅ',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e308',
  '0x10',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  'undefined',
  'null',
  'true',
  '[]',
  '{}',
  '../../etc/passwd',
  'C:\\Windows\\system32',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  'http://localhost:1/',
  '%00',
  '%s%s%s%n',
  ...PROTO_KEYS,
];

const NUMBER_EDGES: unknown[] = [
  0,
  -1,
  1,
  0.5,
  -0.5,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  2 ** 64,
  1e13,
  1e13 + 1,
  -1e13 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  new RawNumber('-0'),
  new RawNumber('1e400'),
  new RawNumber('-1e400'),
  new RawNumber('123456789012345678901234567890'),
  new RawNumber('0.000000000000000000000000000001'),
  new RawNumber('1E2'),
];

/** Any code unit, lone surrogates included. */
const codeUnitString = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SQL_AND_FTS, ...TEXT_EDGES),
  codeUnitString,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .tuple(
      fc.constantFrom('x', 'é', '\u0000', '😀', "'", '"', '*'),
      fc.integer({ min: 100, max: 70_000 }),
    )
    .map(([c, n]) => c.repeat(n)),
);

export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NUMBER_EDGES),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** One value that breaks a field: wrong type, edge, shape, depth or a prototype key. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, [], {}, [null], [[]]) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 10, max: 2_000 }), fc.boolean())
      .map(([d, asArray]) => nested(d, 'x', asArray)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...PROTO_KEYS), fc.jsonValue({ maxDepth: 2 }))
      .map(([key, v]) => withKey({}, key, v)),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** A key the schema does not know (or one that names a prototype). */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PROTO_KEYS),
  fc.string({ maxLength: 20 }),
  hostileString.filter((s) => s.length < 200),
);

export const breakage: fc.Arbitrary<Breakage> = fc.record({
  value: hostileValue,
  key: hostileKey,
  text: hostileString,
  number: hostileNumber,
});

type Path = Array<string | number>;

/** Every path to a value inside `value` (objects and arrays), the root excluded. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [i, v] as [number, unknown])
    : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function containerAt(root: unknown, path: Path): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const key of path) node = node[key] as Record<string | number, unknown>;
  return node;
}

/**
 * How the example is broken: a value replaced by any hostile value, or by a hostile one of the
 * same type (a string by a string: what passes the schema and reaches the handler), a key
 * deleted or added, a value wrapped in an array, or the whole input replaced.
 */
export type Mutation = 'replace' | 'same-type' | 'delete' | 'add-key' | 'wrap' | 'replace-root';

/** The hostile material one mutation may use. */
export interface Breakage {
  value: unknown;
  key: string;
  text: string;
  number: unknown;
}

/** The example broken in one place: `pick` chooses where, `mutation` how. */
export function mutate(
  example: Record<string, unknown>,
  pick: number,
  mutation: Mutation,
  { value, key, text, number }: Breakage,
): unknown {
  const copy = clone(example);
  const paths = pathsOf(copy);
  if (mutation === 'replace-root' || paths.length === 0) {
    return mutation === 'add-key' ? withKey(copy, key, value) : value;
  }
  const path = paths[pick % paths.length]!;
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1]!;
  const parent = containerAt(copy, parentPath);
  switch (mutation) {
    case 'replace':
      parent[last] = value;
      break;
    case 'same-type': {
      const old = parent[last];
      parent[last] =
        typeof old === 'string'
          ? text
          : typeof old === 'number'
            ? number
            : typeof old === 'boolean'
              ? !old
              : value;
      break;
    }
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
      break;
    case 'wrap':
      parent[last] = [parent[last]];
      break;
    case 'add-key': {
      const target = Array.isArray(parent) ? copy : parent;
      const extended = withKey(target as Record<string, unknown>, key, value);
      if (target === copy) return extended;
      const grand = containerAt(copy, parentPath.slice(0, -1));
      grand[parentPath[parentPath.length - 1]!] = extended;
      break;
    }
  }
  return copy;
}

export const mutationKind: fc.Arbitrary<Mutation> = fc.constantFrom<Mutation>(
  'replace',
  'replace',
  'same-type',
  'same-type',
  'same-type',
  'delete',
  'add-key',
  'wrap',
  'replace-root',
);

/** Bodies that are not a JSON value at all, or are one only in the strangest spelling. */
export const rawBodies: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.constantFrom<string | Buffer>(
    '',
    '{',
    '}',
    '{"a":',
    'nul',
    'undefined',
    'NaN',
    "{'a': 1}",
    '{"a": 1,}',
    '[1, 2,]',
    '\u0000',
    '"\\ud800"',
    '{"__proto__": {"polluted": true}}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '{"a": 1, "a": 2}',
    '1e400',
    '-0',
    '['.repeat(5000) + ']'.repeat(5000),
    '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]),
    Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
    // Past the host's 1 MB limit.
    JSON.stringify({ name: 'x'.repeat(1_100_000) }),
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
);
