import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Transaction } from '../../../../shared/model';
import { categoryLabel } from '../../format/labels';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { useLedger } from '../../ledger/context';
import { useCategoryNames } from '../../store/category-names';
import { toast } from '../../store/toasts';
import { offerRuleSuggestion } from '../rules/suggestion';
import { CategoryPicker } from './CategoryPicker';
import { shownCategory, shownPayee } from './shown';
import { announceEdit } from './undo';

/**
 * The category cell: its label, which becomes a picker on click; picking saves at once (one undo
 * step), Escape or leaving the picker changes nothing.
 */
export function InlineCategory({ transaction: t }: { transaction: Transaction }) {
  const ledger = useLedger();
  const navigate = useNavigate();
  const update = useLedgerMutation('transactions.update');
  const [editing, setEditing] = useState(false);
  // Re-render when the person renames a category, so the cell shows the new name.
  useCategoryNames((s) => s.version);
  const label = categoryLabel(shownCategory(t));

  async function choose(value: string) {
    if (value === '' && t.user.category === null) return setEditing(false);
    const category = value.trim() === '' ? null : value.trim();
    setEditing(false);
    const result = await update.run({ ids: [t.id], set: { category } });
    if (!result) return toast({ tone: 'error', title: 'The category could not be changed' });
    announceEdit(ledger, `Category set to ${categoryLabel(category ?? t.category)}`, result);
    // The row may have scrolled out of the table by then; navigate still works unmounted.
    offerRuleSuggestion(result, navigate);
  }

  if (!editing) {
    return (
      <button
        type="button"
        className="cell-button truncate"
        tabIndex={-1}
        aria-label={`${label}: recategorize ${shownPayee(t)}`}
        onClick={(e) => {
          e.stopPropagation();
          setEditing(true);
        }}
        disabled={update.pending}
      >
        {label}
      </button>
    );
  }
  return (
    <div
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') setEditing(false);
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setEditing(false);
      }}
    >
      <CategoryPicker
        compact
        autoFocus
        allowNew={false}
        label={`Category of ${shownPayee(t)}`}
        value={t.user.category ?? ''}
        bankCategory={t.category}
        // A row the person or a file brought has no bank category to fall back on.
        noneLabel={t.source === 'plaid' ? undefined : 'No category'}
        onChange={(v) => void choose(v)}
      />
    </div>
  );
}
