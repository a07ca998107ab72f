import { useId, useMemo, useState } from 'react';
import { PLAID_PRIMARY_CATEGORIES } from '../../../../shared/plaid-categories';
import { CharacterLimit, withLimitNote } from '../../components/CharacterLimit';
import { categoryLabel } from '../../format/labels';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';

const NEW = '\u0000new';

/**
 * The person's choice of category: their list (hidden ones left out, unless it is the value
 * already chosen), shown by their names, or a new one typed in. '' means "the bank's category".
 */
export function CategoryPicker({
  value,
  onChange,
  label,
  bankCategory,
  noneLabel,
  autoFocus,
  compact,
  allowNew = true,
}: {
  value: string;
  onChange(value: string): void;
  label: string;
  /** What the bank says, offered as the "no category of my own" choice; undefined: no such choice. */
  bankCategory?: string | null;
  /** The "no category" choice's words where no bank stands behind the row ("No category"). */
  noneLabel?: string;
  autoFocus?: boolean;
  /** In a table cell: the label is for screen readers only. */
  compact?: boolean;
  /** Offer "New category…" (a field that saves per keystroke must not). */
  allowNew?: boolean;
}) {
  const list = useLedgerQuery('categories.list', {}, { watch: 'ledger' });
  const [typing, setTyping] = useState(false);
  const ids = { select: useId(), text: useId() };
  const options = useMemo(() => {
    // Before the list arrives, Plaid's categories keep the picker usable.
    const known =
      list.data ??
      PLAID_PRIMARY_CATEGORIES.map((key) => ({
        category: key,
        name: categoryLabel(key),
        hidden: false,
      }));
    const offered = known
      .filter((c) => !c.hidden || c.category === value)
      .map((c) => ({ value: c.category, name: c.name }));
    if (value && !offered.some((o) => o.value === value)) {
      offered.push({ value, name: categoryLabel(value) });
    }
    return offered.sort((a, b) => a.name.localeCompare(b.name));
  }, [list.data, value]);

  return (
    <div className={compact ? 'inline-field' : 'field'}>
      <label
        htmlFor={typing ? ids.text : ids.select}
        className={compact ? 'visually-hidden' : undefined}
      >
        {label}
      </label>
      {typing ? (
        <>
          <input
            id={ids.text}
            value={value}
            maxLength={100}
            autoFocus
            placeholder="A name for the new category"
            aria-describedby={withLimitNote(ids.text)}
            onChange={(e) => onChange(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && value === '') {
                e.stopPropagation();
                setTyping(false);
              }
            }}
          />
          <CharacterLimit inputId={ids.text} value={value} max={100} />
        </>
      ) : (
        <select
          id={ids.select}
          value={value}
          autoFocus={autoFocus}
          onChange={(e) => {
            if (e.target.value === NEW) {
              setTyping(true);
              onChange('');
            } else onChange(e.target.value);
          }}
        >
          {noneLabel !== undefined ? (
            <option value="">{noneLabel}</option>
          ) : bankCategory !== undefined ? (
            <option value="">The bank’s: {categoryLabel(bankCategory)}</option>
          ) : (
            <option value="" disabled>
              Choose a category
            </option>
          )}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.name}
            </option>
          ))}
          {allowNew ? <option value={NEW}>New category…</option> : null}
        </select>
      )}
    </div>
  );
}
