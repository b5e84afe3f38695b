/** The archive by year and month: /timeline/, /timeline/<year>/ and the year sections of /briefs/. */
import { formatMonth, isoDay } from './dates.ts';
import type { BriefRecord } from './records.ts';
import { groupByYear, groupConsecutive } from './grouping.ts';
import { LIST_PAGE_SIZE, paginate, pageUrl } from './pages.ts';

export interface ArchiveMonth {
  /** `2025-03`: the anchor of the month on its year's page (`#m2025-03`). */
  id: string;
  label: string;
  briefs: BriefRecord[];
  /** The page of the year's archive where the month starts (1 for a year on one page). */
  page: number;
}

/** A part of a month on one page of its year: `continued` when it started on an earlier page. */
export interface ArchivePageMonth {
  month: ArchiveMonth;
  briefs: BriefRecord[];
  continued: boolean;
}

export interface ArchiveYear {
  year: number;
  briefs: BriefRecord[];
  months: ArchiveMonth[];
  /** The year's archive in pages of at most `perPage` briefs, each by month. */
  pages: ArchivePageMonth[][];
}

/** Briefs (newest first) by year, newest year first, each year by month and in pages. */
export function archiveByYear(
  briefs: readonly BriefRecord[],
  perPage = LIST_PAGE_SIZE,
): ArchiveYear[] {
  return groupByYear(briefs).map(({ year, briefs: ofYear }) => {
    const monthOf = (b: BriefRecord) => isoDay(b.date).slice(0, 7);
    const months = new Map<string, ArchiveMonth>();
    const pages = paginate(ofYear, perPage).map((onPage, i) =>
      groupConsecutive(onPage, monthOf).map(({ key, items }) => {
        let month = months.get(key);
        const continued = Boolean(month);
        if (!month) {
          month = { id: key, label: formatMonth(items[0]!.date), briefs: [], page: i + 1 };
          months.set(key, month);
        }
        month.briefs.push(...items);
        return { month, briefs: items, continued };
      }),
    );
    return { year, briefs: ofYear, months: [...months.values()], pages };
  });
}

export const yearUrl = (year: number, page = 1) => pageUrl(`/timeline/${year}/`, page);
export const monthUrl = (month: ArchiveMonth) =>
  `${yearUrl(Number(month.id.slice(0, 4)), month.page)}#m${month.id}`;
