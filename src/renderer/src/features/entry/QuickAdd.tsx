import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { Link } from 'react-router';
import type { Account, Transaction } from '../../../../shared/model';
import { CharacterLimit, characterLimitId } from '../../components/CharacterLimit';
import { CloseIcon } from '../../components/Icons';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDay, localToday } from '../../format/dates';
import { formatMoney } from '../../format/money';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { useLedger } from '../../ledger/context';
import { accountLabel } from '../accounts/summary';
import { issuesByField } from '../manual/issues';
import { amountExample } from '../manual/amount';
import { CategoryPicker } from '../transactions/CategoryPicker';
import { announceUndoable } from '../transactions/undo';
import { AlreadyHere } from './AlreadyHere';
import { DirectionChoice } from './DirectionChoice';
import {
  ENTRY_FIELDS,
  LIMITS,
  afterSave,
  buildCreateRequest,
  emptyDraft,
  type CreateRequest,
  type EntryDraft,
  type EntryField,
} from './quick-add-logic';

const REMEMBERED = 'ledgerlight.quick-add.account';

/** The account the person last added to in this session (the window's session storage). */
function rememberedAccount(): string | null {
  try {
    return sessionStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}

function remember(accountId: string): void {
  try {
    sessionStorage.setItem(REMEMBERED, accountId);
  } catch {
    // Storage refused (a private window): the form just starts on the first account next time.
  }
}

/** Accounts kept by hand first (what is typed in most), then the ones a bank feeds. */
function groups(accounts: readonly Account[]) {
  const byName = (a: Account, b: Account) => a.name.localeCompare(b.name);
  return [
    { label: 'Kept by hand', accounts: accounts.filter((a) => a.source === 'manual').sort(byName) },
    {
      label: 'Linked to your bank',
      accounts: accounts.filter((a) => a.source !== 'manual').sort(byName),
    },
  ].filter((g) => g.accounts.length > 0);
}

const optionText = (a: Account) =>
  `${accountLabel(a)}${a.institutionName ? ` at ${a.institutionName}` : ''} (${a.currency})`;

/**
 * The quick-add form on the Transactions screen: one transaction typed in, Enter saves it and
 * starts the next on the same account and day, with the cursor back in the amount, so a day of
 * receipts goes in without the mouse. Escape closes it. Each saved row gets a toast with Undo.
 *
 * When the core finds the same money already here (from the bank or a file), nothing is added
 * and those rows are shown, to open or to add this one anyway.
 */
export function QuickAdd({
  accounts,
  startAccountId,
  onOpenRow,
  onClose,
}: {
  /** The open accounts, as `accounts.list` has them; undefined while they load. */
  accounts: readonly Account[] | undefined;
  /** The account asked for (`?add=<id>`), else the last one used, else the first. */
  startAccountId: string | null;
  onOpenRow(id: string): void;
  onClose(): void;
}) {
  const id = useId();
  const ledger = useLedger();
  const open = useMemo(() => (accounts ?? []).filter((a) => !a.closedAt), [accounts]);
  const accountMap = useMemo(() => new Map(open.map((a) => [a.id, a])), [open]);
  const [draft, setDraft] = useState<EntryDraft>(() => emptyDraft('', localToday()));
  const [attempted, setAttempted] = useState(false);
  const [already, setAlready] = useState<{
    request: CreateRequest;
    sent: EntryDraft;
    matches: Transaction[];
  } | null>(null);
  const create = useLedgerMutation('transactions.create');
  const formRef = useRef<HTMLFormElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  // One save at a time: Enter pressed twice quickly must not add the row twice.
  const busy = useRef(false);
  useEffect(() => {
    amountRef.current?.focus();
  }, []);

  // The account shown: the one picked here, else the one asked for, the last used, the first.
  const chosenId =
    [draft.accountId, startAccountId, rememberedAccount()].find(
      (candidate) => candidate && accountMap.has(candidate),
    ) ??
    groups(open)[0]?.accounts[0]?.id ??
    '';
  const account = accountMap.get(chosenId);
  const current: EntryDraft = { ...draft, accountId: chosenId };
  const built = buildCreateRequest(current, account);
  const local = attempted && !built.ok ? built.problems : {};
  const server = issuesByField(create.error, ENTRY_FIELDS);
  const problem = (field: EntryField): string | undefined =>
    local[field] ?? server.get(field)?.join(' ');
  const general = server.get('general');
  const askedUnavailable =
    startAccountId !== null && accounts !== undefined && !accountMap.has(startAccountId);

  const update = (patch: Partial<EntryDraft>) => {
    setDraft((d) => ({ ...d, accountId: d.accountId || chosenId, ...patch }));
    setAlready(null);
    create.clearError();
  };

  const focusFirstProblem = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  function added(t: Transaction, sent: EntryDraft) {
    remember(sent.accountId);
    setDraft((d) => afterSave({ ...d, accountId: d.accountId || sent.accountId }, sent));
    setAttempted(false);
    setAlready(null);
    const where = accountMap.get(t.accountId);
    announceUndoable(
      ledger,
      `Added “${t.name}”`,
      `${formatMoney(t.amount, t.currency, { signDisplay: 'exceptZero' })} in ${
        where ? accountLabel(where) : 'the account'
      } on ${formatDay(t.date)}.`,
    );
    amountRef.current?.focus();
  }

  async function send(request: CreateRequest, sent: EntryDraft) {
    if (busy.current) return;
    busy.current = true;
    const result = await create.attempt(request).finally(() => (busy.current = false));
    if (!result.ok) return focusFirstProblem();
    if (result.value.outcome === 'added') added(result.value.transaction, sent);
    else setAlready({ request, sent, matches: result.value.matches });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy.current) return;
    setAttempted(true);
    setAlready(null);
    if (!built.ok) return focusFirstProblem();
    await send(built.request, current);
  }

  // Enter saves from any box of the form, a list or a choice too (a text box does it itself).
  const onFormKey = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey)
      return;
    const target = event.target as HTMLElement;
    if (target.tagName === 'SELECT' || (target as HTMLInputElement).type === 'radio') {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };

  // "+" and "-" in the amount choose the direction instead of being typed.
  const onAmountKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '+' || event.key === '-') {
      event.preventDefault();
      update({ direction: event.key === '+' ? 'in' : 'out' });
    }
  };

  const invalid = (field: EntryField, help?: string) => {
    const message = problem(field);
    const describedBy = [message ? `${id}-${field}-err` : null, help ?? null]
      .filter(Boolean)
      .join(' ');
    return {
      ...(message ? { 'aria-invalid': true as const } : {}),
      ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    };
  };
  const issue = (field: EntryField) => {
    const message = problem(field);
    return message ? (
      <p id={`${id}-${field}-err`} className="field-error">
        {message}
      </p>
    ) : null;
  };

  return (
    <section
      className="quick-add"
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="quick-add-head">
        <h2 id={`${id}-title`} className="quick-add-title">
          Add a transaction
        </h2>
        <p className="field-help">
          Enter adds it and clears the form for the next one on the same account and day. Esc closes
          it.
        </p>
        <button
          type="button"
          className="icon-button quick-add-close"
          aria-label="Close the form"
          onClick={onClose}
        >
          <CloseIcon width={16} height={16} />
        </button>
      </div>
      {accounts !== undefined && open.length === 0 ? (
        <p className="notice notice-info" role="note">
          There is no open account to add to yet. Add one you keep by hand, like a wallet, on the{' '}
          <Link to="/accounts">Accounts</Link> screen.
        </p>
      ) : (
        <form
          ref={formRef}
          className="quick-add-form"
          aria-label="New transaction"
          noValidate
          onSubmit={(e) => void save(e)}
          onKeyDown={onFormKey}
        >
          {askedUnavailable ? (
            <p className="field-help" role="note">
              The account this screen was opened for is closed or gone; choose another.
            </p>
          ) : null}
          <div className="quick-add-row quick-add-row-money">
            <div className="field">
              <label htmlFor={`${id}-account`}>Account</label>
              <select
                id={`${id}-account`}
                value={chosenId}
                disabled={accounts === undefined}
                {...invalid('accountId')}
                onChange={(e) => update({ accountId: e.target.value })}
              >
                {accounts === undefined ? <option value="">Loading the accounts…</option> : null}
                {groups(open).map((group) => (
                  <optgroup key={group.label} label={group.label}>
                    {group.accounts.map((a) => (
                      <option key={a.id} value={a.id}>
                        {optionText(a)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
              {issue('accountId')}
            </div>
            <div className="field">
              <label htmlFor={`${id}-date`}>Date</label>
              <input
                id={`${id}-date`}
                type="date"
                value={draft.date}
                required
                {...invalid('date')}
                onChange={(e) => update({ date: e.target.value })}
              />
              {issue('date')}
            </div>
            <DirectionChoice
              value={draft.direction}
              onChange={(direction) => update({ direction })}
            />
            <div className="field">
              <label htmlFor={`${id}-amount`}>
                Amount
                {account ? <span className="visually-hidden"> in {account.currency}</span> : null}
              </label>
              <div className="entry-amount">
                <input
                  id={`${id}-amount`}
                  ref={amountRef}
                  value={draft.amount}
                  inputMode="decimal"
                  autoComplete="off"
                  required
                  placeholder={amountExample(account?.currency ?? 'USD')}
                  {...invalid('amount', `${id}-amount-help`)}
                  onKeyDown={onAmountKey}
                  onChange={(e) => update({ amount: e.target.value })}
                />
                <span className="entry-currency" aria-hidden="true">
                  {account?.currency ?? ''}
                </span>
              </div>
              <p id={`${id}-amount-help`} className="field-help">
                No sign needed: + or − switches money in and out.
              </p>
              {issue('amount')}
            </div>
          </div>
          <div className="quick-add-row">
            <div className="field">
              <label htmlFor={`${id}-name`}>Description</label>
              <input
                id={`${id}-name`}
                value={draft.description}
                maxLength={LIMITS.description}
                autoComplete="off"
                required
                placeholder="For example: Groceries"
                {...invalid('name', characterLimitId(`${id}-name`))}
                onChange={(e) => update({ description: e.target.value })}
              />
              <CharacterLimit
                inputId={`${id}-name`}
                value={draft.description}
                max={LIMITS.description}
              />
              {issue('name')}
            </div>
            <div className="field">
              <label htmlFor={`${id}-payee`}>
                Payee <span className="muted">(optional)</span>
              </label>
              <input
                id={`${id}-payee`}
                value={draft.payee}
                maxLength={LIMITS.payee}
                autoComplete="off"
                {...invalid('payee', characterLimitId(`${id}-payee`))}
                onChange={(e) => update({ payee: e.target.value })}
              />
              <CharacterLimit inputId={`${id}-payee`} value={draft.payee} max={LIMITS.payee} />
              {issue('payee')}
            </div>
            <div className="quick-add-category">
              <CategoryPicker
                label="Category (optional)"
                value={draft.category}
                noneLabel="No category"
                onChange={(category) => update({ category })}
              />
              {issue('category')}
            </div>
          </div>
          <div className="quick-add-row quick-add-row-notes">
            <div className="field">
              <label htmlFor={`${id}-notes`}>
                Notes <span className="muted">(optional)</span>
              </label>
              <input
                id={`${id}-notes`}
                value={draft.notes}
                maxLength={LIMITS.notes}
                autoComplete="off"
                {...invalid('notes', characterLimitId(`${id}-notes`))}
                onChange={(e) => update({ notes: e.target.value })}
              />
              <CharacterLimit inputId={`${id}-notes`} value={draft.notes} max={LIMITS.notes} />
              {issue('notes')}
            </div>
            <div className="field">
              <label htmlFor={`${id}-tags`}>
                Tags <span className="muted">(optional)</span>
              </label>
              <input
                id={`${id}-tags`}
                value={draft.tags}
                autoComplete="off"
                placeholder="For example: Holiday, Receipts"
                {...invalid('tags', `${id}-tags-help`)}
                onChange={(e) => update({ tags: e.target.value })}
              />
              <p id={`${id}-tags-help`} className="field-help">
                Commas between tags.
              </p>
              {issue('tags')}
            </div>
          </div>
          {general ? (
            <p className="field-error" role="alert">
              {general.join(' ')}
            </p>
          ) : null}
          {create.error && (create.error.code !== 'VALIDATION' || server.size === 0) ? (
            <ErrorNotice error={create.error} title="The transaction was not added" />
          ) : null}
          <div className="quick-add-actions">
            <button type="submit" className="button button-primary" disabled={!account}>
              {create.pending ? 'Adding…' : 'Add'}
            </button>
            <button type="button" className="button" onClick={onClose}>
              Done
            </button>
            {attempted && !built.ok ? (
              <p className="field-error" role="alert">
                Nothing was added yet: fix what is marked above.
              </p>
            ) : null}
          </div>
        </form>
      )}
      {already ? (
        <AlreadyHere
          matches={already.matches}
          accounts={accountMap}
          pending={create.pending}
          onOpen={onOpenRow}
          onAddAnyway={() => void send({ ...already.request, addAnyway: true }, already.sent)}
        />
      ) : null}
    </section>
  );
}
