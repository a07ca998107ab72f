import { useEffect, useId, useState } from 'react';
import type { ChannelInput } from '../../../../shared/contract';
import type { RuleFieldChange, RulePreview } from '../../../../shared/rules';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Loading';
import { Money } from '../../components/Money';
import { formatShortDay } from '../../format/dates';
import { categoryLabel, plural } from '../../format/labels';
import { useDebouncedCallback } from '../../hooks/useDebouncedCallback';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import type { BuiltRule } from './build';

type PreviewInput = ChannelInput<'rules.preview'>;

/** Typing pauses this long before the ledger is asked again. */
const DEBOUNCE_MS = 350;
/** A few rows are enough to see whether the rule catches the right transactions. */
const ROWS = 8;

const FIELD_NAMES: Record<RuleFieldChange['field'], string> = {
  payee: 'Payee',
  category: 'Category',
  notes: 'Notes',
  excluded: 'Left out of reports',
  tags: 'Tags',
  splits: 'Split',
};

function shown(field: RuleFieldChange['field'], value: RuleFieldChange['before']): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === null || value === '') {
    if (field === 'category') return 'Uncategorized';
    if (field === 'payee') return 'the bank’s';
    return field === 'splits' ? 'not split' : 'none';
  }
  return field === 'category' ? categoryLabel(value) : value;
}

/**
 * What the rule being edited would do to the ledger now, asked again a moment after each change:
 * how many transactions it matches and changes, and the first of them, before → after.
 */
export function RulePreviewPanel({ rule }: { rule: BuiltRule['rule'] }) {
  const titleId = useId();
  const key = rule ? JSON.stringify(rule) : null;
  const [asked, setAsked] = useState<{ key: string; input: PreviewInput } | null>(null);
  const ask = useDebouncedCallback((k: string) => {
    setAsked({ key: k, input: { ...(JSON.parse(k) as Omit<PreviewInput, 'limit'>), limit: ROWS } });
  }, DEBOUNCE_MS);
  useEffect(() => {
    if (key !== null) ask(key);
  }, [key, ask]);
  const query = useLedgerQuery('rules.preview', asked?.input ?? null, { watch: 'ledger' });
  const waiting = key !== null && (asked?.key !== key || query.loading);

  return (
    <section className="rule-preview" aria-labelledby={titleId} aria-busy={waiting}>
      <h3 id={titleId} className="section-title">
        What it would do now
      </h3>
      <p role="status" className="rule-preview-count">
        {key === null ? (
          'Finish the conditions and changes above to see which transactions the rule would change.'
        ) : query.data ? (
          <PreviewCount preview={query.data} />
        ) : query.error ? null : (
          'Looking for matching transactions…'
        )}
        {waiting && query.data ? (
          <>
            {' '}
            <Spinner label="Updating" size={12} />
          </>
        ) : null}
      </p>
      {key !== null && query.error ? (
        <ErrorNotice error={query.error} title="The preview could not be made" />
      ) : null}
      {key !== null && query.data && query.data.rows.length > 0 ? (
        <PreviewTable preview={query.data} />
      ) : null}
    </section>
  );
}

function PreviewCount({ preview }: { preview: RulePreview }) {
  if (preview.matched === 0) return <>No transactions match these conditions yet.</>;
  return (
    <>
      Matches {plural(preview.matched, 'transaction')}; would change{' '}
      {preview.changed.toLocaleString()}.
    </>
  );
}

function PreviewTable({ preview }: { preview: RulePreview }) {
  const more = preview.changed - preview.rows.length;
  return (
    <div className="table-scroll">
      <table className="data-table rule-preview-table">
        <caption className="visually-hidden">The first transactions the rule would change</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Transaction</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.id}>
              <td className="nowrap">{formatShortDay(row.date)}</td>
              <td>
                <span className="cell-main">{row.payee ?? row.name}</span>
                <span className="cell-sub">{row.accountName}</span>
              </td>
              <td className="num nowrap">
                <Money amount={row.amount} currency={row.currency} signed />
              </td>
              <td>
                {row.changes.length === 0 ? (
                  <span className="muted">Nothing</span>
                ) : (
                  <ul className="rule-change-list">
                    {row.changes.map((c) => (
                      <li key={c.field}>
                        {FIELD_NAMES[c.field]}: {shown(c.field, c.before)} →{' '}
                        <strong>{shown(c.field, c.after)}</strong>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 ? <p className="muted">and {plural(more, 'more transaction')}.</p> : null}
    </div>
  );
}
