import { useId } from 'react';
import type { CsvMapping, DateOrder, ImportPreview } from '../../../../shared/contract';
import { CharacterLimit, withLimitNote } from '../../components/CharacterLimit';
import { CheckboxField } from '../../components/CheckboxField';
import { Spinner } from '../../components/Loading';
import { Money } from '../../components/Money';
import { Notice } from '../../components/Notice';
import { formatDay } from '../../format/dates';
import { plural } from '../../format/labels';
import { partsOfText, type DateParts } from './date-readings';
import { DateOrderQuestion } from './DateOrderQuestion';
import {
  AMOUNT_MODE_LABELS,
  AMOUNT_ROLES,
  columnCount,
  columnName,
  DELIMITER_LABELS,
  ENCODING_LABELS,
  NUMBER_FORMAT_LABELS,
  OPTIONAL_ROLES,
  ROLE_LABELS,
  withAmountMode,
  withColumn,
  type AmountMode,
  type ColumnRole,
  type MappingProblems,
} from './mapping-draft';

/** Rows of the file shown under its columns, and rows shown as they would be read. */
const SAMPLE_ROWS = 6;
const READ_ROWS = 5;

/**
 * Step 2 for a CSV file: which column holds what, and how its dates, numbers and text are
 * written, with the file's first rows under their columns and the same rows as Ledgerlight reads
 * them, read again a moment after every change.
 */
