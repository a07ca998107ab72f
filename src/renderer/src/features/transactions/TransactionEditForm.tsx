import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { ChannelInput } from '../../../../shared/contract';
import type { TransactionDetail } from '../../../../shared/model';
import { CharacterLimit, withLimitNote } from '../../components/CharacterLimit';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { useLedger } from '../../ledger/context';
import { offerRuleSuggestion } from '../rules/suggestion';
import { CategoryPicker } from './CategoryPicker';
import { announceEdit } from './undo';

type EditSet = ChannelInput<'transactions.update'>['set'];

/**
 * The person's own fields of one row. Only what changed is sent, so saving a note does not lock
 * the category too; an emptied field goes back to what the bank says.
 */
export function TransactionEditForm({ detail }: { detail: TransactionDetail }) {
  const ledger = useLedger();
  const navigate = useNavigate();
  const t = detail.transaction;
  // A row typed in or from a file has a description of the person's, not a bank's text.
  const own = t.source !== 'plaid';
  const update = useLedgerMutation('transactions.update');
  const [payee, setPayee] = useState(t.user.payee ?? '');
  const [sameText, setSameText] = useState(false);
  const [category, setCategory] = useState(t.user.category ?? '');
  const [notes, setNotes] = useState(t.user.notes ?? '');
  const [excluded, setExcluded] = useState(t.user.excluded);
  const [reviewed, setReviewed] = useState(t.user.reviewed);
  const ids = {
    payee: useId(),
    notes: useId(),
    hint: useId(),
  };

  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  const set: EditSet = {};
  if (orNull(payee) !== t.user.payee) set.payee = orNull(payee);
  if (orNull(category) !== t.user.category) set.category = orNull(category);
  if (orNull(notes) !== t.user.notes) set.notes = orNull(notes);
  if (excluded !== t.user.excluded) set.excluded = excluded;
  if (reviewed !== t.user.reviewed) set.reviewed = reviewed;
  const forSameText = sameText && orNull(payee) !== null;
  const changed = Object.keys(set).length > 0 || forSameText;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!changed) return;
    // Naming every row with this bank text is worth sending even when this row already has it.
    const body = forSameText && set.payee === undefined ? { ...set, payee: orNull(payee) } : set;
    const result = await update.run({
      ids: [t.id],
      set: body,
      ...(forSameText ? { payeeForSameText: true } : {}),
    });
    if (!result) return;
    announceEdit(ledger, 'Transaction saved', result);
    offerRuleSuggestion(result, navigate);
  }

  return (
    <form className="tx-edit" aria-label="Your changes" onSubmit={(e) => void save(e)}>
      <h3 className="section-title">Yours</h3>
      <div className="field">
        <label htmlFor={ids.payee}>Payee</label>
        <input
          id={ids.payee}
          value={payee}
          maxLength={100}
          placeholder={t.merchantName ?? t.name}
          aria-describedby={withLimitNote(ids.payee, ids.hint)}
          onChange={(e) => setPayee(e.target.value)}
        />
        <CharacterLimit inputId={ids.payee} value={payee} max={100} />
        <p id={ids.hint} className="field-help">
          {own
            ? 'Leave it empty to show the description.'
            : 'Leave it empty to show the bank’s name. Syncing never changes what you set here.'}
        </p>
      </div>
      <CheckboxField
        label={
          own
            ? `Use this payee for every transaction described as “${t.name}”, now and later`
            : `Use this payee for every transaction whose bank text is “${t.name}”, now and from later syncs`
        }
        checked={sameText}
        disabled={orNull(payee) === null}
        onChange={setSameText}
      />
      <CategoryPicker
        label="Category"
        value={category}
        onChange={setCategory}
        bankCategory={t.category}
        // A row the person or a file brought has no bank category to fall back on.
        noneLabel={t.source === 'plaid' ? undefined : 'No category'}
      />
      <div className="field">
        <label htmlFor={ids.notes}>Notes</label>
        <textarea
          id={ids.notes}
          value={notes}
          maxLength={2000}
          rows={2}
          aria-describedby={withLimitNote(ids.notes)}
          onChange={(e) => setNotes(e.target.value)}
        />
        <CharacterLimit inputId={ids.notes} value={notes} max={2000} />
      </div>
      <CheckboxField
        label="Leave out of spending and reports"
        checked={excluded}
        onChange={setExcluded}
      />
      <CheckboxField label="Reviewed" checked={reviewed} onChange={setReviewed} />
      <div className="inline-form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={update.pending || !changed}
        >
          {update.pending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
      {update.error ? <ErrorNotice error={update.error} /> : null}
    </form>
  );
}
