import { useId, useState, type FormEvent } from 'react';
import type { ChannelInput } from '../../../../shared/contract';
import type { EditResult, Transaction } from '../../../../shared/model';
import { CharacterLimit, withLimitNote } from '../../components/CharacterLimit';
import { CloseIcon } from '../../components/Icons';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';

/** The longest tag name the core keeps (see the contract's `transactions.tag`). */
const MAX_TAG_LENGTH = 40;

/**
 * A row's tags as chips to take away, and a box to add one (Enter adds), offering the tags
 * already in use. Each change is its own undo step in the core, so it is sent at once.
 */
export function TagEditor({
  transaction,
  onDone,
}: {
  transaction: Transaction;
  onDone(result: EditResult): void;
}) {
  const existing = useLedgerQuery('tags.list', {}, { watch: 'ledger' });
  const [draft, setDraft] = useState('');
  const tag = useLedgerMutation('transactions.tag');
  const { pending, error } = tag;
  const [hint, setHint] = useState<string | null>(null);
  const ids = { input: useId(), list: useId(), hint: useId() };
  const carried = new Set(transaction.tags.map((name) => name.toLowerCase()));
  const offered = (existing.data ?? []).filter((tag) => !carried.has(tag.name.toLowerCase()));

  async function send(change: Omit<ChannelInput<'transactions.tag'>, 'ids'>): Promise<boolean> {
    const result = await tag.run({ ids: [transaction.id], ...change });
    if (result === null) return false;
    onDone(result);
    return true;
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    const name = draft.trim();
    if (name === '') return;
    if (name.length > MAX_TAG_LENGTH) {
      setHint(`A tag can be at most ${MAX_TAG_LENGTH} characters long.`);
      return;
    }
    if (carried.has(name.toLowerCase())) {
      setHint('This transaction already has that tag.');
      return;
    }
    setHint(null);
    if (await send({ add: [name] })) setDraft('');
  }

  return (
    <section aria-label="Tags" className="tag-editor">
      {transaction.tags.length > 0 ? (
        <ul className="tag-list" aria-label="Tags on this transaction">
          {transaction.tags.map((name) => (
            <li key={name} className="badge badge-neutral">
              <span>{name}</span>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove tag ${name}`}
                disabled={pending}
                onClick={() => void send({ remove: [name] })}
              >
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No tags yet.</p>
      )}
      <form className="inline-form" onSubmit={(e) => void add(e)}>
        <div className="field">
          <label htmlFor={ids.input}>Add a tag</label>
          <input
            id={ids.input}
            list={ids.list}
            value={draft}
            maxLength={MAX_TAG_LENGTH}
            autoComplete="off"
            placeholder="For example: Holiday"
            aria-describedby={withLimitNote(ids.input, hint && ids.hint)}
            aria-invalid={hint ? true : undefined}
            disabled={pending}
            onChange={(e) => {
              setDraft(e.target.value);
              setHint(null);
            }}
          />
          <CharacterLimit inputId={ids.input} value={draft} max={MAX_TAG_LENGTH} />
          <datalist id={ids.list}>
            {offered.map((tag) => (
              <option key={tag.name} value={tag.name} />
            ))}
          </datalist>
          {hint ? (
            <p id={ids.hint} className="field-help" role="status">
              {hint}
            </p>
          ) : null}
        </div>
        <div className="inline-form-actions">
          <button
            type="submit"
            className="button button-small"
            disabled={pending || draft.trim() === ''}
          >
            {pending ? 'Saving…' : 'Add'}
          </button>
        </div>
      </form>
      {error ? <ErrorNotice error={error} title="The tags were not changed" /> : null}
    </section>
  );
}
