import { DATE_ORDERS } from '../../shared/import-mapping';

export type DateOrder = (typeof DATE_ORDERS)[number];

/** Full month names in the languages banks export in (English, German, French, Dutch, Spanish). */
const MONTHS: readonly (readonly string[])[] = [
  ['january', 'januar', 'janner', 'janvier', 'januari', 'enero'],
  ['february', 'februar', 'feber', 'fevrier', 'februari', 'febrero'],
  ['march', 'marz', 'mars', 'maart', 'marzo'],
  ['april', 'avril', 'abril'],
  ['may', 'mai', 'mei', 'mayo'],
  ['june', 'juni', 'juin', 'junio'],
  ['july', 'juli', 'juillet', 'julio'],
  ['august', 'aout', 'augustus', 'agosto'],
  ['september', 'septembre', 'septiembre', 'setiembre'],
  ['october', 'oktober', 'octobre', 'octubre'],
  ['november', 'novembre', 'noviembre'],
  ['december', 'dezember', 'decembre', 'diciembre'],
];
/** Abbreviations that are not the start of a full name. */
const ODD_ABBREVIATIONS: Record<string, number> = { mrz: 3, mrt: 3 };
/** Words around a date that say nothing about which day it is. */
const FILLER = new Set([
  ...['st', 'nd', 'rd', 'th', 'de', 'del', 'of', 'der'],
  ...['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun'],
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
]);

const ORDER_WORDS: Record<DateOrder, string> = {
  YMD: 'year, month, day',
  MDY: 'month, day, year',
  DMY: 'day, month, year',
};

function plain(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The month a word names ("Jan", "févr.", "Mrz"), or null when it names none or several. */
function monthOf(word: string): number | null {
  const w = plain(word);
  if (w in ODD_ABBREVIATIONS) return ODD_ABBREVIATIONS[w]!;
  if (w.length < 3) return null;
  const found = new Set<number>();
  MONTHS.forEach((names, i) => {
    if (names.some((name) => name.startsWith(w))) found.add(i + 1);
  });
  return found.size === 1 ? [...found][0]! : null;
}

function yearOf(digits: string): number | null {
  if (digits.length === 4) return Number(digits);
  if (digits.length !== 2) return null;
  // Two-digit years: a bank file is about the recent past, so 00-69 is this century.
  const yy = Number(digits);
  return yy < 70 ? 2000 + yy : 1900 + yy;
}

function dayOrMonth(digits: string): number | null {
  return digits.length >= 1 && digits.length <= 2 ? Number(digits) : null;
}

type Reading =
  | { kind: 'day'; iso: string }
  /** Shaped like a date, but no such day exists. */
  | { kind: 'impossible' }
  | { kind: 'unreadable' };

function iso(year: number | null, month: number | null, day: number | null): Reading {
  if (year === null || month === null || day === null) return { kind: 'unreadable' };
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) {
    return { kind: 'impossible' };
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return { kind: 'impossible' };
  const two = (n: number) => String(n).padStart(2, '0');
  return { kind: 'day', iso: `${year}-${two(month)}-${two(day)}` };
}

function positional(parts: readonly string[], order: DateOrder): Reading {
  const [a, b, c] = parts as [string, string, string];
  switch (order) {
    case 'YMD':
      return iso(yearOf(a), dayOrMonth(b), dayOrMonth(c));
    case 'MDY':
      return iso(yearOf(c), dayOrMonth(a), dayOrMonth(b));
    case 'DMY':
      return iso(yearOf(c), dayOrMonth(b), dayOrMonth(a));
  }
}

function read(text: string, order: DateOrder): Reading {
  // A time after the date ("2026-01-03T00:00:00", "01/03/2026 14:22") is not part of the day.
  const time = /[T\s]\d{1,2}:\d{2}/.exec(text);
  const datePart = (time ? text.slice(0, time.index) : text).trim();
  const tokens = (datePart.match(/\d+|\p{L}+/gu) ?? []).filter((t) => !FILLER.has(plain(t)));
  const numbers = tokens.filter((t) => /^\d+$/.test(t));
  const words = tokens.filter((t) => !/^\d+$/.test(t));
  if (words.length === 0) {
    if (numbers.length === 1 && numbers[0]!.length === 8) {
      // Written without separators: "20260115" (year first) or "15012026".
      const n = numbers[0]!;
      const split =
        order === 'YMD'
          ? [n.slice(0, 4), n.slice(4, 6), n.slice(6)]
          : [n.slice(0, 2), n.slice(2, 4), n.slice(4)];
      return positional(split, order);
    }
    return numbers.length === 3 ? positional(numbers, order) : { kind: 'unreadable' };
  }
  if (words.length !== 1 || numbers.length !== 2) return { kind: 'unreadable' };
  const month = monthOf(words[0]!);
  if (month === null) return { kind: 'unreadable' };
  const [first, second] = numbers as [string, string];
  // With the month named, the four-digit number is the year wherever it stands.
  if (first.length === 4) return iso(yearOf(first), month, dayOrMonth(second));
  if (second.length === 4 || order !== 'YMD') return iso(yearOf(second), month, dayOrMonth(first));
  return iso(yearOf(first), month, dayOrMonth(second));
}

/** The ISO day (YYYY-MM-DD) a bank wrote, read in `order`, or null when there is no such day. */
export function parseDateText(text: string, order: DateOrder): string | null {
  const reading = read(text, order);
  return reading.kind === 'day' ? reading.iso : null;
}

/**
 * Why a date cannot be read, as the middle of a sentence ("the date “31/02/2026” is not a real
 * day"), telling a date in the wrong order from a day that does not exist from text that is no date.
 */
export function dateProblem(text: string, order: DateOrder): string {
  const trimmed = text.trim();
  const shown = `“${trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed}”`;
  const reading = read(text, order);
  if (reading.kind !== 'day' && DATE_ORDERS.some((o) => read(text, o).kind === 'day')) {
    return `the date ${shown} is not a real day when read as ${ORDER_WORDS[order]}`;
  }
  if (reading.kind === 'impossible') return `the date ${shown} is not a real day`;
  return `${shown} is not a date`;
}

/**
 * Of orders that read every sample as the same day ("03 Jan 2026" reads alike in all three), the
 * first: there is nothing to ask the person about them.
 */
function distinct(orders: readonly DateOrder[], dates: readonly string[]): DateOrder[] {
  const seen = new Set<string>();
  return orders.filter((order) => {
    const key = dates.map((s) => parseDateText(s, order) ?? '').join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Every order under which each of the samples is a real day: one order when the dates decide it
 * ("31/01/2026" can only be day first), several when every sample reads either way.
 */
export function guessDateOrders(samples: readonly string[]): DateOrder[] {
  const dates = samples.filter((s) => s.trim() !== '');
  const fitting = DATE_ORDERS.filter((order) =>
    dates.every((s) => parseDateText(s, order) !== null),
  );
  return distinct(fitting, dates);
}

/**
 * The orders that read the most of the samples: as guessDateOrders, but a few impossible dates
 * (a typo in the file) do not hide what the rest of them say.
 */
export function likelyDateOrders(samples: readonly string[]): DateOrder[] {
  const dates = samples.filter((s) => s.trim() !== '');
  const counts = DATE_ORDERS.map(
    (order) => dates.filter((s) => parseDateText(s, order) !== null).length,
  );
  const best = Math.max(...counts);
  if (best === 0) return [];
  return distinct(
    DATE_ORDERS.filter((_, i) => counts[i] === best),
    dates,
  );
}
