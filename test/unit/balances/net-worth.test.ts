import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BalancePoint } from '../../../src/main/balances/history';
import {
  netWorthOverTime,
  sampleDates,
  type AccountSeries,
  type NetWorthPoint,
} from '../../../src/main/balances/net-worth';

function points(...rows: [string, number, boolean?][]): BalancePoint[] {
  return rows.map(([date, current, derived]) => ({ date, current, derived: derived ?? false }));
}

function row(p: NetWorthPoint): [string, number, number, number, boolean] {
  return [p.date, p.assets, p.liabilities, p.net, p.derived];
}

describe('netWorthOverTime', () => {
  it('keeps currencies apart, sorted by code, and subtracts what is owed', () => {
    const series: AccountSeries[] = [
      {
        accountId: 'usd-chk',
        currency: 'USD',
        side: 'asset',
        points: points(['2024-01-01', 10_000], ['2024-01-02', 12_000]),
      },
      {
        accountId: 'cad-card',
        currency: 'CAD',
        side: 'liability',
        points: points(['2024-01-01', 3_000], ['2024-01-02', 2_500, true]),
      },
      {
        accountId: 'cad-sav',
        currency: 'CAD',
        side: 'asset',
        points: points(['2024-01-01', 1_000], ['2024-01-02', 1_000]),
      },
      {
        accountId: 'usd-loan',
        currency: 'USD',
        side: 'liability',
        points: points(['2024-01-01', 500], ['2024-01-02', 400]),
      },
    ];
    const result = netWorthOverTime(series, { from: '2024-01-01', to: '2024-01-02', step: 'day' });
    expect(result.map((s) => s.currency)).toEqual(['CAD', 'USD']);
    expect(result[0]!.points.map(row)).toEqual([
      ['2024-01-01', 1_000, 3_000, -2_000, false],
      ['2024-01-02', 1_000, 2_500, -1_500, true],
    ]);
    expect(result[1]!.points.map(row)).toEqual([
      ['2024-01-01', 10_000, 500, 9_500, false],
      ['2024-01-02', 12_000, 400, 11_600, false],
    ]);
  });

  it('carries a point forward across gaps and counts an account only from its first point', () => {
    const series: AccountSeries[] = [
      {
        accountId: 'chk',
        currency: 'EUR',
        side: 'asset',
        // Derived on the 2nd, then a gap: the derived value (and its flag) carries to the 4th.
        points: points(['2024-01-01', 100], ['2024-01-02', 150, true], ['2024-01-05', 300]),
      },
      {
        accountId: 'card',
        currency: 'EUR',
        side: 'liability',
        points: points(['2024-01-03', 40]),
      },
    ];
    const [eur] = netWorthOverTime(series, { from: '2024-01-01', to: '2024-01-06', step: 'day' });
    expect(eur!.points.map(row)).toEqual([
      ['2024-01-01', 100, 0, 100, false],
      ['2024-01-02', 150, 0, 150, true],
      ['2024-01-03', 150, 40, 110, true],
      ['2024-01-04', 150, 40, 110, true],
      ['2024-01-05', 300, 40, 260, false],
      ['2024-01-06', 300, 40, 260, false],
    ]);
  });

  it('uses points from before `from` and leaves out days before any account has one', () => {
    const series: AccountSeries[] = [
      { accountId: 'a', currency: 'USD', side: 'asset', points: points(['2023-12-01', 70]) },
      { accountId: 'b', currency: 'GBP', side: 'asset', points: points(['2024-01-03', 5]) },
      { accountId: 'c', currency: 'JPY', side: 'asset', points: points(['2024-02-01', 9]) },
      { accountId: 'd', currency: 'CHF', side: 'asset', points: [] },
    ];
    const result = netWorthOverTime(series, { from: '2024-01-01', to: '2024-01-04', step: 'day' });
    expect(result.map((s) => [s.currency, s.points.map(row)])).toEqual([
      [
        'GBP',
        [
          ['2024-01-03', 5, 0, 5, false],
          ['2024-01-04', 5, 0, 5, false],
        ],
      ],
      [
        'USD',
        [
          ['2024-01-01', 70, 0, 70, false],
          ['2024-01-02', 70, 0, 70, false],
          ['2024-01-03', 70, 0, 70, false],
          ['2024-01-04', 70, 0, 70, false],
        ],
      ],
    ]);
  });

  it('samples every 7th day ending at `to`, with the values of those days', () => {
    const daily = points(
      ...Array.from({ length: 31 }, (_, i): [string, number, boolean] => [
        `2024-01-${String(i + 1).padStart(2, '0')}`,
        (i + 1) * 100,
        i % 2 === 0,
      ]),
    );
    const [usd] = netWorthOverTime(
      [{ accountId: 'a', currency: 'USD', side: 'asset', points: daily }],
      {
        from: '2024-01-01',
        to: '2024-01-31',
        step: 'week',
      },
    );
    expect(usd!.points.map(row)).toEqual([
      ['2024-01-03', 300, 0, 300, true],
      ['2024-01-10', 1_000, 0, 1_000, false],
      ['2024-01-17', 1_700, 0, 1_700, true],
      ['2024-01-24', 2_400, 0, 2_400, false],
      ['2024-01-31', 3_100, 0, 3_100, true],
    ]);
  });

  it('samples month ends and `to`, carrying values to a month end with no point of its own', () => {
    const series: AccountSeries[] = [
      {
        accountId: 'a',
        currency: 'USD',
        side: 'asset',
        points: points(['2028-01-20', 1_000], ['2028-02-29', 2_000], ['2028-03-15', 3_000, true]),
      },
    ];
    const [usd] = netWorthOverTime(series, { from: '2028-01-15', to: '2028-04-10', step: 'month' });
    expect(usd!.points.map(row)).toEqual([
      ['2028-01-31', 1_000, 0, 1_000, false],
      ['2028-02-29', 2_000, 0, 2_000, false],
      ['2028-03-31', 3_000, 0, 3_000, true],
      ['2028-04-10', 3_000, 0, 3_000, true],
    ]);
  });

  it('returns nothing when from is after to', () => {
    const series: AccountSeries[] = [
      { accountId: 'a', currency: 'USD', side: 'asset', points: points(['2024-01-01', 1]) },
    ];
    for (const step of ['day', 'week', 'month'] as const) {
      expect(netWorthOverTime(series, { from: '2024-01-02', to: '2024-01-01', step })).toEqual([]);
    }
  });

  it('computes ten years daily for fifty accounts well under a second', () => {
    const start = Date.UTC(2015, 0, 1);
    const days = Array.from({ length: 3_653 }, (_, i) =>
      new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    );
    const series: AccountSeries[] = Array.from({ length: 50 }, (_, k) => ({
      accountId: `acc-${k}`,
      currency: k % 5 === 0 ? 'CAD' : 'USD',
      side: k % 3 === 0 ? 'liability' : 'asset',
      points: days.map((date, i) => ({ date, current: k * 1_000 + i, derived: i % 7 !== 0 })),
    }));
    const began = performance.now();
    const result = netWorthOverTime(series, {
      from: days[0]!,
      to: days[days.length - 1]!,
      step: 'day',
    });
    const elapsed = performance.now() - began;
    expect(result.map((s) => s.points.length)).toEqual([3_653, 3_653]);
    // CAD: accounts 0, 5, …, 45; liabilities are those divisible by 3 (0, 15, 30, 45).
    const lastDay = 3_652;
    const cadAssets = [5, 10, 20, 25, 35, 40].reduce((sum, k) => sum + k * 1_000 + lastDay, 0);
    const cadOwed = [0, 15, 30, 45].reduce((sum, k) => sum + k * 1_000 + lastDay, 0);
    expect(result[0]!.points[lastDay]).toEqual({
      date: '2024-12-31',
      assets: cadAssets,
      liabilities: cadOwed,
      net: cadAssets - cadOwed,
      derived: true,
    });
    expect(elapsed).toBeLessThan(500);
  });

  it('weekly and monthly points are the daily points of those days', () => {
    const day = (offset: number): string =>
      new Date(Date.UTC(2027, 10, 1) + offset * 86_400_000).toISOString().slice(0, 10);
    const account = fc.record({
      currency: fc.constantFrom('CAD', 'USD'),
      side: fc.constantFrom('asset' as const, 'liability' as const),
      points: fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 30 }).chain((offsets) =>
        fc.tuple(
          ...[...offsets]
            .sort((a, b) => a - b)
            .map((o) =>
              fc.record({
                date: fc.constant(day(o)),
                current: fc.integer({ min: -1_000_000, max: 1_000_000 }),
                derived: fc.boolean(),
              }),
            ),
        ),
      ),
    });
    fc.assert(
      fc.property(
        fc.array(account, { maxLength: 6 }),
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 0, max: 200 }),
        (accounts, fromDay, length) => {
          const series = accounts.map((a, i) => ({ ...a, accountId: `a${i}` }));
          const range = { from: day(fromDay), to: day(fromDay + length) };
          const daily = netWorthOverTime(series, { ...range, step: 'day' });
          for (const step of ['week', 'month'] as const) {
            for (const sampled of netWorthOverTime(series, { ...range, step })) {
              const byDate = new Map(
                daily.find((d) => d.currency === sampled.currency)!.points.map((p) => [p.date, p]),
              );
              expect(sampled.points.length).toBeGreaterThan(0);
              for (const p of sampled.points) expect(p).toEqual(byDate.get(p.date));
              expect(sampled.points[sampled.points.length - 1]!.date).toBe(range.to);
            }
          }
        },
      ),
    );
  });
});

