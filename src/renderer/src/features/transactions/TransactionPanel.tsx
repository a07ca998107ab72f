import { useState } from 'react';
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
import { DeleteDialog } from '../entry/DeleteDialog';
import { OwnRowFields } from '../entry/OwnRowFields';
import { changeText } from '../entry/quick-add-logic';
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
  // A row typed in or imported from a file is the person's: its facts can change, it can go.
  const own = t !== undefined && t.source !== 'plaid' && !t.removed;
  const [deleting, setDeleting] = useState(false);
  // The Rules screen opens its editor on this row's text and category; its live preview then
  // shows which other transactions the rule would catch.
  const createRule = () => {
    if (!t) return;
    const state: RulesRouteState = { ruleSeed: seedFromTransaction(t) };
    void navigate(RULES_PATH, { state });
  };
  return (
    <>
      <Dialog
        title={t ? shownPayee(t) : 'Transaction'}
        onClose={onClose}
        footer={
          <>
            {own ? (
              <button
                type="button"
                className="button button-danger-ghost"
                onClick={() => setDeleting(true)}
              >
                Delete
              </button>
            ) : null}
            <span className="actions-spacer" />
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
      {/* Beside the panel, not in it: Escape in the question must not close the panel too. */}
      {deleting && t ? (
        <DeleteDialog
          ids={[t.id]}
          what={
            <>
              “{t.name}”, <Money amount={t.amount} currency={t.currency} signed /> on{' '}
              {formatDay(t.date)}, in {detail.data?.accountName ?? 'its account'}.
            </>
          }
          onDeleted={onClose}
          onClose={() => setDeleting(false)}
        />
      ) : null}
    </>
  );
}

/** The form starts again from the stored values whenever they change (an undo, a sync). */
const editKey = (d: TransactionDetail) => JSON.stringify(d.transaction.user);

const FACTS_TITLE = {
  plaid: 'What the bank says',
  file: 'What the file says',
  manual: 'What you entered',
} as const;

function BankFacts({ detail }: { detail: TransactionDetail }) {
  const t = detail.transaction;
  const own = t.source !== 'plaid';
  const editable = own && !t.removed;
  return (
    <section aria-label={FACTS_TITLE[t.source]}>
      <h3 className="section-title">{FACTS_TITLE[t.source]}</h3>
      {editable ? (
        <OwnRowFields key={JSON.stringify([t.date, t.amount, t.name])} transaction={t} />
      ) : null}
      <dl className="facts">
        {editable ? null : (
          <>
            <dt>Amount</dt>
            <dd>
              <Money amount={t.amount} currency={t.currency} signed />{' '}
              {t.pending ? <Badge tone="neutral">Pending</Badge> : null}
            </dd>
            <dt>{own ? 'Description' : 'Bank’s text'}</dt>
            <dd className="mono">{t.name}</dd>
          </>
        )}
        {own && !t.merchantName ? null : (
          <>
            <dt>Merchant</dt>
            <dd>{t.merchantName ?? '—'}</dd>
          </>
        )}
        {editable ? null : (
          <>
            <dt>Date</dt>
            <dd>
              {formatDay(t.date)}
              {t.authorizedDate && t.authorizedDate !== t.date
                ? ` (authorized ${formatDay(t.authorizedDate)})`
                : ''}
            </dd>
          </>
        )}
        <dt>Account</dt>
        <dd>
          <Link to={`/accounts/${encodeURIComponent(t.accountId)}`}>{detail.accountName}</Link>
          {detail.institutionName ? ` at ${detail.institutionName}` : ''}
        </dd>
        {own && !t.category ? null : (
          <>
            <dt>Plaid’s category</dt>
            <dd>
              {categoryLabel(t.category)}
              {t.categoryDetailed ? ` · ${detailLabel(t.category, t.categoryDetailed)}` : ''}
            </dd>
          </>
        )}
        <dt>Came from</dt>
        <dd>
          <CameFrom transaction={t} />
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

/** Who keeps the row's facts: the bank's feed, a file (with its batch), or the person. */
function CameFrom({ transaction: t }: { transaction: TransactionDetail['transaction'] }) {
  const batch =
    t.batchId !== null ? (
      <Link to={`/activity/batches/${t.batchId}`}>batch #{t.batchId}</Link>
    ) : null;
  if (t.source === 'manual') return <>Entered by hand</>;
  if (t.source === 'file') {
    return batch ? <>Imported from a file ({batch})</> : <>Imported from a file</>;
  }
  return batch ? <>From your bank (sync {batch})</> : <>From your bank</>;
}

/** `FOOD_AND_DRINK_COFFEE` under `FOOD_AND_DRINK` → "Coffee". */
const detailLabel = (primary: string | null, detailed: string) =>
  categoryLabel(
    primary && detailed.startsWith(`${primary}_`) ? detailed.slice(primary.length + 1) : detailed,
  );

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
            <time dateTime={c.at}>{formatDateTime(c.at)}</time>:{' '}
            {changeText(c, detail.transaction.source !== 'plaid')}
            {c.by === 'rule' ? (c.ruleName ? ` by the rule “${c.ruleName}”` : ' by a rule') : ''}
            {c.undone ? ' (undone)' : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
