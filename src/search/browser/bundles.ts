/**
 * Loading Pagefind for the search page: its script on first use, the English index as the
 * primary bundle (the newest briefs and the profiles) with older shards merged in as
 * searches need them (src/search/shared/shards.ts), the Chinese bundle on its own, and the
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
import { type BundleId, ZH_BUNDLE_DIR } from '../shared/query.ts';
import {
  coverage,
  DATES_FILE,
  PRIMARY_SHARD,
  SHARDS_FILE,
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
  /** Briefs the query cannot see yet (shards not loaded), the words that say where it looked, and the button's. */
  missingBriefs: number;
  note: string;
  more: string;
  /** Years with briefs in shards not loaded yet. */
  partialYears: string[];
  /** The last day of the briefs not loaded yet (ISO), if any. */
  missingTo: string | undefined;
  /** Shards of the fall-back tier are not loaded yet. */
  moreAvailable?: boolean;
}

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

/** The bundles under `base` (`/pagefind/`), loaded on demand and kept for later searches. */
export function searchBundles(base: string) {
  let manifest: Promise<ShardManifest> | undefined;
  let module: Promise<PagefindModule> | undefined;
  let created: Promise<unknown> = Promise.resolve();
  let english: Promise<Pagefind> | undefined;
  let chinese: Promise<Pagefind> | undefined;
  const loaded = new Set<string>();
  const merging = new Map<string, Promise<void>>();
  const dateTables = new Map<string, Promise<Record<string, string>>>();
  const lookups = new Map<number, Promise<LookupBucket>>();
  const zhPath = (list: ShardManifest) => list.zh?.path ?? `${ZH_BUNDLE_DIR}/`;

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

  /** The English instance with every shard in `ids` merged in. */
  async function englishWith(ids: string[], shards: ShardManifest['shards']): Promise<Pagefind> {
    english ??= retryable(
      newInstance(base, PAGEFIND_OPTIONS).then((pagefind) => {
        loaded.add(PRIMARY_SHARD);
        return pagefind;
      }),
      () => (english = undefined),
    );
    const instance = await english;
    const pending = ids
      .filter((id) => !loaded.has(id))
      .map((id) => {
        let merge = merging.get(id);
        if (!merge) {
          const shard = shards.find((s) => s.id === id)!;
          merge = retryable(
            instance
              .mergeIndex(`${base}${shard.path}`, {
                ...PAGEFIND_OPTIONS,
                ...(shard.filters ? { mergeFilter: shard.filters } : {}),
              })
              .then(() => void loaded.add(id)),
            () => merging.delete(id),
          );
          merging.set(id, merge);
        }
        return merge;
      });
    await Promise.all(pending);
    return instance;
  }

  return {
    /**
     * The instance of one bundle, with the shards a search needs merged in. With `counts`,
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
      if (bundle === 'zh') {
        chinese ??= retryable(
          newInstance(`${base}${zhPath(list)}`, ZH_OPTIONS),
          () => (chinese = undefined),
        );
        const pagefind = await chinese;
        if (counts) await loadFilters(pagefind, counts);
        return {
          pagefind,
          bundle,
          paths: [zhPath(list)],
          missingBriefs: 0,
          note: '',
          more: '',
          partialYears: [],
          missingTo: undefined,
        };
      }
      const pagefind = await englishWith(shardsFor(list, needs), list.shards);
      if (counts) await loadFilters(pagefind, counts);
      const cover = coverage(list, loaded, needs.years);
      const paths = list.shards.filter((s) => loaded.has(s.id) && s.briefs > 0).map((s) => s.path);
      const partialYears = unsearchedYears(list, loaded);
      const scope = { pagefind, bundle, paths, partialYears, missingTo: cover.missingTo };
      if (!cover.missingBriefs) return { ...scope, missingBriefs: 0, note: '', more: '' };
      return {
        ...scope,
        moreAvailable: list.shards.some((s) => s.fallback && !loaded.has(s.id)),
        missingBriefs: cover.missingBriefs,
        note: scopePhrase(cover.from, cover.to),
        more: searchAllLabel(cover.missingBriefs, cover.missingFrom, cover.missingTo),
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
