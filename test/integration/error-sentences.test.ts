import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorSpec, PLAID_ERROR_CODES } from '../../packages/plaid-emulator/src/errors';
import { fromPlaidErrorBody, toPlaidFailure } from '../../src/main/plaid/errors';
import { explainRefusal } from '../../src/main/plaid/refusals';
import { CHANNEL_NAMES, channels, type Channel } from '../../src/shared/contract';
import { startTestCore, type TestCore } from '../support/core';

/**
 * Every message the core returns is read by a person: a sentence, not a schema's or an API's
 * wording. This walks every channel of the contract with inputs each kind of zod issue comes
 * from, then the core's own refusals and every Plaid error the emulator knows, and reads each text.
 */

/** What is wrong with a text as a sentence for a person; empty when nothing is. */
function sentenceProblems(text: string): string[] {
  const problems: string[] = [];
  // A sentence may open with a quotation (“([a-z” is not a pattern…).
  if (!/^([“"‘]|\(?[A-Z0-9])/.test(text)) problems.push('does not start with a capital');
  if (!/[^.?!][.?!][”"’)]?$/.test(text)) problems.push('does not end with one . ? or !');
  if (/[.,;:!?]\s*[.,;:!?]/.test(text.replace(/\d[.,:]\d/g, '0'))) {
    problems.push('has doubled punctuation');
  }
  const jargon = /\b(expected|received|string|undefined|NaN|enum|regex|invalid_type)\b/i.exec(text);
  if (jargon) problems.push(`says “${jargon[0]}”`);
  if (text.includes('`')) problems.push('has a backtick');
  const path = /\b[A-Za-z]+\.[A-Za-z]\w*/.exec(text.replace(/https?:\/\/\S+/g, ''));
  if (path) problems.push(`names a field path “${path[0]}”`);
  const camel = /\b[a-z]+[A-Z]\w*/.exec(text);
  if (camel) problems.push(`names an identifier “${camel[0]}”`);
  const snake = /\b[A-Za-z0-9]+_[A-Za-z0-9_]+\b/.exec(text);
  if (snake) problems.push(`names an identifier “${snake[0]}”`);
  return problems;
}

/** Values that break each kind of field in some way: type, size, format, choice, shape. */
const BAD_VALUES: unknown[] = [
  42,
  1.5,
  -1,
  1e20,
  true,
  null,
  'x',
  '',
  '   ',
  'x'.repeat(6000),
  'not-a-choice',
  '2026-13-01',
  'Tab\there',
  [],
  ['x'],
  [42],
  Array.from({ length: 600 }, (_, i) => `id_${i}`),
  {},
  { unknownKey: 1 },
];

/** Inputs no channel takes at all. */
const MALFORMED: unknown[] = ['a string', 42, [], [1, 2, 3], { unexpectedKey: 'x' }];

/** Refinements that only run once every field is well formed. */
const REFINEMENTS: Array<[Channel, unknown]> = [
  ['transfers.confirm', { outId: 'tx_1', inId: 'tx_1' }],
  ['transactions.edit', { id: 'txn_1' }],
  ['transactions.tag', { ids: ['txn_1'] }],
  ['transactions.list', { from: '2026-02-01', to: '2026-01-01' }],
  ['transactions.create', { accountId: 'acc_1', date: '2026-01-01', amount: 0, name: 'Zero' }],
  ['transactions.split', { id: 'txn_1', parts: [{ amount: 5 }] }],
  ['categories.create', { name: '   ' }],
  ['categories.rename', { name: 'Coffee', newName: 'Line\nbreak' }],
  ['accounts.create', { name: 'Wallet', kind: 'cash', currency: 'EURO' }],
  ['import.preview', { accountId: 'acc_1', fileName: 'a.csv', content: 'not base64!' }],
  ['settings.setPlaid', { environment: 'sandbox', clientId: '   ', secret: '   ' }],
  ['settings.setPlaid', { environment: 'sandbox', clientId: 'c'.repeat(101), secret: 's' }],
  ['settings.update', { oauthRedirectUri: 'http://example.com/back?x=1' }],
  [
    'rules.create',
    {
      conditions: { text: [{ field: 'bankText', op: 'matches', value: '([a-z' }] },
      actions: { category: 'Coffee' },
    },
  ],
  ['rules.preview', { conditions: { amount: { min: 500, max: 100 } }, actions: { exclude: true } }],
];

interface Unwrapped {
  _zod: { def: { type: string; shape?: Record<string, unknown>; in?: unknown } };
}

/** The keys of a channel's input object, looking through pipes and transforms. */
function inputKeys(schema: unknown): string[] {
  const def = (schema as Unwrapped)._zod.def;
  if (def.shape) return Object.keys(def.shape);
  if (def.type === 'pipe' && def.in) return inputKeys(def.in);
  return [];
}

/** Every input the walk feeds a channel: malformed, each field broken alone, nothing at all. */
function badInputs(name: Channel): unknown[] {
  const perField = inputKeys(channels[name].input).flatMap((key) =>
    BAD_VALUES.map((value) => ({ [key]: value })),
  );
  return [...MALFORMED, {}, ...perField];
}

interface Said {
  where: string;
  text: string;
}

let t: TestCore | undefined;
const said: Said[] = [];
const issueCodes = new Set<string>();
const errorCodes = new Set<string>();

async function ask(name: string, input: unknown): Promise<void> {
  const result = await t!.core.invoke(name, input);
  if (result.ok) return;
  const where = `${name} ${JSON.stringify(input)?.slice(0, 120)}`;
  errorCodes.add(result.error.code);
  said.push({ where, text: result.error.message });
  for (const issue of result.error.details?.issues ?? []) {
    said.push({ where: `${where} (issue)`, text: issue.message });
  }
}

function expectSentences(list: Said[]): void {
  const bad = list
    .map((s) => ({ ...s, problems: sentenceProblems(s.text) }))
    .filter((s) => s.problems.length > 0)
    .map((s) => `${s.where}\n  “${s.text}”: ${s.problems.join(', ')}`);
  expect([...new Set(bad)]).toEqual([]);
}

// A fresh ledger for each test: the walk creates and switches profiles, for one.
beforeEach(async () => {
  t = await startTestCore({ seed: true });
});
afterEach(async () => {
  await t?.core.close();
  t = undefined;
});

describe('the sentence check itself', () => {
  it.each([
    ['Too small: expected string to have >=1 characters', 'says'],
    ['Invalid input — clientId: Too small', 'identifier'],
    [
      'Could not check the keys with Plaid: Plaid could not be reached.. Nothing was saved.',
      'doubled',
    ],
    ['`from` must not be after `to`', 'backtick'],
    ['the file is empty.', 'capital'],
    ['The file is empty', 'end'],
    ['Plaid: invalid client_id or secret provided (INVALID_API_KEYS)', 'identifier'],
    ['Check conditions.text.0.value.', 'field path'],
  ])('catches “%s” (%s)', (text, why) => {
    expect(sentenceProblems(text).join(' ')).toContain(why);
  });

  it('passes a plain sentence, a quotation and a number', () => {
    expect(
      sentenceProblems('Enter the client id from the Keys page of the Plaid Dashboard.'),
    ).toEqual([]);
    expect(sentenceProblems('“([a-z” is not a pattern the app can understand.')).toEqual([]);
    expect(sentenceProblems('Use at most 1,000 characters.')).toEqual([]);
  });
});

describe('every message the core returns is a sentence for a person', () => {
  it('every channel, fed every kind of wrong input, answers in sentences', async () => {
    for (const name of CHANNEL_NAMES) {
      for (const input of badInputs(name)) {
        const parsed = channels[name].input.safeParse(input);
        if (!parsed.success) for (const issue of parsed.error.issues) issueCodes.add(issue.code);
        await ask(name, input);
      }
    }
    for (const [name, input] of REFINEMENTS) {
      const parsed = channels[name].input.safeParse(input);
      expect(parsed.success, `${name} ${JSON.stringify(input)} should be refused`).toBe(false);
      if (!parsed.success) for (const issue of parsed.error.issues) issueCodes.add(issue.code);
      await ask(name, input);
    }
    // The walk reached every kind of issue the contract's schemas raise.
    expect([...issueCodes].sort()).toEqual(
      expect.arrayContaining([
        'custom',
        'invalid_format',
        'invalid_type',
        'invalid_value',
        'too_big',
        'too_small',
        'unrecognized_keys',
      ]),
    );
    expect(said.length).toBeGreaterThan(CHANNEL_NAMES.length * 5);
    expectSentences(said);
  }, 120_000);

  it('the core’s own refusals are sentences too', async () => {
    const before = said.length;
    const refusals: Array<[string, unknown]> = [
      ['settings.deleteEverything', {}],
      ['accounts.get', { accountId: 'acc_missing' }],
      ['transactions.get', { id: 'txn_missing' }],
      ['connections.logs', { connectionId: 'conn_missing' }],
      ['connections.health', { connectionId: 'conn_missing' }],
      ['connections.sync', { connectionId: 'conn_missing' }],
      ['rules.delete', { id: 999 }],
      ['rules.apply', { id: 999 }],
      ['import.revert', { batchId: 9999 }],
      ['batches.get', { batchId: 9999 }],
      ['transactions.undo', {}],
      ['categories.rename', { name: 'No such category', newName: 'Other' }],
      ['categories.create', { name: 'Groceries mine' }],
      ['categories.create', { name: 'Groceries mine' }],
      ['categories.merge', { name: 'Groceries mine', into: 'Groceries mine' }],
      ['transfers.unconfirm', { outId: 'tx_a', inId: 'tx_b' }],
      ['import.resolve', { id: 'txn_missing', sameAs: null }],
      // No keys yet: everything that needs Plaid says so.
      ['link.createToken', {}],
      ['link.sandboxConnect', {}],
      ['connections.sync', { connectionId: 'conn_1' }],
      // Plaid cannot be reached (the test core's Plaid is a closed port).
      ['settings.setPlaid', { environment: 'sandbox', clientId: 'client', secret: 'secret' }],
    ];
    for (const [name, input] of refusals) await ask(name, input);
    for (const code of ['NOT_FOUND', 'NOT_CONFIGURED', 'PLAID', 'VALIDATION', 'CONFLICT']) {
      expect(errorCodes.has(code), `no ${code} was reached`).toBe(true);
    }
    expect(said.length - before).toBeGreaterThanOrEqual(refusals.length - 2);
    expectSentences(said.slice(before));
  });

  it('a sync asked for again too soon is refused in a sentence (TOO_EARLY)', async () => {
    await t!.secrets.set('plaid:sandbox:client-id', 'cid');
    await t!.secrets.set('plaid:sandbox:secret', 'sec');
    // A manual sync of this connection started a moment ago.
    const db = new BetterSqlite3(t!.databasePath);
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO sync_runs (connection_id, trigger, status, started_at, finished_at, added)
       VALUES ('conn_2', 'manual', 'succeeded', ?, ?, 0)`,
    ).run(now, now);
    db.close();
    const before = said.length;
    await ask('connections.sync', { connectionId: 'conn_2' });
    expect(errorCodes.has('TOO_EARLY')).toBe(true);
    expectSentences(said.slice(before));
  });

  it('every Plaid error the emulator knows is told in a sentence', () => {
    const told: Said[] = [];
    for (const code of PLAID_ERROR_CODES) {
      const spec = errorSpec(code);
      const failure = fromPlaidErrorBody(
        {
          error_type: spec.type,
          error_code: code,
          error_message: spec.message,
          display_message: spec.display,
          request_id: 'req_1',
        },
        spec.status,
      );
      told.push({ where: code, text: failure.message });
      told.push({ where: `${code} as a ledger error`, text: failure.toLedgerError().message });
      for (const read of ['balance', 'refresh'] as const) {
        told.push({ where: `${code} on a ${read}`, text: explainRefusal(failure, read).message });
      }
    }
    // No answer at all, and an answer that is not Plaid's.
    for (const failure of [
      toPlaidFailure({ isAxiosError: true, code: 'ECONNREFUSED', message: 'connect' }),
      toPlaidFailure({ isAxiosError: true, response: { status: 502, data: '<html>' } }),
      toPlaidFailure({ isAxiosError: true, response: { status: 404, data: '' } }),
    ]) {
      told.push({ where: failure.code, text: failure.message });
    }
    expect(told.length).toBeGreaterThan(PLAID_ERROR_CODES.length * 4);
    expectSentences(told);
  });
});
