import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Account, Transaction } from '../../../../shared/model';
import { Money } from '../../components/Money';
import { Badge } from '../../components/StatusBadge';
import { formatDay } from '../../format/dates';
import { accountLabel } from '../accounts/summary';
import { InlineCategory } from './InlineCategory';
import { shownPayee } from './shown';
import type { TransactionPages } from './useTransactionPages';

const ROW_HEIGHT = 44;
const COMPACT_ROW_HEIGHT = 32;
const HEAD_HEIGHT = 38;
/** Load this many rows beyond the last one on screen, so scrolling rarely meets a placeholder. */
const READ_AHEAD = 300;

export type SortColumn = 'date' | 'payee' | 'category' | 'account' | 'amount';
export interface ListOrder {
  by: SortColumn;
  direction: 'asc' | 'desc';
}

/** What the list does with a row: open it, and pick rows for a bulk edit. */
export interface RowActions {
  open(id: string): void;
  selected: ReadonlySet<string>;
  toggle(id: string): void;
}

/**
 * The transactions as an ARIA table in which only the rows in view (and a few around them) exist
 * in the DOM: 100,000 rows cost as much as 30. The scrollbar spans every matching row; rows not
 * loaded yet show placeholders until their page arrives.
 *
 * One row at a time is in the tab order (a roving tabindex): arrow keys move between rows, Enter
 * opens one, Space picks it for a bulk edit, so the keyboard never walks 100,000 stops.
 */
