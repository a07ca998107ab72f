/**
 * Where a problem with a rule is shown, and in what words. Problems come from three places with
 * one shape ({path, message}): the editor's own reading of amounts, the shared zod schemas run
 * before saving, and the core's VALIDATION error (details.issues) after. Each path is mapped to
 * the one input (or group of inputs) it is about.
 */

export interface RuleIssue {
  /** Dotted, as the core reports it: "conditions.text.0.value", "actions.split". */
  path: string;
  message: string;
  /** Shown while typing (a bad amount or pattern); the rest waits until a save is tried. */
  eager?: boolean;
}

/** The places in the form that show problems; `text.N` and `split.N` are one row each. */
export type IssuePlace =
  | 'name'
  | 'stage'
  | 'conditions'
  | `text.${number}`
  | 'amount'
  | 'account'
  | 'plaidCategory'
  | 'dayOfMonth'
  | 'actions'
  | 'category'
  | 'payee'
  | 'notes'
  | 'tags'
  | 'transfer'
  | 'split'
  | `split.${number}`
  | 'general';

const CONDITION_PLACES: Record<string, IssuePlace> = {
  amount: 'amount',
  accountId: 'account',
  plaidCategory: 'plaidCategory',
  dayOfMonth: 'dayOfMonth',
};
const ACTION_PLACES: Record<string, IssuePlace> = {
  category: 'category',
  payee: 'payee',
  notes: 'notes',
  addTags: 'tags',
  exclude: 'actions',
  transfer: 'transfer',
};

export function placeOf(path: string): IssuePlace {
  const [top, key, index, part] = path.split('.');
  if (top === 'name' || top === 'stage') return top;
  if (top === 'conditions') {
    if (key === undefined) return 'conditions';
    if (key === 'text') return index !== undefined ? `text.${Number(index)}` : 'conditions';
    return CONDITION_PLACES[key] ?? 'conditions';
  }
  if (top === 'actions') {
    if (key === undefined) return 'actions';
    if (key === 'split') {
      return index === 'parts' && part !== undefined ? `split.${Number(part)}` : 'split';
    }
    return ACTION_PLACES[key] ?? 'actions';
  }
  return 'general';
}

/**
 * zod's own messages ("Too big: expected string to have <=500 characters") are for programmers;
 * the schema's own sentences are kept, the generic ones become a sentence about the input.
 */
export function sentenceFor(issue: RuleIssue): string {
  const m = issue.message;
  const tooBig = /^Too big: expected (string|array|number) to have <=?(\d+)/.exec(m);
  if (tooBig) {
    return tooBig[1] === 'array'
      ? `Use at most ${tooBig[2]} of these.`
      : `Use at most ${tooBig[2]} characters.`;
  }
  if (/^Too big: expected number/.test(m)) return 'That number is too large.';
  if (/^Too small: expected string/.test(m)) return 'Type something here, or leave it out.';
  if (/^Too small: expected array/.test(m)) return 'Add at least two parts.';
  if (/^Too small: expected number/.test(m)) return 'That number is too small.';
  if (/^(Invalid|Expected|Unrecognized|Too )/.test(m))
    return 'This is not something a rule can hold.';
  // The contract's single-line check speaks in lower case; a sentence starts with a capital.
  const sentence = m.charAt(0).toUpperCase() + m.slice(1);
  return /[.?!]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** Problems by the place that shows them, each message once. */
export function groupIssues(issues: readonly RuleIssue[], all: boolean): Map<IssuePlace, string[]> {
  const byPlace = new Map<IssuePlace, string[]>();
  for (const issue of issues) {
    if (!all && !issue.eager) continue;
    const place = placeOf(issue.path);
    const text = sentenceFor(issue);
    const list = byPlace.get(place) ?? [];
    if (!list.includes(text)) list.push(text);
    byPlace.set(place, list);
  }
  return byPlace;
}

/** The same message found at a more precise place is not repeated at a broader one. */
export function withoutRepeats(issues: readonly RuleIssue[]): RuleIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    if (seen.has(issue.message)) return false;
    seen.add(issue.message);
    return true;
  });
}
