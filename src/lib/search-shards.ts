/**
 * The English search index is split into shards: one for the profiles (and any other
 * searchable page without a date), one per year of briefs (per quarter in a year too big
 * for one). Pure and dependency-free: used by the build (src/integrations/pagefind.ts)
 * and shipped to the browser (src/scripts/search.ts). See docs/search.md, "Large sites".
 *
 * Why: a Pagefind bundle's metadata and filter files grow with its page count, and a search
 * must load them whole. At 10,000 briefs one bundle costs ~300 kB before the first result.
 * With shards, the first search loads the profiles and the newest briefs (the "first tier",
 * sized by bytes), and the older shards when they are needed: a year filter, oldest-first
 * order, fewer results than a page, or the reader's "Search all briefs". The shards also
 * let a rebuild re-index only the shards whose pages changed.
 */

/** Name of the shard list the build writes next to the primary bundle (`/pagefind/shards.json`). */
export const SHARDS_FILE = 'shards.json';
export const PROFILES_SHARD = 'profiles';

/** More briefs than this in one year, and that year is split into quarters. */
export const MAX_SHARD_BRIEFS = 1500;

export interface ShardInfo {
  id: string;
  /** Folder of the bundle under /pagefind/ ('' for the primary bundle, else `<id>/`). */
  path: string;
  pages: number;
  briefs: number;
  /** First and last day covered by the shard's briefs (ISO), absent for the profiles. */
  from?: string | undefined;
  to?: string | undefined;
  /** Bytes a search must load from this shard whatever the query: metadata and filters. */
  fixedBytes: number;
  /** Part of the first tier: searched before anything else. */
  first: boolean;
  /** Fingerprint of exactly what was indexed; an unchanged shard is reused by a rebuild. */
  key: string;
}

export interface ShardManifest {
  version: 1;
  briefs: number;
  shards: ShardInfo[];
  /** The Chinese bundle (`/pagefind/zh/`), searched for queries with Chinese characters. */
  zh: { path: string; pages: number; key: string } | null;
}

export interface PageToShard {
  url: string;
  /** ISO date of a brief (YYYY-MM-DD), absent for pages without a date. */
  date?: string;
}

/**
 * Assigns every page to a shard id: dated pages by year (`briefs-2025`), or by quarter
 * (`briefs-2025-q3`) in a year with more than `maxBriefs`; the rest to `profiles`.
 * Ids depend only on the page's own date and its year's size, so adding a brief moves no
 * other brief to another shard (except when its year crosses the limit).
 */
export function assignShards(pages: PageToShard[], maxBriefs = MAX_SHARD_BRIEFS): Map<string, PageToShard[]> {
  const perYear = new Map<string, number>();
  for (const page of pages) if (page.date) perYear.set(page.date.slice(0, 4), (perYear.get(page.date.slice(0, 4)) ?? 0) + 1);
  const shards = new Map<string, PageToShard[]>([[PROFILES_SHARD, []]]);
  for (const page of pages) {
    let id = PROFILES_SHARD;
    if (page.date) {
      const year = page.date.slice(0, 4);
      id = (perYear.get(year) ?? 0) > maxBriefs ? `briefs-${year}-q${Math.ceil(Number(page.date.slice(5, 7)) / 3)}` : `briefs-${year}`;
    }
    const list = shards.get(id) ?? [];
    list.push(page);
    shards.set(id, list);
  }
  return shards;
}

/** Newest first; the profiles shard before all. */
export function orderShards<T extends Pick<ShardInfo, 'id' | 'to'>>(shards: T[]): T[] {
  return [...shards].sort((a, b) => (a.id === PROFILES_SHARD ? -1 : b.id === PROFILES_SHARD ? 1 : (b.to ?? '').localeCompare(a.to ?? '') || b.id.localeCompare(a.id)));
}

/**
 * Marks the first tier: the profiles, then the newest brief shards while their fixed bytes
 * stay within `budgetBytes`, always at least one brief shard.
 */
export function markFirstTier<T extends Pick<ShardInfo, 'id' | 'to' | 'fixedBytes'>>(shards: T[], budgetBytes: number): Array<T & { first: boolean }> {
  let spent = 0;
  let briefShards = 0;
  let open = true;
  return orderShards(shards).map((shard) => {
    if (shard.id === PROFILES_SHARD) {
      spent += shard.fixedBytes;
      return { ...shard, first: true };
    }
    open = open && (briefShards === 0 || spent + shard.fixedBytes <= budgetBytes);
    if (open) {
      spent += shard.fixedBytes;
      briefShards++;
    }
    return { ...shard, first: open };
  });
}

/** What a search asks of the index, as far as choosing shards goes. */
export interface ShardNeeds {
  /** Years ticked in the year facet. */
  years: string[];
  /** Oldest first: the first page of results lies in the oldest shards. */
  oldestFirst: boolean;
  /** The reader asked for every brief, or an earlier search already loaded them. */
  all: boolean;
}

/** The shards a search needs loaded for its results to be complete (ids, manifest order). */
export function shardsFor(manifest: ShardManifest, needs: ShardNeeds): string[] {
  if (needs.all || needs.oldestFirst) return manifest.shards.map((s) => s.id);
  if (needs.years.length) {
    // Only pages with one of the years can match; profiles have no year.
    return manifest.shards.filter((s) => s.from && s.to && needs.years.some((y) => s.from!.slice(0, 4) <= y && y <= s.to!.slice(0, 4))).map((s) => s.id);
  }
  return manifest.shards.filter((s) => s.first).map((s) => s.id);
}

/** Briefs not covered by the loaded shards, and the period those loaded cover. */
export function coverage(manifest: ShardManifest, loaded: ReadonlySet<string>): { missingBriefs: number; from: string | undefined; to: string | undefined } {
  const briefShards = manifest.shards.filter((s) => s.briefs > 0);
  const inLoaded = briefShards.filter((s) => loaded.has(s.id));
  return {
    missingBriefs: briefShards.filter((s) => !loaded.has(s.id)).reduce((n, s) => n + s.briefs, 0),
    from: inLoaded.map((s) => s.from!).sort()[0],
    to: inLoaded.map((s) => s.to!).sort().at(-1),
  };
}

/** Per bundle, `dates.json` maps Pagefind's result ids to ISO dates (src/integrations/pagefind.ts). */
export const DATES_FILE = 'dates.json';

/**
 * Date order for merged bundles. Pagefind sorts one bundle by date, but merging bundles
 * re-sorts by score, so results are ordered here by the dates the build wrote down.
 * Undated results (profiles) are left out, as Pagefind's own sort leaves them out; equal
 * dates keep their relevance order.
 */
export function inDateOrder<T extends { id: string }>(results: readonly T[], dates: ReadonlyMap<string, string>, direction: 'asc' | 'desc'): T[] {
  const sign = direction === 'desc' ? -1 : 1;
  return results.filter((r) => dates.has(r.id)).sort((a, b) => sign * dates.get(a.id)!.localeCompare(dates.get(b.id)!));
}
