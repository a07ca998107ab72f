import { useId, useState, type FormEvent } from 'react';
import type { EditResult, Transaction } from '../../../../shared/model';
import { CharacterLimit, withLimitNote } from '../../components/CharacterLimit';
import { ErrorNotice } from '../../components/ErrorNotice';
import { currencyDigits, formatMoney, toDecimalString } from '../../format/money';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { CategoryPicker } from './CategoryPicker';

/** The core keeps 2 to 20 parts (see the contract's `transactions.split`). */
const MAX_PARTS = 20;

interface Draft {
  /** A stable key, so typing in one row never moves focus to another when rows come and go. */
  key: number;
  amount: string;
  category: string;
  notes: string;
}

/**
 * Minor units of an amount a person typed ("12.5", "1,200.00", "-3"), or null when it is not one.
 * Exact: the digits are split on the point and joined as integers, never through a float, and a
 * value with more decimals than the currency has is refused rather than rounded.
 */
export function parseAmount(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const match = /^([-+])?\s*(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return null;
  const whole = (match[2] ?? '').replace(/,/g, '');
  const fraction = match[3] ?? '';
  if (whole === '' && fraction === '') return null;
  if (fraction.length > digits) return null;
  const minor = Number(whole || '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return match[1] === '-' ? -minor : minor;
}

/**
 * Splits one row into parts, each with its own category and note. Amounts are typed the way the
 * row reads (a $40.00 purchase splits into 25.00 and 15.00, not -25.00); a minus sign marks a
 * part that goes the other way. Saving waits until the parts add up to the row exactly.
 */
export function SplitEditor({
  transaction,
  onDone,
}: {
  transaction: Transaction;
  onDone(result: EditResult): void;
}) {
  const split = useLedgerMutation('transactions.split');
  const { pending, error } = split;
  const { currency } = transaction;
  // Parts are shown in the row's own direction, so money out is typed without a minus.
  const direction = transaction.amount < 0 ? -1 : 1;
  const [nextKey, setNextKey] = useState(2);
  const [parts, setParts] = useState<Draft[]>(() =>
    transaction.splits.length > 0
      ? transaction.splits.map((part, i) => ({
          key: -1 - i,
          amount: toDecimalString(part.amount * direction, currency),
          category: part.category ?? '',
          notes: part.notes ?? '',
        }))
      : [0, 1].map((key) => ({ key, amount: '', category: '', notes: '' })),
  );
  const remainderId = useId();
  const baseId = useId();

  const amounts = parts.map((part) => parseAmount(part.amount, currency));
  const assigned = amounts.reduce<number>((sum, a) => sum + (a ?? 0), 0);
  const remainder = Math.abs(transaction.amount) - assigned;
  const allValid = amounts.every((a) => a !== null && a !== 0);
  const canSave = allValid && remainder === 0 && parts.length >= 2 && !pending;

  const change = (key: number, patch: Partial<Omit<Draft, 'key'>>) =>
    setParts((all) => all.map((part) => (part.key === key ? { ...part, ...patch } : part)));

  function addPart() {
    setParts((all) => [
      ...all,
      // The new part starts with what is left, which is what people usually want there.
      {
        key: nextKey,
        amount: remainder > 0 ? toDecimalString(remainder, currency) : '',
        category: '',
        notes: '',
      },
    ]);
    setNextKey((k) => k + 1);
  }

  async function send(body: { amount: number; category: string | null; notes: string | null }[]) {
    const result = await split.run({ id: transaction.id, parts: body });
    if (result !== null) onDone(result);
  }

  function save(event: FormEvent) {
    event.preventDefault();
    if (!canSave) return;
    void send(
      parts.map((part, i) => ({
        amount: amounts[i]! * direction,
        category: part.category.trim() === '' ? null : part.category.trim(),
        notes: part.notes.trim() === '' ? null : part.notes.trim(),
      })),
    );
  }

  const money = (minor: number) => formatMoney(minor, currency);
  return (
    <form className="split-editor" aria-label="Split this transaction" onSubmit={save}>
      <p>
        Split {money(Math.abs(transaction.amount))} into parts, each with its own category and note.
      </p>
      <ol className="split-parts">
        {parts.map((part, i) => {
          const n = i + 1;
          const invalid = part.amount.trim() !== '' && (amounts[i] === null || amounts[i] === 0);
          const ids = {
            amount: `${baseId}-amount-${part.key}`,
            notes: `${baseId}-notes-${part.key}`,
            help: `${baseId}-help-${part.key}`,
          };
          return (
            <li key={part.key} className="split-part">
              <div className="field">
                <label htmlFor={ids.amount}>Part {n} amount</label>
                <input
                  id={ids.amount}
                  inputMode="decimal"
                  autoComplete="off"
                  value={part.amount}
                  placeholder={toDecimalString(0, currency)}
                  aria-invalid={invalid ? true : undefined}
                  aria-describedby={invalid ? ids.help : undefined}
                  onChange={(e) => change(part.key, { amount: e.target.value })}
                />
                {invalid ? (
                  <p id={ids.help} className="field-help">
                    {amounts[i] === 0
                      ? 'A part needs an amount other than zero.'
                      : `Type an amount like ${toDecimalString(1250, currency)}.`}
                  </p>
                ) : null}
              </div>
              <CategoryPicker
                label={`Part ${n} category`}
                value={part.category}
                onChange={(category) => change(part.key, { category })}
              />
              <div className="field">
                <label htmlFor={ids.notes}>Part {n} note</label>
                <input
                  id={ids.notes}
                  value={part.notes}
                  maxLength={500}
                  aria-describedby={withLimitNote(ids.notes)}
                  onChange={(e) => change(part.key, { notes: e.target.value })}
                />
                <CharacterLimit inputId={ids.notes} value={part.notes} max={500} />
              </div>
              {parts.length > 2 ? (
                <button
                  type="button"
                  className="button button-ghost button-small"
                  onClick={() => setParts((all) => all.filter((p) => p.key !== part.key))}
                >
                  Remove part {n}
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p id={remainderId} role="status" aria-live="polite">
        {remainder === 0
          ? 'The parts add up to the whole amount.'
          : remainder > 0
            ? `Still to assign: ${money(remainder)}`
            : `The parts are ${money(-remainder)} more than the transaction.`}
      </p>
      <div className="inline-form-actions">
        <button
          type="button"
          className="button"
          disabled={parts.length >= MAX_PARTS || pending}
          onClick={addPart}
        >
          Add a part
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={!canSave}
          aria-describedby={remainderId}
        >
          {pending ? 'Saving…' : 'Save split'}
        </button>
        {transaction.splits.length > 0 ? (
          <button
            type="button"
            className="button button-danger-ghost"
            disabled={pending}
            onClick={() => void send([])}
          >
            Remove split
          </button>
        ) : null}
      </div>
      {error ? <ErrorNotice error={error} title="The split was not saved" /> : null}
    </form>
  );
}
