import type { Account } from '../../../../shared/model';
import { formatMoney } from '../../format/money';
import { groupAccounts } from '../accounts/summary';

/**
 * What is owned against what is owed, in one currency: one proportional bar per kind of account
 * (cash and investments on one side, cards and loans on the other), amounts written beside them.
 */
export function CashVsDebt({ accounts, currency }: { accounts: Account[]; currency: string }) {
  const groups = groupAccounts(accounts.filter((a) => a.currency === currency)).map((g) => ({
    label: g.label,
    liability: g.liability,
    amount: g.totals.find((t) => t.currency === currency)?.amount ?? 0,
  }));
  const cash = groups.find((g) => g.label === 'Cash')?.amount ?? 0;
  const debt = groups.filter((g) => g.liability).reduce((sum, g) => sum + g.amount, 0);
  const largest = Math.max(1, ...groups.map((g) => Math.abs(g.amount)));
  if (groups.length === 0) return <p className="muted">No accounts in {currency}.</p>;
  return (
    <>
      <dl className="versus">
        {groups.map((g) => (
          <div key={g.label} className="versus-row">
            <dt>
              {g.label}
              <span className="muted">{g.liability ? ' · owed' : ''}</span>
            </dt>
            <dd>
              <span className="versus-track" aria-hidden="true">
                <span
                  className={`versus-bar ${g.liability ? 'bar-debt' : 'bar-cash'}`}
                  style={{ width: `${Math.max(1.5, (Math.abs(g.amount) / largest) * 100)}%` }}
                />
              </span>
              <span className="versus-amount">{formatMoney(g.amount, currency)}</span>
            </dd>
          </div>
        ))}
      </dl>
      <p className="versus-summary">
        {debt === 0
          ? 'You owe nothing on these accounts.'
          : cash >= debt
            ? `Your cash covers ${Math.floor((cash / debt) * 100)}% of what you owe.`
            : `Your cash covers ${Math.floor((cash / debt) * 100)}% of what you owe; ${formatMoney(debt - cash, currency)} is left after it.`}
      </p>
    </>
  );
}
