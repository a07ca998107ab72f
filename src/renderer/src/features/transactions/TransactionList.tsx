import { Link } from 'react-router';
import type { Account, Transaction } from '../../../../shared/model';
import { Badge } from '../../components/StatusBadge';
import { Money } from '../../components/Money';
import { formatDay } from '../../format/dates';
import { categoryLabel } from '../../format/labels';
import { useCategoryNames } from '../../store/category-names';
import { accountLabel } from '../accounts/summary';

/** A short list of transactions as a plain table (recent ones, one import batch). */
export function TransactionList({
  transactions,
  accounts,
  showAccount = true,
  caption,
}: {
  transactions: Transaction[];
  accounts?: Map<string, Account>;
  showAccount?: boolean;
  caption?: string;
}) {
  // Re-render when the person renames a category, so the cells show the new name.
  useCategoryNames((s) => s.version);
  return (
    <table className="data-table">
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Description</th>
          <th scope="col">Category</th>
          {showAccount ? <th scope="col">Account</th> : null}
          <th scope="col" className="num">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {transactions.map((t) => {
          const account = accounts?.get(t.accountId);
          return (
            <tr key={t.id} className={t.removed ? 'row-removed' : undefined}>
              <td className="nowrap">{formatDay(t.date)}</td>
              <td>
                <span className="cell-main">{t.merchantName ?? t.name}</span>
                {t.pending ? <Badge tone="neutral">Pending</Badge> : null}
                {t.removed ? <Badge tone="danger">Removed</Badge> : null}
                {t.merchantName && t.merchantName !== t.name ? (
                  <span className="cell-sub">{t.name}</span>
                ) : null}
              </td>
              <td>{categoryLabel(t.category)}</td>
              {showAccount ? (
                <td>
                  {account ? (
                    <Link to={`/accounts/${encodeURIComponent(account.id)}`}>
                      {accountLabel(account)}
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
              ) : null}
              <td className="num">
                <Money amount={t.amount} currency={t.currency} signed />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
