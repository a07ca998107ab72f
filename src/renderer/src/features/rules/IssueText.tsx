/** A problem with one input, in sentences, placed right under it (and named by its aria-describedby). */
export function IssueText({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(' ')}
    </p>
  );
}

/** The attributes that tie an input to its problem, when it has one. */
export function invalidProps(id: string, messages: string[] | undefined) {
  return messages?.length ? { 'aria-invalid': true as const, 'aria-describedby': id } : {};
}
