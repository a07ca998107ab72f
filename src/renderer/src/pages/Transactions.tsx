import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { TransactionsIcon } from '../components/Icons';
import { LoadingBlock } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { ConnectBankButton } from '../features/connections/ConnectButtons';
import { BulkEditBar } from '../features/transactions/BulkEditBar';
import { ExportButton } from '../features/transactions/ExportButton';
import { FilterBar } from '../features/transactions/FilterBar';
import {
  hasFilters,
  readFilters,
  toQuery,
  toTotalsQuery,
  writeFilters,
  type TransactionFilters,
} from '../features/transactions/filters';
import { TransactionPanel } from '../features/transactions/TransactionPanel';
import {
  TransactionTable,
  type ListOrder,
  type RowActions,
  type SortColumn,
} from '../features/transactions/TransactionTable';
import { TransactionTotalsLine } from '../features/transactions/TransactionTotalsLine';
import { TransferSuggestions } from '../features/transfers/TransferSuggestions';
import { useTransactionPages } from '../features/transactions/useTransactionPages';
import { plural } from '../format/labels';
import { useLedgerQuery } from '../hooks/useLedgerQuery';
import { useConnections } from '../store/connections';
import { useLiveSync } from '../store/live-sync';
import { useViewPrefs } from '../store/view-prefs';

const NONE: ReadonlySet<string> = new Set();

export function Transactions() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filters = useMemo(() => readFilters(new URLSearchParams(search)), [search]);
  const query = useMemo(() => toQuery(filters), [filters]);
  const version = useLiveSync((s) => s.ledgerVersion);
  const pages = useTransactionPages(query, version);
  const accounts = useLedgerQuery('accounts.list', {});
  const categories = useLedgerQuery('categories.list', {}, { watch: 'ledger' });
  const tags = useLedgerQuery('tags.list', {}, { watch: 'ledger' });
  const totalsQuery = useMemo(() => toTotalsQuery(filters), [filters]);
  const totals = useLedgerQuery('transactions.totals', totalsQuery, { watch: 'ledger' });
  const by: SortColumn = filters.sort || 'date';
  const order: ListOrder = { by, direction: filters.dir || (by === 'date' ? 'desc' : 'asc') };
  const connections = useConnections((s) => s.connections);
  const accountMap = useMemo(
    () => new Map((accounts.data ?? []).map((a) => [a.id, a])),
    [accounts.data],
  );
  const filtered = hasFilters(filters);
  const compact = useViewPrefs((p) => p.compactRows);
  const setCompact = useViewPrefs((p) => p.setCompactRows);
  const [openId, setOpenId] = useState<string | null>(null);
  // Picks belong to the rows on screen: a new filter starts with none.
  const [picks, setPicks] = useState<{ search: string; ids: ReadonlySet<string> }>({
    search,
    ids: new Set(),
  });
  const picked = picks.search === search ? picks.ids : NONE;
  const setPicked = useCallback((ids: ReadonlySet<string>) => setPicks({ search, ids }), [search]);
  const toggle = useCallback(
    (id: string) => {
      const next = new Set(picked);
      if (!next.delete(id)) next.add(id);
      setPicked(next);
    },
    [picked, setPicked],
  );
  const actions = useMemo<RowActions>(
    () => ({ open: setOpenId, selected: picked, toggle }),
    [picked, toggle],
  );
  useSlashFocusesSearch();

  const change = (patch: Partial<TransactionFilters>, options: { replace?: boolean } = {}) =>
    setParams(writeFilters({ ...filters, ...patch }), { replace: options.replace ?? false });
  // A new order replaces the address instead of adding a Back step per click.
  const sortBy = (column: SortColumn) =>
    change(
      column === order.by
        ? { sort: column, dir: order.direction === 'asc' ? 'desc' : 'asc' }
        : { sort: column, dir: '' },
      { replace: true },
    );

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
            <>
              <button
                type="button"
                className="button button-ghost"
                aria-pressed={compact}
                onClick={() => setCompact(!compact)}
              >
                Compact rows
              </button>
              <ExportButton
                query={query}
                accounts={accountMap}
                label={filtered ? 'Export these as CSV' : 'Export CSV'}
              />
            </>
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
          tags={tags.data ?? []}
        />
      )}
      {filtered || noneAtAll ? null : <TransferSuggestions />}
      {pages.total ? <TransactionTotalsLine totals={totals.data ?? null} /> : null}
      {picked.size ? <BulkEditBar ids={[...picked]} onClear={() => setPicked(new Set())} /> : null}
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
        <TransactionTable
          key={compact ? 'compact' : 'comfortable'}
          compact={compact}
          pages={pages}
          accounts={accountMap}
          label="Transactions list"
          actions={actions}
          order={order}
          onSort={sortBy}
        />
      ) : null}
      {openId ? <TransactionPanel id={openId} onClose={() => setOpenId(null)} /> : null}
    </div>
  );
}

/** `/` puts the cursor in the search box, as on most sites people know. */
function useSlashFocusesSearch() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (
        target &&
        (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable)
      )
        return;
      const search = document.querySelector<HTMLInputElement>('input[data-search="transactions"]');
      if (!search) return;
      event.preventDefault();
      search.focus();
      search.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
