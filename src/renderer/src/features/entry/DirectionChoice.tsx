import { useId } from 'react';
import type { Direction } from './quick-add-logic';

const CHOICES: { value: Direction; label: string }[] = [
  { value: 'out', label: 'Money out' },
  { value: 'in', label: 'Money in' },
];

/**
 * Which way the money went, as two radio buttons shown side by side: arrow keys move between
 * them, as in any radio group, and the amount itself is always typed as a positive number.
 */
export function DirectionChoice({
  value,
  onChange,
  legend = 'Money out or in',
}: {
  value: Direction;
  onChange(value: Direction): void;
  legend?: string;
}) {
  const id = useId();
  return (
    <fieldset className="entry-direction">
      <legend>{legend}</legend>
      <div className="entry-direction-options">
        {CHOICES.map((choice) => (
          <label key={choice.value} className="entry-direction-option">
            <input
              type="radio"
              name={`${id}-direction`}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
