/**
 * Dates: transaction dates are calendar days (`YYYY-MM-DD`, no time zone) and are shown as
 * such; instants (`…Z`) are shown in the user's local time.
 */

const dayFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});
const shortDayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });
const monthShortFormat = new Intl.DateTimeFormat(undefined, { month: 'short' });
const monthLongFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });

/** A calendar day as a local Date at noon, so no time zone moves it to another day. */
function calendarDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d ?? 1, 12);
}

export function formatDay(day: string): string {
  return dayFormat.format(calendarDay(day));
}

export function formatShortDay(day: string): string {
  return shortDayFormat.format(calendarDay(day));
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** `2026-11` → "Nov 2026" (or "Nov" when short, "November 2026" when long). */
export function formatMonth(month: string, style: 'short' | 'medium' | 'long' = 'medium'): string {
  const date = calendarDay(`${month}-01`);
  if (style === 'short') return monthShortFormat.format(date);
  if (style === 'long') return monthLongFormat.format(date);
  return monthFormat.format(date);
}

/** Today in the user's own time zone, as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** "5 min ago", "in 2 hr", "now". */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const diff = Date.parse(iso) - now;
  const abs = Math.abs(diff);
  if (abs < 45_000) return diff <= 0 ? 'just now' : 'in a moment';
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ];
  for (const [unit, ms] of units) {
    if (abs >= ms || unit === 'minute') return relative.format(Math.round(diff / ms), unit);
  }
  return relative.format(Math.round(diff / 60_000), 'minute');
}

/** "850 ms", "4.2 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}

/** A time known to be in the past ("last sync"): a clock a second ahead never makes it future. */
export function formatAgo(iso: string, now: number = Date.now()): string {
  return formatRelative(new Date(Math.min(Date.parse(iso), now)).toISOString(), now);
}

/** Whole days from now until the instant (negative when past). */
export function daysUntil(iso: string, now: number = Date.now()): number {
  return Math.floor((Date.parse(iso) - now) / 86_400_000);
}
