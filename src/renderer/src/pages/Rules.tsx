import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Rule } from '../../../shared/rules';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { RulesIcon } from '../components/Icons';
import { LoadingBlock } from '../components/Loading';
import { PageHeader } from '../components/PageHeader';
import { RuleEditor, type EditorTarget } from '../features/rules/RuleEditor';
import { RuleItem } from '../features/rules/RuleItem';
import { seedIn } from '../features/rules/seed';
import { STAGES } from '../features/rules/stages';
import { plural } from '../format/labels';
import { useLedgerQuery } from '../hooks/useLedgerQuery';

/**
 * Every rule, grouped by the stage it runs in and in the order it runs. Rules started elsewhere
 * (a transaction, a suggestion) arrive in the route's state and open the editor prefilled.
 */
export function Rules() {
  const location = useLocation();
  const navigate = useNavigate();
  const rules = useLedgerQuery('rules.list', {}, { watch: 'ledger' });
  const accounts = useLedgerQuery('accounts.list', {}, { watch: 'connections' });
  const [target, setTarget] = useState<EditorTarget | null>(null);
  const [seenKey, setSeenKey] = useState<string | null>(null);

  // A seed opens the editor once per navigation, even when this screen is already open.
  const seed = seedIn(location.state);
  if (seed && seenKey !== location.key) {
    setSeenKey(location.key);
    setTarget({ seed });
  }
  // Dropped from the history entry, so a reload or Back does not open the editor again.
  useEffect(() => {
    if (seed) void navigate(location.pathname, { replace: true, state: null });
  }, [seed, navigate, location.pathname]);

  const list = rules.data ?? [];
  const on = list.filter((r) => r.enabled).length;
  const accountList = accounts.data ?? [];
  const accountsReady = accounts.data !== undefined || accounts.error !== null;

  return (
    <div className="page">
      <PageHeader
        title="Rules"
        subtitle={
          list.length
            ? `${plural(list.length, 'rule')}, ${on.toLocaleString()} in use. They run on new transactions at every sync.`
            : 'Rules change new transactions for you as they arrive.'
        }
        actions={
          <button
            type="button"
            className="button button-primary"
            onClick={() => setTarget({ seed: null })}
          >
            New rule
          </button>
        }
      />
      {rules.error && !rules.data ? (
        <ErrorNotice error={rules.error} title="The rules could not be loaded" />
      ) : null}
      {!rules.data && !rules.error ? <LoadingBlock label="Loading the rules…" /> : null}
      {rules.data && list.length === 0 ? (
        <NoRules onCreate={() => setTarget({ seed: null })} />
      ) : null}
      {STAGES.map(({ stage, label, help }) => {
        const inStage = list.filter((r) => r.stage === stage);
        if (inStage.length === 0) return null;
        return (
          <section key={stage} className="section" aria-labelledby={`rules-${stage}`}>
            <h2 id={`rules-${stage}`} className="section-title">
              {label}
            </h2>
            <p className="muted rule-stage-help">{help}</p>
            <ol className="rule-list">
              {inStage.map((rule: Rule, i) => (
                <RuleItem
                  key={rule.id}
                  rule={rule}
                  first={i === 0}
                  last={i === inStage.length - 1}
                  accounts={accountList}
                  onEdit={() => setTarget({ rule })}
                />
              ))}
            </ol>
          </section>
        );
      })}
      {target && accountsReady ? (
        <RuleEditor target={target} accounts={accountList} onClose={() => setTarget(null)} />
      ) : null}
    </div>
  );
}

function NoRules({ onCreate }: { onCreate(): void }) {
  return (
    <EmptyState
      icon={<RulesIcon width={28} height={28} />}
      title="No rules yet"
      actions={
        <button type="button" className="button button-primary" onClick={onCreate}>
          New rule
        </button>
      }
    >
      <p>
        A rule changes transactions for you. You describe the transactions it is for (by their bank
        text or payee, amount, account, Plaid’s category or day of the month) and what it should do:
        set a category, a payee or notes, add tags, leave them out of reports, mark them as
        transfers or split them.
      </p>
      <p>
        Rules run on new transactions every time your banks sync, and you can apply one to the
        transactions you already have, then undo it. What you set by hand is never changed by a
        rule.
      </p>
      <p>
        Quickest start: open a transaction on the Transactions screen and press{' '}
        <strong>Create a rule from this transaction</strong>.
      </p>
    </EmptyState>
  );
}