export function TransactionTable({
  pages,
  accounts,
  label,
  actions,
  order,
  onSort,
  compact = false,
}: {
  pages: TransactionPages;
  accounts: Map<string, Account>;
  label: string;
  actions: RowActions;
  order: ListOrder;
  onSort(by: SortColumn): void;
  compact?: boolean;
}) {
  const rowHeight = compact ? COMPACT_ROW_HEIGHT : ROW_HEIGHT;
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = pages.total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be read during render
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    scrollMargin: HEAD_HEIGHT,
  });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows.length ? rows[rows.length - 1]!.index : 0;
  const { ensure } = pages;
  useEffect(() => ensure(lastIndex + READ_AHEAD), [ensure, lastIndex]);
  const [current, setCurrent] = useState(0);
  const wantFocus = useRef(false);
  useEffect(() => {
    if (!wantFocus.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${current}"]`);
    if (row) {
      wantFocus.current = false;
      row.focus({ preventScroll: true });
    }
  });
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    wantFocus.current = true;
    setCurrent(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onRowKey = (event: KeyboardEvent, index: number, t: Transaction) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(index + 1),
      ArrowUp: () => moveTo(index - 1),
      PageDown: () => moveTo(index + 10),
      PageUp: () => moveTo(index - 10),
      Home: () => moveTo(0),
      End: () => moveTo(count - 1),
      Enter: () => actions.open(t.id),
      ' ': () => actions.toggle(t.id),
    };
    const act = keys[event.key];
    if (!act || event.target !== event.currentTarget) return;
    event.preventDefault();
    act();
  };

  return (
    <div className="tx-scroll" ref={scrollRef} tabIndex={0} role="region" aria-label={label}>
      <div
        role="table"
        aria-label="Transactions"
        aria-rowcount={count + 1}
        // While a new filter's first page loads, the rows on screen are about to be replaced.
        aria-busy={pages.loading && pages.total === null}
        className={compact ? 'tx-table tx-compact' : 'tx-table'}
      >
        <div role="rowgroup" className="tx-head" style={{ height: HEAD_HEIGHT }}>
          <div role="row" aria-rowindex={1} className="tx-row tx-row-head">
            <SortHeader column="date" label="Date" order={order} onSort={onSort} />
            <span role="columnheader">Description</span>
            <SortHeader column="payee" label="Payee" order={order} onSort={onSort} />
            <SortHeader column="category" label="Category" order={order} onSort={onSort} />
            <SortHeader column="account" label="Account" order={order} onSort={onSort} />
            <SortHeader column="amount" label="Amount" order={order} onSort={onSort} numeric />
          </div>
        </div>
        <div
          role="rowgroup"
          className="tx-body"
          style={{ height: virtualizer.getTotalSize() - HEAD_HEIGHT }}
        >
          {rows.map((row) => {
            const t = pages.items[row.index];
            const style = {
              height: rowHeight,
              transform: `translateY(${row.start - HEAD_HEIGHT}px)`,
            };
            return t ? (
              <TransactionRow
                key={row.key}
                index={row.index}
                transaction={t}
                account={accounts.get(t.accountId)}
                style={style}
                current={row.index === current}
                selected={actions.selected.has(t.id)}
                onOpen={() => {
                  setCurrent(row.index);
                  actions.open(t.id);
                }}
                onToggle={() => actions.toggle(t.id)}
                onKeyDown={(e) => onRowKey(e, row.index, t)}
              />
            ) : (
              <div
                key={row.key}
                role="row"
                aria-rowindex={row.index + 2}
                className="tx-row tx-row-placeholder"
                style={style}
              >
                <span role="cell" className="tx-placeholder-cell">
                  <span className="visually-hidden">Loading…</span>
                  <span className="skeleton" aria-hidden="true" />
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** A column header that orders the list by its column; pressing it again turns the order round. */
function SortHeader({
  column,
  label,
  order,
  onSort,
  numeric,
}: {
  column: SortColumn;
  label: string;
  order: ListOrder;
  onSort(by: SortColumn): void;
  numeric?: boolean;
}) {
  const active = order.by === column;
  const sorted = active ? (order.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <span role="columnheader" aria-sort={sorted} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (order.direction === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </span>
  );
}

function TransactionRow({
  index,
  transaction: t,
  account,
  style,
  current,
  selected,
  onOpen,
  onToggle,
  onKeyDown,
}: {
  index: number;
  transaction: Transaction;
  account: Account | undefined;
  style: CSSProperties;
  current: boolean;
  selected: boolean;
  onOpen(): void;
  onToggle(): void;
  onKeyDown(event: KeyboardEvent): void;
}) {
  const payee = shownPayee(t);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-index={index}
      tabIndex={current ? 0 : -1}
      className={`tx-row tx-row-open${selected ? ' tx-row-selected' : ''}${
        t.user.excluded ? ' tx-row-excluded' : ''
      }`}
      style={style}
      onClick={onOpen}
      onKeyDown={onKeyDown}
    >
      <span role="cell" className="nowrap tx-date">
        <input
          type="checkbox"
          tabIndex={-1}
          checked={selected}
          aria-label={`Pick ${payee} on ${formatDay(t.date)}`}
          onClick={(e) => e.stopPropagation()}
          onChange={onToggle}
        />
        {formatDay(t.date)}
      </span>
      <span role="cell" className="tx-desc">
        <span className="truncate" title={t.name}>
          {t.name}
        </span>
        {t.pending ? <Badge tone="neutral">Pending</Badge> : null}
        {t.user.needsReview ? <Badge tone="warning">Check</Badge> : null}
        {t.splits.length ? <Badge tone="neutral">Split</Badge> : null}
        {t.tags.length ? (
          <span className="tx-tags" aria-label={`Tags: ${t.tags.join(', ')}`}>
            {t.tags.slice(0, 2).map((tag) => (
              <Badge key={tag} tone="info">
                {tag}
              </Badge>
            ))}
            {t.tags.length > 2 ? <Badge tone="neutral">+{t.tags.length - 2}</Badge> : null}
          </span>
        ) : null}
      </span>
      <span role="cell" className="truncate" title={payee}>
        {t.user.payee || t.merchantName ? payee : <span className="muted">—</span>}
      </span>
      <span role="cell" className="tx-category">
        <InlineCategory key={t.id} transaction={t} />
      </span>
      <span role="cell" className="tx-account" title={account ? accountLabel(account) : undefined}>
        {account ? (
          <Link
            to={`/accounts/${encodeURIComponent(account.id)}`}
            tabIndex={-1}
            onClick={(e) => e.stopPropagation()}
          >
            {/* The name gives way, never the mask: it tells two "Checking" accounts apart. */}
            <span className="tx-account-name">{account.name}</span>
            {account.mask ? ` ••${account.mask}` : null}
          </Link>
        ) : (
          '—'
        )}
      </span>
      <span role="cell" className="num">
        <Money amount={t.amount} currency={t.currency} signed />
      </span>
    </div>
  );
}
