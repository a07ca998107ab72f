import { formatMoney, type MoneyFormatOptions } from '../format/money';

/** An amount in its own currency; money in is green and signed when `signed`. */
export function Money({
  amount,
  currency,
  signed = false,
  compact = false,
  className = '',
}: {
  amount: number | null;
  currency: string;
  signed?: boolean;
  compact?: boolean;
  className?: string;
}) {
  if (amount === null) return <span className={`money muted ${className}`}>—</span>;
  const options: MoneyFormatOptions = { compact };
  if (signed) options.signDisplay = 'exceptZero';
  const tone = signed && amount > 0 ? 'money-in' : '';
  return (
    <span className={`money ${tone} ${className}`}>{formatMoney(amount, currency, options)}</span>
  );
}

/** Several per-currency totals on one line ("$1,200.00 · CA$300.00"). */
export function MoneyList({
  totals,
  empty = '—',
}: {
  totals: Array<{ amount: number; currency: string }>;
  empty?: string;
}) {
  if (totals.length === 0) return <span className="money muted">{empty}</span>;
  return (
    <span className="money-list">
      {totals.map((t) => (
        <Money key={t.currency} amount={t.amount} currency={t.currency} />
      ))}
    </span>
  );
}
