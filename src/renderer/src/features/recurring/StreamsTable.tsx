import type { RecurringStream } from '../../../../shared/model';
import { Money } from '../../components/Money';
import { Badge } from '../../components/StatusBadge';
import { formatDay } from '../../format/dates';
import { categoryLabel } from '../../format/labels';
import { NotReported } from '../portfolio/NotReported';
import { FREQUENCY_LABELS, STATUS_LABELS } from './labels';

/** Streams of one direction: who, how often, when next, and how much on average. */
export function StreamsTable({ streams, label }: { streams: RecurringStream[]; label: string }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table className="data-table streams-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">How often</th>
            <th scope="col">Next expected</th>
            <th scope="col" className="num">
              Average
            </th>
            <th scope="col" className="num">
              Last
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {streams.map((s) => {
            const status = STATUS_LABELS[s.status];
            return (
              <tr key={s.id}>
                <th scope="row" className="stream-name">
                  <span>{s.merchantName ?? s.description}</span>
                  <span className="cell-sub">
                    {[
                      s.institutionName
                        ? `${s.accountName} at ${s.institutionName}`
                        : s.accountName,
                      s.category ? categoryLabel(s.category) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </th>
                <td className="nowrap">{FREQUENCY_LABELS[s.frequency]}</td>
                <td className="nowrap">
                  {s.predictedNextDate ? formatDay(s.predictedNextDate) : <NotReported />}
                </td>
                <td className="num">
                  {s.averageAmount === null ? (
                    <NotReported />
                  ) : (
                    <Money amount={s.averageAmount} currency={s.currency} signed />
                  )}
                </td>
                <td className="num">
                  {s.lastAmount === null ? (
                    <NotReported />
                  ) : (
                    <>
                      <Money amount={s.lastAmount} currency={s.currency} signed />
                      <span className="cell-sub">{formatDay(s.lastDate)}</span>
                    </>
                  )}
                </td>
                <td>
                  <Badge tone={status.tone}>{status.label}</Badge>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
