import type { LedgerError } from '../../../../shared/errors';

/**
 * The core's VALIDATION issues by the input they are about (the first part of each path:
 * "name", "currency", "balance"…), each as a sentence. Anything else goes under "general".
 */
export function issuesByField(
  error: LedgerError | null,
  fields: readonly string[],
): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  if (!error || error.code !== 'VALIDATION') return byField;
  for (const issue of error.details?.issues ?? []) {
    const top = issue.path.split('.')[0] ?? '';
    const field = fields.includes(top) ? top : 'general';
    const list = byField.get(field) ?? [];
    const text = sentence(issue.message);
    if (!list.includes(text)) list.push(text);
    byField.set(field, list);
  }
  return byField;
}

/**
 * The contract's own messages are kept ("the account needs a name" → "The account needs a
 * name."); zod's generic ones ("Too big: expected number to be <=…") become plain words.
 */
export function sentence(message: string): string {
  if (/^Too big: expected number/.test(message)) return 'That amount is too large.';
  if (/^Too small: expected number/.test(message)) return 'That amount is too small.';
  if (/^Too big: expected string/.test(message)) return 'That is too long.';
  if (/^Too small: expected string/.test(message)) return 'Type something here.';
  if (/^Invalid (ISO )?date/i.test(message)) return 'Choose a day.';
  if (/^(Invalid|Expected|Unrecognized|Too )/.test(message)) return 'This cannot be read.';
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.?!]$/.test(text) ? text : `${text}.`;
}
