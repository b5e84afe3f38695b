/**
 * Loading Pagefind for the search page: its script on first use; the English index and the
 * Chinese one, each a primary bundle (the newest briefs and the most cited profiles) with
 * its other shards merged in as searches need them (src/search/shared/shards.ts); and the
 * entity lookup (src/search/shared/entities.ts). See docs/search.md.
 */
import { META_WEIGHTS } from '../shared/document.ts';
import {
  bucketOf,
  type EntityCard,
  entitiesIn,
  type LookupBucket,
  lookupKey,
} from '../shared/entities.ts';
import type { BundleId } from '../shared/query.ts';
import {
  coverage,
  DATES_FILE,
  PRIMARY_SHARD,
  SHARDS_FILE,
  type ShardInfo,
  type ShardManifest,
  type ShardNeeds,
  shardsFor,
  unsearchedYears,
} from '../shared/shards.ts';
import { scopePhrase, searchAllLabel } from '../shared/text.ts';

// The parts of Pagefind's browser API the page uses (pagefind.js is not an npm module).
export type Counts = Record<string, Record<string, number>>;
export interface Fragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
export interface Hit {
  id: string;
  /** Metadata fields that hold some of the query's words. */
  matchedMetaFields?: string[];
  data(): Promise<Fragment>;
}
export interface Response {
  results: Hit[];
  unfilteredResultCount: number;
  filters: Counts;
}
export interface Pagefind {
  mergeIndex(basePath: string, options: object): Promise<void>;
  search(term: string | null, options?: { filters?: object }): Promise<Response>;
}
interface PagefindModule {
  createInstance(options: object): Pagefind;
}

const PAGEFIND_OPTIONS = {
  // Indexed URLs carry the base path already (src/search/build/documents.ts); Pagefind would
  // otherwise put the bundle's parent folder (`/briefing/`) in front of them a second time.
  baseUrl: '/',
  /**
   * Pagefind searches in the page, not in a web worker: the worker is a second copy of the
   * search code (12 kB gzipped) on top of pagefind.js, and the indexes a search reads first
   * are small (searched in a few milliseconds). See docs/search.md, "What a search downloads".
   */
  noWorker: true,
  // Result links carry ?highlight=word, and the landing page marks those words (SearchForm.astro).
  highlightParam: 'highlight',
  excerptLength: 26,
  ranking: { metaWeights: META_WEIGHTS },
};
/** Chinese excerpts count characters, not words: a sentence or so. */
const ZH_OPTIONS = { ...PAGEFIND_OPTIONS, excerptLength: 60 };

export interface Searchable {
  pagefind: Pagefind;
  bundle: BundleId;
  /** Folders (under the base) of the loaded bundles that hold dated pages. */
  paths: string[];
  /**
   * Briefs and profiles the query cannot see yet (shards not loaded), the words that say
   * where it looked, and the button's.
   */
  missingBriefs: number;
  missingProfiles: number;
  note: string;
  more: string;
  /** Years with briefs in shards not loaded yet. */
  partialYears: string[];
  /** The last day of the briefs not loaded yet (ISO), if any. */
  missingTo: string | undefined;
  /** Shards of the fall-back tier are not loaded yet. */
  moreAvailable?: boolean;
}

/** The index of a site without such pages (a Chinese index where no page has Chinese text). */
const NO_INDEX: Pagefind = {
  mergeIndex: () => Promise.resolve(),
  search: () => Promise.resolve({ results: [], unfilteredResultCount: 0, filters: {} }),
};

/** Every request is retried on the next search if it failed (a flaky connection). */
const retryable = <T>(promise: Promise<T>, reset: () => void) =>
  promise.catch((error: unknown) => {
    reset();
    throw error;
  });

const fetchJson = async <T>(url: string): Promise<T> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
};

/**
 * Loads the indexes of some filters in every loaded bundle: a search filtered on them (an
 * empty `any` filters nothing out) loads exactly those, where `filters()` would load all.
 */
const loadFilters = (pagefind: Pagefind, names: readonly string[]) =>
  pagefind.search(null, { filters: Object.fromEntries(names.map((n) => [n, { any: [] }])) });

/** One index (English or Chinese): its Pagefind instance and the shards merged into it. */
interface LoadedIndex {
  instance?: Promise<Pagefind> | undefined;
  loaded: Set<string>;
  merging: Map<string, Promise<void>>;
}

