import { useId } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { BalanceSnapshot } from '../../../../shared/model';
import { formatDay, formatShortDay } from '../../format/dates';
import { plural } from '../../format/labels';
import { currencyDigits, formatMoney, toMajor } from '../../format/money';
import { usePrefersDark } from '../../hooks/usePrefersDark';
import { chartPalette, svgId } from '../charts/palette';

interface ChartPoint {
  date: string;
  minor: number;
  derived: boolean;
  /** The area under the whole line. */
  value: number;
  /** Set where the line is drawn solid: a day reported next to another reported day. */
  reported: number | null;
  /** Set where the line is drawn dashed: a rebuilt day, or a reported day next to one. */
  rebuilt: number | null;
  /** A reported day with no solid line through it (e.g. a balance recorded by hand). */
  mark: number | null;
}

/**
 * Splits a daily series into a solid line (days the bank reported, or the person recorded) and a
 * dashed one (days rebuilt from the transactions). A stretch between two days is solid only when
 * both were reported; the two lines share the day where one turns into the other, so they join.
 */
export function splitByDerived(
  points: ReadonlyArray<{ date: string; minor: number; derived: boolean }>,
  currency: string,
): ChartPoint[] {
  const solid = (i: number) => !points[i]!.derived && !points[i + 1]!.derived;
  return points.map((p, i) => {
    const value = toMajor(p.minor, currency);
    const before = i > 0 ? solid(i - 1) : null;
    const after = i < points.length - 1 ? solid(i) : null;
    const inSolid = before === true || after === true;
    const inDashed = before === false || after === false;
    return {
      date: p.date,
      minor: p.minor,
      derived: p.derived,
      value,
      reported: inSolid ? value : null,
      rebuilt: inDashed ? value : null,
      mark: !p.derived && !inSolid ? value : null,
    };
  });
}

/**
 * The daily balances of one account: days the bank reported (or the person recorded) drawn
 * solid, days rebuilt from the transactions dashed, with a one-sentence summary for readers.
 */
export function BalanceChart({
  history,
  currency,
  name,
  liability = false,
}: {
  history: BalanceSnapshot[];
  currency: string;
  name: string;
  /** A card or a loan: the balance is what is owed. */
  liability?: boolean;
}) {
  const palette = chartPalette(usePrefersDark());
  const gradient = svgId(useId());
  const points = splitByDerived(
    history.flatMap((h) =>
      h.current === null ? [] : [{ date: h.date, minor: h.current, derived: h.derived }],
    ),
    currency,
  );
  const first = points[0];
  const last = points[points.length - 1];
  const rebuiltDays = points.filter((p) => p.derived).length;
  const what = liability ? 'Owed' : 'Balance';
  return (
    <figure className="chart-figure balance-figure">
      <figcaption className="visually-hidden">
        {liability ? 'What was owed on' : 'Balance history of'} {name}
        {first && last
          ? `: ${formatMoney(first.minor, currency)} on ${formatDay(first.date)}, ${formatMoney(last.minor, currency)} on ${formatDay(last.date)}.`
          : '.'}
        {rebuiltDays > 0
          ? ` ${plural(rebuiltDays, 'day')} of ${points.length} are rebuilt from your transactions.`
          : ''}
      </figcaption>
      <div className="chart-box" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={points}
            margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
            accessibilityLayer={false}
          >
            <defs>
              <linearGradient id={gradient} x1="0" y1="0" x2="0" y2="1">
                <stop offset="0%" stopColor={palette.area} stopOpacity={0.24} />
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
              content={({ active, payload }) => {
                const row = payload?.[0]?.payload as ChartPoint | undefined;
                if (!active || !row) return null;
                return (
                  <div className="chart-tooltip">
                    <p className="chart-tooltip-title">{formatDay(row.date)}</p>
                    <p>
                      {what}: <strong>{formatMoney(row.minor, currency)}</strong>
                    </p>
                    <p className="muted">
                      {row.derived ? 'Rebuilt from your transactions' : 'Reported that day'}
                    </p>
                  </div>
                );
              }}
            />
            <Area
              type="monotone"
              dataKey="value"
              stroke="none"
              fill={`url(#${gradient})`}
              isAnimationActive={false}
              activeDot={false}
            />
            <Line
              type="monotone"
              dataKey="rebuilt"
              stroke={palette.area}
              strokeWidth={2}
              strokeDasharray="5 4"
              strokeOpacity={0.75}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="reported"
              stroke={palette.area}
              strokeWidth={2.25}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="mark"
              stroke="none"
              dot={{ r: 3.5, fill: palette.area, stroke: palette.area }}
              activeDot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      {rebuiltDays > 0 ? (
        <p className="chart-legend balance-legend">
          <span className="legend-chip">
            <span
              className="legend-line"
              style={{ borderColor: palette.area }}
              aria-hidden="true"
            />
            Solid: balances reported by the bank or recorded by you
          </span>
          <span className="legend-chip">
            <span
              className="legend-line legend-line-dashed"
              style={{ borderColor: palette.area }}
              aria-hidden="true"
            />
            Dashed: rebuilt from your transactions
          </span>
        </p>
      ) : null}
    </figure>
  );
}

/** Axis labels: "$12K" rather than "$12,000.00". */
export function compact(major: number, currency: string): string {
  return formatMoney(Math.round(major * 10 ** currencyDigits(currency)), currency, {
    compact: true,
  });
}
