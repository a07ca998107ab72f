import type { HoldingsTotal, InvestmentAccountHoldings } from '../../../../shared/model';
import { Money } from '../../components/Money';
import { formatQuantity, securityTypeLabel } from './format';
import { NotReported } from './NotReported';

/** One investment account's positions: what, how many, at what price, and the gain on each. */
export function HoldingsTable({ account }: { account: InvestmentAccountHoldings }) {
  const withCost = account.holdings.some((h) => h.costBasis !== null);
  return (
    <div
      className="table-scroll"
      role="region"
      aria-label={`Holdings in ${account.accountName}`}
      tabIndex={0}
    >
      <table className="data-table holdings-table">
        <thead>
          <tr>
            <th scope="col">Security</th>
            <th scope="col" className="num">
              Quantity
            </th>
            <th scope="col" className="num">
              Price
            </th>
            <th scope="col" className="num">
              Value
            </th>
            {withCost ? (
              <>
                <th scope="col" className="num">
                  Cost basis
                </th>
                <th scope="col" className="num">
                  Gain
                </th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {account.holdings.map((h) => (
            <tr key={h.securityId}>
              <th scope="row" className="security-cell">
                <span className="security-name">{h.name ?? h.ticker ?? 'Unnamed security'}</span>
                <span className="cell-sub">
                  {[h.ticker, securityTypeLabel(h.type)].filter(Boolean).join(' · ')}
                </span>
              </th>
              <td className="num">{formatQuantity(h.quantity)}</td>
              <td className="num">
                {h.price === null ? (
                  <NotReported />
                ) : (
                  <Money amount={h.price} currency={h.currency} />
                )}
              </td>
              <td className="num">
                {h.value === null ? (
                  <NotReported />
                ) : (
                  <Money amount={h.value} currency={h.currency} />
                )}
              </td>
              {withCost ? (
                <>
                  <td className="num">
                    {h.costBasis === null ? (
                      <NotReported />
                    ) : (
                      <Money amount={h.costBasis} currency={h.currency} />
                    )}
                  </td>
                  <td className="num">
                    {h.gain === null ? (
                      <NotReported />
                    ) : (
                      <Gain amount={h.gain} currency={h.currency} />
                    )}
                  </td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
        {account.totals.length > 0 ? (
          <tfoot>
            {account.totals.map((t) => (
              <tr key={t.currency}>
                <th scope="row">Total{account.totals.length > 1 ? ` in ${t.currency}` : ''}</th>
                <td />
                <td />
                <td className="num">
                  <Money amount={t.value} currency={t.currency} />
                </td>
                {withCost ? <TotalCost total={t} /> : null}
              </tr>
            ))}
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

function TotalCost({ total }: { total: HoldingsTotal }) {
  return (
    <>
      <td className="num">
        {total.costBasis === null ? (
          <NotReported />
        ) : (
          <Money amount={total.costBasis} currency={total.currency} />
        )}
      </td>
      <td className="num">
        {total.gain === null ? (
          <NotReported />
        ) : (
          <Gain amount={total.gain} currency={total.currency} />
        )}
      </td>
    </>
  );
}

/** A gain in green with a plus, a loss with a minus (the sign carries it, not the colour). */
export function Gain({ amount, currency }: { amount: number; currency: string }) {
  return <Money amount={amount} currency={currency} signed />;
}
