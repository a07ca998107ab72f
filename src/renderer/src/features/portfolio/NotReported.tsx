/** A figure the bank does not report: a dash to the eye, words to a screen reader. */
export function NotReported() {
  return (
    <span className="muted">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">Not reported</span>
    </span>
  );
}
