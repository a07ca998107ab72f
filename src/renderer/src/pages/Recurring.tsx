import { useId, useMemo, useState } from 'react';
import type { RecurringStream } from '../../../shared/model';
import { EmptyState } from '../components/EmptyState';
import { MoneyList } from '../components/Money';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { RecurringIcon } from '../components/Icons';
import { isOwnMoneyMove, monthlyEquivalent } from '../features/recurring/labels';
import { StreamsTable } from '../features/recurring/StreamsTable';
import { sumByCurrency } from '../format/money';
import { useLedgerQuery } from '../hooks/useLedgerQuery';
import '../styles/portfolio.css';

/** Subscriptions, bills and pay that Plaid saw recur, with when each is next expected. */
export function Recurring() {
  const [showStopped, setShowStopped] = useState(false);
  const checkboxId = useId();
  const query = useLedgerQuery(
    'recurring.list',
    { includeInactive: showStopped },
    { watch: 'ledger' },
  );
  return (
    <div className="page">
      <PageHeader
        title="Subscriptions and bills"
        subtitle="What comes and goes on a schedule, found by Plaid in your transactions"
      />
      <div className="toolbar">
        <input
          id={checkboxId}
          type="checkbox"
          checked={showStopped}
          onChange={(e) => setShowStopped(e.target.checked)}
        />
        <label htmlFor={checkboxId}>Show stopped ones</label>
      </div>
      <QueryState
        query={query}
        loadingLabel="Loading recurring payments…"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState icon={<RecurringIcon width={28} height={28} />} title="Nothing recurring yet">
            <p>
              Once your banks have synced a few months of transactions, the bills, subscriptions and
              pay that repeat show here with when each is next expected.
            </p>
          </EmptyState>
        }
      >
        {(list) => <StreamSections streams={list} />}
      </QueryState>
    </div>
  );
}

function StreamSections({ streams }: { streams: RecurringStream[] }) {
  const outflows = useMemo(() => streams.filter((s) => s.direction === 'outflow'), [streams]);
  const inflows = useMemo(() => streams.filter((s) => s.direction === 'inflow'), [streams]);
  return (
    <>
      <StreamSection
        id="outflows"
        title="Bills and subscriptions"
        streams={outflows}
        empty="No regular payments out found yet."
      />
      <StreamSection
        id="inflows"
        title="Money coming in"
        streams={inflows}
        empty="No regular money in found yet."
      />
    </>
  );
}

function StreamSection({
  id,
  title,
  streams,
  empty,
}: {
  id: string;
  title: string;
  streams: RecurringStream[];
  empty: string;
}) {
  const monthly = sumByCurrency(
    streams
      .filter((s) => s.isActive && s.averageAmount !== null && !isOwnMoneyMove(s))
      .flatMap((s) => {
        const amount = monthlyEquivalent(s.frequency, Math.abs(s.averageAmount!));
        return amount === null ? [] : [{ amount, currency: s.currency }];
      }),
  );
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <header className="card-header">
        <h2 id={`${id}-heading`}>{title}</h2>
        {monthly.length > 0 ? (
          <p className="card-header-total">
            <span className="muted">About</span>
            <MoneyList totals={monthly} />
            <span className="muted">a month</span>
          </p>
        ) : null}
        {monthly.length > 0 ? (
          <p className="muted recurring-note">
            The monthly figure leaves out transfers between your accounts and card payments.
          </p>
        ) : null}
      </header>
      {streams.length > 0 ? (
        <StreamsTable streams={streams} label={title} />
      ) : (
        <p className="muted">{empty}</p>
      )}
    </section>
  );
}
