import { useId } from 'react';
import { CharacterLimit, withLimitNote } from '../../components/CharacterLimit';
import { CheckboxField } from '../../components/CheckboxField';
import { toDecimalString } from '../../format/money';
import { CategoryPicker } from '../transactions/CategoryPicker';
import type { DraftProps } from './ConditionFields';
import { emptyPart, type SplitPartDraft } from './draft';
import { IssueText, invalidProps } from './IssueText';

/** The schema allows up to ten parts in a rule's split. */
const MAX_PARTS = 10;

/** What the rule changes on a matching transaction; empty fields are left as they are. */
export function ActionFields({ draft, update, issues, currency }: DraftProps) {
  const id = useId();
  const text = (
    key: 'payee' | 'notes' | 'tags',
    label: string,
    help: string | null,
    max: number,
  ) => {
    const problems = issues.get(key);
    const err = `${id}-${key}-err`;
    return (
      <div className="field">
        <label htmlFor={`${id}-${key}`}>{label}</label>
        <input
          id={`${id}-${key}`}
          value={draft[key]}
          maxLength={max}
          autoComplete="off"
          {...invalidProps(err, problems)}
          aria-describedby={withLimitNote(
            `${id}-${key}`,
            !!problems?.length && err,
            help && `${id}-${key}-help`,
          )}
          onChange={(e) => update({ [key]: e.target.value })}
        />
        <CharacterLimit inputId={`${id}-${key}`} value={draft[key]} max={max} />
        {help ? (
          <p id={`${id}-${key}-help`} className="field-help">
            {help}
          </p>
        ) : null}
        <IssueText id={err} messages={problems} />
      </div>
    );
  };

  return (
    <fieldset className="rule-section">
      <legend>Then change it</legend>
      <p className="field-help">
        Leave a field empty to keep what the transaction has. What you set by hand on a transaction
        is never changed by a rule.
      </p>
      <IssueText id={`${id}-actions`} messages={issues.get('actions')} />
      <div className="rule-inline-picker">
        <CategoryPicker
          label="Rule category"
          value={draft.category}
          onChange={(category) => update({ category })}
        />
        {draft.category ? (
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => update({ category: '' })}
          >
            Keep each transaction’s own category
          </button>
        ) : null}
      </div>
      <IssueText id={`${id}-category-err`} messages={issues.get('category')} />
      <div className="grid-2">
        {text('payee', 'Rule payee', null, 100)}
        {text('tags', 'Tags to add', 'Separate tags with commas.', 400)}
      </div>
      {text('notes', 'Rule notes', null, 2000)}
      <CheckboxField
        label="Leave out of spending and reports"
        checked={draft.exclude}
        onChange={(exclude) => update({ exclude })}
      />
      <CheckboxField
        label="Mark as a transfer between your own accounts (it leaves spending)"
        checked={draft.transfer}
        onChange={(transfer) => update({ transfer })}
      />
      <IssueText id={`${id}-transfer-err`} messages={issues.get('transfer')} />
      <CheckboxField
        label="Split the transaction into parts"
        checked={draft.splitOn}
        onChange={(splitOn) => update({ splitOn })}
      />
      {draft.splitOn ? (
        <SplitFields draft={draft} update={update} issues={issues} currency={currency} />
      ) : null}
    </fieldset>
  );
}

function SplitFields({ draft, update, issues, currency }: DraftProps) {
  const id = useId();
  const byAmount = draft.splitBy === 'amount';
  const last = draft.parts.length - 1;
  const change = (key: number, patch: Partial<SplitPartDraft>) =>
    update({ parts: draft.parts.map((p) => (p.key === key ? { ...p, ...patch } : p)) });
  return (
    <div className="rule-subfields">
      <fieldset className="rule-choices">
        <legend>Split by</legend>
        {(['percent', 'amount'] as const).map((by) => (
          <span key={by} className="field-inline">
            <input
              id={`${id}-${by}`}
              type="radio"
              name={`${id}-by`}
              checked={draft.splitBy === by}
              onChange={() => update({ splitBy: by })}
            />
            <label htmlFor={`${id}-${by}`}>
              {by === 'percent'
                ? 'Percentages of the amount'
                : 'Fixed amounts; the last part takes the rest'}
            </label>
          </span>
        ))}
      </fieldset>
      <ol className="split-parts">
        {draft.parts.map((part, i) => {
          const n = i + 1;
          const problems = issues.get(`split.${i}`);
          const ids = {
            size: `${id}-s${part.key}`,
            notes: `${id}-n${part.key}`,
            err: `${id}-e${part.key}`,
          };
          return (
            <li key={part.key} className="rule-split-part">
              {byAmount && i === last ? (
                <p className="rule-split-rest">Part {n}: the rest</p>
              ) : (
                <div className="field">
                  <label htmlFor={ids.size}>
                    {byAmount ? `Part ${n} amount (${currency})` : `Part ${n} percent`}
                  </label>
                  <input
                    id={ids.size}
                    inputMode={byAmount ? 'decimal' : 'numeric'}
                    autoComplete="off"
                    value={byAmount ? part.amount : part.percent}
                    placeholder={byAmount ? toDecimalString(1250, currency) : '50'}
                    {...invalidProps(ids.err, problems)}
                    onChange={(e) =>
                      change(
                        part.key,
                        byAmount ? { amount: e.target.value } : { percent: e.target.value },
                      )
                    }
                  />
                </div>
              )}
              <CategoryPicker
                label={`Part ${n} category`}
                value={part.category}
                onChange={(category) => change(part.key, { category })}
              />
              <div className="field">
                <label htmlFor={ids.notes}>Part {n} note</label>
                <input
                  id={ids.notes}
                  value={part.notes}
                  maxLength={500}
                  aria-describedby={withLimitNote(ids.notes)}
                  onChange={(e) => change(part.key, { notes: e.target.value })}
                />
                <CharacterLimit inputId={ids.notes} value={part.notes} max={500} />
              </div>
              {draft.parts.length > 2 ? (
                <button
                  type="button"
                  className="button button-ghost button-small"
                  onClick={() => update({ parts: draft.parts.filter((p) => p.key !== part.key) })}
                >
                  Remove part {n}
                </button>
              ) : null}
              <IssueText id={ids.err} messages={problems} />
            </li>
          );
        })}
      </ol>
      <IssueText id={`${id}-split`} messages={issues.get('split')} />
      <div>
        <button
          type="button"
          className="button button-small"
          disabled={draft.parts.length >= MAX_PARTS}
          onClick={() => update({ parts: [...draft.parts, emptyPart()] })}
        >
          Add a part
        </button>
      </div>
    </div>
  );
}
