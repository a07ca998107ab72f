import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { TransactionsIcon } from '../components/Icons';
import { LoadingBlock } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { ConnectBankButton } from '../features/connections/ConnectButtons';
import { ExportButton } from '../features/transactions/ExportButton';
import { FilterBar } from '../features/transactions/FilterBar';
import {
  hasFilters,
  readFilters,
  toQuery,
  writeFilters,
  type TransactionFilters,
} from '../features/transactions/filters';
import { TransactionTable } from '../features/transactions/TransactionTable';
import { useTransactionPages } from '../features/transactions/useTransactionPages';
import { plural } from '../format/labels';
import { useLedgerQuery } from '../hooks/useLedgerQuery';
import { useConnections } from '../store/connections';
import { useLiveSync } from '../store/live-sync';

export function Transactions() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filters = useMemo(() => readFilters(new URLSearchParams(search)), [search]);
  const query = useMemo(() => toQuery(filters), [filters]);
  const version = useLiveSync((s) => s.ledgerVersion);
  const pages = useTransactionPages(query, version);
  const accounts = useLedgerQuery('accounts.list', {});
  const categories = useLedgerQuery('categories.list', {}, { watch: 'ledger' });
  const connections = useConnections((s) => s.connections);
  const accountMap = useMemo(
    () => new Map((accounts.data ?? []).map((a) => [a.id, a])),
    [accounts.data],
  );
  const filtered = hasFilters(filters);

  const change = (patch: Partial<TransactionFilters>, options: { replace?: boolean } = {}) =>
    setParams(writeFilters({ ...filters, ...patch }), { replace: options.replace ?? false });

  const firstLoad = pages.total === null && !pages.error;
  const noneAtAll = pages.total === 0 && !filtered;

  return (
    <div className="page page-fill">
      <PageHeader
        title="Transactions"
        subtitle={
          <span aria-live="polite">
            {pages.total === null
              ? 'Loading…'
              : filtered
                ? `${plural(pages.total, 'transaction')} match`
                : plural(pages.total, 'transaction')}
          </span>
        }
        actions={
          pages.total ? (
            <ExportButton
              query={query}
              accounts={accountMap}
              label={filtered ? 'Export these as CSV' : 'Export CSV'}
            />
          ) : null
        }
      />
      {noneAtAll ? null : (
        <FilterBar
          filters={filters}
          onChange={change}
          accounts={accounts.data ?? []}
          connections={connections ?? []}
          categories={categories.data ?? []}
        />
      )}
      {pages.error ? (
        <ErrorNotice
          error={pages.error}
          action={
            <button type="button" className="button" onClick={pages.retry}>
              Try again
            </button>
          }
        />
      ) : null}
      {firstLoad ? <LoadingBlock label="Loading transactions…" rows={8} /> : null}
      {noneAtAll ? (
        <EmptyState
          icon={<TransactionsIcon width={28} height={28} />}
          title="No transactions yet"
          actions={<ConnectBankButton />}
        >
          <p>Transactions appear here as soon as a connected bank has synced.</p>
        </EmptyState>
      ) : pages.total === 0 ? (
        <EmptyState title="No transactions match these filters">
          <p>Try a wider date range, another account, or fewer words in the search.</p>
        </EmptyState>
      ) : pages.total !== null ? (
        <TransactionTable pages={pages} accounts={accountMap} label="Transactions list" />
      ) : null}
    </div>
  );
}
