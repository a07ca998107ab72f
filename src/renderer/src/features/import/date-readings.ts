import type { DateOrder } from '../../../../shared/imports';

export type DateParts = [number, number, number];

const longDay = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long' });

/** Where the day, the month and the year sit in a date written in each order. */
type Position = 0 | 1 | 2;
const POSITIONS: Record<DateOrder, { y: Position; m: Position; d: Position }> = {
  YMD: { y: 0, m: 1, d: 2 },
  MDY: { y: 2, m: 0, d: 1 },
  DMY: { y: 2, m: 1, d: 0 },
};

export const ORDER_WORDS: Record<DateOrder, string> = {
  YMD: 'year, month, day',
  MDY: 'month, day, year',
  DMY: 'day, month, year',
};

/** The three numbers of a written date ("03.02.2026", "2/3/26 10:00"), or null. */
export function partsOfText(text: string): DateParts | null {
  const numbers = text.trim().split(/\D+/).filter(Boolean).map(Number);
  if (numbers.length < 3) return null;
  return [numbers[0]!, numbers[1]!, numbers[2]!];
}

/** The numbers as the file wrote them, from a day already read (ISO) in `order`. */
export function partsOfIso(iso: string, order: DateOrder): DateParts | null {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return null;
  const parts: DateParts = [0, 0, 0];
  const at = POSITIONS[order];
  parts[at.y] = y;
  parts[at.m] = m;
  parts[at.d] = d;
  return parts;
}

function dateIn(parts: DateParts, order: DateOrder): Date | null {
  const at = POSITIONS[order];
  let year = parts[at.y];
  const month = parts[at.m];
  const day = parts[at.d];
  if (year < 100) year += 2000;
  const date = new Date(year, month - 1, day, 12);
  if (date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date;
}

export interface Reading {
  order: DateOrder;
  /** "3 February 2026" (in the person's own way of writing dates). */
  long: string;
  /** "3 February". */
  short: string;
}

/** How one written date reads in each order (orders it cannot be read in are left out). */
export function readingsOf(parts: DateParts, orders: readonly DateOrder[]): Reading[] {
  return orders.flatMap((order) => {
    const date = dateIn(parts, order);
    return date ? [{ order, long: longDay.format(date), short: dayMonth.format(date) }] : [];
  });
}

/**
 * A real date from the file whose readings differ in every order offered, to ask about: the
 * first that tells all of them apart, else the first that tells any apart.
 */
export function telling(
  candidates: readonly DateParts[],
  orders: readonly DateOrder[],
): { parts: DateParts; readings: Reading[] } | null {
  let fallback: { parts: DateParts; readings: Reading[] } | null = null;
  for (const parts of candidates) {
    const readings = readingsOf(parts, orders);
    const distinct = new Set(readings.map((r) => r.long)).size;
    if (readings.length === orders.length && distinct === orders.length) {
      return { parts, readings };
    }
    if (!fallback && distinct > 1) fallback = { parts, readings };
  }
  return fallback;
}

/** "A or B", "A, B or C". */
export function orList(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
