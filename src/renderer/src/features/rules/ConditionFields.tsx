import { useId } from 'react';
import type { Account } from '../../../../shared/model';
import { PLAID_PRIMARY_CATEGORIES } from '../../../../shared/plaid-categories';
import { CharacterLimit, withLimitNote } from '../../components/CharacterLimit';
import { CheckboxField } from '../../components/CheckboxField';
import { categoryLabel } from '../../format/labels';
import { toDecimalString } from '../../format/money';
import { emptyText, type RuleDraft, type TextDraft } from './draft';
import type { IssuePlace } from './issues';
import { IssueText, invalidProps } from './IssueText';

/** The schema allows up to ten text conditions on a rule. */
const MAX_TEXT = 10;
const DAYS = Array.from({ length: 31 }, (_, i) => i + 1);

export interface DraftProps {
  draft: RuleDraft;
  update(patch: Partial<RuleDraft>): void;
  issues: Map<IssuePlace, string[]>;
  currency: string;
}

/** What a transaction must look like for the rule to touch it: every condition must hold. */
export function ConditionFields({
  draft,
  update,
  issues,
  currency,
  accounts,
}: DraftProps & { accounts: readonly Account[] }) {
  const id = useId();
  const changeText = (key: number, patch: Partial<TextDraft>) =>
    update({ text: draft.text.map((t) => (t.key === key ? { ...t, ...patch } : t)) });
  const example = toDecimalString(1250, currency);
  const amountIssues = issues.get('amount');
  return (
    <fieldset className="rule-section">
      <legend>When a transaction matches</legend>
      <p className="field-help">A transaction must match every condition you give here.</p>
      <IssueText id={`${id}-conditions`} messages={issues.get('conditions')} />

      <ol className="rule-text-list">
        {draft.text.map((t, i) => {
          const n = i + 1;
          const problems = issues.get(`text.${i}`);
          const ids = {
            field: `${id}-f${t.key}`,
            op: `${id}-o${t.key}`,
            value: `${id}-v${t.key}`,
            err: `${id}-e${t.key}`,
          };
          return (
            <li key={t.key} className="rule-text-row">
              <div className="field">
                <label htmlFor={ids.field}>Condition {n}: look at</label>
                <select
                  id={ids.field}
                  value={t.field}
                  onChange={(e) =>
                    changeText(t.key, { field: e.target.value as TextDraft['field'] })
                  }
                >
                  <option value="bankText">the bank text</option>
                  <option value="payee">the payee</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor={ids.op}>Condition {n}: how</label>
                <select
                  id={ids.op}
                  value={t.op}
                  onChange={(e) => changeText(t.key, { op: e.target.value as TextDraft['op'] })}
                >
                  <option value="contains">contains</option>
                  <option value="is">is exactly</option>
                  <option value="matches">matches the pattern</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor={ids.value}>Condition {n}: text</label>
                <input
                  id={ids.value}
                  value={t.value}
                  maxLength={500}
                  autoComplete="off"
                  spellCheck={false}
                  {...invalidProps(ids.err, problems)}
                  aria-describedby={withLimitNote(ids.value, !!problems?.length && ids.err)}
                  onChange={(e) => changeText(t.key, { value: e.target.value })}
                />
                <CharacterLimit inputId={ids.value} value={t.value} max={500} />
                <IssueText id={ids.err} messages={problems} />
              </div>
              {draft.text.length > 1 ? (
                <button
                  type="button"
                  className="button button-ghost button-small"
                  onClick={() => update({ text: draft.text.filter((x) => x.key !== t.key) })}
                >
                  Remove condition {n}
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p className="field-help">
        Capital letters do not matter. A pattern is a regular expression, such as{' '}
        <code>^UBER.*TRIP</code>.
      </p>
      <div>
        <button
          type="button"
          className="button button-small"
          disabled={draft.text.length >= MAX_TEXT}
          onClick={() => update({ text: [...draft.text, emptyText()] })}
        >
          Add a text condition
        </button>
      </div>

      <CheckboxField
        label="Look at the amount"
        checked={draft.amountOn}
        onChange={(amountOn) => update({ amountOn })}
      />
      {draft.amountOn ? (
        <div className="rule-subfields">
          <fieldset className="rule-choices">
            <legend>Which way the money goes</legend>
            <Radio
              name={`${id}-dir`}
              checked={draft.direction === 'out'}
              onChange={() => update({ direction: 'out' })}
            >
              Money out
            </Radio>
            <Radio
              name={`${id}-dir`}
              checked={draft.direction === 'in'}
              onChange={() => update({ direction: 'in' })}
            >
              Money in
            </Radio>
          </fieldset>
          <fieldset className="rule-choices">
            <legend>Amount</legend>
            <Radio
              name={`${id}-mode`}
              checked={draft.amountMode === 'exact'}
              onChange={() => update({ amountMode: 'exact' })}
            >
              Exactly
            </Radio>
            <Radio
              name={`${id}-mode`}
              checked={draft.amountMode === 'range'}
              onChange={() => update({ amountMode: 'range' })}
            >
              Between a lowest and a highest amount
            </Radio>
          </fieldset>
          {draft.amountMode === 'exact' ? (
            <AmountInput
              label={`Exact amount (${currency})`}
              value={draft.exact}
              placeholder={example}
              onChange={(exact) => update({ exact })}
              problemId={`${id}-amount`}
              problems={amountIssues}
            />
          ) : (
            <div className="grid-2">
              <AmountInput
                label={`Lowest amount (${currency})`}
                value={draft.lowest}
                placeholder="No lowest"
                onChange={(lowest) => update({ lowest })}
                problemId={`${id}-amount`}
                problems={amountIssues}
              />
              <AmountInput
                label={`Highest amount (${currency})`}
                value={draft.highest}
                placeholder="No highest"
                onChange={(highest) => update({ highest })}
                problemId={`${id}-amount`}
                problems={amountIssues}
              />
            </div>
          )}
          <IssueText id={`${id}-amount`} messages={amountIssues} />
        </div>
      ) : null}

      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-account`}>Account</label>
          <select
            id={`${id}-account`}
            value={draft.accountId}
            {...invalidProps(`${id}-account-err`, issues.get('account'))}
            onChange={(e) => update({ accountId: e.target.value })}
          >
            <option value="">Any account</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
                {a.mask ? ` ••${a.mask}` : ''}
                {a.institutionName ? ` at ${a.institutionName}` : ''}
              </option>
            ))}
          </select>
          <IssueText id={`${id}-account-err`} messages={issues.get('account')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-plaid`}>Plaid’s category</label>
          <select
            id={`${id}-plaid`}
            value={draft.plaidCategory}
            {...invalidProps(`${id}-plaid-err`, issues.get('plaidCategory'))}
            onChange={(e) => update({ plaidCategory: e.target.value })}
          >
            <option value="">Any of Plaid’s categories</option>
            {PLAID_PRIMARY_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
          <IssueText id={`${id}-plaid-err`} messages={issues.get('plaidCategory')} />
        </div>
      </div>

      <CheckboxField
        label="Only on some days of the month"
        checked={draft.daysOn}
        onChange={(daysOn) => update({ daysOn })}
      />
      {draft.daysOn ? (
        <div className="rule-subfields">
          <div className="grid-2">
            <DaySelect
              label="First day of the month"
              value={draft.dayFrom}
              onChange={(dayFrom) => update({ dayFrom })}
              problemId={`${id}-days`}
              problems={issues.get('dayOfMonth')}
            />
            <DaySelect
              label="Last day of the month"
              value={draft.dayTo}
              onChange={(dayTo) => update({ dayTo })}
              problemId={`${id}-days`}
              problems={issues.get('dayOfMonth')}
            />
          </div>
          <IssueText id={`${id}-days`} messages={issues.get('dayOfMonth')} />
        </div>
      ) : null}
    </fieldset>
  );
}

function Radio({
  name,
  checked,
  onChange,
  children,
}: {
  name: string;
  checked: boolean;
  onChange(): void;
  children: string;
}) {
  const id = useId();
  return (
    <span className="field-inline">
      <input id={id} type="radio" name={name} checked={checked} onChange={onChange} />
      <label htmlFor={id}>{children}</label>
    </span>
  );
}

function AmountInput({
  label,
  value,
  placeholder,
  onChange,
  problemId,
  problems,
}: {
  label: string;
  value: string;
  placeholder: string;
  onChange(value: string): void;
  problemId: string;
  problems: string[] | undefined;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="decimal"
        autoComplete="off"
        value={value}
        placeholder={placeholder}
        {...invalidProps(problemId, problems)}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

function DaySelect({
  label,
  value,
  onChange,
  problemId,
  problems,
}: {
  label: string;
  value: number;
  onChange(day: number): void;
  problemId: string;
  problems: string[] | undefined;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        {...invalidProps(problemId, problems)}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {DAYS.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
    </div>
  );
}
