import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  firstActivityDate,
  rebuildDailyBalances,
  type BalancePoint,
  type BalanceSide,
  type DatedAmount,
  type RealBalance,
} from '../../../src/main/balances/history';

/** Spending 500 and a 200 refund on the anchor's day, a 1,000 deposit, a 250 purchase first. */
const transactions: DatedAmount[] = [
  { date: '2024-03-10', amount: -500 },
  { date: '2024-03-08', amount: 1_000 },
  { date: '2024-03-05', amount: -250 },
  { date: '2024-03-10', amount: 200 },
];
const anchor: RealBalance = { date: '2024-03-10', current: 10_000 };

function rows(points: BalancePoint[]): [string, number, boolean][] {
  return points.map((p) => [p.date, p.current, p.derived]);
}

describe('rebuildDailyBalances', () => {
  it('walks an asset back from the anchor, netting the days with several transactions', () => {
    const points = rebuildDailyBalances({
      side: 'asset',
      anchor,
      snapshots: [],
      transactions,
      from: '2024-03-01',
      to: '2024-03-10',
    });
    // Starts on the first transaction's day, not `from`: nothing is known before it.
    expect(rows(points)).toEqual([
      ['2024-03-05', 9_300, true],
      ['2024-03-06', 9_300, true],
      ['2024-03-07', 9_300, true],
      ['2024-03-08', 10_300, true],
      ['2024-03-09', 10_300, true],
      ['2024-03-10', 10_000, false],
    ]);
  });

  it('walks a liability back the other way: money out raised what is owed', () => {
    const points = rebuildDailyBalances({
      side: 'liability',
      anchor,
      snapshots: [],
      transactions,
      from: '2024-03-01',
      to: '2024-03-10',
    });
    expect(rows(points)).toEqual([
      ['2024-03-05', 10_700, true],
      ['2024-03-06', 10_700, true],
      ['2024-03-07', 10_700, true],
      ['2024-03-08', 9_700, true],
      ['2024-03-09', 9_700, true],
      ['2024-03-10', 10_000, false],
    ]);
  });

  it('re-anchors on an earlier snapshot that disagrees with the walk, without smearing the gap', () => {
    const points = rebuildDailyBalances({
      side: 'asset',
      anchor,
      // The walk from the anchor says 9,300 on the 7th; the bank said 5,000.
      snapshots: [{ date: '2024-03-07', current: 5_000 }],
      transactions: [...transactions, { date: '2024-03-06', amount: 400 }],
      from: '2024-03-01',
      to: '2024-03-10',
    });
    expect(rows(points)).toEqual([
      ['2024-03-05', 4_600, true],
      ['2024-03-06', 5_000, true],
      ['2024-03-07', 5_000, false],
      ['2024-03-08', 10_300, true],
      ['2024-03-09', 10_300, true],
      ['2024-03-10', 10_000, false],
    ]);
  });

  it('re-anchors a liability on several snapshots given in any order', () => {
    const points = rebuildDailyBalances({
      side: 'liability',
      anchor: { date: '2024-03-06', current: 3_000 },
      snapshots: [
        { date: '2024-03-04', current: 2_000 },
        { date: '2024-03-02', current: 100 },
      ],
      transactions: [
        { date: '2024-03-01', amount: -50 },
        { date: '2024-03-03', amount: -700 },
        { date: '2024-03-05', amount: -400 },
        { date: '2024-03-06', amount: 100 },
      ],
      from: '2024-02-01',
      to: '2024-03-06',
    });
    expect(rows(points)).toEqual([
      ['2024-03-01', 100, true],
      ['2024-03-02', 100, false],
      ['2024-03-03', 2_000, true],
      ['2024-03-04', 2_000, false],
      ['2024-03-05', 3_100, true],
      ['2024-03-06', 3_000, false],
    ]);
  });

  it('lets the anchor win over a snapshot on the same day', () => {
    const points = rebuildDailyBalances({
      side: 'asset',
      anchor,
      snapshots: [{ date: '2024-03-10', current: 1 }],
      transactions: [],
      from: '2024-03-10',
      to: '2024-03-10',
    });
    expect(rows(points)).toEqual([['2024-03-10', 10_000, false]]);
  });

  it('rolls forward after the anchor with the transactions since, up to `to`', () => {
    const since: DatedAmount[] = [
      { date: '2024-03-11', amount: -1_500 },
      { date: '2024-03-13', amount: 700 },
      { date: '2024-03-13', amount: -200 },
    ];
    const input = {
      anchor,
      snapshots: [],
      transactions: [...transactions, ...since],
      from: '2024-03-09',
      to: '2024-03-14',
    };
    expect(rows(rebuildDailyBalances({ ...input, side: 'asset' }))).toEqual([
      ['2024-03-09', 10_300, true],
      ['2024-03-10', 10_000, false],
      ['2024-03-11', 8_500, true],
      ['2024-03-12', 8_500, true],
      ['2024-03-13', 9_000, true],
      ['2024-03-14', 9_000, true],
    ]);
    expect(rows(rebuildDailyBalances({ ...input, side: 'liability' }))).toEqual([
      ['2024-03-09', 9_700, true],
      ['2024-03-10', 10_000, false],
      ['2024-03-11', 11_500, true],
      ['2024-03-12', 11_500, true],
      ['2024-03-13', 11_000, true],
      ['2024-03-14', 11_000, true],
    ]);
  });

  it('walks back from an anchor after `to` without producing days after `to`', () => {
    const points = rebuildDailyBalances({
      side: 'asset',
      anchor,
      snapshots: [],
      transactions,
      from: '2024-03-07',
      to: '2024-03-08',
    });
    expect(rows(points)).toEqual([
      ['2024-03-07', 9_300, true],
      ['2024-03-08', 10_300, true],
    ]);
  });

  it('starts at the earliest snapshot when it is older than every transaction', () => {
    const points = rebuildDailyBalances({
      side: 'asset',
      anchor: { date: '2024-01-03', current: 900 },
      snapshots: [{ date: '2024-01-01', current: 1_000 }],
      transactions: [{ date: '2024-01-03', amount: -100 }],
      from: '2023-12-01',
      to: '2024-01-04',
    });
    expect(rows(points)).toEqual([
      ['2024-01-01', 1_000, false],
      ['2024-01-02', 1_000, true],
      ['2024-01-03', 900, false],
      ['2024-01-04', 900, true],
    ]);
  });

  it('holds an account without transactions flat from its anchor on', () => {
    const points = rebuildDailyBalances({
      side: 'asset',
      anchor,
      snapshots: [],
      transactions: [],
      from: '2024-03-01',
      to: '2024-03-12',
    });
    expect(rows(points)).toEqual([
      ['2024-03-10', 10_000, false],
      ['2024-03-11', 10_000, true],
      ['2024-03-12', 10_000, true],
    ]);
  });

  it('counts days in UTC across a leap day and a year end', () => {
    const leap = rebuildDailyBalances({
      side: 'asset',
      anchor: { date: '2028-03-01', current: 500 },
      snapshots: [],
      transactions: [{ date: '2028-02-29', amount: 100 }],
      from: '2028-02-27',
      to: '2028-03-01',
    });
    expect(rows(leap)).toEqual([
      ['2028-02-29', 500, true],
      ['2028-03-01', 500, false],
    ]);
    const yearEnd = rebuildDailyBalances({
      side: 'asset',
      anchor: { date: '2024-12-30', current: 0 },
      snapshots: [],
      transactions: [{ date: '2025-01-01', amount: 7 }],
      from: '2024-12-30',
      to: '2025-01-02',
    });
    expect(rows(yearEnd)).toEqual([
      ['2024-12-30', 0, false],
      ['2024-12-31', 0, true],
      ['2025-01-01', 7, true],
      ['2025-01-02', 7, true],
    ]);
  });

  it('returns nothing when from is after to', () => {
    expect(
      rebuildDailyBalances({
        side: 'asset',
        anchor,
        snapshots: [],
        transactions,
        from: '2024-03-09',
        to: '2024-03-08',
      }),
    ).toEqual([]);
  });
});

