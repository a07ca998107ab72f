import { useId, useState, type FormEvent } from 'react';
import type { CategoryInfo } from '../../../../shared/categories';
import { CharacterLimit, withLimitNote } from '../../components/CharacterLimit';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingBlock } from '../../components/Loading';
import { Badge } from '../../components/StatusBadge';
import { plural } from '../../format/labels';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { useLedger } from '../../ledger/context';
import { toast } from '../../store/toasts';
import { announceEdit } from '../transactions/undo';

/**
 * The person's own list of categories: add one, rename, merge one into another (one undo step),
 * hide one from the pickers. Counts are the transactions in view that show each category.
 */
export function CategoriesManager() {
  const list = useLedgerQuery('categories.list', {}, { watch: 'ledger' });
  const [open, setOpen] = useState<{ name: string; mode: 'rename' | 'merge' } | null>(null);
  const categories = list.data;

  return (
    <section className="card" aria-labelledby="categories-heading">
      <header className="card-header">
        <h2 id="categories-heading">Your categories</h2>
      </header>
      <p className="muted">
        Your list starts with Plaid’s categories. Renaming one keeps every transaction in it, and
        the rules that set it follow. Merging moves every transaction of one into another (Ctrl+Z
        takes it back). A hidden category is not offered when you pick one; transactions keep it.
      </p>
      <NewCategoryForm />
      {list.error && !categories ? <ErrorNotice error={list.error} /> : null}
      {!categories ? (
        list.error ? null : (
          <LoadingBlock />
        )
      ) : (
        <table className="data-table categories-table">
          <caption className="visually-hidden">Your categories, with their transactions</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Transactions
              </th>
              <th scope="col">
                <span className="visually-hidden">Changes</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {categories.map((c) => (
              <CategoryRow
                key={c.category}
                category={c}
                others={categories.filter((o) => o.category !== c.category)}
                open={open?.name === c.name ? open.mode : null}
                onOpen={(mode) => setOpen(mode ? { name: c.name, mode } : null)}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function NewCategoryForm() {
  const inputId = useId();
  const create = useLedgerMutation('categories.create');
  const [name, setName] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const created = await create.run({ name });
    if (!created) return;
    setName('');
    toast({ tone: 'success', title: `“${created.name}” added to your categories` });
  }

  return (
    <form className="category-new" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor={inputId}>A new one</label>
        <input
          id={inputId}
          value={name}
          maxLength={100}
          placeholder="For example: Coffee"
          aria-describedby={withLimitNote(inputId)}
          onChange={(e) => {
            setName(e.target.value);
            create.clearError();
          }}
        />
        <CharacterLimit inputId={inputId} value={name} max={100} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={create.pending || name.trim() === ''}>
          Add
        </button>
      </div>
      {create.error ? <ErrorNotice error={create.error} /> : null}
    </form>
  );
}

function CategoryRow({
  category: c,
  others,
  open,
  onOpen,
}: {
  category: CategoryInfo;
  others: CategoryInfo[];
  open: 'rename' | 'merge' | null;
  onOpen(mode: 'rename' | 'merge' | null): void;
}) {
  const setHidden = useLedgerMutation('categories.setHidden');

  async function toggleHidden() {
    const saved = await setHidden.run({ name: c.name, hidden: !c.hidden });
    if (saved) {
      toast({
        tone: 'success',
        title: saved.hidden ? `“${saved.name}” hidden` : `“${saved.name}” shown again`,
        body: saved.hidden
          ? 'It is no longer offered when you pick a category; transactions keep it.'
          : 'It is offered again when you pick a category.',
      });
    }
  }

  return (
    <>
      <tr>
        <th scope="row">
          {c.name} {c.hidden ? <Badge tone="neutral">Hidden</Badge> : null}
        </th>
        <td className="num">{c.count.toLocaleString()}</td>
        <td>
          <div className="inline-form-actions">
            <button
              type="button"
              className="button button-small"
              aria-expanded={open === 'rename'}
              aria-label={`Rename ${c.name}`}
              onClick={() => onOpen(open === 'rename' ? null : 'rename')}
            >
              Rename
            </button>
            <button
              type="button"
              className="button button-small"
              aria-expanded={open === 'merge'}
              aria-label={`Merge ${c.name}`}
              disabled={others.length === 0}
              onClick={() => onOpen(open === 'merge' ? null : 'merge')}
            >
              Merge
            </button>
            <button
              type="button"
              className="button button-small button-ghost"
              aria-label={`${c.hidden ? 'Show' : 'Hide'} ${c.name}`}
              disabled={setHidden.pending}
              onClick={() => void toggleHidden()}
            >
              {c.hidden ? 'Show' : 'Hide'}
            </button>
          </div>
          {setHidden.error ? <ErrorNotice error={setHidden.error} /> : null}
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={3}>
            {open === 'rename' ? (
              <RenameForm category={c} onDone={() => onOpen(null)} />
            ) : (
              <MergeForm category={c} others={others} onDone={() => onOpen(null)} />
            )}
          </td>
        </tr>
      ) : null}
    </>
  );
}

function RenameForm({ category: c, onDone }: { category: CategoryInfo; onDone(): void }) {
  const inputId = useId();
  const rename = useLedgerMutation('categories.rename');
  const [name, setName] = useState(c.name);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await rename.run({ name: c.name, newName: name });
    if (!saved) return;
    toast({ tone: 'success', title: `“${c.name}” is now “${saved.name}”` });
    onDone();
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor={inputId}>New name for {c.name}</label>
        <input
          id={inputId}
          value={name}
          maxLength={100}
          autoFocus
          aria-describedby={withLimitNote(inputId)}
          onChange={(e) => {
            setName(e.target.value);
            rename.clearError();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onDone();
          }}
        />
        <CharacterLimit inputId={inputId} value={name} max={100} />
      </div>
      <div className="inline-form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={rename.pending || name.trim() === '' || name.trim() === c.name}
        >
          Save name
        </button>
        <button type="button" className="button button-ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
      {rename.error ? <ErrorNotice error={rename.error} /> : null}
    </form>
  );
}

function MergeForm({
  category: c,
  others,
  onDone,
}: {
  category: CategoryInfo;
  others: CategoryInfo[];
  onDone(): void;
}) {
  const ledger = useLedger();
  const selectId = useId();
  const helpId = useId();
  const merge = useLedgerMutation('categories.merge');
  const [into, setInto] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await merge.run({ name: c.name, into });
    if (!result) return;
    if (result.changedRows === 0) {
      toast({
        tone: 'success',
        title: `“${c.name}” merged into “${into}”`,
        body: 'It had no transactions.',
      });
    } else {
      announceEdit(ledger, `“${c.name}” merged into “${into}”`, result);
    }
    onDone();
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor={selectId}>Merge {c.name} with</label>
        <select
          id={selectId}
          value={into}
          autoFocus
          aria-describedby={helpId}
          onChange={(e) => {
            setInto(e.target.value);
            merge.clearError();
          }}
        >
          <option value="" disabled>
            Choose where its transactions go
          </option>
          {others.map((o) => (
            <option key={o.category} value={o.name}>
              {o.name}
            </option>
          ))}
        </select>
        <p id={helpId} className="field-help">
          {plural(c.count, 'transaction')} move there and “{c.name}” leaves your list.
        </p>
      </div>
      <div className="inline-form-actions">
        <button type="submit" className="button button-primary" disabled={merge.pending || !into}>
          Merge
        </button>
        <button type="button" className="button button-ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
      {merge.error ? <ErrorNotice error={merge.error} /> : null}
    </form>
  );
}
