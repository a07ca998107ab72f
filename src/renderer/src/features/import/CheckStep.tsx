import { useId } from 'react';
import type { DateOrder, ImportPreview, ImportRowOutcome } from '../../../../shared/contract';
import { Spinner } from '../../components/Loading';
import { Money } from '../../components/Money';
import { Notice } from '../../components/Notice';
import { Badge } from '../../components/StatusBadge';
import { formatDay } from '../../format/dates';
import { plural } from '../../format/labels';
import { partsOfIso, type DateParts } from './date-readings';
import { DateOrderQuestion } from './DateOrderQuestion';

/** Rows shown before "and N more". */
const ROWS_SHOWN = 50;

export const OUTCOME_WORDS: Record<ImportRowOutcome, string> = {
  new: 'New',
  matched: 'Already here',
  suggested: 'May be already here',
};

const OUTCOME_TONES: Record<ImportRowOutcome, 'positive' | 'neutral' | 'warning'> = {
  new: 'positive',
  matched: 'neutral',
  suggested: 'warning',
};

/**
 * Step 3, for every format: what importing the file would do (how many rows are new, already
 * here, may be already here, cannot be read), its first rows with what would become of each,
 * and the rows that cannot be read with their line numbers.
 */
export function CheckStep({
  preview,
  currency,
  accountName,
  dateOrder,
  dateProblem,
  pending,
  onDateOrder,
}: {
  preview: ImportPreview;
  currency: string;
  accountName: string;
  /** QIF: the person's answer to the date question (null until answered). */
  dateOrder: DateOrder | null;
  dateProblem: string | null;
  pending: boolean;
  onDateOrder(order: DateOrder): void;
}) {
  const id = useId();
  const { counts } = preview;
  const askDates = preview.format === 'qif' && preview.dateOrders.length > 1;
  const dateSamples = askDates
    ? preview.rows
        .map((row) => (preview.dateOrder ? partsOfIso(row.date, preview.dateOrder) : null))
        .filter((p): p is DateParts => p !== null)
    : [];
  const more = counts.rows - Math.min(preview.rows.length, ROWS_SHOWN);

  return (
    <div className="import-check" aria-busy={pending}>
      {preview.fileCurrency ? (
        <Notice tone="warning" title={`This file is in ${preview.fileCurrency}`}>
          <p>
            {accountName} is in {currency}, so the file cannot be imported into it. Import it into
            an account in {preview.fileCurrency}.
          </p>
        </Notice>
      ) : null}
      {askDates ? (
        <DateOrderQuestion
          orders={preview.dateOrders}
          chosen={dateOrder}
          samples={dateSamples}
          problem={dateProblem}
          onChoose={onDateOrder}
        />
      ) : null}

      <dl className="stat-row import-counts" aria-label="What importing the file would do">
        <div className="stat-card">
          <dt className="stat-label">New</dt>
          <dd className="stat-value stat-value-sm">{counts.new.toLocaleString()}</dd>
        </div>
        <div className="stat-card">
          <dt className="stat-label">Already here</dt>
          <dd className="stat-value stat-value-sm">{counts.matched.toLocaleString()}</dd>
        </div>
        <div className="stat-card">
          <dt className="stat-label">May be already here</dt>
          <dd className="stat-value stat-value-sm">{counts.suggested.toLocaleString()}</dd>
        </div>
        <div className="stat-card">
          <dt className="stat-label">Cannot be read</dt>
          <dd className="stat-value stat-value-sm">{counts.problems.toLocaleString()}</dd>
        </div>
      </dl>
      <p role="status" className="import-read-status">
        {pending ? (
          <>
            <Spinner size={12} /> Reading the file again…
          </>
        ) : (
          summary(preview)
        )}
      </p>

      {preview.rows.length > 0 ? (
        <section className="import-panel">
          <h3 id={`${id}-rows`}>
            {counts.rows > ROWS_SHOWN ? `The first ${ROWS_SHOWN} rows` : 'The rows'}
          </h3>
          <div className="table-scroll" role="region" aria-labelledby={`${id}-rows`} tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Line
                  </th>
                  <th scope="col">Date</th>
                  <th scope="col">Description</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                  <th scope="col">What happens</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, ROWS_SHOWN).map((row) => (
                  <tr key={row.line}>
                    <td className="num">{row.line}</td>
                    <td className="nowrap">{formatDay(row.date)}</td>
                    <td>
                      {row.payee ?? row.description}
                      {row.payee && row.payee !== row.description ? (
                        <span className="cell-sub">{row.description}</span>
                      ) : null}
                    </td>
                    <td className="num nowrap">
                      <Money amount={row.amount} currency={currency} signed />
                    </td>
                    <td>
                      <Badge tone={OUTCOME_TONES[row.outcome]}>{OUTCOME_WORDS[row.outcome]}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more > 0 ? <p className="muted">and {plural(more, 'more row')}.</p> : null}
        </section>
      ) : null}

      {preview.problems.length > 0 ? (
        <section className="import-panel" aria-labelledby={`${id}-problems`}>
          <h3 id={`${id}-problems`}>Rows that cannot be read</h3>
          <ul className="import-problems">
            {preview.problems.map((p, i) => (
              <li key={`${p.line}-${i}`}>
                <strong>Line {p.line}:</strong> {p.message}
              </li>
            ))}
          </ul>
          {counts.problems > preview.problems.length ? (
            <p className="muted">
              and {plural(counts.problems - preview.problems.length, 'more row')} like these.
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function summary(preview: ImportPreview): string {
  const { rows, problems, new: fresh, suggested } = preview.counts;
  if (rows === 0) {
    return problems > 0
      ? 'None of the file’s rows can be read, so there is nothing to import.'
      : 'The file has no transactions in it.';
  }
  const added = fresh + suggested;
  const parts = [
    `${plural(rows, 'row')} can be read`,
    added === 0 ? 'all of them are already here' : `${plural(added, 'transaction')} would be added`,
  ];
  return `${parts.join('; ')}.`;
}
