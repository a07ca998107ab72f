import type { ImportBatch } from '../../../../shared/model';
import { batchDates } from './batch-words';

/** Where a batch's rows stand: how many, and how many are new, already here, to check… */
export function BatchStats({ batch }: { batch: ImportBatch }) {
  const cards: Array<{ label: string; value: number }> = [
    { label: 'Rows', value: batch.count },
    { label: 'New', value: batch.unmatched },
    { label: 'Already here', value: batch.matched },
    { label: 'To check', value: batch.suggested },
    { label: 'Confirmed', value: batch.confirmed },
    { label: 'Left out', value: batch.excluded },
  ];
  const sync: Array<{ label: string; value: number }> =
    batch.importMethod === 'PLAID'
      ? [
          { label: 'Added', value: batch.added },
          { label: 'Updated', value: batch.modified },
          { label: 'Removed', value: batch.removed },
        ]
      : [];
  return (
    <section className="batch-stats" aria-label="Where this batch’s rows stand">
      {batch.minDate ? <p className="muted batch-dates">Dated {batchDates(batch)}</p> : null}
      <dl className="stat-row batch-stat-row">
        {[...cards, ...sync].map((card) => (
          <div key={card.label} className="stat-card">
            <dt className="stat-label">{card.label}</dt>
            <dd className="stat-value stat-value-sm">{card.value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {sync.length > 0 ? (
        <p className="muted batch-stat-note">
          Added, updated and removed count what this sync did, including to rows that came from
          earlier batches.
        </p>
      ) : null}
    </section>
  );
}
