import { useEffect } from 'react';
import type { LedgerApi } from '../../../../shared/contract';
import type { EditResult } from '../../../../shared/model';
import { asLedgerError } from '../../errors';
import { plural } from '../../format/labels';
import { useLedger } from '../../ledger/context';
import { useLiveSync } from '../../store/live-sync';
import { toast, useToasts } from '../../store/toasts';

/** Takes back the last edit the core recorded (one row, a bulk edit, a payee for all rows). */
export async function undoLastEdit(ledger: LedgerApi): Promise<void> {
  try {
    const result = await ledger.invoke('transactions.undo');
    useLiveSync.getState().ledgerChanged();
    toast(
      result.changedRows === 0
        ? { tone: 'info', title: 'There is nothing left to undo' }
        : { tone: 'success', title: `Undone on ${plural(result.changedRows, 'transaction')}` },
    );
  } catch (e) {
    toast({ tone: 'error', title: 'That could not be undone', body: asLedgerError(e).message });
  }
}

/** Says what an edit did, with Undo beside it. */
export function announceEdit(ledger: LedgerApi, title: string, result: EditResult): void {
  if (result.changedRows === 0) {
    toast({ tone: 'info', title: 'Nothing changed', body: 'Those values were already set.' });
    return;
  }
  announceUndoable(
    ledger,
    title,
    `${plural(result.changedRows, 'transaction')} changed. Ctrl+Z (⌘Z on a Mac) undoes it.`,
  );
}

/**
 * A confirmation with Undo beside it. Undo takes back the latest edit, so an older toast's Undo
 * would now take back this one instead of its own: those offers are taken away first.
 */
export function announceUndoable(ledger: LedgerApi, title: string, body: string): void {
  const { toasts, dismiss } = useToasts.getState();
  for (const t of toasts) if (undoToasts.has(t.id)) dismiss(t.id);
  undoToasts.clear();
  toast({
    tone: 'success',
    title,
    body,
    action: { label: 'Undo', run: () => void undoLastEdit(ledger) },
  });
  const shown = useToasts.getState().toasts.at(-1);
  if (shown) undoToasts.add(shown.id);
}

/** The toasts whose Undo takes back the latest edit (see `announceUndoable`). */
const undoToasts = new Set<number>();

const editable = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Ctrl+Z / ⌘Z anywhere outside a text field undoes the last edit; inside one it stays the
 * field's own undo, as people expect.
 */
export function useUndoShortcut(): void {
  const ledger = useLedger();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || event.shiftKey || event.altKey) return;
      if (!(event.ctrlKey || event.metaKey) || editable(event.target)) return;
      event.preventDefault();
      void undoLastEdit(ledger);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ledger]);
}
