/** A spinner for inline use; the text is for screen readers. */
export function Spinner({ label, size = 16 }: { label?: string; size?: number }) {
  return (
    <span className="spinner" style={{ width: size, height: size }} aria-hidden={!label}>
      {label ? <span className="visually-hidden">{label}</span> : null}
    </span>
  );
}

/** A screen or a section still loading: placeholders shaped like what is coming. */
export function LoadingBlock({ label = 'Loading…', rows = 3 }: { label?: string; rows?: number }) {
  return (
    <div className="loading-block" role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton" style={{ width: `${92 - i * 13}%` }} aria-hidden="true" />
      ))}
    </div>
  );
}
