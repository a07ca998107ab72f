import { useId, useRef, useState, type FormEvent } from 'react';
import type { Transaction } from '../../../../shared/model';
import { CharacterLimit, withLimitNote } from '../../components/CharacterLimit';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { useLedger } from '../../ledger/context';
import { issuesByField } from '../manual/issues';
import { announceEdit } from '../transactions/undo';
import { DirectionChoice } from './DirectionChoice';
import {
  LIMITS,
  buildEditChange,
  hasChange,
  ownFieldsDraft,
  type EntryField,
  type OwnFieldsDraft,
} from './quick-add-logic';

const FIELDS = ['date', 'amount', 'name'] as const;

/**
 * The date, amount and description of a row the person owns (typed in, or imported from a file),
 * to change in its panel. Only what changed is sent, as one undo step. The parent remounts it
 * (by key) when the stored values change, after an undo for instance.
 */
export function OwnRowFields({ transaction: t }: { transaction: Transaction }) {
  const id = useId();
  const ledger = useLedger();
  const edit = useLedgerMutation('transactions.edit');
  const [draft, setDraft] = useState<OwnFieldsDraft>(() => ownFieldsDraft(t));
  const [attempted, setAttempted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const built = buildEditChange(t, draft);
  const changed = !built.ok || hasChange(built.change);
  const local = attempted && !built.ok ? built.problems : {};
  const server = issuesByField(edit.error, FIELDS);
  const problem = (field: EntryField) => local[field] ?? server.get(field)?.join(' ');

  const update = (patch: Partial<OwnFieldsDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    edit.clearError();
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!built.ok) {
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    if (!hasChange(built.change)) return;
    const result = await edit.run({ id: t.id, ...built.change });
    if (result) announceEdit(ledger, 'Transaction saved', result);
  }

  const invalid = (field: EntryField) =>
    problem(field)
      ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-err` }
      : {};
  const issue = (field: EntryField) =>
    problem(field) ? (
      <p id={`${id}-${field}-err`} className="field-error">
        {problem(field)}
      </p>
    ) : null;

  return (
    <form
      ref={formRef}
      className="own-fields"
      aria-label="Date, amount and description"
      noValidate
      onSubmit={(e) => void save(e)}
    >
      <div className="own-fields-row">
        <div className="field">
          <label htmlFor={`${id}-date`}>Date</label>
          <input
            id={`${id}-date`}
            type="date"
            value={draft.date}
            required
            {...invalid('date')}
            onChange={(e) => update({ date: e.target.value })}
          />
          {issue('date')}
        </div>
        <DirectionChoice value={draft.direction} onChange={(direction) => update({ direction })} />
        <div className="field">
          <label htmlFor={`${id}-amount`}>
            Amount<span className="visually-hidden"> in {t.currency}</span>
          </label>
          <div className="entry-amount">
            <input
              id={`${id}-amount`}
              value={draft.amount}
              inputMode="decimal"
              autoComplete="off"
              required
              {...invalid('amount')}
              onChange={(e) => update({ amount: e.target.value })}
            />
            <span className="entry-currency" aria-hidden="true">
              {t.currency}
            </span>
          </div>
          {issue('amount')}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>Description</label>
        <input
          id={`${id}-name`}
          value={draft.description}
          maxLength={LIMITS.description}
          autoComplete="off"
          required
          {...invalid('name')}
          aria-describedby={withLimitNote(`${id}-name`, problem('name') && `${id}-name-err`)}
          onChange={(e) => update({ description: e.target.value })}
        />
        <CharacterLimit inputId={`${id}-name`} value={draft.description} max={LIMITS.description} />
        {issue('name')}
      </div>
      <div className="inline-form-actions">
        <button type="submit" className="button button-primary" disabled={edit.pending || !changed}>
          {edit.pending ? 'Saving…' : 'Save date, amount and description'}
        </button>
      </div>
      {edit.error && !FIELDS.some((field) => server.has(field)) ? (
        <ErrorNotice error={edit.error} title="The transaction was not changed" />
      ) : null}
    </form>
  );
}
