import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SpendingReport } from '../../../../shared/model';
import { EmptyState } from '../../components/EmptyState';
import { formatMonth } from '../../format/dates';
import { categoryLabel } from '../../format/labels';
import { currencyDigits, formatMoney, toMajor } from '../../format/money';
import { usePrefersDark } from '../../hooks/usePrefersDark';
import { useCategoryNames } from '../../store/category-names';
import { compact } from '../accounts/BalanceChart';
import { chartPalette } from '../charts/palette';
import {
  OTHER,
  TOP_CATEGORIES,
  categoryKey,
  monthSlices,
  monthlyStacks,
  topCategories,
} from './spending';

const tooltipStyle = {
  background: 'var(--surface)',
  border: '1px solid var(--border)',
  borderRadius: 8,
  color: 'var(--fg)',
  fontSize: 13,
};

/** This month's spending by category: a donut and, beside it, the same numbers as a list. */
export function SpendingThisMonth({
  report,
  month,
  currency,
}: {
  report: SpendingReport;
  month: string;
  currency: string;
}) {
  const palette = chartPalette(usePrefersDark());
  useCategoryNames((s) => s.version); // renamed categories relabel the chart
  const slices = monthSlices(report, month, currency);
  const order = topCategories(report, currency);
  const colorOf = (category: string | null) => {
    const rank = order.indexOf(category);
    return rank >= 0 && rank < TOP_CATEGORIES ? palette.series[rank]! : palette.series[7]!;
  };
  const total = slices.reduce((sum, s) => sum + s.amount, 0);
  if (slices.length === 0) {
    return (
      <EmptyState title={`No spending in ${formatMonth(month, 'long')} yet`} headingLevel={3}>
        <p>Money out of your accounts this month shows up here by category.</p>
      </EmptyState>
    );
  }
  return (
    <div className="spending-month">
      <div className="donut" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <PieChart accessibilityLayer={false}>
            <Pie
              data={slices.map((s) => ({
                name: categoryLabel(s.category),
                value: toMajor(s.amount, currency),
                category: s.category,
              }))}
              dataKey="value"
              nameKey="name"
              innerRadius="62%"
              outerRadius="100%"
              paddingAngle={1}
              stroke="none"
              rootTabIndex={-1}
              isAnimationActive={false}
            >
              {slices.map((s) => (
                <Cell key={categoryKey(s.category)} fill={colorOf(s.category)} />
              ))}
            </Pie>
          </PieChart>
        </ResponsiveContainer>
        <div className="donut-center">
          <span className="donut-total">
            {formatMoney(total, currency, { compact: total >= 1_000_000 })}
          </span>
          <span className="muted">spent</span>
        </div>
      </div>
      <ul
        className="legend-list"
        aria-label={`Spending in ${formatMonth(month, 'long')} by category`}
      >
        {slices.slice(0, 8).map((s) => (
          <li key={categoryKey(s.category)}>
            <span
              className="legend-swatch"
              style={{ background: colorOf(s.category) }}
              aria-hidden="true"
            />
            <span className="legend-name">{categoryLabel(s.category)}</span>
            <span className="legend-value">{formatMoney(s.amount, currency)}</span>
            <span className="legend-share muted">{Math.round((s.amount / total) * 100)}%</span>
          </li>
        ))}
        {slices.length > 8 ? (
          <li className="muted">and {slices.length - 8} more categories</li>
        ) : null}
      </ul>
    </div>
  );
}

/** The last months' spending, stacked by the largest categories, with a table for readers. */
export function SpendingByMonth({
  report,
  currency,
}: {
  report: SpendingReport;
  currency: string;
}) {
  const palette = chartPalette(usePrefersDark());
  useCategoryNames((s) => s.version); // renamed categories relabel the chart
  const order = topCategories(report, currency);
  const keep = order.slice(0, TOP_CATEGORIES);
  const data = monthlyStacks(report, currency, keep).map((row) => {
    const major: Record<string, number | string> = { month: row.month as string };
    for (const [k, v] of Object.entries(row))
      if (k !== 'month') major[k] = toMajor(v as number, currency);
    return major;
  });
  const series = [
    ...keep.map((c, i) => ({
      key: categoryKey(c),
      label: categoryLabel(c),
      color: palette.series[i]!,
    })),
    ...(order.length > keep.length
      ? [{ key: OTHER, label: 'Other', color: palette.series[7]! }]
      : []),
  ];
  const totals = monthlyStacks(report, currency, []).map((r) => ({
    month: r.month as string,
    amount: r[OTHER] as number,
  }));
  if (order.length === 0) {
    return (
      <EmptyState title="No spending in these months" headingLevel={3}>
        <p>As transactions sync, each month’s spending appears here.</p>
      </EmptyState>
    );
  }
  return (
    <figure className="chart-figure">
      <div className="chart-box chart-box-tall" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid vertical={false} stroke={palette.grid} />
            <XAxis
              dataKey="month"
              tickFormatter={(m: string) => formatMonth(m, 'short')}
              tick={{ fill: palette.axis, fontSize: 12 }}
              axisLine={false}
              tickLine={false}
            />
            <YAxis
              tickFormatter={(v: number) => compact(v, currency)}
              tick={{ fill: palette.axis, fontSize: 12 }}
              axisLine={false}
              tickLine={false}
              width={64}
            />
            <Tooltip
              cursor={{ fill: palette.grid, opacity: 0.5 }}
              contentStyle={tooltipStyle}
              labelFormatter={(m) => formatMonth(String(m), 'long')}
              formatter={(value, name) => [
                formatMoney(Math.round(Number(value) * 10 ** currencyDigits(currency)), currency),
                series.find((s) => s.key === name)?.label ?? String(name),
              ]}
            />
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                stackId="spending"
                fill={s.color}
                isAnimationActive={false}
                radius={i === series.length - 1 ? [4, 4, 0, 0] : undefined}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="chart-legend">
        {series.map((s) => (
          <span key={s.key} className="legend-chip">
            <span className="legend-swatch" style={{ background: s.color }} aria-hidden="true" />
            {s.label}
          </span>
        ))}
      </figcaption>
      {/* A table ignores a 1 px height; the box around it keeps it from growing the page. */}
      <div className="visually-hidden">
        <table>
          <caption>Spending per month in {currency}</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Spent</th>
            </tr>
          </thead>
          <tbody>
            {totals.map((t) => (
              <tr key={t.month}>
                <th scope="row">{formatMonth(t.month, 'long')}</th>
                <td>{formatMoney(t.amount, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
