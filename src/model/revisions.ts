/** Corrections and updates across the briefs, for the corrections page. */
import { type BriefRecord, type Revision, revisionsOf } from './records.ts';

export interface BriefRevision {
  brief: BriefRecord;
  revision: Revision;
}

/** Newest first; on one day corrections come before updates, then briefs by date, newest first. */
export function allRevisions(briefs: readonly BriefRecord[]): BriefRevision[] {
  const all: BriefRevision[] = [];
  for (const brief of briefs)
    for (const revision of revisionsOf(brief)) all.push({ brief, revision });
  return all.sort(
    (a, b) =>
      b.revision.date.getTime() - a.revision.date.getTime() ||
      Number(a.revision.type === 'update') - Number(b.revision.type === 'update') ||
      b.brief.date.getTime() - a.brief.date.getTime() ||
      a.brief.slug.localeCompare(b.brief.slug),
  );
}