describe('sampleDates', () => {
  it('takes every day, every 7th day ending at `to`, or month ends then `to`', () => {
    expect(sampleDates('2024-02-27', '2024-03-02', 'day')).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
      '2024-03-02',
    ]);
    expect(sampleDates('2024-12-20', '2025-01-10', 'week')).toEqual([
      '2024-12-20',
      '2024-12-27',
      '2025-01-03',
      '2025-01-10',
    ]);
    expect(sampleDates('2024-12-21', '2025-01-10', 'week')).toEqual([
      '2024-12-27',
      '2025-01-03',
      '2025-01-10',
    ]);
    expect(sampleDates('2027-11-30', '2028-03-05', 'month')).toEqual([
      '2027-11-30',
      '2027-12-31',
      '2028-01-31',
      '2028-02-29',
      '2028-03-05',
    ]);
  });

  it('does not repeat `to` when it is a month end, and knows which Februaries are short', () => {
    expect(sampleDates('2028-01-01', '2028-02-29', 'month')).toEqual(['2028-01-31', '2028-02-29']);
    expect(sampleDates('2027-02-01', '2027-03-01', 'month')).toEqual(['2027-02-28', '2027-03-01']);
    expect(sampleDates('2100-02-01', '2100-02-28', 'month')).toEqual(['2100-02-28']);
    expect(sampleDates('2000-02-10', '2000-02-10', 'month')).toEqual(['2000-02-10']);
    expect(sampleDates('2000-02-10', '2000-03-01', 'month')).toEqual(['2000-02-29', '2000-03-01']);
  });

  it('is empty when from is after to', () => {
    expect(sampleDates('2024-01-02', '2024-01-01', 'day')).toEqual([]);
    expect(sampleDates('2024-01-02', '2024-01-01', 'week')).toEqual([]);
    expect(sampleDates('2024-01-02', '2024-01-01', 'month')).toEqual([]);
  });
});