describe('firstActivityDate', () => {
  it('is the earliest transaction or snapshot, or null without either', () => {
    expect(firstActivityDate([], [])).toBeNull();
    expect(firstActivityDate(transactions, [])).toBe('2024-03-05');
    expect(firstActivityDate(transactions, [{ date: '2024-02-29', current: 1 }])).toBe(
      '2024-02-29',
    );
    expect(firstActivityDate([], [anchor, { date: '2024-03-09', current: 1 }])).toBe('2024-03-09');
  });
});

describe('rebuildDailyBalances properties', () => {
  const DAY_MS = 86_400_000;
  const BASE = Date.UTC(2027, 11, 20); // spans a year end and the 2028 leap day
  const day = (offset: number): string =>
    new Date(BASE + offset * DAY_MS).toISOString().slice(0, 10);

  const side = fc.constantFrom<BalanceSide>('asset', 'liability');
  const money = fc.integer({ min: -10_000_000, max: 10_000_000 });
  const txs = fc.array(
    fc.record({ date: fc.integer({ min: 0, max: 90 }).map(day), amount: money }),
    { maxLength: 40 },
  );

  function netOn(list: readonly DatedAmount[], date: string): number {
    return list.filter((t) => t.date === date).reduce((sum, t) => sum + t.amount, 0);
  }

  function apply(s: BalanceSide, balance: number, net: number): number {
    return s === 'asset' ? balance + net : balance - net;
  }

  it('(a) with only the anchor real, replaying the transactions forward gives it back', () => {
    fc.assert(
      fc.property(
        side,
        txs,
        fc.integer({ min: 0, max: 90 }),
        money,
        fc.integer({ min: 0, max: 20 }),
        (s, list, anchorDay, current, after) => {
          const real = { date: day(anchorDay), current };
          const points = rebuildDailyBalances({
            side: s,
            anchor: real,
            snapshots: [],
            transactions: list,
            from: '2027-01-01',
            to: day(anchorDay + after),
          });
          const first = firstActivityDate(list, [real]);
          expect(points[0]?.date).toBe(first);
          expect(points[points.length - 1]?.date).toBe(day(anchorDay + after));
          let balance = points[0]?.current ?? Number.NaN;
          for (let i = 1; i < points.length; i++) {
            const point = points[i]!;
            expect(Date.parse(point.date) - Date.parse(points[i - 1]!.date)).toBe(DAY_MS);
            balance = apply(s, balance, netOn(list, point.date));
            expect(point.current).toBe(balance);
            if (point.date === real.date) expect(balance).toBe(current);
          }
          expect(points.find((p) => p.date === real.date)?.current).toBe(current);
        },
      ),
    );
  });

  it('(b) derived is false exactly on real days, which carry their real value', () => {
    fc.assert(
      fc.property(
        side,
        txs,
        fc.integer({ min: 0, max: 90 }),
        fc.array(fc.record({ date: fc.integer({ min: 0, max: 90 }).map(day), current: money }), {
          maxLength: 10,
        }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 120 }),
        (s, list, anchorDay, snapshots, fromDay, toDay) => {
          const real: RealBalance = { date: day(anchorDay), current: 42 };
          const points = rebuildDailyBalances({
            side: s,
            anchor: real,
            snapshots,
            transactions: list,
            from: day(fromDay),
            to: day(toDay),
          });
          const values = new Map(snapshots.map((snap) => [snap.date, snap.current]));
          values.set(real.date, real.current);
          for (const point of points) {
            expect(point.derived).toBe(!values.has(point.date));
            if (!point.derived) expect(point.current).toBe(values.get(point.date));
          }
        },
      ),
    );
  });

  it('(c) a derived day always agrees with the next day and its transactions', () => {
    fc.assert(
      fc.property(
        side,
        txs,
        fc.integer({ min: 0, max: 90 }),
        fc.array(fc.record({ date: fc.integer({ min: 0, max: 90 }).map(day), current: money }), {
          maxLength: 10,
        }),
        (s, list, anchorDay, snapshots) => {
          const points = rebuildDailyBalances({
            side: s,
            anchor: { date: day(anchorDay), current: 0 },
            snapshots,
            transactions: list,
            from: day(0),
            to: day(100),
          });
          // Only a real day may step away from the walk: that is where a disagreement shows.
          for (let i = 1; i < points.length; i++) {
            const previous = points[i - 1]!;
            const point = points[i]!;
            if (previous.derived) {
              expect(point.current).toBe(apply(s, previous.current, netOn(list, point.date)));
            }
          }
        },
      ),
    );
  });
});
