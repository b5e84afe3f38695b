/**
 * The search index of a large site is split into shards: runs of consecutive years of briefs
 * (of quarters, in a year too big for one shard) and groups of profiles. The newest run and the
 * most cited profiles form the primary bundle; a site smaller than one shard has only that
 * bundle. The English index (primary at /pagefind/) and the Chinese one (at /pagefind/zh/)
 * are sharded alike. Pure and dependency-free: used by the build
 * (src/search/build/pagefind.ts) and shipped to the browser (src/search/browser/bundles.ts).
 * See docs/search.md, "Large sites".
 *
 * Why: a Pagefind bundle's metadata and filter files grow with its page count, and a search
 * loads them whole: at 10,000 briefs one bundle costs ~300 kB before the first result.
 * With shards, the first search loads the newest briefs and the most cited profiles (the "first tier",
 * sized in bytes); fewer results than a page add the next shards within a second budget (the
 * "fall-back tier"); the other shards are loaded when a search needs them: a year filter,
 * oldest-first order, or the reader's "Also search the … briefs". A rebuild also re-indexes
 * only the shards whose pages changed.
 *
 * Each shard costs a search at least one index chunk (Pagefind's word index is chunked,
 * and a small bundle's chunk holds most of its words), so shards are large, not yearly.
 */

/** Name of the shard list the build writes next to the primary bundle (`/pagefind/shards.json`). */
export const SHARDS_FILE = 'shards.json';
/** Id of the primary bundle: the newest briefs and the most cited undated pages. */
export const PRIMARY_SHARD = 'latest';

/**
 * A shard is closed once it holds this many briefs; the rest go to the next one. The primary
 * bundle holds at most this many profiles too, the most cited; the others form shards of
 * this many profiles each.
 */
export const SHARD_BRIEFS = 600;

export interface ShardInfo {
  id: string;
  /** Folder of the bundle under /pagefind/ ('' for the primary bundle, else `<id>/`). */
  path: string;
  pages: number;
  briefs: number;
  /** First and last day covered by the shard's briefs (ISO), absent for a shard of profiles. */
  from?: string | undefined;
  to?: string | undefined;
  /** Bytes a search must load from this shard whatever the query: metadata and filters. */
  fixedBytes: number;
  /** Part of the first tier: searched before anything else. */
  first: boolean;
  /**
   * Part of the fall-back tier: searched too when the first tier has fewer results than a
   * page. Absent in indexes built before it existed.
   */
  fallback?: boolean;
  /** Fingerprint of exactly what was indexed; an unchanged shard is reused by a rebuild. */
  key: string;
  /**
   * Filters every page of the shard has (kind; the year of a shard within one year), left
   * out of its index: the search page merges the shard with them (Pagefind's `mergeFilter`).
   */
  filters?: Record<string, string>;
}

export interface ShardManifest {
  version: 2;
  briefs: number;
  /** The English index: the primary bundle first. */
  shards: ShardInfo[];
  /**
   * The Chinese index, searched for queries with Chinese characters: its primary bundle at
   * `zh/`, its other shards at `zh-<id>/`. Empty when no page has Chinese text.
   */
  zh: ShardInfo[];
  /** The entity lookup (src/search/shared/entities.ts): its folder and number of files. */
  entities?: { path: string; buckets: number };
}

export interface PageToShard {
  url: string;
  /** ISO date of a brief (YYYY-MM-DD), absent for pages without a date. */
  date?: string;
  /** Of a page without a date (a profile): the briefs citing it. The most cited are searched first. */
  weight?: number;
}

/** A brief's period at each level: year, quarter, month, day (`2025`, `2025q1`, `2025-03`, `2025-03-07`). */
const PERIOD_LEVELS: Array<(date: string) => string> = [
  (date) => date.slice(0, 4),
  (date) => `${date.slice(0, 4)}q${Math.ceil(Number(date.slice(5, 7)) / 3)}`,
  (date) => date.slice(0, 7),
  (date) => date.slice(0, 10),
];

/**
 * Assigns every page to a shard of at most `shardBriefs` briefs, however large the archive:
 * briefs are grouped by year, a year with more by quarter, then by month, then by day (a day
 * with more still is cut into parts, `2025-03-07p2`), and consecutive periods, oldest first,
 * are joined while a shard stays within `shardBriefs`: `briefs-2015-2016`, `briefs-2025q1`,
 * `briefs-2031-03-2031-04`. The newest, still open run joins the `shardBriefs` most cited
 * undated pages (profiles) in the primary shard; the other undated pages form shards of
 * their own, `profiles-2`, `profiles-3`… in order of citations. Adding a brief to the newest
 * period changes only the primary shard; the ids of closed shards name their periods, so
 * they are reused until a brief in them changes.
 */
