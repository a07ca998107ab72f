import { useId } from 'react';
import {
  Area,
  AreaChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { BalanceSnapshot } from '../../../../shared/model';
import { formatDay, formatShortDay } from '../../format/dates';
import { currencyDigits, formatMoney, toMajor } from '../../format/money';
import { usePrefersDark } from '../../hooks/usePrefersDark';
import { chartPalette, svgId } from '../charts/palette';

/** The daily balance snapshots of one account as an area chart, with a text summary for readers. */
export function BalanceChart({
  history,
  currency,
  name,
}: {
  history: BalanceSnapshot[];
  currency: string;
  name: string;
}) {
  const palette = chartPalette(usePrefersDark());
  const gradient = svgId(useId());
  const points = history
    .filter((h) => h.current !== null)
    .map((h) => ({ date: h.date, value: toMajor(h.current!, currency), minor: h.current! }));
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <figure className="chart-figure">
      <figcaption className="visually-hidden">
        Balance history of {name}
        {first && last
          ? `: ${formatMoney(first.minor, currency)} on ${formatDay(first.date)}, ${formatMoney(last.minor, currency)} on ${formatDay(last.date)}.`
          : '.'}
      </figcaption>
      <div className="chart-box" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart
            data={points}
            margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
            accessibilityLayer={false}
          >
            <defs>
              <linearGradient id={gradient} x1="0" y1="0" x2="0" y2="1">
                <stop offset="0%" stopColor={palette.area} stopOpacity={0.28} />
                <stop offset="100%" stopColor={palette.area} stopOpacity={0.02} />
              </linearGradient>
            </defs>
            <CartesianGrid vertical={false} stroke={palette.grid} />
            <XAxis
              dataKey="date"
              tickFormatter={(d: string) => formatShortDay(d)}
              tick={{ fill: palette.axis, fontSize: 12 }}
              axisLine={false}
              tickLine={false}
              minTickGap={28}
            />
            <YAxis
              tickFormatter={(v: number) => compact(v, currency)}
              tick={{ fill: palette.axis, fontSize: 12 }}
              axisLine={false}
              tickLine={false}
              width={72}
            />
            <Tooltip
              formatter={(value) => [
                formatMoney(Math.round(Number(value) * 10 ** currencyDigits(currency)), currency),
                'Balance',
              ]}
              labelFormatter={(d) => formatDay(String(d))}
              contentStyle={{
                background: 'var(--surface)',
                border: '1px solid var(--border)',
                borderRadius: 8,
                color: 'var(--fg)',
              }}
            />
            <Area
              type="monotone"
              dataKey="value"
              stroke={palette.area}
              strokeWidth={2}
              fill={`url(#${gradient})`}
              isAnimationActive={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Axis labels: "$12K" rather than "$12,000.00". */
export function compact(major: number, currency: string): string {
  return formatMoney(Math.round(major * 10 ** currencyDigits(currency)), currency, {
    compact: true,
  });
}
