import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { searchClause, toFtsQuery } from '../../src/main/db/transactions-repo';
import type { Channel, Transaction } from '../../src/shared/contract';
import { callCore, startTestCore, type TestCore } from '../support/core';

/**
 * A common word's first page walks the list's order and checks each row's own text instead of
 * reading every match from the trigram index (see `searchPlan`). Both ways must give exactly the
 * index's answer, for any text: letter case, accents the index folds, other scripts, control
 * characters, words across columns, several words.
 */

let t: TestCore | undefined;
afterEach(async () => {
  await t?.core.close();
  t = undefined;
});

const call = <C extends Channel>(channel: C, input: unknown = {}) =>
  callCore(t!.core, channel, input);

const TEXTS: Array<
  [name: string, merchant: string | null, payee: string | null, notes: string | null]
> = [
  ['CAFÉ DE FLORE PARIS', 'Café de Flore', null, null],
  ['cafe flore', null, null, null],
  ['Straße 12 Bäckerei', null, 'Bäcker', 'naïve note'],
  ['İSTANBUL KEBAP', 'Istanbul Kebap', null, null],
  ['🍕 PIZZA PALACE', null, 'Pizza\tPalace', null],
  ['STARBUCKS ÉTOILE', 'Starbucks', null, 'über starbucks'],
  ['STARBUCKS', null, null, 'ÜBER'],
  ['starb', 'ucks', null, null],
  ['Ünïcödé Ltd', null, null, 'façade'],
  ['ＳＴＡＲＢＵＣＫＳ wide', null, null, null],
];

const SEARCHES = [
  'starbucks',
  'STARBU',
  'arbuck',
  'cafe',
  'café',
  'CAFÉ flore',
  'strasse',
  'straße',
  'bäck',
  'back',
  'pizza',
  'za pa',
  'naive',
  'naïve',
  'istanbul',
  'über',
  'uber',
  'unicode',
  'facade',
  'ucks #1',
  'whole foods',
  'flore paris',
  "o'brien",
  '100%',
  'a_b',
];

describe('search, walked or read from the index', () => {
  it('finds exactly the rows the trigram index finds, in the same order, both ways', async () => {
    t = await startTestCore({ seed: { connections: 1, transactionsPerAccount: 40 } });
    const db = new BetterSqlite3(t.databasePath);
    const seqs = (
      db.prepare('SELECT seq FROM transactions ORDER BY seq').all() as { seq: number }[]
    ).map((r) => r.seq);
    const update = db.prepare(
      'UPDATE transactions SET name = ?, merchant_name = ?, payee = ?, notes = ? WHERE seq = ?',
    );
    TEXTS.forEach(([name, merchant, payee, notes], i) =>
      update.run(name, merchant, payee, notes, seqs[i * 3]),
    );
    db.prepare("UPDATE transactions SET removed_at = '2026-11-01T00:00:00Z' WHERE seq = ?").run(
      seqs[15],
    );

    const ids = (where: string, params: unknown[]) =>
      (
        db
          .prepare(
            `SELECT t.id FROM transactions t WHERE t.removed_at IS NULL AND ${where}
             ORDER BY t.date DESC, t.seq DESC`,
          )
          .all(...params) as { id: string }[]
      ).map((r) => r.id);

    let compared = 0;
    for (const search of SEARCHES) {
      const words = search.split(/\s+/);
      const set = searchClause(search, undefined, 'set')!;
      const walked = searchClause(search, undefined, 'scan')!;
      const expected = ids(set.sql, set.params);
      expect(ids(walked.sql, walked.params), search).toEqual(expected);
      if (words.every((w) => [...w].length >= 3)) {
        // The index's own answer, as the list asked it before it could walk.
        const index = ids(
          't.seq IN (SELECT rowid FROM transactions_fts WHERE transactions_fts MATCH ?)',
          [toFtsQuery(words)],
        );
        expect(expected, search).toEqual(index);
      }
      const listed: Transaction[] = [];
      let cursor: string | undefined;
      do {
        const page = await call('transactions.list', {
          search,
          limit: 3,
          ...(cursor ? { cursor } : {}),
        });
        listed.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(
        listed.map((r) => r.id),
        search,
      ).toEqual(expected);
      compared++;
    }
    expect(compared).toBe(SEARCHES.length);
    // The folding the row check cannot do itself was met, and answered by the index.
    const found = (search: string) => {
      const c = searchClause(search, undefined, 'scan')!;
      return ids(c.sql, c.params).length;
    };
    expect(found('cafe')).toBeGreaterThanOrEqual(2);
    expect(found('back')).toBe(1);
    expect(found('über')).toBe(found('uber'));
    db.close();
  });
});
