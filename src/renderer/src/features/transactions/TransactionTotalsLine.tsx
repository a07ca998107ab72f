import type { TransactionTotals } from '../../../../shared/model';
import { Money } from '../../components/Money';

/**
 * What the rows on screen add up to, per currency (money in, money out, net), for every matching
 * row and not only those loaded; rows left out of reports are not counted.
 */
export function TransactionTotalsLine({ totals }: { totals: TransactionTotals[] | null }) {
  if (!totals || totals.length === 0) return null;
  return (
    <section className="tx-totals" aria-label="Sums of these transactions">
      {totals.map((t) => (
        <p key={t.currency} className="tx-totals-line">
          <span className="muted">{t.currency}</span> In{' '}
          <Money amount={t.moneyIn} currency={t.currency} /> · Out{' '}
          <Money amount={t.moneyOut} currency={t.currency} /> · Net{' '}
          <strong>
            <Money amount={t.net} currency={t.currency} signed />
          </strong>
        </p>
      ))}
    </section>
  );
}
