import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  matchRows,
  samePayee,
  type CandidateRow,
  type IncomingRow,
} from '../../../src/main/import/match';

const row = (
  date: string,
  amount: number,
  text: string,
  externalId: string | null = null,
): IncomingRow => ({
  date,
  amount,
  text,
  externalId,
});
let nextSeq = 1;
const here = (
  date: string,
  amount: number,
  text: string,
  externalId: string | null = null,
  seq = nextSeq++,
): CandidateRow => ({ seq, date, amount, text, externalId });

describe('matching a file against the ledger', () => {
  it('finds a known file id first, even for a row the person deleted', () => {
    const decisions = matchRows(
      [row('2026-01-05', -500, 'Shop', 'FIT-9')],
      [here('2026-01-05', -500, 'Shop', null, 40)],
      new Map([['FIT-9', 7]]),
    );
    expect(decisions).toEqual([{ kind: 'id', seq: 7 }]);
  });

  it('takes the closest date, then the same payee, and claims each row once', () => {
    const decisions = matchRows(
      [row('2026-01-10', -999, 'Starbucks'), row('2026-01-10', -999, 'Starbucks')],
      [
        here('2026-01-12', -999, 'SHELL OIL', null, 1),
        here('2026-01-11', -999, 'STARBUCKS 12', null, 2),
      ],
      new Map(),
    );
    expect(decisions).toEqual([
      { kind: 'amount-date', seq: 2 },
      { kind: 'amount-date', seq: 1 },
    ]);
  });

  it('never pairs amounts that differ, dates beyond the window, or two different file ids', () => {
    const decisions = matchRows(
      [
        row('2026-01-10', -100, 'A'),
        row('2026-01-10', -200, 'B'),
        row('2026-01-10', -300, 'C', 'X1'),
      ],
      [
        here('2026-01-10', -101, 'A', null, 1),
        here('2026-01-15', -200, 'B', null, 2),
        here('2026-01-10', -300, 'C', 'X0', 3),
      ],
      new Map([['X0', 3]]),
    );
    expect(decisions.map((d) => d.kind)).toEqual(['new', 'new', 'new']);
  });

  it('keeps two genuine identical rows of one file, matching only as many as are already here', () => {
    const decisions = matchRows(
      [row('2026-02-01', -250, 'Coffee'), row('2026-02-01', -250, 'Coffee')],
      [here('2026-02-01', -250, 'Coffee', null, 9)],
      new Map(),
    );
    expect(decisions).toEqual([{ kind: 'amount-date', seq: 9 }, { kind: 'new' }]);
  });

  it('a file id repeated within one file is the same row again', () => {
    const decisions = matchRows(
      [row('2026-02-01', -250, 'Coffee', 'A'), row('2026-02-01', -250, 'Coffee', 'A')],
      [],
      new Map(),
    );
    expect(decisions).toEqual([{ kind: 'new' }, { kind: 'repeat', of: 0 }]);
  });

  it('makes a tie between rows that are not interchangeable a suggestion, never a guess', () => {
    const decisions = matchRows(
      [row('2026-03-10', -4000, 'Withdrawal')],
      [here('2026-03-09', -4000, 'GAS', null, 1), here('2026-03-11', -4000, 'BOOKS', null, 2)],
      new Map(),
    );
    expect(decisions).toEqual([{ kind: 'suggested', candidates: [1, 2] }]);
  });

  it('an exact match elsewhere in the file settles a tie (a month of equal daily interest lines up)', () => {
    const days = Array.from({ length: 30 }, (_, i) => `2026-04-${String(i + 1).padStart(2, '0')}`);
    const decisions = matchRows(
      days.map((d) => row(d, 3, 'Interest')),
      days.map((d, i) => here(d, 3, 'INTEREST PAID', null, 100 + i)),
      new Map(),
    );
    expect(decisions).toEqual(days.map((_, i) => ({ kind: 'amount-date', seq: 100 + i })));
  });

  it('tells payees apart by their words, ignoring how the money moved', () => {
    expect(samePayee('POS DEBIT STARBUCKS #123', 'Starbucks')).toBe(true);
    expect(samePayee('POS DEBIT SHELL', 'POS DEBIT STARBUCKS')).toBe(false);
  });

  it('whatever the rows, claims each row here at most once and matches only equal amounts', () => {
    const date = fc
      .integer({ min: 0, max: 20 })
      .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10));
    const amount = fc.integer({ min: -5, max: 5 }).filter((n) => n !== 0);
    const text = fc.constantFrom('Coffee', 'Shell', 'Rent', 'STARBUCKS 1');
    fc.assert(
      fc.property(
        fc.array(fc.record({ date, amount, text, externalId: fc.constant(null) }), {
          maxLength: 25,
        }),
        fc.array(fc.record({ date, amount, text }), { maxLength: 25 }),
        (incoming, existing) => {
          const candidates = existing.map((e, i) => ({ ...e, seq: i + 1, externalId: null }));
          const decisions = matchRows(incoming, candidates, new Map());
          const claimed = decisions.flatMap((d) => (d.kind === 'amount-date' ? [d.seq] : []));
          expect(new Set(claimed).size).toBe(claimed.length);
          decisions.forEach((d, i) => {
            if (d.kind === 'amount-date') {
              expect(candidates[d.seq - 1]!.amount).toBe(incoming[i]!.amount);
            }
            if (d.kind === 'suggested') expect(d.candidates.length).toBeGreaterThan(1);
          });
          // Matching the ledger against itself finds every row, each once.
          const self = matchRows(
            candidates.map((c) => ({ ...c, externalId: null })),
            candidates,
            new Map(),
          );
          expect(self.every((d) => d.kind !== 'new')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