/** The bundles under `base` (`/pagefind/`), loaded on demand and kept for later searches. */
export function searchBundles(base: string) {
  let manifest: Promise<ShardManifest> | undefined;
  let module: Promise<PagefindModule> | undefined;
  let created: Promise<unknown> = Promise.resolve();
  const indexes: Record<BundleId, LoadedIndex> = {
    en: { loaded: new Set(), merging: new Map() },
    zh: { loaded: new Set(), merging: new Map() },
  };
  const dateTables = new Map<string, Promise<Record<string, string>>>();
  const lookups = new Map<number, Promise<LookupBucket>>();

  function shardList(): Promise<ShardManifest> {
    manifest ??= retryable(
      fetchJson<ShardManifest>(`${base}${SHARDS_FILE}`),
      () => (manifest = undefined),
    );
    return manifest;
  }

  // Instances share Pagefind's WebAssembly: one must not start before the one before it has
  // initialised, or the two would race. Hence one chain of creations.
  function newInstance(basePath: string, options: object): Promise<Pagefind> {
    module ??= retryable(
      import(/* @vite-ignore */ `${base}pagefind.js`) as Promise<PagefindModule>,
      () => (module = undefined),
    );
    const loadModule = module;
    const previous = created;
    const instance = (async () => {
      const pagefindModule = await loadModule;
      await previous.catch(() => undefined);
      const pagefind = pagefindModule.createInstance({ ...options, basePath });
      // An empty search returns at once, but only after the WebAssembly and the bundle's
      // metadata have loaded: the next instance may start then.
      await pagefind.search('');
      return pagefind;
    })();
    created = instance;
    return instance;
  }

  /** The instance of one index with every shard in `ids` merged into its primary bundle. */
  async function indexWith(
    bundle: BundleId,
    ids: string[],
    shards: readonly ShardInfo[],
  ): Promise<Pagefind> {
    const index = indexes[bundle];
    const options = bundle === 'zh' ? ZH_OPTIONS : PAGEFIND_OPTIONS;
    const primary = shards.find((s) => s.id === PRIMARY_SHARD);
    // No page with Chinese text: a Chinese query finds nothing, without loading anything.
    if (!primary) return NO_INDEX;
    index.instance ??= retryable(
      newInstance(`${base}${primary.path}`, options).then((pagefind) => {
        index.loaded.add(PRIMARY_SHARD);
        return pagefind;
      }),
      () => (index.instance = undefined),
    );
    const instance = await index.instance;
    const pending = ids
      .filter((id) => !index.loaded.has(id))
      .map((id) => {
        let merge = index.merging.get(id);
        if (!merge) {
          const shard = shards.find((s) => s.id === id)!;
          merge = retryable(
            instance
              .mergeIndex(`${base}${shard.path}`, {
                ...options,
                ...(shard.filters ? { mergeFilter: shard.filters } : {}),
              })
              .then(() => void index.loaded.add(id)),
            () => index.merging.delete(id),
          );
          index.merging.set(id, merge);
        }
        return merge;
      });
    await Promise.all(pending);
    return instance;
  }

  return {
    /**
     * The instance of one index, with the shards a search needs merged in. With `counts`,
     * also the filter indexes of those facets, without which searches return no facet counts
     * (the Refine panel; closed on a phone, which then saves their download). The indexer's
     * own filters (`lang`, `since`) are loaded only by the searches that use them.
     */
    async forQuery(
      bundle: BundleId,
      needs: ShardNeeds,
      counts: readonly string[] | null,
    ): Promise<Searchable> {
      const list = await shardList();
      const shards = bundle === 'zh' ? list.zh : list.shards;
      const pagefind = await indexWith(bundle, shardsFor(shards, needs), shards);
      if (counts) await loadFilters(pagefind, counts);
      const { loaded } = indexes[bundle];
      const cover = coverage(shards, loaded, needs);
      const paths = shards.filter((s) => loaded.has(s.id) && s.briefs > 0).map((s) => s.path);
      const partialYears = unsearchedYears(shards, loaded);
      const scope = { pagefind, bundle, paths, partialYears, missingTo: cover.missingTo };
      const { missingBriefs, missingProfiles } = cover;
      if (!missingBriefs && !missingProfiles)
        return { ...scope, missingBriefs, missingProfiles, note: '', more: '' };
      return {
        ...scope,
        moreAvailable: shards.some((s) => s.fallback && !loaded.has(s.id)),
        missingBriefs,
        missingProfiles,
        note: scopePhrase(cover.from, cover.to, missingProfiles > 0),
        more: searchAllLabel(missingBriefs, cover.missingFrom, cover.missingTo, missingProfiles),
      };
    },

    /**
     * The entities a query names (by name, alias, ticker or Chinese name): one small file
     * of the lookup, fetched while Pagefind loads. None if the site has no lookup.
     */
    async entitiesNamed(text: string): Promise<EntityCard[]> {
      const key = lookupKey(text);
      const lookup = (await shardList()).entities;
      if (!key || !lookup?.buckets) return [];
      const b = bucketOf(key, lookup.buckets);
      let bucket = lookups.get(b);
      if (!bucket) {
        bucket = retryable(fetchJson<LookupBucket>(`${base}${lookup.path}${b}.json`), () =>
          lookups.delete(b),
        );
        lookups.set(b, bucket);
      }
      return entitiesIn(await bucket, key);
    },

    /** The day of the oldest brief of the archive (ISO). */
    async oldestDay(): Promise<string | undefined> {
      return (await shardList()).shards
        .flatMap((s) => (s.from ? [s.from] : []))
        .sort()
        .at(0);
    },

    /** Dates of the results of the bundles in `paths`, by result id (see DATES_FILE). */
    async datesOf(paths: string[]): Promise<Map<string, string>> {
      const tables = await Promise.all(
        paths.map((path) => {
          let table = dateTables.get(path);
          if (!table) {
            table = retryable(
              fetch(`${base}${path}${DATES_FILE}`).then((r) =>
                r.ok ? (r.json() as Promise<Record<string, string>>) : {},
              ),
              () => dateTables.delete(path),
            );
            dateTables.set(path, table);
          }
          return table;
        }),
      );
      return new Map(tables.flatMap((t) => Object.entries(t)));
    },
  };
}
