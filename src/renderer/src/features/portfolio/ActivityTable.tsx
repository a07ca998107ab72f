import { useState } from 'react';
import type { Account } from '../../../../shared/model';
import { Money } from '../../components/Money';
import { QueryState } from '../../components/QueryState';
import { formatShortDay } from '../../format/dates';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { activityLabel, formatQuantity, formatUnitPrice } from './format';
import { NotReported } from './NotReported';

const PAGE = 25;

/** Buys, sales, dividends and fees, newest first, a page at a time. */
export function ActivityTable({ accounts }: { accounts: ReadonlyMap<string, Account> }) {
  const [offset, setOffset] = useState(0);
  const query = useLedgerQuery(
    'portfolio.investmentTransactions',
    { limit: PAGE, offset },
    { watch: 'ledger' },
  );
  return (
    <QueryState
      query={query}
      loadingLabel="Loading investment activity…"
      isEmpty={(page) => page.total === 0}
      empty={<p className="muted">Your banks have not reported any investment activity.</p>}
    >
      {(page) => (
        <>
          <div className="table-scroll" role="region" aria-label="Investment activity" tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Description</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="num">
                    Quantity
                  </th>
                  <th scope="col" className="num">
                    Price
                  </th>
                  <th scope="col" className="num">
                    Cash
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((t) => (
                  <tr key={t.id}>
                    <td className="nowrap">{formatShortDay(t.date)}</td>
                    <td>
                      <span>{t.securityName ?? t.name}</span>
                      <span className="cell-sub">
                        {[t.ticker, accounts.get(t.accountId)?.name].filter(Boolean).join(' · ')}
                      </span>
                    </td>
                    <td className="nowrap">{activityLabel(t.type, t.subtype)}</td>
                    <td className="num">
                      {t.quantity === 0 ? <NotReported /> : formatQuantity(t.quantity)}
                    </td>
                    <td className="num">
                      {t.price === null || t.price === 0 ? (
                        <NotReported />
                      ) : (
                        formatUnitPrice(t.price, t.currency)
                      )}
                    </td>
                    <td className="num">
                      <Money amount={t.amount} currency={t.currency} signed />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="pager">
            <span className="muted">
              {offset + 1}–{offset + page.items.length} of {page.total.toLocaleString()}
            </span>
            <button
              type="button"
              className="button"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              Newer
            </button>
            <button
              type="button"
              className="button"
              disabled={offset + PAGE >= page.total}
              onClick={() => setOffset(offset + PAGE)}
            >
              Older
            </button>
          </div>
        </>
      )}
    </QueryState>
  );
}
