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

export interface ChartBar {
  /** "2025 Q1" or "2025": the bar's own label, for its tooltip. */
  label: string;
  count: number;
  /** The year label shown under this bar, if any. */
  axisLabel?: string | undefined;
}

/** Up to this many years, a chart shows quarters; beyond, one bar a year stays readable. */
export const QUARTERLY_UP_TO_YEARS = 6;

/**
 * Bars for a coverage chart: quarters over whole calendar years (so one year of coverage
 * shows four quarters, not a lone bar), or years for long spans, with at most about eight
 * year labels, the newest always among them.
 */
export function chartBars(briefs: readonly BriefRecord[]): ChartBar[] {
  if (!briefs.length) return [];
  const years = briefs.map((b) => yearOf(b.date));
  const first = Math.min(...years);
  const last = Math.max(...years);
  if (last - first + 1 <= QUARTERLY_UP_TO_YEARS) {
    const quarters = countByQuarter(briefs, {
      from: new Date(Date.UTC(first, 0, 1)),
      to: new Date(Date.UTC(last, 11, 31)),
    });
    return barsFromQuarters(quarters);
  }
  const counts = new Map<number, number>();
  for (const y of years) counts.set(y, (counts.get(y) ?? 0) + 1);
  const span = last - first + 1;
  // Label every `step` years, counted back from the last year so the newest is always named.
  const step = niceStep(span);
  return Array.from({ length: span }, (_, i) => {
    const year = first + i;
    return {
      label: String(year),
      count: counts.get(year) ?? 0,
      axisLabel: (last - year) % step === 0 ? String(year) : undefined,
    };
  });
}

/** 1, 2, 5 or 10 years between labels, so that about eight labels fit. */
function niceStep(span: number): number {
  return [1, 2, 5, 10, 20, 50].find((s) => span / s <= 8) ?? 100;
}

/** Quarter buckets as bars: one year reads "2025 Q1", Q2, Q3, Q4; several years, by year. */
export function barsFromQuarters(buckets: readonly Bucket[]): ChartBar[] {
  const oneYear = buckets.every((b) => b.year === buckets[0]?.year);
  return buckets.map((b, i) => ({
    label: b.label,
    count: b.count,
    axisLabel: oneYear
      ? i === 0
        ? b.label
        : `Q${b.quarter}`
      : b.quarter === 1
        ? String(b.year)
        : undefined,
  }));
}
