import { useId, useState } from 'react';
import type { Account } from '../../../../shared/model';
import type { Rule } from '../../../../shared/rules';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Badge } from '../../components/StatusBadge';
import { plural } from '../../format/labels';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { useLedger } from '../../ledger/context';
import { toast } from '../../store/toasts';
import { undoLastEdit } from '../transactions/undo';
import { ruleCurrency, ruleSummary } from './summary';

/**
 * One rule in the list: its name, what it does in a sentence, and what can be done with it. The
 * move buttons keep focus where the rule went, so a keyboard user can press one again.
 */
export function RuleItem({
  rule,
  first,
  last,
  accounts,
  onEdit,
}: {
  rule: Rule;
  first: boolean;
  last: boolean;
  accounts: readonly Account[];
  onEdit(): void;
}) {
  const ledger = useLedger();
  const titleId = useId();
  const toggle = useLedgerMutation('rules.update');
  const move = useLedgerMutation('rules.move');
  const apply = useLedgerMutation('rules.apply');
  const [confirming, setConfirming] = useState(false);
  const remove = useLedgerMutation('rules.delete');
  const deleting = remove.pending;
  const deleteError = remove.error;
  const error = toggle.error ?? move.error ?? apply.error;
  const currency = ruleCurrency(accounts, rule.conditions.accountId ?? '');
  const busy = toggle.pending || move.pending || apply.pending || deleting;

  // The box follows the click at once; the list's reload (a new updatedAt) then takes over, and
  // a refusal puts it back.
  const [wanted, setWanted] = useState<{ value: boolean; against: string } | null>(null);
  const enabled = wanted?.against === rule.updatedAt ? wanted.value : rule.enabled;
  async function setEnabled(value: boolean) {
    setWanted({ value, against: rule.updatedAt });
    const saved = await toggle.run({ id: rule.id, enabled: value });
    if (!saved) setWanted(null);
  }

  async function moveRule(direction: 'earlier' | 'later') {
    const moved = await move.run({ id: rule.id, direction });
    if (!moved) return;
    requestAnimationFrame(() => {
      const button = document.getElementById(
        `rule-${rule.id}-${direction}`,
      ) as HTMLButtonElement | null;
      const other = document.getElementById(
        `rule-${rule.id}-${direction === 'earlier' ? 'later' : 'earlier'}`,
      );
      (button && !button.disabled ? button : other)?.focus();
    });
  }

  async function applyRule() {
    const result = await apply.run({ id: rule.id });
    if (!result) return;
    if (result.changedRows === 0) {
      toast({
        tone: 'info',
        title: 'The rule changed no transactions.',
        body: 'Every transaction it matches already looks that way, or you set those fields yourself.',
      });
      return;
    }
    toast({
      tone: 'success',
      title: `Rule applied to ${plural(result.changedRows, 'transaction')}.`,
      body: 'Ctrl+Z (⌘Z on a Mac) undoes it too.',
      action: { label: 'Undo', run: () => void undoLastEdit(ledger) },
    });
  }

  // `attempt`, not `run`: the deletion answers null, which `run` uses for a refusal.
  async function deleteRule() {
    const result = await remove.attempt({ id: rule.id });
    if (!result.ok) return;
    setConfirming(false);
    toast({ tone: 'success', title: `Rule “${rule.name}” deleted.` });
  }

  return (
    <li className={`card rule-item${rule.enabled ? '' : ' rule-off'}`} aria-labelledby={titleId}>
      <div className="rule-item-head">
        <h3 id={titleId} className="rule-name">
          {rule.name}
        </h3>
        {rule.enabled ? null : <Badge tone="neutral">Off</Badge>}
        {rule.stopAfter ? <Badge tone="info">Later rules skip what it matches</Badge> : null}
      </div>
      <p className="rule-summary">{ruleSummary(rule, accounts, currency)}</p>
      <div className="toolbar rule-actions">
        <span className="field-inline">
          <input
            id={`rule-${rule.id}-enabled`}
            type="checkbox"
            checked={enabled}
            disabled={toggle.pending}
            onChange={(e) => void setEnabled(e.target.checked)}
          />
          <label htmlFor={`rule-${rule.id}-enabled`}>Use this rule</label>
        </span>
        <span className="actions-spacer" />
        <button
          id={`rule-${rule.id}-earlier`}
          type="button"
          className="button button-small"
          disabled={first || busy}
          onClick={() => void moveRule('earlier')}
        >
          Move earlier
        </button>
        <button
          id={`rule-${rule.id}-later`}
          type="button"
          className="button button-small"
          disabled={last || busy}
          onClick={() => void moveRule('later')}
        >
          Move later
        </button>
        <button type="button" className="button button-small" onClick={onEdit}>
          Edit
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => void applyRule()}
        >
          {apply.pending ? 'Applying…' : 'Apply to existing transactions'}
        </button>
        <button
          type="button"
          className="button button-small button-danger-ghost"
          onClick={() => setConfirming(true)}
        >
          Delete
        </button>
      </div>
      {error ? <ErrorNotice error={error} title="That did not work" /> : null}
      {confirming ? (
        <Dialog
          title={`Delete “${rule.name}”?`}
          description="Transactions it already changed keep those changes. It will not run on new transactions."
          onClose={() => setConfirming(false)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
              <button
                type="button"
                className="button button-danger"
                disabled={deleting}
                onClick={() => void deleteRule()}
              >
                {deleting ? 'Deleting…' : 'Delete rule'}
              </button>
            </>
          }
        >
          {deleteError ? (
            <ErrorNotice error={deleteError} title="The rule was not deleted" />
          ) : null}
        </Dialog>
      ) : null}
    </li>
  );
}
