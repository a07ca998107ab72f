import { useState } from 'react';
import type { TransferSuggestion } from '../../../../shared/model';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Money } from '../../components/Money';
import { formatShortDay } from '../../format/dates';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { toast } from '../../store/toasts';

type Decision = 'transfers.confirm' | 'transfers.reject';

/** The list stays a few lines tall, so the transactions below it are still in view. */
const FIRST_SHOWN = 3;

const keyOf = (s: TransferSuggestion) => `${s.out.id}\u0000${s.in.id}`;

/**
 * Pairs that look like money moved between the person's own accounts, each asked as a yes/no
 * question. Saying yes takes both rows out of spending; saying no means that pair is never asked
 * again. Shows nothing at all when there is nothing to ask.
 */
export function TransferSuggestions() {
  const query = useLedgerQuery('transfers.suggestions', {}, { watch: 'ledger' });
  // A decision sends no event of its own: the default reload refreshes spending above all.
  const decisions = {
    'transfers.confirm': useLedgerMutation('transfers.confirm'),
    'transfers.reject': useLedgerMutation('transfers.reject'),
  };
  // Taking a confirmation back happens from a toast, so its refusal is told in a toast too.
  const unconfirm = useLedgerMutation('transfers.unconfirm', {
    handle: (e) => {
      toast({ tone: 'error', title: 'The transfer could not be taken back', body: e.message });
      return true;
    },
  });
  // Which rows are waiting: several can be out at once, and only their own buttons wait.
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  // Answered pairs disappear at once, before the reload that drops them anyway; the hiding holds
  // only for the answer it was made against, so a pair that comes back later (a confirmation
  // taken back elsewhere) is shown again.
  const [answered, setAnswered] = useState<{ of: unknown; keys: ReadonlySet<string> }>({
    of: undefined,
    keys: new Set(),
  });
  const [all, setAll] = useState(false);

  const decide = async (suggestion: TransferSuggestion, channel: Decision) => {
    const key = keyOf(suggestion);
    const pair = { outId: suggestion.out.id, inId: suggestion.in.id };
    setBusy((b) => new Set(b).add(key));
    // One error shows at a time: the latest answer's.
    for (const mutation of Object.values(decisions)) mutation.clearError();
    const result = await decisions[channel].attempt(pair);
    setBusy((b) => {
      const next = new Set(b);
      next.delete(key);
      return next;
    });
    if (!result.ok) return;
    setAnswered((a) => ({
      of: query.data,
      keys: new Set(a.of === query.data ? a.keys : []).add(key),
    }));
    if (channel === 'transfers.confirm') {
      toast({
        tone: 'success',
        title: 'Marked as a transfer',
        body: 'Both transactions are left out of spending.',
        action: { label: 'Undo', run: () => void unconfirm.run(pair) },
      });
    }
  };

  const hidden = answered.of === query.data ? answered.keys : new Set<string>();
  const open = (query.data ?? []).filter((s) => !hidden.has(keyOf(s)));
  const error = decisions['transfers.confirm'].error ?? decisions['transfers.reject'].error;
  const failure = error ?? (query.data === undefined ? query.error : null);
  if (open.length === 0 && !failure) return null;

  return (
    <section aria-label="Possible transfers" className="section card">
      <h2 className="section-title">Possible transfers</h2>
      <p className="muted">
        These look like money moved between your own accounts. A transfer is not spending, so
        confirming one leaves it out of your spending.
      </p>
      {failure ? (
        <ErrorNotice
          error={failure}
          title={error ? 'That answer was not saved' : 'Possible transfers could not be loaded'}
        />
      ) : null}
      {open.length > 0 ? (
        <ul className="plain-list">
          {(all ? open : open.slice(0, FIRST_SHOWN)).map((s) => {
            const key = keyOf(s);
            const pending = busy.has(key);
            return (
              <li key={key} className="toolbar" aria-busy={pending}>
                <span>
                  <TransferSentence suggestion={s} />
                </span>
                <span className="actions-spacer" />
                <button
                  type="button"
                  className="button button-small button-primary"
                  disabled={pending}
                  onClick={() => void decide(s, 'transfers.confirm')}
                >
                  This is a transfer
                </button>
                <button
                  type="button"
                  className="button button-small"
                  disabled={pending}
                  onClick={() => void decide(s, 'transfers.reject')}
                >
                  Not a transfer
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {open.length > FIRST_SHOWN ? (
        <button type="button" className="button button-ghost" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${open.length}`}
        </button>
      ) : null}
    </section>
  );
}

/** "$250.00 from Plaid Checking to Plaid Saving on 3 Nov", with the arrival day when it differs. */
function TransferSentence({ suggestion: { out, in: into } }: { suggestion: TransferSuggestion }) {
  return (
    <>
      <Money amount={into.amount} currency={into.currency} /> from{' '}
      <strong>{out.accountName}</strong> to <strong>{into.accountName}</strong> on{' '}
      {formatShortDay(out.date)}
      {into.date !== out.date ? ` (arrived ${formatShortDay(into.date)})` : ''}
    </>
  );
}
