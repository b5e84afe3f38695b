/**
 * Which briefs a build publishes: a draft never, a scheduled brief (dated after the build's
 * day) from the first build on or after its date. The link graph applies this once
 * (src/model/graph.ts), so every page, list, count, feed, export and the search index follow;
 * the redirects step, which needs no graph, applies it to the briefs it reads
 * (src/astro/redirects-integration.ts).
 */
import type { BriefRecord } from './records.ts';

export type BriefStatus = 'published' | 'draft' | 'scheduled';

/** `today`: the build's day (UTC midnight of that calendar day); without it nothing is scheduled. */
export function briefStatus(brief: Pick<BriefRecord, 'draft' | 'date'>, today?: Date): BriefStatus {
  if (brief.draft) return 'draft';
  if (today && utcDay(brief.date) > utcDay(today)) return 'scheduled';
  return 'published';
}

const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of the date's UTC calendar day: compared as the ISO days were, without a
 * string per call (every brief in every list of every page asks for its status).
 */
const utcDay = (date: Date) => Math.floor(date.getTime() / DAY_MS);
