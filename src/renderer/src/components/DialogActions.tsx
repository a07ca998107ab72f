/**
 * A dialog's footer: Cancel, and the one action it asks for, which says what it is doing while
 * it runs. The action either submits the dialog's form (`form`) or runs `onConfirm`.
 */
export function DialogActions({
  label,
  busyLabel,
  busy,
  tone = 'primary',
  onCancel,
  form,
  onConfirm,
}: {
  label: string;
  busyLabel: string;
  busy: boolean;
  tone?: 'primary' | 'danger';
  onCancel(): void;
  form?: string;
  onConfirm?(): void;
}) {
  return (
    <>
      <button type="button" className="button" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
      <button
        type={form ? 'submit' : 'button'}
        form={form}
        className={`button button-${tone}`}
        onClick={onConfirm}
        disabled={busy}
      >
        {busy ? busyLabel : label}
      </button>
    </>
  );
}
