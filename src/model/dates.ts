/** Calendar dates are stored as UTC midnight so that a brief dated 2025-03-22 is that day everywhere. */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDay(value: string): Date | undefined {
  const match = ISO_DAY.exec(value.trim());
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  // Reject 2025-02-30 and friends, which Date silently rolls over.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return date;
}

/** The calendar day an instant falls on in a time zone, as UTC midnight (how dates are stored). */
export function dayIn(instant: Date, timeZone: string): Date {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return parseIsoDay(format.format(instant))!;
}
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** 2025-03-22 */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const longFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthFormat = new Intl.DateTimeFormat('en-GB', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** 22 March 2025 */
export function formatLongDate(date: Date): string {
  return longFormat.format(date);
}

/** Mar 2025 */
export function formatMonth(date: Date): string {
  return monthFormat.format(date);
}

export function yearOf(date: Date): number {
  return date.getUTCFullYear();
}
