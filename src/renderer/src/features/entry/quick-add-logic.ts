/**
 * The pure side of adding, changing and deleting transactions by hand: what a person typed →
 * the contract's requests (exact minor units, the sign from "money out / money in"), problems as
 * sentences placed by input, and a history change in words. Nothing here touches the window or
 * the core, so it is tested on its own (test/unit/renderer/quick-add.test.ts).
 */
import type { ChannelInput } from '../../../../shared/contract';
import type { Account, Transaction, TransactionChange } from '../../../../shared/model';
import { formatDay } from '../../format/dates';
import { categoryLabel } from '../../format/labels';
import { amountExample, amountText, readAmount } from '../manual/amount';

export type Direction = 'out' | 'in';

/** What the quick-add form holds, as typed. */
export interface EntryDraft {
  accountId: string;
  date: string;
  direction: Direction;
  amount: string;
  description: string;
  payee: string;
  category: string;
  notes: string;
  /** Tag names separated by commas. */
  tags: string;
}

/** The inputs a problem can be placed under (and 'general' for the rest). */
export const ENTRY_FIELDS = [
  'accountId',
  'date',
  'amount',
  'name',
  'payee',
  'category',
  'notes',
  'tags',
] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];
export type Problems = Partial<Record<EntryField, string>>;

export type Reading<T> = { ok: true; value: T } | { ok: false; message: string };

/** The longest texts the core keeps (see the contract's `transactions.create`). */
export const LIMITS = { description: 200, payee: 100, category: 100, notes: 2000, tag: 40 };
const MAX_TAGS = 20;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export function emptyDraft(accountId: string, date: string): EntryDraft {
  return {
    accountId,
    date,
    direction: 'out',
    amount: '',
    description: '',
    payee: '',
    category: '',
    notes: '',
    tags: '',
  };
}

/**
 * The next entry after one was saved: the same account and day (a day of receipts is typed in a
 * row), everything else empty again and money out, the usual case.
 */
export function nextDraft(saved: EntryDraft): EntryDraft {
  return emptyDraft(saved.accountId, saved.date);
}

/**
 * After a save came back, the fields the person has not touched since it was sent are emptied;
 * what they already started typing for the next entry stays.
 */
export function afterSave(current: EntryDraft, sent: EntryDraft): EntryDraft {
  const next = nextDraft(sent);
  const out = { ...current };
  for (const key of Object.keys(next) as (keyof EntryDraft)[]) {
    if (current[key] === sent[key]) (out as Record<string, string>)[key] = next[key];
  }
  return out;
}

/**
 * A typed amount (always positive: the direction says which way the money went) in exact minor
 * units for the currency, negative for money out. "12", "12.5" and "1,234.56" are read; anything
 * else comes back as a sentence to show under the box.
 */
export function readEntryAmount(
  text: string,
  currency: string,
  direction: Direction,
): Reading<number> {
  if (/^\s*[-\u2212]/.test(text)) {
    return {
      ok: false,
      message:
        direction === 'out'
          ? 'Type the amount without a minus sign: “Money out” already says it left the account.'
          : 'Type the amount without a minus sign, and choose “Money out” if the money left the account.',
    };
  }
  const reading = readAmount(text, currency, { allowNegative: false });
  if (!reading.ok) return { ok: false, message: reading.message };
  if (reading.minor === null) {
    return { ok: false, message: `Type the amount, like ${amountExample(currency)}.` };
  }
  if (reading.minor === 0) {
    return { ok: false, message: 'An amount of zero is not a transaction: type what was paid.' };
  }
  return { ok: true, value: direction === 'out' ? -reading.minor : reading.minor };
}

/** A stored amount as the form shows it: which way, and the positive amount exactly. */
export function splitAmount(
  minor: number,
  currency: string,
): { direction: Direction; text: string } {
  return {
    direction: minor < 0 ? 'out' : 'in',
    text: amountText(Math.abs(minor), currency),
  };
}

/** A calendar day from a date box (`YYYY-MM-DD`), checked to be a real day. */
export function readDay(text: string): Reading<string> {
  const day = text.trim();
  if (day === '') return { ok: false, message: 'Choose the day it happened.' };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (
      y >= 1900 &&
      y <= 2999 &&
      date.getUTCFullYear() === y &&
      date.getUTCMonth() === m - 1 &&
      date.getUTCDate() === d
    ) {
      return { ok: true, value: day };
    }
  }
  return { ok: false, message: 'Choose a day from the calendar; this one cannot be read.' };
}

/** One line of text the core keeps, trimmed; '' is "none". */
function readLine(text: string, max: number, what: string): Reading<string> {
  const value = text.trim();
  if (CONTROL.test(value)) return { ok: false, message: `Keep the ${what} on a single line.` };
  if (value.length > max) {
    return { ok: false, message: `The ${what} can be at most ${max} characters long.` };
  }
  return { ok: true, value };
}

/** Tag names typed with commas between them, each once (whatever its letter case). */
export function readTags(text: string): Reading<string[]> {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const name = part.trim().replace(/\s+/g, ' ');
    if (name === '' || seen.has(name.toLowerCase())) continue;
    if (name.length > LIMITS.tag) {
      return {
        ok: false,
        message: `A tag can be at most ${LIMITS.tag} characters long; “${name.slice(0, 20)}…” is longer.`,
      };
    }
    seen.add(name.toLowerCase());
    names.push(name);
  }
  if (names.length > MAX_TAGS) {
    return { ok: false, message: `A transaction can carry at most ${MAX_TAGS} tags.` };
  }
  return { ok: true, value: names };
}

export type CreateRequest = ChannelInput<'transactions.create'>;

/**
 * The request that adds the entry, or the problems by input. `account` is the chosen account as
 * the list has it (undefined: none chosen, or it is gone or closed).
 */
