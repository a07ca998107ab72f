import { useId, useRef, useState, type FormEvent } from 'react';
import type { Account } from '../../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDay, localToday } from '../../format/dates';
import { formatMoney } from '../../format/money';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { toast } from '../../store/toasts';
import { IssueText, invalidProps } from '../rules/IssueText';
import { amountExample, amountText, readAmount } from './amount';
import { issuesByField } from './issues';
import { isLiability } from './kinds';

const FIELDS = ['date', 'balance'] as const;

/**
 * Records what a manual account held (or, for a card or a loan, what was owed) on a day: a count
 * of the cash, a house's new valuation, the figure on a paper statement.
 */
export function RecordBalanceForm({ account, onClose }: { account: Account; onClose(): void }) {
  const id = useId();
  const today = localToday();
  const liability = isLiability(account);
  const [date, setDate] = useState(today);
  const [text, setText] = useState(() =>
    account.balances.current === null ? '' : amountText(account.balances.current, account.currency),
  );
  const [attempted, setAttempted] = useState(false);
  const record = useLedgerMutation('accounts.setBalance');
  const formRef = useRef<HTMLFormElement>(null);

  const amount = readAmount(text, account.currency);
  const server = issuesByField(record.error, FIELDS);
  const problems = new Map<string, string[]>();
  const place = (field: string, message: string | null) => {
    if (message) problems.set(field, [message]);
    else if (server.has(field)) problems.set(field, server.get(field)!);
  };
  place(
    'date',
    !date && attempted
      ? 'Choose the day of this balance.'
      : date > today
        ? 'Choose today or a day before it.'
        : null,
  );
  place(
    'balance',
    !amount.ok
      ? amount.message
      : amount.minor === null && attempted
        ? liability
          ? 'Type what you owed that day (0 if nothing).'
          : 'Type the balance that day (0 if it was empty).'
        : null,
  );
  const general = server.get('general');

  async function save(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!date || date > today || !amount.ok || amount.minor === null) {
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    const saved = await record.run({ accountId: account.id, date, balance: amount.minor });
    if (!saved) return;
    toast({
      tone: 'success',
      title: 'Balance recorded',
      body: `${account.name}: ${formatMoney(amount.minor, account.currency)} on ${formatDay(date)}.`,
    });
    onClose();
  }

  return (
    <Dialog
      title={`Record the balance of ${account.name}`}
      description="Your balance from this day on is this amount plus the transactions after it. Days before it are rebuilt from your transactions."
      onClose={onClose}
      footer={
        <DialogActions
          label="Record the balance"
          busyLabel="Saving…"
          busy={record.pending}
          onCancel={onClose}
          form={`${id}-form`}
        />
      }
    >
      <form
        id={`${id}-form`}
        ref={formRef}
        className="manual-form"
        aria-label="Record the balance"
        noValidate
        onSubmit={(e) => void save(e)}
      >
        <div className="manual-fields">
          <div className="field">
            <label htmlFor={`${id}-date`}>Day</label>
            <input
              id={`${id}-date`}
              type="date"
              value={date}
              max={today}
              {...invalidProps(`${id}-date-err`, problems.get('date'))}
              onChange={(e) => {
                setDate(e.target.value);
                record.clearError();
              }}
            />
            <IssueText id={`${id}-date-err`} messages={problems.get('date')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-balance`}>
              {liability ? 'What you owed' : 'Balance'} ({account.currency})
            </label>
            <input
              id={`${id}-balance`}
              value={text}
              inputMode="decimal"
              autoComplete="off"
              placeholder={amountExample(account.currency)}
              {...(problems.get('balance')
                ? invalidProps(`${id}-balance-err`, problems.get('balance'))
                : { 'aria-describedby': `${id}-balance-help` })}
              onChange={(e) => {
                setText(e.target.value);
                record.clearError();
              }}
            />
            {problems.get('balance') ? (
              <IssueText id={`${id}-balance-err`} messages={problems.get('balance')} />
            ) : (
              <p id={`${id}-balance-help`} className="field-help">
                {liability
                  ? 'The amount owed, without a minus sign.'
                  : 'A minus sign means it was overdrawn.'}
              </p>
            )}
          </div>
        </div>
        {general ? <IssueText id={`${id}-general`} messages={general} /> : null}
        {record.error && (record.error.code !== 'VALIDATION' || server.size === 0) ? (
          <ErrorNotice error={record.error} title="The balance was not recorded" />
        ) : null}
      </form>
    </Dialog>
  );
}
