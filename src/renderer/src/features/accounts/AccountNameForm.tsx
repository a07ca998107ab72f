import { useId, useState, type FormEvent } from 'react';
import type { Account } from '../../../../shared/model';
import { CharacterLimit, withLimitNote } from '../../components/CharacterLimit';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { toast } from '../../store/toasts';

/**
 * The person's own name for an account and whether it is hidden. The bank's name stays beside
 * it (the placeholder), and an empty name gives the bank's back.
 */
export function AccountNameForm({ account, onSaved }: { account: Account; onSaved(): void }) {
  // No event follows an account edit; the default reload lets every screen show the new name.
  const update = useLedgerMutation('accounts.update');
  const { pending: saving, error } = update;
  const renamed = account.name !== account.bankName;
  const [name, setName] = useState(renamed ? account.name : '');
  const [hidden, setHidden] = useState(account.hidden);
  const ids = { name: useId(), hint: useId() };
  const wanted = name.trim() === '' ? null : name.trim();
  const changed = wanted !== (renamed ? account.name : null) || hidden !== account.hidden;

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await update.attempt({ accountId: account.id, name: wanted, hidden });
    if (!saved.ok) return;
    toast({ tone: 'success', title: 'Account saved' });
    onSaved();
  }

  return (
    <form className="inline-form" onSubmit={(e) => void save(e)} aria-label="Name and visibility">
      <div className="field">
        <label htmlFor={ids.name}>Your name for it</label>
        <input
          id={ids.name}
          value={name}
          maxLength={100}
          placeholder={account.bankName}
          aria-describedby={withLimitNote(ids.name, ids.hint)}
          onChange={(e) => setName(e.target.value)}
        />
        <CharacterLimit inputId={ids.name} value={name} max={100} />
        <p id={ids.hint} className="field-help">
          Leave it empty to use the bank’s name, “{account.bankName}”. Syncing never changes it.
        </p>
      </div>
      <CheckboxField
        label="Hide this account from the account list and its totals"
        checked={hidden}
        onChange={setHidden}
      />
      <div className="inline-form-actions">
        <button type="submit" className="button button-primary" disabled={saving || !changed}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
