import { useCallback, useEffect, useMemo, useRef, useState, type Ref } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { TransactionsIcon } from '../components/Icons';
import { LoadingBlock } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { ConnectBankButton } from '../features/connections/ConnectButtons';
import { QuickAdd } from '../features/entry/QuickAdd';
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
  // Picked rows can be deleted together only when they are all the person's own.
  const deletable = useMemo(() => {
    if (picked.size === 0) return false;
    const sources = new Map(pages.items.map((t) => [t.id, t.source]));
    return [...picked].every((id) => {
      const source = sources.get(id);
      return source !== undefined && source !== 'plaid';
    });
  }, [picked, pages.items]);

  // The quick-add form: from the header's button, the `n` key, or `?add=<accountId>` (another
  // screen's link), which is taken out of the address once the form is open.
  const addButton = useRef<HTMLButtonElement>(null);
  const [adding, setAdding] = useState<{ n: number; accountId: string | null } | null>(() =>
    params.get('add') !== null ? { n: 0, accountId: params.get('add') || null } : null,
  );
  const asked = params.get('add');
  const [seenAsk, setSeenAsk] = useState<string | null>(asked);
  if (asked !== seenAsk) {
    setSeenAsk(asked);
    if (asked !== null) setAdding({ n: (adding?.n ?? 0) + 1, accountId: asked || null });
  }
  useEffect(() => {
    if (asked === null) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('add');
        return next;
      },
      { replace: true },
    );
  }, [asked, setParams]);
  const startAdding = useCallback(
    () => setAdding((current) => current ?? { n: 0, accountId: null }),
    [],
  );
  const stopAdding = () => {
    setAdding(null);
    requestAnimationFrame(() => addButton.current?.focus());
  };
  useSlashFocusesSearch();
  useNKeyAddsATransaction(startAdding);

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
              : pages.counting
                ? 'Counting…'
                : filtered
                  ? `${plural(pages.total, 'transaction')} match`
                  : plural(pages.total, 'transaction')}
          </span>
        }
        actions={
          <>
            {pages.total ? (
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
            ) : null}
            <AddButton ref={addButton} open={adding !== null} onClick={startAdding} />
          </>
        }
      />
      {adding ? (
        <QuickAdd
          key={adding.n}
          accounts={accounts.data}
          startAccountId={adding.accountId}
          onOpenRow={setOpenId}
          onClose={stopAdding}
        />
      ) : null}
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
      {picked.size ? (
        <BulkEditBar ids={[...picked]} deletable={deletable} onClear={() => setPicked(new Set())} />
      ) : null}
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
          actions={
            <>
              <ConnectBankButton />
              <button type="button" className="button" onClick={startAdding}>
                Add one by hand
              </button>
            </>
          }
        >
          <p>
            Transactions appear here as soon as a connected bank has synced, or when you add one by
            hand.
          </p>
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

/** The header's button that opens the quick-add form; `n` does the same (see below). */
function AddButton({
  ref,
  open,
  onClick,
}: {
  ref: Ref<HTMLButtonElement>;
  open: boolean;
  onClick(): void;
}) {
  return (
    <button
      ref={ref}
      type="button"
      className="button button-primary"
      aria-keyshortcuts="n"
      aria-expanded={open}
      title="Add a transaction by hand (press N)"
      onClick={onClick}
    >
      Add transaction{' '}
      <kbd className="entry-kbd" aria-hidden="true">
        N
      </kbd>
    </button>
  );
}

const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable);

/**
 * `n` opens the form to add a transaction by hand (or puts the cursor back in it), outside text
 * fields and while no dialog is open.
 */
function useNKeyAddsATransaction(open: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'n' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.repeat || typingIn(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      open();
      // Already open: the cursor goes back to its amount.
      document.querySelector<HTMLInputElement>('.quick-add input[inputmode="decimal"]')?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
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
