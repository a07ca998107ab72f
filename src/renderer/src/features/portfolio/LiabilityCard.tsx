import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Liability } from '../../../../shared/model';
import { Money } from '../../components/Money';
import { Badge } from '../../components/StatusBadge';
import { formatDay } from '../../format/dates';
import { aprLabel, formatPercent, liabilityKindLabel } from './format';

/** A card or loan with every term its bank reports; a figure the bank leaves out is not listed. */
export function LiabilityCard({ liability: l }: { liability: Liability }) {
  const money = (amount: number | null) =>
    amount === null ? null : <Money amount={amount} currency={l.currency} />;
  const headingId = `liability-${l.accountId}`;
  const facts: Array<[string, ReactNode]> = [];
  const add = (label: string, value: ReactNode | null) => {
    if (value !== null && value !== undefined && value !== false) facts.push([label, value]);
  };
  add('Owed now', money(l.balance));
  if (l.kind === 'credit') {
    add('Minimum payment', money(l.minimumPayment));
    add('Payment due', l.nextPaymentDueDate ? formatDay(l.nextPaymentDueDate) : null);
    add(
      'Last statement',
      l.lastStatementBalance !== null ? (
        <>
          {money(l.lastStatementBalance)}
          {l.lastStatementDate ? ` on ${formatDay(l.lastStatementDate)}` : ''}
        </>
      ) : l.lastStatementDate ? (
        formatDay(l.lastStatementDate)
      ) : null,
    );
    for (const apr of l.aprs)
      add(`APR, ${aprLabel(apr.type).toLowerCase()}`, formatPercent(apr.percentage));
  } else {
    add(
      'Interest rate',
      l.interestRatePercentage !== null
        ? `${formatPercent(l.interestRatePercentage)}${l.interestRateType ? `, ${l.interestRateType}` : ''}`
        : null,
    );
    add('Term', l.term);
    add(
      'Next payment',
      l.nextPaymentAmount !== null || l.nextPaymentDueDate ? (
        <>
          {money(l.nextPaymentAmount)}
          {l.nextPaymentAmount !== null && l.nextPaymentDueDate ? ' due ' : ''}
          {l.nextPaymentDueDate
            ? `${l.nextPaymentAmount === null ? 'Due ' : ''}${formatDay(l.nextPaymentDueDate)}`
            : ''}
        </>
      ) : null,
    );
    add('Original principal', money(l.originationPrincipal));
    add('Taken out', l.originationDate ? formatDay(l.originationDate) : null);
    add('Paid off by', l.payoffDate ? formatDay(l.payoffDate) : null);
    add('Escrow balance', money(l.escrowBalance));
    add('Principal paid this year', money(l.ytdPrincipalPaid));
    add('Interest paid this year', money(l.ytdInterestPaid));
    add('Repayment plan', l.repaymentPlan);
    add('Past due', l.pastDueAmount ? money(l.pastDueAmount) : null);
  }
  add(
    'Last payment',
    l.lastPaymentAmount !== null ? (
      <>
        {money(l.lastPaymentAmount)}
        {l.lastPaymentDate ? ` on ${formatDay(l.lastPaymentDate)}` : ''}
      </>
    ) : l.lastPaymentDate ? (
      formatDay(l.lastPaymentDate)
    ) : null,
  );
  return (
    <section className="card liability-card" aria-labelledby={headingId}>
      <header className="card-header">
        <div>
          <h2 id={headingId}>
            <Link to={`/accounts/${encodeURIComponent(l.accountId)}`}>{l.accountName}</Link>
          </h2>
          <p className="muted">
            {[l.institutionName, l.mask ? `••${l.mask}` : null].filter(Boolean).join(' · ')}
          </p>
        </div>
        <span className="liability-badges">
          <Badge tone="neutral">{liabilityKindLabel(l.kind)}</Badge>
          {l.isOverdue ? <Badge tone="danger">Overdue</Badge> : null}
        </span>
      </header>
      {facts.length > 0 ? (
        <dl className="facts">
          {facts.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        <p className="muted">The bank has not reported the terms of this account.</p>
      )}
    </section>
  );
}
