/**
 * Long lists cut into numbered pages, so that no page grows with the archive: page 1 lives at
 * the list's own address, page n at `<address><n>/` (`/companies/x/`, `/companies/x/2/`).
 */

/** Items per page of a long list: about 100 kB of HTML for one-line entries. */
export const LIST_PAGE_SIZE = 500;

/** `items` in pages of `perPage` (at least one page, possibly empty). */
export function paginate<T>(items: readonly T[], perPage = LIST_PAGE_SIZE): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage));
  return pages.length ? pages : [[]];
}

/** The address of page `n` of the list at `base` (a root-relative path ending in `/`). */
export function pageUrl(base: string, n: number): string {
  return n <= 1 ? base : `${base}${n}/`;
}

/** One link of a pager: the page's number, address and what it holds (`2025-03-01 – 2024-11-30`). */
export interface PagerLink {
  number: number;
  url: string;
  label: string;
}

/** Links to every page of a list of dated items (newest first), labelled by their dates. */
export function pagerLinks<T>(
  base: string,
  pages: readonly T[][],
  dayOf: (item: T) => string,
): PagerLink[] {
  return pages.map((items, i) => {
    const first = items[0] && dayOf(items[0]);
    const last = items.at(-1) && dayOf(items.at(-1)!);
    return {
      number: i + 1,
      url: pageUrl(base, i + 1),
      label: first && last && first !== last ? `${first} – ${last}` : (first ?? ''),
    };
  });
}
