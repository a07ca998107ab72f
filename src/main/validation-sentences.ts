/**
 * What a person reads when an input is refused: one sentence per problem, in the words of the
 * app. The contract's schemas say it themselves where a person can cause the problem (an empty
 * name, a key too long); every other refusal (a wrong kind of value, an unknown key, usually a
 * fault of the caller) falls back to the plain sentences here, never to zod's own wording.
 */

/** The parts of a zod issue (raw or final) that the sentences below read. */
export interface IssueFacts {
  code?: string;
  origin?: string;
  expected?: string;
  format?: string;
  input?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
}

const UNITS: Record<string, [one: string, many: string]> = {
  string: ['character', 'characters'],
  array: ['item', 'items'],
  set: ['item', 'items'],
  file: ['byte', 'bytes'],
};

function count(limit: unknown, origin: string | undefined): string {
  const n = Number(limit);
  const [one, many] = UNITS[origin ?? ''] ?? ['', ''];
  const number = n.toLocaleString('en-US');
  return one ? `${number} ${n === 1 ? one : many}` : number;
}

/** A zod issue for which the schema gave no words of its own, as a sentence. */
export function describeIssue(issue: IssueFacts): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Something this needs is missing.';
      if (issue.expected === 'int') return 'A number here must be a whole number.';
      if (issue.expected === 'number' && typeof issue.input === 'number')
        return 'A number here is not a usable number.';
      if (issue.expected === 'object') return 'Ledgerlight could not read this request.';
      return 'A value here is not the kind this takes.';
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string' && min <= 1) return 'Something that needs text was left empty.';
      if (issue.origin === 'array' || issue.origin === 'set')
        return min <= 1 ? 'Choose at least one.' : `Choose at least ${count(min, 'array')}.`;
      if (issue.origin === 'string') return `Use at least ${count(min, 'string')}.`;
      return issue.inclusive === false
        ? `A number here must be more than ${count(min, undefined)}.`
        : `A number here must be at least ${count(min, undefined)}.`;
    }
    case 'too_big': {
      const max = issue.maximum;
      if (issue.origin === 'string') return `Use at most ${count(max, 'string')}.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `Choose at most ${count(max, 'array')}.`;
      return issue.inclusive === false
        ? `A number here must be less than ${count(max, undefined)}.`
        : `A number here must be at most ${count(max, undefined)}.`;
    }
    case 'invalid_format':
      if (issue.format === 'date') return 'A date must be a real day, written like 2026-01-31.';
      if (issue.format === 'datetime') return 'A time must be written like 2026-01-31T12:00:00Z.';
      if (issue.format === 'url') return 'An address must be a full web address.';
      return 'A value here is not written the way this takes it.';
    case 'invalid_value':
      return 'A choice here is not one Ledgerlight offers.';
    case 'unrecognized_keys':
      return 'This request holds something Ledgerlight does not take.';
    case 'not_multiple_of':
      return 'A number here is not a step this takes.';
    case 'invalid_union':
      return 'A value here is none of the kinds this takes.';
    case 'invalid_key':
    case 'invalid_element':
      return 'A list or group here holds something this does not take.';
    default:
      return 'A value here is not one this takes.';
  }
}

/**
 * A schema's own words made a sentence: the contract writes them in lower case so that they
 * read inside a longer sentence too.
 */
export function asSentence(text: string): string {
  const trimmed = text.trim().replace(/[\s.;,:]+$/, '');
  if (trimmed === '') return 'A value here is not one this takes.';
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.?!]$/.test(capital) ? capital : `${capital}.`;
}