export function assignShards<P extends PageToShard>(
  pages: readonly P[],
  shardBriefs = SHARD_BRIEFS,
): Map<string, P[]> {
  const dated = pages
    .filter((p) => p.date)
    .sort((a, b) => a.date!.localeCompare(b.date!) || a.url.localeCompare(b.url));
  const periods: Array<[string, P[]]> = [];
  const split = (list: P[], level: number) => {
    const keyOf = PERIOD_LEVELS[level]!;
    let start = 0;
    for (let i = 1; i <= list.length; i++) {
      if (i < list.length && keyOf(list[i]!.date!) === keyOf(list[start]!.date!)) continue;
      const group = list.slice(start, i);
      const key = keyOf(group[0]!.date!);
      if (group.length <= shardBriefs) periods.push([key, group]);
      else if (level + 1 < PERIOD_LEVELS.length) split(group, level + 1);
      else
        for (let part = 0; part * shardBriefs < group.length; part++)
          periods.push([
            part ? `${key}p${part + 1}` : key,
            group.slice(part * shardBriefs, (part + 1) * shardBriefs),
          ]);
      start = i;
    }
  };
  split(dated, 0);
  const shards = new Map<string, P[]>();
  let run: string[] = [];
  let members: P[] = [];
  for (const [period, list] of periods) {
    if (members.length && members.length + list.length > shardBriefs) {
      shards.set(run.length > 1 ? `briefs-${run[0]}-${run.at(-1)}` : `briefs-${run[0]}`, members);
      run = [];
      members = [];
    }
    run.push(period);
    members.push(...list);
  }
  const undated = pages
    .filter((p) => !p.date)
    .sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0) || a.url.localeCompare(b.url));
  const primary = [...members, ...undated.slice(0, shardBriefs)];
  const profiles: Array<[string, P[]]> = [];
  for (let part = 1; part * shardBriefs < undated.length; part++)
    profiles.push([
      `profiles-${part + 1}`,
      undated.slice(part * shardBriefs, (part + 1) * shardBriefs),
    ]);
  return new Map([[PRIMARY_SHARD, primary], ...shards, ...profiles]);
}

/** The primary shard first, then the briefs' newest first, then the profiles' in their order. */
function orderShards<T extends Pick<ShardInfo, 'id' | 'to'>>(shards: T[]): T[] {
  return [...shards].sort((a, b) =>
    a.id === PRIMARY_SHARD
      ? -1
      : b.id === PRIMARY_SHARD
        ? 1
        : (b.to ?? '').localeCompare(a.to ?? '') || (a.to ? b.id.localeCompare(a.id) : 0),
  );
}

/** A shard of profiles only (not the primary, which holds the most cited). */
export const isProfileShard = (shard: Pick<ShardInfo, 'id' | 'briefs'>) =>
  shard.id !== PRIMARY_SHARD && shard.briefs === 0;

/**
 * Marks the tiers: the first tier is the primary shard, then the newest other shards while
 * the fixed bytes of the tier stay within `budgetBytes`; the fall-back tier, the next newest
 * shards while theirs stay within `fallbackBytes`. Both are bounded whatever the archive's size.
 */
