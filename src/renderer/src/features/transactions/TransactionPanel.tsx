import { Link, useNavigate } from 'react-router';
import type { TransactionDetail } from '../../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingBlock } from '../../components/Loading';
import { Money } from '../../components/Money';
import { Badge } from '../../components/StatusBadge';
import { formatDateTime, formatDay } from '../../format/dates';
import { categoryLabel } from '../../format/labels';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { useLedger } from '../../ledger/context';
import { ConfirmedTransferNote } from '../transfers/ConfirmedTransferNote';
import { RULES_PATH, seedFromTransaction, type RulesRouteState } from '../rules/seed';
import { SplitEditor } from './SplitEditor';
import { TagEditor } from './TagEditor';
import { TransactionEditForm } from './TransactionEditForm';
import { announceEdit } from './undo';
import { shownPayee } from './shown';

/**
 * One transaction opened: what the bank says (never changed by an edit), the person's own fields
 * to edit, and the row's history. It reloads when the ledger changes, so a sync or an undo that
 * lands while it is open shows at once.
 */
export function TransactionPanel({ id, onClose }: { id: string; onClose(): void }) {
  const ledger = useLedger();
  const navigate = useNavigate();
  const detail = useLedgerQuery('transactions.get', { id }, { watch: 'ledger' });
  const t = detail.data?.transaction;
  // The Rules screen opens its editor on this row's text and category; its live preview then
  // shows which other transactions the rule would catch.
  const createRule = () => {
    if (!t) return;
    const state: RulesRouteState = { ruleSeed: seedFromTransaction(t) };
    void navigate(RULES_PATH, { state });
  };
  return (
    <Dialog
      title={t ? shownPayee(t) : 'Transaction'}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" disabled={!t} onClick={createRule}>
            Create a rule from this transaction
          </button>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <div className="tx-panel">
        {detail.error ? <ErrorNotice error={detail.error} /> : null}
        {!detail.data && !detail.error ? <LoadingBlock label="Loading the transaction…" /> : null}
        {detail.data ? (
          <>
            <BankFacts detail={detail.data} />
            {detail.data.transfer ? (
              <ConfirmedTransferNote transfer={detail.data.transfer} />
            ) : null}
            <TransactionEditForm key={editKey(detail.data)} detail={detail.data} />
            <div>
              <h3 className="section-title">Tags</h3>
              <TagEditor
                transaction={detail.data.transaction}
                onDone={(result) => announceEdit(ledger, 'Tags saved', result)}
              />
            </div>
            <details className="tx-split" open={detail.data.transaction.splits.length > 0}>
              <summary className="section-title">
                {detail.data.transaction.splits.length
                  ? `Split into ${detail.data.transaction.splits.length} parts`
                  : 'Split this transaction'}
              </summary>
              <SplitEditor
                key={JSON.stringify([t!.amount, t!.splits])}
                transaction={detail.data.transaction}
                onDone={(result) => announceEdit(ledger, 'Split saved', result)}
              />
            </details>
            <History detail={detail.data} />
          </>
        ) : null}
      </div>
    </Dialog>
  );
}

/** The form starts again from the stored values whenever they change (an undo, a sync). */
const editKey = (d: TransactionDetail) => JSON.stringify(d.transaction.user);

function BankFacts({ detail }: { detail: TransactionDetail }) {
  const t = detail.transaction;
  return (
    <section aria-label="What the bank says">
      <h3 className="section-title">What the bank says</h3>
      <dl className="facts">
        <dt>Amount</dt>
        <dd>
          <Money amount={t.amount} currency={t.currency} signed />{' '}
          {t.pending ? <Badge tone="neutral">Pending</Badge> : null}
        </dd>
        <dt>Bank’s text</dt>
        <dd className="mono">{t.name}</dd>
        <dt>Merchant</dt>
        <dd>{t.merchantName ?? '—'}</dd>
        <dt>Date</dt>
        <dd>
          {formatDay(t.date)}
          {t.authorizedDate && t.authorizedDate !== t.date
            ? ` (authorized ${formatDay(t.authorizedDate)})`
            : ''}
        </dd>
        <dt>Account</dt>
        <dd>
          <Link to={`/accounts/${encodeURIComponent(t.accountId)}`}>{detail.accountName}</Link>
          {detail.institutionName ? ` at ${detail.institutionName}` : ''}
        </dd>
        <dt>Plaid’s category</dt>
        <dd>
          {categoryLabel(t.category)}
          {t.categoryDetailed ? ` · ${detailLabel(t.category, t.categoryDetailed)}` : ''}
        </dd>
        <dt>Came from</dt>
        <dd>
          {t.batchId !== null ? (
            <Link to={`/activity/batches/${t.batchId}`}>Sync batch {t.batchId}</Link>
          ) : (
            'A sync'
          )}
        </dd>
        {detail.formerIds.length ? (
          <>
            <dt>Earlier bank ids</dt>
            <dd className="mono">{detail.formerIds.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {t.user.needsReview ? (
        <p className="notice notice-warning" role="note">
          {t.user.needsReview}
        </p>
      ) : null}
    </section>
  );
}

const FIELD_NAMES: Record<string, string> = {
  payee: 'Payee',
  category: 'Category',
  notes: 'Notes',
  excluded: 'Left out of reports',
  reviewed: 'Reviewed',
  tags: 'Tags',
  splits: 'Split',
};

const NONE: Record<string, string> = { notes: 'none', tags: 'none', splits: 'not split' };

/** `FOOD_AND_DRINK_COFFEE` under `FOOD_AND_DRINK` → "Coffee". */
const detailLabel = (primary: string | null, detailed: string) =>
  categoryLabel(
    primary && detailed.startsWith(`${primary}_`) ? detailed.slice(primary.length + 1) : detailed,
  );

const shownValue = (field: string, value: string | boolean | null) => {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === null) return NONE[field] ?? 'the bank’s';
  return field === 'category' ? categoryLabel(value) : `“${value}”`;
};

function History({ detail }: { detail: TransactionDetail }) {
  if (!detail.history.length) {
    return (
      <section aria-label="History">
        <h3 className="section-title">History</h3>
        <p className="muted">You have not changed this transaction.</p>
      </section>
    );
  }
  return (
    <section aria-label="History">
      <h3 className="section-title">History</h3>
      <ol className="history">
        {detail.history.map((c, i) => (
          <li key={i} className={c.undone ? 'muted' : undefined}>
            <time dateTime={c.at}>{formatDateTime(c.at)}</time>: {FIELD_NAMES[c.field] ?? c.field}{' '}
            from {shownValue(c.field, c.before)} to {shownValue(c.field, c.after)}
            {c.by === 'rule' ? (c.ruleName ? ` by the rule “${c.ruleName}”` : ' by a rule') : ''}
            {c.undone ? ' (undone)' : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