export function ColumnsStep({
  preview,
  mapping,
  origin,
  currency,
  problems,
  dateOrder,
  dateProblem,
  pending,
  onChange,
  onDateOrder,
}: {
  preview: ImportPreview;
  mapping: CsvMapping;
  origin: ImportPreview['mappingFrom'];
  currency: string;
  problems: MappingProblems;
  /** The person's answer to the date question (null until answered). */
  dateOrder: DateOrder | null;
  dateProblem: string | null;
  pending: boolean;
  onChange(mapping: CsvMapping): void;
  onDateOrder(order: DateOrder): void;
}) {
  const id = useId();
  const layout = preview.csv;
  if (!layout) return null;
  const width = columnCount(layout);
  const columnChoices = Array.from({ length: width }, (_, i) => i);
  const columns = mapping.columns as Partial<Record<ColumnRole, number | null>>;
  const roleOf = new Map<number, ColumnRole>();
  for (const [role, column] of Object.entries(columns) as [ColumnRole, number | null][]) {
    if (column !== null && column !== undefined) roleOf.set(column, role);
  }
  const dateColumn = columns.date ?? null;
  const dateTexts =
    dateColumn === null
      ? []
      : layout.sample.map((row) => row[dateColumn] ?? '').filter((t) => t.trim() !== '');
  const dateSamples = dateTexts.map(partsOfText).filter((p): p is DateParts => p !== null);
  const sampleText = (parts: DateParts) =>
    dateTexts.find((t) => partsOfText(t)?.join() === parts.join()) ?? null;

  const columnSelect = (role: ColumnRole, optional: boolean) => {
    const problem = problems[role];
    const errorId = `${id}-${role}-err`;
    return (
      <div className="field" key={role}>
        <label htmlFor={`${id}-${role}`}>{ROLE_LABELS[role]}</label>
        <select
          id={`${id}-${role}`}
          value={columns[role] ?? ''}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          onChange={(e) =>
            onChange(
              withColumn(mapping, role, e.target.value === '' ? null : Number(e.target.value)),
            )
          }
        >
          <option value="">{optional ? 'None' : 'Choose a column'}</option>
          {columnChoices.map((i) => (
            <option key={i} value={i}>
              {columnName(layout, i)}
            </option>
          ))}
        </select>
        {problem ? (
          <p id={errorId} className="field-error">
            {problem}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <div className="import-columns">
      {origin === 'saved' ? (
        <Notice tone="info">
          <p>Using the columns you chose last time for this account.</p>
        </Notice>
      ) : origin === 'guessed' ? (
        <Notice tone="info">
          <p>Ledgerlight guessed these columns; check them.</p>
        </Notice>
      ) : origin === null ? (
        <Notice tone="warning">
          <p>Ledgerlight could not tell which column holds what. Choose them below.</p>
        </Notice>
      ) : null}

      <section className="import-panel">
        <h3 id={`${id}-sample`}>The file’s first rows</h3>
        <div className="table-scroll" role="region" aria-labelledby={`${id}-sample`} tabIndex={0}>
          <table className="data-table import-sample">
            <thead>
              <tr>
                {columnChoices.map((i) => {
                  const role = roleOf.get(i);
                  return (
                    <th key={i} scope="col" className={role ? 'import-mapped' : undefined}>
                      <span className="import-col-name">{columnName(layout, i)}</span>
                      <span className={role ? 'import-col-role' : 'import-col-role muted'}>
                        {role ? ROLE_LABELS[role] : 'Not used'}
                      </span>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {layout.sample.slice(0, SAMPLE_ROWS).map((row, r) => (
                <tr key={r}>
                  {columnChoices.map((i) => (
                    <td key={i} className={roleOf.has(i) ? 'import-mapped' : undefined}>
                      {row[i] ?? ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="field-help">
          {plural(layout.rowCount, 'row')} in the file
          {layout.header ? ', under a row naming the columns' : ''}.
        </p>
      </section>

      <div className="import-form-grid">
        <section className="import-panel" aria-labelledby={`${id}-what`}>
          <h3 id={`${id}-what`}>Which column holds what</h3>
          <div className="import-fields">
            {columnSelect('date', false)}
            {columnSelect('description', false)}
          </div>
          <fieldset className="import-amount-mode">
            <legend>How the amounts are written</legend>
            <div className="choice-list import-choices">
              {(Object.keys(AMOUNT_MODE_LABELS) as AmountMode[]).map((mode) => (
                <label key={mode} className="choice">
                  <input
                    type="radio"
                    name={`${id}-mode`}
                    checked={mapping.amountMode === mode}
                    onChange={() => onChange(withAmountMode(mapping, mode))}
                  />
                  <span>
                    <strong>{AMOUNT_MODE_LABELS[mode].title}</strong>
                    <span className="muted">{AMOUNT_MODE_LABELS[mode].help}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="import-fields">
            {AMOUNT_ROLES[mapping.amountMode].map((role) => columnSelect(role, false))}
            {mapping.amountMode === 'indicator' ? (
              <div className="field">
                <label htmlFor={`${id}-out`}>The in-or-out column says this for money out</label>
                <input
                  id={`${id}-out`}
                  value={mapping.indicatorOut ?? ''}
                  maxLength={40}
                  aria-invalid={problems.indicatorOut ? true : undefined}
                  aria-describedby={withLimitNote(
                    `${id}-out`,
                    problems.indicatorOut && `${id}-out-err`,
                  )}
                  onChange={(e) => onChange({ ...mapping, indicatorOut: e.target.value })}
                />
                <CharacterLimit inputId={`${id}-out`} value={mapping.indicatorOut ?? ''} max={40} />
                {problems.indicatorOut ? (
                  <p id={`${id}-out-err`} className="field-error">
                    {problems.indicatorOut}
                  </p>
                ) : null}
              </div>
            ) : null}
          </div>
          {mapping.amountMode !== 'debit-credit' ? (
            <CheckboxField
              label="Money out is shown as positive (and money in with a minus sign)"
              checked={mapping.flipSign}
              onChange={(flipSign) => onChange({ ...mapping, flipSign })}
            />
          ) : null}
          <h4 className="import-subheading">Optional</h4>
          <div className="import-fields">
            {OPTIONAL_ROLES.map((role) => columnSelect(role, true))}
          </div>
        </section>

        <section className="import-panel" aria-labelledby={`${id}-how`}>
          <h3 id={`${id}-how`}>How the file is written</h3>
          <div className="import-fields">
            <div className="field">
              <label htmlFor={`${id}-number`}>Numbers</label>
              <select
                id={`${id}-number`}
                value={mapping.numberFormat}
                aria-describedby={`${id}-number-help`}
                onChange={(e) =>
                  onChange({
                    ...mapping,
                    numberFormat: e.target.value as CsvMapping['numberFormat'],
                  })
                }
              >
                {(Object.keys(NUMBER_FORMAT_LABELS) as CsvMapping['numberFormat'][]).map((f) => (
                  <option key={f} value={f}>
                    {NUMBER_FORMAT_LABELS[f]}
                  </option>
                ))}
              </select>
              <p id={`${id}-number-help`} className="field-help">
                How a thousand and cents are written.
              </p>
            </div>
            <div className="field">
              <label htmlFor={`${id}-delimiter`}>Columns are separated by</label>
              <select
                id={`${id}-delimiter`}
                value={mapping.delimiter}
                onChange={(e) =>
                  onChange({ ...mapping, delimiter: e.target.value as CsvMapping['delimiter'] })
                }
              >
                {(Object.keys(DELIMITER_LABELS) as CsvMapping['delimiter'][]).map((d) => (
                  <option key={d} value={d}>
                    {DELIMITER_LABELS[d]}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-encoding`}>Text encoding</label>
              <select
                id={`${id}-encoding`}
                value={mapping.encoding}
                aria-describedby={`${id}-encoding-help`}
                onChange={(e) =>
                  onChange({ ...mapping, encoding: e.target.value as CsvMapping['encoding'] })
                }
              >
                {(Object.keys(ENCODING_LABELS) as CsvMapping['encoding'][]).map((enc) => (
                  <option key={enc} value={enc}>
                    {ENCODING_LABELS[enc]}
                  </option>
                ))}
              </select>
              <p id={`${id}-encoding-help`} className="field-help">
                Change it if letters like é or ü look wrong.
              </p>
            </div>
            <div className="field">
              <label htmlFor={`${id}-skip`}>Lines to skip before the header</label>
              <input
                id={`${id}-skip`}
                type="number"
                inputMode="numeric"
                min={0}
                max={50}
                value={mapping.skipLines}
                onChange={(e) => {
                  const n = Math.trunc(Number(e.target.value));
                  if (Number.isFinite(n)) {
                    onChange({ ...mapping, skipLines: Math.min(50, Math.max(0, n)) });
                  }
                }}
              />
            </div>
          </div>
          <CheckboxField
            label="The first row names the columns"
            checked={mapping.hasHeader}
            onChange={(hasHeader) => onChange({ ...mapping, hasHeader })}
          />
          {preview.dateOrders.length > 1 ? (
            <DateOrderQuestion
              orders={preview.dateOrders}
              chosen={dateOrder}
              samples={dateSamples}
              sampleText={sampleText}
              problem={dateProblem}
              onChoose={onDateOrder}
            />
          ) : null}
        </section>
      </div>

      <section className="import-panel" aria-labelledby={`${id}-read`} aria-busy={pending}>
        <h3 id={`${id}-read`}>How Ledgerlight reads them</h3>
        <p role="status" className="import-read-status">
          {pending ? (
            <>
              <Spinner size={12} /> Reading the file again…
            </>
          ) : problems.general ? (
            problems.general
          ) : (
            readSummary(preview)
          )}
        </p>
        {preview.rows.length > 0 ? (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">
                The file’s first rows as they would be imported
              </caption>
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
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, READ_ROWS).map((row) => (
                  <tr key={row.line}>
                    <td className="num">{row.line}</td>
                    <td className="nowrap">{formatDay(row.date)}</td>
                    <td>{row.description}</td>
                    <td className="num nowrap">
                      <Money amount={row.amount} currency={currency} signed />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {preview.problems.length > 0 ? (
          <p className="field-error">
            Line {preview.problems[0]!.line}: {preview.problems[0]!.message}
          </p>
        ) : null}
      </section>
    </div>
  );
}

function readSummary(preview: ImportPreview): string {
  const { rows, problems } = preview.counts;
  if (rows === 0 && problems === 0) return 'No transactions could be read with these columns yet.';
  if (problems === 0) return `All ${plural(rows, 'row')} can be read.`;
  if (rows === 0) return `None of the rows can be read this way (${plural(problems, 'problem')}).`;
  return `${plural(rows, 'row')} can be read; ${plural(problems, 'row')} cannot.`;
}
