import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Account } from '../../../../shared/model';
import type { Rule } from '../../../../shared/rules';
import { CharacterLimit, withLimitNote } from '../../components/CharacterLimit';
import { CheckboxField } from '../../components/CheckboxField';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { toast } from '../../store/toasts';
import { ActionFields } from './ActionFields';
import { buildRule } from './build';
import { ConditionFields } from './ConditionFields';
import { draftFromSeed, emptyDraft, type RuleDraft, type RuleSeed } from './draft';
import { groupIssues, type RuleIssue } from './issues';
import { IssueText, invalidProps } from './IssueText';
import { RulePreviewPanel } from './RulePreviewPanel';
import { STAGES } from './stages';
import { defaultRuleName, ruleCurrency } from './summary';

/** What the editor opens on: a saved rule to change, or a new one (maybe prefilled). */
export type EditorTarget = { rule: Rule } | { seed: RuleSeed | null };

/**
 * Making or changing one rule, with what it would do to the ledger shown live underneath.
 * Problems are found twice with the same words: by the shared schemas as the person types, and
 * by the core when saving (its VALIDATION issues are placed next to the same inputs).
 */
export function RuleEditor({
  target,
  accounts,
  onClose,
}: {
  target: EditorTarget;
  accounts: readonly Account[];
  onClose(): void;
}) {
  const editing = 'rule' in target ? target.rule : null;
  const [draft, setDraft] = useState<RuleDraft>(() => {
    const seed = 'rule' in target ? target.rule : target.seed;
    if (!seed) return emptyDraft();
    return draftFromSeed(seed, ruleCurrency(accounts, seed.conditions.accountId ?? ''));
  });
  const [attempted, setAttempted] = useState(false);
  const create = useLedgerMutation('rules.create');
  const change = useLedgerMutation('rules.update');
  const saving = create.pending || change.pending;
  const failure = create.error ?? change.error;
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();

  const currency = ruleCurrency(accounts, draft.accountId);
  const built = useMemo(() => buildRule(draft, currency), [draft, currency]);
  const serverIssues: RuleIssue[] =
    failure?.code === 'VALIDATION' ? (failure.details?.issues ?? []) : [];
  const issues = groupIssues(
    [...built.issues, ...serverIssues.map((i) => ({ ...i, eager: true }))],
    attempted,
  );
  const general = issues.get('general');

  const update = (patch: Partial<RuleDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // The core's answer was about the rule as it was; it no longer applies once it changes.
    create.clearError();
    change.clearError();
  };

  const focusFirstProblem = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  async function save(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!built.rule) return focusFirstProblem();
    const fields = {
      name: draft.name.trim() || defaultRuleName(built.rule),
      stage: draft.stage,
      stopAfter: draft.stopAfter,
      ...built.rule,
    };
    const saved = editing
      ? await change.run({ id: editing.id, ...fields })
      : await create.run(fields);
    if (!saved) return focusFirstProblem();
    toast({
      tone: 'success',
      title: editing ? 'Rule saved' : 'Rule created',
      body: editing
        ? 'The changes apply from the next sync. Apply it to existing transactions to use them now.'
        : 'It runs on new transactions from the next sync. Apply it to existing transactions to change the ones you have.',
    });
    onClose();
  }

  const stageHelp = STAGES.find((s) => s.stage === draft.stage)?.help;
  return (
    <Dialog
      title={editing ? `Edit “${editing.name}”` : 'New rule'}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={`${id}-form`}
            className="button button-primary"
            disabled={saving}
          >
            {saving ? 'Saving…' : editing ? 'Save rule' : 'Create rule'}
          </button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        ref={formRef}
        className="rule-editor"
        aria-label={editing ? 'Edit the rule' : 'New rule'}
        noValidate
        onSubmit={(e) => void save(e)}
      >
        <div className="grid-2">
          <div className="field">
            <label htmlFor={`${id}-name`}>Rule name</label>
            <input
              id={`${id}-name`}
              value={draft.name}
              maxLength={100}
              placeholder={built.rule ? defaultRuleName(built.rule) : 'A name you will recognize'}
              {...invalidProps(`${id}-name-err`, issues.get('name'))}
              aria-describedby={withLimitNote(
                `${id}-name`,
                !!issues.get('name')?.length && `${id}-name-err`,
              )}
              onChange={(e) => update({ name: e.target.value })}
            />
            <CharacterLimit inputId={`${id}-name`} value={draft.name} max={100} />
            <IssueText id={`${id}-name-err`} messages={issues.get('name')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-stage`}>When it runs</label>
            <select
              id={`${id}-stage`}
              value={draft.stage}
              aria-describedby={`${id}-stage-help`}
              onChange={(e) => update({ stage: e.target.value as RuleDraft['stage'] })}
            >
              {STAGES.map((s) => (
                <option key={s.stage} value={s.stage}>
                  {s.label}
                </option>
              ))}
            </select>
            <p id={`${id}-stage-help`} className="field-help">
              {stageHelp}
            </p>
            <IssueText id={`${id}-stage-err`} messages={issues.get('stage')} />
          </div>
        </div>
        <CheckboxField
          label="Stop after this rule: later rules leave the transactions it matches alone"
          checked={draft.stopAfter}
          onChange={(stopAfter) => update({ stopAfter })}
        />
        <ConditionFields
          draft={draft}
          update={update}
          issues={issues}
          currency={currency}
          accounts={accounts}
        />
        <ActionFields draft={draft} update={update} issues={issues} currency={currency} />
        <RulePreviewPanel rule={built.rule} />
        {general ? <IssueText id={`${id}-general`} messages={general} /> : null}
        {failure && (failure.code !== 'VALIDATION' || serverIssues.length === 0) ? (
          <ErrorNotice error={failure} title="The rule was not saved" />
        ) : null}
        {attempted && !built.rule && !failure ? (
          <p className="field-error" role="alert">
            The rule was not saved yet: fix what is marked above.
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
