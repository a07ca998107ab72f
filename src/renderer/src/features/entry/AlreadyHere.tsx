import { useEffect, useId, useRef } from 'react';
import type { Account, Transaction } from '../../../../shared/model';
import { Money } from '../../components/Money';
import { formatDay } from '../../format/dates';
import { plural } from '../../format/labels';
import { accountLabel } from '../accounts/summary';
import { shownPayee } from '../transactions/shown';

/**
 * What the core said instead of adding an entry: the same money seems to be here already (the
 * same amount, a few days apart, from the bank or a file). Nothing was added; the person opens
 * the row to compare, or adds theirs anyway. It takes the focus when it appears, so a screen
 * reader says it and the keyboard is next to its buttons.
 */
export function AlreadyHere({
  matches,
  accounts,
  pending,
  onOpen,
  onAddAnyway,
}: {
  matches: Transaction[];
  accounts: ReadonlyMap<string, Account>;
  pending: boolean;
  onOpen(id: string): void;
  onAddAnyway(): void;
}) {
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const one = matches.length === 1;
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="entry-already notice notice-warning"
      aria-labelledby={titleId}
    >
      <div className="notice-body">
        <h3 id={titleId} className="notice-title">
          {one
            ? 'This looks like a transaction already here'
            : 'This looks like money already here'}
        </h3>
        <p>
          Nothing was added.{' '}
          {one
            ? 'A transaction with the same amount, a few days apart, came from your bank or a file:'
            : `${plural(matches.length, 'transaction')} with the same amount, a few days apart, came from your bank or a file:`}
        </p>
        <ul className="entry-already-list" aria-label="Transactions already here">
          {matches.map((t) => {
            const account = accounts.get(t.accountId);
            const name = shownPayee(t);
            return (
              <li key={t.id} className="entry-already-row">
                <span className="entry-already-date">{formatDay(t.date)}</span>
                <span className="entry-already-name truncate">{name}</span>
                <Money amount={t.amount} currency={t.currency} signed className="num" />
                <span className="entry-already-account truncate">
                  {account ? accountLabel(account) : 'Another account'}
                </span>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Open it: ${name} on ${formatDay(t.date)}`}
                  onClick={() => onOpen(t.id)}
                >
                  Open it
                </button>
              </li>
            );
          })}
        </ul>
        <div className="notice-actions">
          <button
            type="button"
            className="button button-small"
            disabled={pending}
            onClick={onAddAnyway}
          >
            {pending ? 'Adding…' : 'Add it anyway'}
          </button>
          <span className="muted">
            {one ? 'Only if yours is a different transaction.' : 'Only if yours is none of these.'}
          </span>
        </div>
      </div>
    </section>
  );
}
