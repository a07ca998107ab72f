import { useId, useState } from 'react';
import {
  Area,
  AreaChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { NetWorthPoint, NetWorthSeries } from '../../../../shared/model';
import { EmptyState } from '../../components/EmptyState';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/QueryState';
import { formatDay, formatMonth, formatShortDay } from '../../format/dates';
import { formatMoney, toMajor } from '../../format/money';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { usePrefersDark } from '../../hooks/usePrefersDark';
import { compact } from '../accounts/BalanceChart';
import { chartPalette, svgId } from '../charts/palette';
import { currencyName } from '../manual/currencies';

/** The periods the chart offers, in months back from today. */
export const NET_WORTH_RANGES = [
  { months: 6, label: '6M', words: '6 months' },
  { months: 12, label: '1Y', words: '1 year' },
  { months: 24, label: '2Y', words: '2 years' },
  { months: 60, label: '5Y', words: '5 years' },
] as const;

/**
 * Net worth over time, one chart per currency (amounts in different currencies are never added
 * together), with a switch for how far back it goes. Reads `reports.netWorth` week by week.
 */
export function NetWorthCard({
  today,
  currencyOrder = [],
}: {
  today: string;
  /** Currencies to show first (the one most accounts use); the rest follow by code. */
  currencyOrder?: readonly string[];
}) {
  const [months, setMonths] = useState<number>(24);
  const report = useLedgerQuery(
    'reports.netWorth',
    { months, until: today, step: 'week' },
    { watch: 'ledger' },
  );
  const rank = (c: string) => {
    const i = currencyOrder.indexOf(c);
    return i < 0 ? currencyOrder.length : i;
  };
  return (
    <section className="card networth-card" aria-labelledby="networth-heading">
      <header className="card-header">
        <h2 id="networth-heading">Net worth over time</h2>
        <div className="range-switch" role="group" aria-label="Period of the net worth chart">
          {NET_WORTH_RANGES.map((r) => (
            <button
              key={r.months}
              type="button"
              aria-pressed={months === r.months}
              onClick={() => setMonths(r.months)}
            >
              {r.label}
              <span className="visually-hidden"> ({r.words})</span>
            </button>
          ))}
        </div>
      </header>
      <QueryState
        query={report}
        loadingLabel="Loading your net worth…"
        isEmpty={(list) => list.every((s) => s.points.length === 0)}
        empty={
          <EmptyState title="Nothing to chart yet" headingLevel={3}>
            <p>
              Once an account has a balance, what you own minus what you owe appears here, week by
              week.
            </p>
          </EmptyState>
        }
      >
        {(list) => (
          <>
            <div className="networth-list">
              {[...list]
                .filter((s) => s.points.length > 0)
                .sort(
                  (a, b) =>
                    rank(a.currency) - rank(b.currency) || a.currency.localeCompare(b.currency),
                )
                .map((series, index) => (
                  <NetWorthChart key={series.currency} series={series} colorIndex={index} />
                ))}
            </div>
            <NetWorthNote series={list} />
          </>
        )}
      </QueryState>
    </section>
  );
}

/** One currency's net worth: an area chart, its latest value and change, and a table for readers. */
export function NetWorthChart({
  series,
  colorIndex = 0,
}: {
  series: NetWorthSeries;
  colorIndex?: number;
}) {
  const { currency, points } = series;
  const palette = chartPalette(usePrefersDark());
  const color = palette.series[colorIndex % palette.series.length]!;
  const gradient = svgId(useId());
  const headingId = useId();
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const change = last.net - first.net;
  const data = points.map((p) => ({ ...p, value: toMajor(p.net, currency) }));
  // Up to about ten months, days ("Sep 10"); longer, months with their year ("Sep 2026").
  const long = Date.parse(last.date) - Date.parse(first.date) > 300 * 86_400_000;
  return (
    <figure className="chart-figure networth-figure" aria-labelledby={headingId}>
      <div className="networth-head">
        <h3 id={headingId}>
          Net worth in {currency}
          <span className="visually-hidden"> ({currencyName(currency)})</span>
        </h3>
        <p className="networth-now">
          <Money amount={last.net} currency={currency} className="networth-value" />
          {points.length > 1 ? (
            <span className={change < 0 ? 'networth-change down' : 'networth-change up'}>
              {formatMoney(change, currency, { signDisplay: 'exceptZero' })} since{' '}
              {formatDay(first.date)}
            </span>
          ) : null}
        </p>
      </div>
      {points.length > 1 ? (
        <div className="chart-box networth-box" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart
              data={data}
              margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
              accessibilityLayer={false}
            >
              <defs>
                <linearGradient id={gradient} x1="0" y1="0" x2="0" y2="1">
                  <stop offset="0%" stopColor={color} stopOpacity={0.26} />
                  <stop offset="100%" stopColor={color} stopOpacity={0.03} />
                </linearGradient>
              </defs>
              <CartesianGrid vertical={false} stroke={palette.grid} />
              <XAxis
                dataKey="date"
                tickFormatter={(d: string) =>
                  long ? formatMonth(d.slice(0, 7)) : formatShortDay(d)
                }
                tick={{ fill: palette.axis, fontSize: 12 }}
                axisLine={false}
                tickLine={false}
                minTickGap={36}
              />
              <YAxis
                tickFormatter={(v: number) => compact(v, currency)}
                tick={{ fill: palette.axis, fontSize: 12 }}
                axisLine={false}
                tickLine={false}
                width={72}
              />
              {data.some((p) => p.net < 0) ? (
                <ReferenceLine y={0} stroke={palette.axis} strokeDasharray="2 3" />
              ) : null}
              <Tooltip
                content={({ active, payload }) => {
                  const row = payload?.[0]?.payload as NetWorthPoint | undefined;
                  if (!active || !row) return null;
                  return <PointTooltip point={row} currency={currency} />;
                }}
              />
              <Area
                type="monotone"
                dataKey="value"
                stroke={color}
                strokeWidth={2}
                fill={`url(#${gradient})`}
                isAnimationActive={false}
              />
            </AreaChart>
          </ResponsiveContainer>
        </div>
      ) : null}
      {/* A table ignores a 1 px height; the box around it keeps it from growing the page. */}
      <div className="visually-hidden">
        <table>
          <caption>Net worth in {currency}, first and last day shown</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Assets</th>
              <th scope="col">Owed</th>
              <th scope="col">Net worth</th>
            </tr>
          </thead>
          <tbody>
            {(points.length > 1 ? [first, last] : [last]).map((p) => (
              <tr key={p.date}>
                <th scope="row">{formatDay(p.date)}</th>
                <td>{formatMoney(p.assets, currency)}</td>
                <td>{formatMoney(p.liabilities, currency)}</td>
                <td>
                  {formatMoney(p.net, currency)}
                  {p.derived ? ' (includes balances rebuilt from transactions)' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** What the charts above draw: rebuilt days, and currencies kept apart. */
function NetWorthNote({ series }: { series: readonly NetWorthSeries[] }) {
  const notes = [
    series.some((s) => s.points.some((p) => p.derived))
      ? 'Includes balances rebuilt from your transactions, for days no balance was reported.'
      : null,
    series.filter((s) => s.points.length > 0).length > 1
      ? 'Each currency has its own chart: amounts in different currencies are never added together.'
      : null,
  ].filter(Boolean);
  return notes.length > 0 ? <p className="chart-legend">{notes.join(' ')}</p> : null;
}

function PointTooltip({ point, currency }: { point: NetWorthPoint; currency: string }) {
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{formatDay(point.date)}</p>
      <dl className="chart-tooltip-facts">
        <dt>Assets</dt>
        <dd>{formatMoney(point.assets, currency)}</dd>
        <dt>Owed</dt>
        <dd>{formatMoney(point.liabilities, currency)}</dd>
        <dt>Net worth</dt>
        <dd>
          <strong>{formatMoney(point.net, currency)}</strong>
        </dd>
      </dl>
      {point.derived ? <p className="muted">Includes balances rebuilt from transactions</p> : null}
    </div>
  );
}
