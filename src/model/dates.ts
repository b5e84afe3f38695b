import { z } from 'astro/zod';

/** Calendar dates are stored as UTC midnight so that a brief dated 2025-03-22 is that day everywhere. */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDay(value: string): Date | undefined {
  const match = ISO_DAY.exec(value.trim());
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  // Reject 2025-02-30 and friends, which Date silently rolls over.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date;
}

const DATE_HINT = 'a date written as YYYY-MM-DD, e.g. 2025-03-22';

/**
 * A frontmatter date. YAML 1.1 parsers turn `2025-03-22` into a Date already;
 * quoted strings are accepted too. Anything else gets a message an author can act on.
 */
export const calendarDate = z.custom<Date | string>(
  (value) => {
    if (value instanceof Date) return !Number.isNaN(value.getTime());
    return typeof value === 'string' && parseIsoDay(value) !== undefined;
  },
  { error: (issue) => `expected ${DATE_HINT}, got ${describe(issue.input)}` },
).transform((value) => (value instanceof Date ? value : (parseIsoDay(value) as Date)));

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a nested mapping';
  return String(value);
}

/** 2025-03-22 */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const longFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

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
