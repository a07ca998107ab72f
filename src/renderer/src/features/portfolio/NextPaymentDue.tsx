import { Link } from 'react-router';
import type { Liability } from '../../../../shared/model';
import { Money } from '../../components/Money';
import { formatDay } from '../../format/dates';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { liabilityKindLabel } from './format';

/**
 * The Overview's reminder of the next card or loan payment. Shows nothing until a bank has
 * reported a due date, so a ledger without debts never sees an empty card.
 */
export function NextPaymentDue({ today }: { today: string }) {
  const query = useLedgerQuery('liabilities.list', {}, { watch: 'ledger' });
  const next = soonestDue(query.data ?? [], today);
  if (!next) return null;
  const amount = next.kind === 'credit' ? next.minimumPayment : next.nextPaymentAmount;
  const others = (query.data ?? []).filter(
    (l) => l.nextPaymentDueDate && l.nextPaymentDueDate >= today && l !== next,
  ).length;
  return (
    <section className="card next-payment-card" aria-labelledby="next-payment-heading">
      <header className="card-header">
        <h2 id="next-payment-heading">Next payment due</h2>
        <Link to="/debts">Debts</Link>
      </header>
      <p className="next-payment-line">
        <strong>{formatDay(next.nextPaymentDueDate!)}</strong>
        <span>
          {next.accountName} ({liabilityKindLabel(next.kind).toLowerCase()})
        </span>
        {amount !== null ? (
          <span>
            {next.kind === 'credit' ? 'Minimum ' : ''}
            <Money amount={amount} currency={next.currency} />
          </span>
        ) : null}
        {next.isOverdue ? <span className="badge badge-danger">Overdue</span> : null}
      </p>
      {others > 0 ? (
        <p className="muted">
          {others === 1 ? 'One more payment' : `${others} more payments`} due after that.
        </p>
      ) : null}
    </section>
  );
}

function soonestDue(list: readonly Liability[], today: string): Liability | null {
  let best: Liability | null = null;
  for (const l of list) {
    if (!l.nextPaymentDueDate || l.nextPaymentDueDate < today) continue;
    if (!best || l.nextPaymentDueDate < best.nextPaymentDueDate!) best = l;
  }
  return best;
}
