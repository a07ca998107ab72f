import { useId, useRef, useState, type FormEvent } from 'react';
import { MANUAL_ACCOUNT_TYPES, type ManualAccountKind } from '../../../../shared/manual-accounts';
import type { Account } from '../../../../shared/model';
import { CharacterLimit, withLimitNote } from '../../components/CharacterLimit';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { localToday } from '../../format/dates';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { IssueText, invalidProps } from '../rules/IssueText';
import { toast } from '../../store/toasts';
import { amountExample, readAmount } from './amount';
import {
  currencyName,
  defaultCurrency,
  isKnownCurrency,
  knownCurrencies,
  normalizeCurrency,
} from './currencies';
import { issuesByField } from './issues';
import { KIND_CHOICES, KIND_HINTS } from './kinds';

const FIELDS = ['name', 'kind', 'currency', 'balance', 'balanceDate'] as const;

/**
 * A new account kept by hand: its name, what kind it is, its currency and, if the person knows
 * it, what it holds (or for a card or a loan, what is owed) on a day. Problems are said under the
 * input they are about, both the ones found while typing and the core's own.
 */
export function AddAccountDialog({
  accounts,
  onCreated,
  onClose,
}: {
  /** The accounts there are: a new one is offered in the currency most of them use. */
  accounts: readonly Account[];
  onCreated(account: Account): void;
  onClose(): void;
}) {
  const id = useId();
  const today = localToday();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ManualAccountKind>('cash');
  // Until the person types one, the currency follows the accounts (which may still be loading).
  const [typedCurrency, setCurrencyText] = useState<string | null>(null);
  const currencyText = typedCurrency ?? defaultCurrency(accounts);
  const [balanceText, setBalanceText] = useState('');
  const [balanceDate, setBalanceDate] = useState(today);
  const [attempted, setAttempted] = useState(false);
  const create = useLedgerMutation('accounts.create');
  const formRef = useRef<HTMLFormElement>(null);

  const currency = normalizeCurrency(currencyText);
  const currencyKnown = isKnownCurrency(currency);
  const liability = MANUAL_ACCOUNT_TYPES[kind].liability;
  const amount = readAmount(balanceText, currencyKnown ? currency : 'USD');
  const hasBalance = amount.ok && amount.minor !== null;

  // What is wrong, by input: found here (a name is missing, an amount cannot be read), else the
  // core's answer to the last try.
  const server = issuesByField(create.error, FIELDS);
  const problems = new Map<string, string[]>();
  const local = (field: string, message: string | null) => {
    if (message) problems.set(field, [message]);
    else if (server.has(field)) problems.set(field, server.get(field)!);
  };
  local('name', attempted && !name.trim() ? 'Give the account a name.' : null);
  local('kind', null);
  local(
    'currency',
    (attempted || currency.length >= 3) && !currencyKnown
      ? 'Choose a currency from the list, by its three-letter code like USD or EUR.'
      : null,
  );
  local('balance', amount.ok ? null : amount.message);
  local(
    'balanceDate',
    hasBalance && !balanceDate
      ? 'Choose the day this balance is from.'
      : hasBalance && balanceDate > today
        ? 'Choose today or a day before it.'
        : null,
  );
  const general = server.get('general');
  const blocked =
    !name.trim() ||
    !currencyKnown ||
    !amount.ok ||
    (hasBalance && (!balanceDate || balanceDate > today));

  const clearAnswer = () => create.clearError();
  const focusFirstProblem = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  async function save(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (blocked || !amount.ok) return focusFirstProblem();
    const created = await create.run({
      name: name.trim(),
      kind,
      currency,
      ...(amount.minor !== null ? { balance: amount.minor, balanceDate } : {}),
    });
    if (!created) return focusFirstProblem();
    toast({
      tone: 'success',
      title: 'Account added',
      body: `${created.name} is kept by hand: add its transactions or record its balance whenever you like.`,
    });
    onCreated(created);
  }

  const err = (field: string) => `${id}-${field}-err`;
  return (
    <Dialog
      title="Add an account by hand"
      description="For money no bank connection reaches: cash, a small credit union, a house, a car loan. You keep its balance and transactions yourself."
      onClose={onClose}
      footer={
        <DialogActions
          label="Add the account"
          busyLabel="Adding…"
          busy={create.pending}
          onCancel={onClose}
          form={`${id}-form`}
        />
      }
    >
      <form
        id={`${id}-form`}
        ref={formRef}
        className="manual-form"
        aria-label="New account"
        noValidate
        onSubmit={(e) => void save(e)}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>Account name</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={100}
            autoComplete="off"
            placeholder="e.g. Wallet, Our house, Car loan"
            {...invalidProps(err('name'), problems.get('name'))}
            aria-describedby={withLimitNote(
              `${id}-name`,
              !!problems.get('name')?.length && err('name'),
            )}
            onChange={(e) => {
              setName(e.target.value);
              clearAnswer();
            }}
          />
          <CharacterLimit inputId={`${id}-name`} value={name} max={100} />
          <IssueText id={err('name')} messages={problems.get('name')} />
        </div>
        <div className="manual-fields">
          <div className="field">
            <label htmlFor={`${id}-kind`}>Kind</label>
            <select
              id={`${id}-kind`}
              value={kind}
              aria-describedby={`${id}-kind-help`}
              onChange={(e) => {
                setKind(e.target.value as ManualAccountKind);
                clearAnswer();
              }}
            >
              {KIND_CHOICES.map((choice) => (
                <option key={choice.kind} value={choice.kind}>
                  {choice.label}
                </option>
              ))}
            </select>
            <p id={`${id}-kind-help`} className="field-help">
              {KIND_HINTS[kind]}
            </p>
            <IssueText id={err('kind')} messages={problems.get('kind')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-currency`}>Currency</label>
            <input
              id={`${id}-currency`}
              value={currencyText}
              list={`${id}-currencies`}
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              className="manual-currency"
              {...(problems.get('currency')
                ? invalidProps(err('currency'), problems.get('currency'))
                : { 'aria-describedby': `${id}-currency-help` })}
              onChange={(e) => {
                // Picking "EUR — Euro" style text from the list keeps just the code.
                const picked = /^([A-Za-z]{3})\b/.exec(e.target.value.trim());
                setCurrencyText(
                  picked && e.target.value.length > 3 && isKnownCurrency(picked[1]!.toUpperCase())
                    ? picked[1]!.toUpperCase()
                    : e.target.value,
                );
                clearAnswer();
              }}
            />
            <datalist id={`${id}-currencies`}>
              {knownCurrencies().map((code) => (
                <option key={code} value={code} label={currencyName(code)} />
              ))}
            </datalist>
            {problems.get('currency') ? (
              <IssueText id={err('currency')} messages={problems.get('currency')} />
            ) : (
              <p id={`${id}-currency-help`} className="field-help">
                {currencyKnown ? currencyName(currency) : 'Type a code or a name to search.'}
              </p>
            )}
          </div>
        </div>
        <div className="manual-fields">
          <div className="field">
            <label htmlFor={`${id}-balance`}>
              {liability ? 'What you owe' : 'Starting balance'}{' '}
              <span className="muted">(optional)</span>
            </label>
            <input
              id={`${id}-balance`}
              value={balanceText}
              inputMode="decimal"
              autoComplete="off"
              placeholder={amountExample(currencyKnown ? currency : 'USD')}
              {...(problems.get('balance')
                ? invalidProps(err('balance'), problems.get('balance'))
                : { 'aria-describedby': `${id}-balance-help` })}
              onChange={(e) => {
                setBalanceText(e.target.value);
                clearAnswer();
              }}
            />
            {problems.get('balance') ? (
              <IssueText id={err('balance')} messages={problems.get('balance')} />
            ) : (
              <p id={`${id}-balance-help`} className="field-help">
                {liability
                  ? 'The amount owed, without a minus sign. Left empty, it starts at zero.'
                  : 'Left empty, it starts at zero. A minus sign means it is overdrawn.'}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-date`}>{liability ? 'Owed on' : 'Balance on'}</label>
            <input
              id={`${id}-date`}
              type="date"
              value={balanceDate}
              max={today}
              {...invalidProps(err('balanceDate'), problems.get('balanceDate'))}
              onChange={(e) => {
                setBalanceDate(e.target.value);
                clearAnswer();
              }}
            />
            <IssueText id={err('balanceDate')} messages={problems.get('balanceDate')} />
          </div>
        </div>
        {general ? <IssueText id={`${id}-general`} messages={general} /> : null}
        {create.error && (create.error.code !== 'VALIDATION' || server.size === 0) ? (
          <ErrorNotice error={create.error} title="The account was not added" />
        ) : null}
        {attempted && blocked ? (
          <p className="field-error" role="alert">
            The account was not added yet: fix what is marked above.
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
