import { Money } from '../../components/Money';

/**
 * Totals in one or more currencies. In several, each is labelled with its code ("EUR €200.00 ·
 * USD $350,000.00"): amounts in different currencies are never added together.
 */
export function CurrencyAmounts({
  totals,
  empty = '—',
}: {
  totals: ReadonlyArray<{ amount: number; currency: string }>;
  empty?: string;
}) {
  if (totals.length === 0) return <span className="money muted">{empty}</span>;
  if (totals.length === 1)
    return <Money amount={totals[0]!.amount} currency={totals[0]!.currency} />;
  return (
    <span className="money-list currency-amounts">
      {totals.map((t) => (
        <span key={t.currency} className="currency-amount">
          <span className="currency-code">{t.currency}</span>{' '}
          <Money amount={t.amount} currency={t.currency} />
        </span>
      ))}
    </span>
  );
}
