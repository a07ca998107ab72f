import { useId } from 'react';
import type { DateOrder } from '../../../../shared/imports';
import { ORDER_WORDS, orList, telling, type DateParts } from './date-readings';

/**
 * The file's dates fit more than one order of day, month and year: the person says which, with
 * a real date of the file read each way ("3 February or 2 March?").
 */
export function DateOrderQuestion({
  orders,
  chosen,
  samples,
  sampleText,
  problem,
  onChoose,
}: {
  orders: readonly DateOrder[];
  /** The person's answer; null until they give one. */
  chosen: DateOrder | null;
  /** Dates of the file as their three numbers, to find one that reads differently each way. */
  samples: readonly DateParts[];
  /** How the file writes a date, shown as the example (CSV), when known. */
  sampleText?: (parts: DateParts) => string | null;
  problem?: string | null;
  onChoose(order: DateOrder): void;
}) {
  const id = useId();
  const found = telling(samples, orders);
  const written = found && sampleText ? sampleText(found.parts) : null;
  const options = orders.map((order) => ({
    order,
    reading: found?.readings.find((r) => r.order === order) ?? null,
  }));
  const legend = found
    ? `The dates could be read as ${orList(found.readings.map((r) => r.short))}. Which is it?`
    : 'The dates could be written day first or month first. Which is it?';
  return (
    <fieldset
      className="import-question"
      aria-describedby={problem ? `${id}-problem` : written ? `${id}-example` : undefined}
    >
      <legend>{legend}</legend>
      {written ? (
        <p id={`${id}-example`} className="field-help">
          For example, the file says “{written}”.
        </p>
      ) : null}
      <div className="choice-list import-choices">
        {options.map(({ order, reading }) => (
          <label key={order} className="choice">
            <input
              type="radio"
              name={`${id}-order`}
              value={order}
              checked={chosen === order}
              onChange={() => onChoose(order)}
            />
            <span>
              <strong>{reading ? reading.long : capitalized(ORDER_WORDS[order])}</strong>
              <span className="muted">
                {reading ? `The file writes ${ORDER_WORDS[order]}` : 'in that order'}
              </span>
            </span>
          </label>
        ))}
      </div>
      {problem ? (
        <p id={`${id}-problem`} className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
