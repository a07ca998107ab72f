import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { DebtsIcon } from '../components/Icons';
import { LiabilityCard } from '../features/portfolio/LiabilityCard';
import { useLedgerQuery } from '../hooks/useLedgerQuery';
import '../styles/portfolio.css';

/** Cards and loans with the rates, payments and dates their banks report. */
export function Debts() {
  const query = useLedgerQuery('liabilities.list', {}, { watch: 'ledger' });
  return (
    <div className="page">
      <PageHeader
        title="Debts"
        subtitle="Credit cards and loans: rates, payments due and statements, as your banks report them"
      />
      <QueryState
        query={query}
        loadingLabel="Loading your debts…"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState
            icon={<DebtsIcon width={28} height={28} />}
            title="No card or loan details yet"
            actions={
              <Link className="button" to="/connections">
                Connections
              </Link>
            }
          >
            <p>
              Rates and due dates appear here once a bank that holds your credit card, student loan
              or mortgage is connected with liabilities shared, and has synced.
            </p>
          </EmptyState>
        }
      >
        {(list) => (
          <div className="liability-grid">
            {list.map((l) => (
              <LiabilityCard key={l.accountId} liability={l} />
            ))}
          </div>
        )}
      </QueryState>
    </div>
  );
}