export function buildCreateRequest(
  draft: EntryDraft,
  account: Pick<Account, 'id' | 'currency' | 'closedAt' | 'name'> | undefined,
): { ok: true; request: CreateRequest } | { ok: false; problems: Problems } {
  const problems: Problems = {};
  if (!account) problems.accountId = 'Choose the account the money went in or out of.';
  else if (account.closedAt) {
    problems.accountId = `The account “${account.name}” is closed; choose an open one.`;
  }
  const day = readDay(draft.date);
  if (!day.ok) problems.date = day.message;
  const amount = account
    ? readEntryAmount(draft.amount, account.currency, draft.direction)
    : ({ ok: false, message: '' } as const);
  if (!amount.ok && account) problems.amount = amount.message;
  const name = readLine(draft.description, LIMITS.description, 'description');
  if (!name.ok) problems.name = name.message;
  else if (name.value === '') {
    problems.name = 'Say what it was, for example “Groceries at the market”.';
  }
  const payee = readLine(draft.payee, LIMITS.payee, 'payee');
  if (!payee.ok) problems.payee = payee.message;
  const category = readLine(draft.category, LIMITS.category, 'category');
  if (!category.ok) problems.category = category.message;
  const notes = draft.notes.trim();
  if (notes.length > LIMITS.notes) {
    problems.notes = `Notes can be at most ${LIMITS.notes} characters long.`;
  }
  const tags = readTags(draft.tags);
  if (!tags.ok) problems.tags = tags.message;

  if (
    Object.keys(problems).length > 0 ||
    !account ||
    !day.ok ||
    !amount.ok ||
    !name.ok ||
    !payee.ok ||
    !category.ok ||
    !tags.ok
  ) {
    return { ok: false, problems };
  }
  const request: CreateRequest = {
    accountId: account.id,
    date: day.value,
    amount: amount.value,
    name: name.value,
  };
  if (payee.value) request.payee = payee.value;
  if (category.value) request.category = category.value;
  if (notes) request.notes = notes;
  if (tags.value.length) request.tags = tags.value;
  return { ok: true, request };
}

/** The date, amount and description of a row the person owns, as its panel edits them. */
export interface OwnFieldsDraft {
  date: string;
  direction: Direction;
  amount: string;
  description: string;
}

export function ownFieldsDraft(t: Transaction): OwnFieldsDraft {
  const { direction, text } = splitAmount(t.amount, t.currency);
  return { date: t.date, direction, amount: text, description: t.name };
}

export type EditChange = Omit<ChannelInput<'transactions.edit'>, 'id'>;

/**
 * What to send for an edit of a row's own fields: only what changed (nothing: an empty change),
 * or the problems by input ('date', 'amount', 'name').
 */
export function buildEditChange(
  t: Pick<Transaction, 'date' | 'amount' | 'name' | 'currency'>,
  draft: OwnFieldsDraft,
): { ok: true; change: EditChange } | { ok: false; problems: Problems } {
  const problems: Problems = {};
  const day = readDay(draft.date);
  if (!day.ok) problems.date = day.message;
  const amount = readEntryAmount(draft.amount, t.currency, draft.direction);
  if (!amount.ok) problems.amount = amount.message;
  const name = readLine(draft.description, LIMITS.description, 'description');
  if (!name.ok) problems.name = name.message;
  else if (name.value === '') problems.name = 'Say what the transaction was.';
  if (!day.ok || !amount.ok || !name.ok || Object.keys(problems).length > 0) {
    return { ok: false, problems };
  }
  const change: EditChange = {};
  if (day.value !== t.date) change.date = day.value;
  if (amount.value !== t.amount) change.amount = amount.value;
  if (name.value !== t.name) change.name = name.value;
  return { ok: true, change };
}

export const hasChange = (change: EditChange): boolean => Object.keys(change).length > 0;

/** Who keeps a row's facts, as its panel says it. */
export function cameFromText(t: Pick<Transaction, 'source' | 'batchId'>): string {
  switch (t.source) {
    case 'manual':
      return 'Entered by hand';
    case 'file':
      return t.batchId !== null
        ? `Imported from a file (batch #${t.batchId})`
        : 'Imported from a file';
    default:
      return 'From your bank';
  }
}

const FIELD_NAMES: Record<string, string> = {
  payee: 'Payee',
  category: 'Category',
  notes: 'Notes',
  excluded: 'Left out of reports',
  reviewed: 'Reviewed',
  tags: 'Tags',
  splits: 'Split',
  date: 'Date',
  amount: 'Amount',
  description: 'Description',
};

/**
 * One history change in words, without who made it or whether it was undone (the caller adds
 * those). `own`: the row is the person's (typed in or from a file), so an empty field is "none",
 * not "the bank's".
 */
export function changeText(
  change: Pick<TransactionChange, 'field' | 'before' | 'after'>,
  own: boolean,
): string {
  const { field, before, after } = change;
  if (field === 'deleted') {
    if (before === true && after === false) return 'Added by hand';
    if (before === false && after === true) return 'Deleted';
    return after === true ? 'Deleted' : 'Put back';
  }
  const name = FIELD_NAMES[field] ?? field;
  return `${name} from ${shownValue(field, before, own)} to ${shownValue(field, after, own)}`;
}

const NONE: Record<string, string> = { notes: 'none', tags: 'none', splits: 'not split' };

function shownValue(field: string, value: string | boolean | null, own: boolean): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === null) return NONE[field] ?? (own ? 'none' : 'the bank’s');
  if (field === 'category') return categoryLabel(value);
  // The core shows an amount with its currency ("-3.50 EUR"); a day is shown as a day.
  if (field === 'amount') return value;
  if (field === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value) : value;
  return `“${value}”`;
}
