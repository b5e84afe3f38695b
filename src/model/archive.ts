/** The archive by year and month: /timeline/, /timeline/<year>/ and the year sections of /briefs/. */
import { formatMonth, isoDay } from './dates.ts';
import type { BriefRecord } from './records.ts';
import { groupByYear, groupConsecutive } from './grouping.ts';

export interface ArchiveMonth {
  /** `2025-03`: the anchor of the month on its year's page (`#m2025-03`). */
  id: string;
  label: string;
  briefs: BriefRecord[];
}

export interface ArchiveYear {
  year: number;
  briefs: BriefRecord[];
  months: ArchiveMonth[];
}

/** Briefs (newest first) by year, newest year first, each year by month. */
export function archiveByYear(briefs: readonly BriefRecord[]): ArchiveYear[] {
  return groupByYear(briefs).map(({ year, briefs: ofYear }) => ({
    year,
    briefs: ofYear,
    months: groupConsecutive(ofYear, (b) => isoDay(b.date).slice(0, 7)).map(({ key, items }) => ({
      id: key,
      label: formatMonth(items[0]!.date),
      briefs: items,
    })),
  }));
}

export const yearUrl = (year: number) => `/timeline/${year}/`;
export const monthUrl = (month: ArchiveMonth) =>
  `${yearUrl(Number(month.id.slice(0, 4)))}#m${month.id}`;
