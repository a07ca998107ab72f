/** Calendar arithmetic on ISO dates (YYYY-MM-DD), always in UTC so no time zone leaks in. */

const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export function toIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function dateToMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return toIsoDate(dateToMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateToMs(to) - dateToMs(from)) / DAY_MS);
}

export function dayOfMonth(date: string): number {
  return Number(date.slice(8, 10));
}

export function monthKey(date: string): string {
  return date.slice(0, 7);
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Most recent date on or before `date` whose day of month is `day` (clamped to month length). */
export function lastDayOfMonthOnOrBefore(date: string, day: number): string {
  let month = monthKey(date);
  for (;;) {
    const candidate = `${month}-${String(Math.min(day, daysInMonth(month))).padStart(2, '0')}`;
    if (candidate <= date) return candidate;
    month = previousMonth(month);
  }
}

/** First date strictly after `date` whose day of month is `day`. */
export function nextDayOfMonthAfter(date: string, day: number): string {
  let month = monthKey(date);
  for (let i = 0; i < 3; i++) {
    const candidate = `${month}-${String(Math.min(day, daysInMonth(month))).padStart(2, '0')}`;
    if (candidate > date) return candidate;
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  throw new Error('unreachable');
}

export function monthsBetween(fromDate: string, toDate: string): number {
  const [fy, fm] = fromDate.split('-').map(Number) as [number, number];
  const [ty, tm] = toDate.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

export function todayUtc(): string {
  return toIsoDate(Date.now());
}

export { DAY_MS };
