import { useEffect, useRef, type CSSProperties } from 'react';
import { Link } from 'react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Account, Transaction } from '../../../../shared/model';
import { Money } from '../../components/Money';
import { Badge } from '../../components/StatusBadge';
import { formatDay } from '../../format/dates';
import { categoryLabel } from '../../format/labels';
import { accountLabel } from '../accounts/summary';
import type { TransactionPages } from './useTransactionPages';

const ROW_HEIGHT = 44;
const HEAD_HEIGHT = 38;
/** Load this many rows beyond the last one on screen, so scrolling rarely meets a placeholder. */
const READ_AHEAD = 300;

/**
 * The transactions as an ARIA table in which only the rows in view (and a few around them) exist
 * in the DOM: 100,000 rows cost as much as 30. The scrollbar spans every matching row; rows not
 * loaded yet show placeholders until their page arrives.
 */
export function TransactionTable({
  pages,
  accounts,
  label,
}: {
  pages: TransactionPages;
  accounts: Map<string, Account>;
  label: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = pages.total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be read during render
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: HEAD_HEIGHT,
  });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows.length ? rows[rows.length - 1]!.index : 0;
  const { ensure } = pages;
  useEffect(() => ensure(lastIndex + READ_AHEAD), [ensure, lastIndex]);

  return (
    <div className="tx-scroll" ref={scrollRef} tabIndex={0} role="region" aria-label={label}>
      <div role="table" aria-label="Transactions" aria-rowcount={count + 1} className="tx-table">
        <div role="rowgroup" className="tx-head" style={{ height: HEAD_HEIGHT }}>
          <div role="row" aria-rowindex={1} className="tx-row tx-row-head">
            <span role="columnheader">Date</span>
            <span role="columnheader">Description</span>
            <span role="columnheader">Merchant</span>
            <span role="columnheader">Category</span>
            <span role="columnheader">Account</span>
            <span role="columnheader" className="num">
              Amount
            </span>
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
              height: ROW_HEIGHT,
              transform: `translateY(${row.start - HEAD_HEIGHT}px)`,
            };
            return t ? (
              <TransactionRow
                key={row.key}
                index={row.index}
                transaction={t}
                account={accounts.get(t.accountId)}
                style={style}
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

function TransactionRow({
  index,
  transaction: t,
  account,
  style,
}: {
  index: number;
  transaction: Transaction;
  account: Account | undefined;
  style: CSSProperties;
}) {
  return (
    <div role="row" aria-rowindex={index + 2} className="tx-row" style={style}>
      <span role="cell" className="nowrap">
        {formatDay(t.date)}
      </span>
      <span role="cell" className="tx-desc">
        <span className="truncate" title={t.name}>
          {t.name}
        </span>
        {t.pending ? <Badge tone="neutral">Pending</Badge> : null}
      </span>
      <span role="cell" className="truncate" title={t.merchantName ?? undefined}>
        {t.merchantName ?? <span className="muted">—</span>}
      </span>
      <span role="cell" className="truncate">
        {categoryLabel(t.category)}
      </span>
      <span role="cell" className="truncate">
        {account ? (
          <Link to={`/accounts/${encodeURIComponent(account.id)}`} tabIndex={-1}>
            {accountLabel(account)}
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
