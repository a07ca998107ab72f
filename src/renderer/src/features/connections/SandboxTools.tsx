import { useId, useState, type FormEvent } from 'react';
import type { Connection } from '../../../../shared/model';
import { CharacterLimit, withLimitNote } from '../../components/CharacterLimit';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Loading';
import { useLedgerMutation } from '../../hooks/useLedgerMutation';
import { toast } from '../../store/toasts';
import { parseAmount } from '../transactions/SplitEditor';
import '../../styles/connection-tools.css';

/** Today in the person's own calendar, as Plaid Sandbox counts "up to 14 days back". */
function today(): string {
  const now = new Date();
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/**
 * Plaid Sandbox's test switches, only on a Sandbox connection: break its login to try Repair,
 * and make a new transaction at the bank (Plaid allows it for the user_transactions_dynamic test
 * user). Folded away by default: they are for trying the app, not for everyday use.
 */
export function SandboxTools({ connection }: { connection: Connection }) {
  const ids = { description: useId(), amount: useId(), date: useId(), hint: useId() };
  const reset = useLedgerMutation('sandbox.resetLogin', { invalidates: 'none' });
  const create = useLedgerMutation('sandbox.createTransactions', { invalidates: 'none' });
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(today);
  const [direction, setDirection] = useState<'out' | 'in'>('out');
  const [hint, setHint] = useState<string | null>(null);
  const name = connection.displayName;
  const currency = 'USD';

  if (connection.environment !== 'sandbox' || connection.status === 'DISCONNECTED') return null;

  async function resetLogin() {
    create.clearError();
    const done = await reset.run({ connectionId: connection.id });
    if (done === null) return;
    toast({
      tone: 'info',
      title: `${name} needs Repair now`,
      body: 'Plaid Sandbox reset its login. Use Repair on the card to sign in again.',
    });
  }

  async function addTransaction(event: FormEvent) {
    event.preventDefault();
    reset.clearError();
    const minor = parseAmount(amount, currency);
    if (!description.trim()) return setHint('Give the transaction a description.');
    if (minor === null || minor <= 0) return setHint('Type an amount above zero, like 12.50.');
    setHint(null);
    const done = await create.run({
      connectionId: connection.id,
      transactions: [
        {
          date,
          amount: direction === 'out' ? -minor : minor,
          description: description.trim(),
        },
      ],
    });
    if (done === null) return;
    setDescription('');
    setAmount('');
    toast({
      tone: 'success',
      title: 'Transaction made at the bank',
      body:
        done.runId === null
          ? 'It arrives with the next sync of this connection.'
          : 'A sync is bringing it in now.',
    });
  }

  return (
    <details className="sandbox-tools">
      <summary>Sandbox tools</summary>
      <p className="muted">
        Plaid Sandbox only: try what happens when the bank asks you to sign in again, or when new
        transactions arrive.
      </p>
      <div className="sandbox-tools-row">
        <button
          type="button"
          className="button"
          onClick={() => void resetLogin()}
          disabled={reset.pending || connection.status === 'LOGIN_REQUIRED'}
        >
          {reset.pending ? <Spinner size={14} /> : null}
          Reset login
        </button>
        <span className="muted">The card then asks for Repair, as with a real bank.</span>
      </div>
      {reset.error ? <ErrorNotice error={reset.error} /> : null}

      <form
        className="sandbox-tools-form"
        onSubmit={(e) => void addTransaction(e)}
        aria-label={`New test transaction at ${name}`}
      >
        <div className="field">
          <label htmlFor={ids.description}>Description</label>
          <input
            id={ids.description}
            value={description}
            maxLength={100}
            placeholder="For example: Test coffee"
            aria-describedby={withLimitNote(ids.description, hint && ids.hint)}
            onChange={(e) => setDescription(e.target.value)}
          />
          <CharacterLimit inputId={ids.description} value={description} max={100} />
        </div>
        <div className="field">
          <label htmlFor={ids.amount}>Amount ({currency})</label>
          <input
            id={ids.amount}
            value={amount}
            inputMode="decimal"
            placeholder="12.50"
            aria-describedby={hint ? ids.hint : undefined}
            onChange={(e) => setAmount(e.target.value)}
          />
        </div>
        <fieldset className="sandbox-tools-direction">
          <legend>Money</legend>
          <label>
            <input
              type="radio"
              name={`${ids.amount}-direction`}
              checked={direction === 'out'}
              onChange={() => setDirection('out')}
            />
            Out
          </label>
          <label>
            <input
              type="radio"
              name={`${ids.amount}-direction`}
              checked={direction === 'in'}
              onChange={() => setDirection('in')}
            />
            In
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor={ids.date}>Date</label>
          <input
            id={ids.date}
            type="date"
            value={date}
            max={today()}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={create.pending}>
          {create.pending ? <Spinner size={14} /> : null}
          Add at the bank
        </button>
      </form>
      <p className="field-help">
        Plaid allows this only for banks connected with the test user{' '}
        <code>user_transactions_dynamic</code>, dated today or up to 14 days back.
      </p>
      {hint ? (
        <p id={ids.hint} className="field-error" role="alert">
          {hint}
        </p>
      ) : null}
      {create.error ? <ErrorNotice error={create.error} /> : null}
    </details>
  );
}
