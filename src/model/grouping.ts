/** Grouping and counting helpers for lists and charts. */
import { yearOf } from './dates.ts';
import type { BriefRecord } from './records.ts';

/** Runs of consecutive items with the same key, in order (for lists already sorted by that key). */
export function groupConsecutive<T, K>(
  items: readonly T[],
  keyOf: (item: T) => K,
): Array<{ key: K; items: T[] }> {
  const groups: Array<{ key: K; items: T[] }> = [];
  for (const item of items) {
    const key = keyOf(item);
    const last = groups.at(-1);
    if (last && last.key === key) last.items.push(item);
    else groups.push({ key, items: [item] });
  }
  return groups;
}

/** Briefs (already newest first) split into years, newest year first. */
export function groupByYear(
  briefs: readonly BriefRecord[],
): Array<{ year: number; briefs: BriefRecord[] }> {
  return groupConsecutive(briefs, (b) => yearOf(b.date)).map(({ key, items }) => ({
    year: key,
    briefs: items,
  }));
}

export interface Bucket {
  /** e.g. "2025 Q1" */
  label: string;
  year: number;
  quarter: number;
  count: number;
}

/** Briefs per calendar quarter, with empty quarters filled in, oldest first. */
export function countByQuarter(
  briefs: readonly BriefRecord[],
  range?: { from: Date; to: Date },
): Bucket[] {
  if (!briefs.length && !range) return [];
  const quarterIndex = (d: Date) => d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
  const counts = new Map<number, number>();
  let first = range ? quarterIndex(range.from) : Infinity;
  let last = range ? quarterIndex(range.to) : -Infinity;
  for (const brief of briefs) {
    const q = quarterIndex(brief.date);
    counts.set(q, (counts.get(q) ?? 0) + 1);
    if (!range) {
      first = Math.min(first, q);
      last = Math.max(last, q);
    }
  }
  const buckets: Bucket[] = [];
  for (let q = first; q <= last; q++) {
    const year = Math.floor(q / 4);
    const quarter = (q % 4) + 1;
    buckets.push({ label: `${year} Q${quarter}`, year, quarter, count: counts.get(q) ?? 0 });
  }
  return buckets;
}

/** First letter for A–Z indexes; digits and non-Latin scripts go under "#". */
export function indexLetter(name: string): string {
  const first = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .charAt(0)
    .toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}
