import type { LiveRun } from '../../store/live-sync';

/**
 * A running sync: Plaid does not say how much is left, so the bar is indeterminate and the counts
 * so far are what moves. The counts are announced politely to screen readers.
 */
export function SyncProgress({ name, run }: { name: string; run: LiveRun | undefined }) {
  const text =
    !run || run.page === 0
      ? 'Contacting the bank…'
      : `Page ${run.page}: ${run.added.toLocaleString()} new, ${run.modified.toLocaleString()} updated, ${run.removed.toLocaleString()} removed`;
  return (
    <div className="sync-progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={`Syncing ${name}`}
        aria-valuetext={text}
      >
        <div className="progress-indeterminate" />
      </div>
      <p className="sync-progress-text" aria-live="polite">
        {text}
      </p>
    </div>
  );
}
