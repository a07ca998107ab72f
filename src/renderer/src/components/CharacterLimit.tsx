/** The id of the note that belongs to the input with this id. */
export function characterLimitId(inputId: string): string {
  return `${inputId}-limit`;
}

/**
 * The input's aria-describedby: whatever else describes it, then its limit note. The note is
 * always named, since an empty one adds nothing to what a screen reader reads.
 */
export function withLimitNote(
  inputId: string,
  ...others: Array<string | null | false | undefined>
) {
  return [...others, characterLimitId(inputId)].filter(Boolean).join(' ');
}

/**
 * Says so under an input once its value has reached its `maxLength`, so a pasted text cut short
 * is never cut silently. The live region stays in the page while empty, because screen readers
 * announce a change to a region they already know and may miss one that arrives with its text.
 * It is aria-live rather than role="status": a form with many fields would otherwise hold many
 * empty status regions beside the one that says what the form itself needs.
 */
export function CharacterLimit({
  inputId,
  value,
  max,
}: {
  inputId: string;
  value: string;
  max: number;
}) {
  return (
    <p id={characterLimitId(inputId)} className="character-limit" aria-live="polite">
      {value.length >= max ? `At most ${max} characters: this is as long as it can be.` : null}
    </p>
  );
}