export function markFirstTier<T extends Pick<ShardInfo, 'id' | 'to' | 'fixedBytes'>>(
  shards: T[],
  budgetBytes: number,
  fallbackBytes = 0,
): Array<T & { first: boolean; fallback: boolean }> {
  let spent = 0;
  let open = true;
  let fallbackSpent = 0;
  let fallbackOpen = true;
  return orderShards(shards).map((shard) => {
    open = open && (shard.id === PRIMARY_SHARD || spent + shard.fixedBytes <= budgetBytes);
    if (open) {
      spent += shard.fixedBytes;
      return { ...shard, first: true, fallback: false };
    }
    fallbackOpen = fallbackOpen && fallbackSpent + shard.fixedBytes <= fallbackBytes;
    if (fallbackOpen) fallbackSpent += shard.fixedBytes;
    return { ...shard, first: false, fallback: fallbackOpen };
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
  /** The first tier had fewer results than a page: add the fall-back tier (bounded). */
  more?: boolean;
  /** Only profiles can match (the Kind facet has no brief ticked): the briefs' shards are not needed. */
  profilesOnly?: boolean;
}

/** The shards of one index (manifest order) a search needs loaded for complete results: their ids. */
export function shardsFor(shards: readonly ShardInfo[], needs: ShardNeeds): string[] {
  const primary = (s: ShardInfo) => s.id === PRIMARY_SHARD;
  if (needs.all) return shards.map((s) => s.id);
  // Dates order briefs only: the profiles' shards cannot add to the results.
  if (needs.oldestFirst) return shards.filter((s) => !isProfileShard(s)).map((s) => s.id);
  if (needs.years.length) {
    // Only pages with one of the years can match (profiles have none); the primary is always loaded.
    return shards.filter((s) => primary(s) || overlaps(s, needs.years)).map((s) => s.id);
  }
  if (needs.profilesOnly)
    return shards.filter((s) => primary(s) || isProfileShard(s)).map((s) => s.id);
  return shards.filter((s) => s.first || (needs.more && s.fallback)).map((s) => s.id);
}

/**
 * What a search cannot see because shards are not loaded: the briefs (only those of a ticked
 * year, if any; none when only profiles can match) and the profiles (none when a year or the
 * date order rules them out), and the periods of the loaded and the missing briefs.
 */
export function coverage(
  shards: readonly ShardInfo[],
  loaded: ReadonlySet<string>,
  needs: Partial<Pick<ShardNeeds, 'years' | 'oldestFirst' | 'profilesOnly'>> = {},
): Coverage {
  const years = needs.years ?? [];
  const briefShards = shards.filter((s) => s.briefs > 0);
  const relevant = needs.profilesOnly
    ? []
    : years.length
      ? briefShards.filter((s) => overlaps(s, years))
      : briefShards;
  const missing = relevant.filter((s) => !loaded.has(s.id));
  const inLoaded = briefShards.filter((s) => loaded.has(s.id));
  const missingProfiles =
    years.length || needs.oldestFirst
      ? 0
      : shards
          .filter((s) => isProfileShard(s) && !loaded.has(s.id))
          .reduce((n, s) => n + s.pages, 0);
  return {
    missingBriefs: missing.reduce((n, s) => n + s.briefs, 0),
    missingProfiles,
    from: inLoaded.map((s) => s.from!).sort()[0],
    to: inLoaded
      .map((s) => s.to!)
      .sort()
      .at(-1),
    missingFrom: missing.map((s) => s.from!).sort()[0],
    missingTo: missing
      .map((s) => s.to!)
      .sort()
      .at(-1),
  };
}

export interface Coverage {
  missingBriefs: number;
  /** Profiles in shards not loaded (the less cited ones of a site with many). */
  missingProfiles: number;
  /** First and last day of the loaded briefs, and of the briefs not loaded. */
  from: string | undefined;
  to: string | undefined;
  missingFrom: string | undefined;
  missingTo: string | undefined;
}

/** Years with briefs in shards not loaded yet: the Year facet offers them as not fully searched. */
export function unsearchedYears(
  shards: readonly ShardInfo[],
  loaded: ReadonlySet<string>,
): string[] {
  const years = new Set<string>();
  for (const shard of shards) {
    if (loaded.has(shard.id) || !shard.from || !shard.to) continue;
    for (let y = Number(shard.from.slice(0, 4)); y <= Number(shard.to.slice(0, 4)); y++)
      years.add(String(y));
  }
  return [...years].sort().reverse();
}

const overlaps = (shard: ShardInfo, years: readonly string[]) =>
  Boolean(
    shard.from &&
    shard.to &&
    years.some((y) => shard.from!.slice(0, 4) <= y && y <= shard.to!.slice(0, 4)),
  );

/** Per bundle, `dates.json` maps Pagefind's result ids to ISO dates (src/search/build/pagefind.ts). */
export const DATES_FILE = 'dates.json';

/**
 * Date order for merged bundles. Pagefind sorts one bundle by date, but merging bundles
 * re-sorts by score, so results are ordered here by the dates the build wrote down.
 * Undated results (profiles) are left out, as Pagefind's own sort leaves them out; equal
 * dates keep their relevance order.
 */
export function inDateOrder<T extends { id: string }>(
  results: readonly T[],
  dates: ReadonlyMap<string, string>,
  direction: 'asc' | 'desc',
): T[] {
  const sign = direction === 'desc' ? -1 : 1;
  return results
    .filter((r) => dates.has(r.id))
    .sort((a, b) => sign * dates.get(a.id)!.localeCompare(dates.get(b.id)!));
}

/** The quarter of an ISO day, as shard ids name periods: `2025-08-14` → `2025q3`. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
}

/**
 * The quarters from the one of `fromDay` to the one of `toDay`, both included: values of the
 * profiles' `since` filter (src/search/shared/document.ts).
 */
export function quartersBetween(fromDay: string, toDay: string): string[] {
  const quarters: string[] = [];
  const last = quarterOf(toDay);
  let [year, quarter] = [Number(fromDay.slice(0, 4)), Math.ceil(Number(fromDay.slice(5, 7)) / 3)];
  for (let value = quarterOf(fromDay); value <= last && quarters.length < 4_000;) {
    quarters.push(value);
    quarter++;
    if (quarter > 4) [year, quarter] = [year + 1, 1];
    value = `${year}q${quarter}`;
  }
  return quarters;
}
