/**
 * Loading Pagefind for the search page: its script on first use, the English index as the
 * primary bundle (the newest briefs and the profiles) with older shards merged in as
 * searches need them (src/search/shared/shards.ts), and the Chinese bundle on its own.
 * See docs/search.md, "Chinese" and "Large sites".
 */
import { META_WEIGHTS } from '../shared/document.ts';
import { type PreparedQuery, ZH_BUNDLE_DIR } from '../shared/query.ts';
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
  data(): Promise<Fragment>;
}
export interface Response {
  results: Hit[];
  unfilteredResultCount: number;
  filters: Counts;
}
export interface Pagefind {
  mergeIndex(basePath: string, options: object): Promise<void>;
  search(term: string | null, options?: { filters?: object; sort?: object }): Promise<Response>;
  filters(): Promise<Counts>;
}
interface PagefindModule {
  createInstance(options: object): Pagefind;
}

const PAGEFIND_OPTIONS = {
  // Result links carry ?highlight=word, and the landing page marks those words (SearchForm.astro).
  highlightParam: 'highlight',
  excerptLength: 26,
  ranking: { metaWeights: META_WEIGHTS },
};

export interface Searchable {
  pagefind: Pagefind;
  /** Folders (under the base) of the loaded bundles that hold dated pages. */
  paths: string[];
  /** Briefs the query cannot see yet (shards not loaded), the words that say where it looked, and the button's. */
  missingBriefs: number;
  note: string;
  more: string;
  /** Years with briefs in shards not loaded yet. */
  partialYears: string[];
  /** Shards of the fall-back tier are not loaded yet. */
  moreAvailable?: boolean;
}

/** Every request is retried on the next search if it failed (a flaky connection). */
const retryable = <T>(promise: Promise<T>, reset: () => void) =>
  promise.catch((error: unknown) => {
    reset();
    throw error;
  });

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
  const zhPath = (list: ShardManifest) => list.zh?.path ?? `${ZH_BUNDLE_DIR}/`;

  function shardList(): Promise<ShardManifest> {
    manifest ??= retryable(
      (async () => {
        const response = await fetch(`${base}${SHARDS_FILE}`);
        if (!response.ok) throw new Error(`${base}${SHARDS_FILE}: HTTP ${response.status}`);
        return (await response.json()) as ShardManifest;
      })(),
      () => (manifest = undefined),
    );
    return manifest;
  }

  // Instances share Pagefind's worker and WebAssembly: one must not start before the one
  // before it has initialised, or the two would race. Hence one chain of creations.
  function newInstance(basePath: string): Promise<Pagefind> {
    module ??= retryable(
      import(/* @vite-ignore */ `${base}pagefind.js`) as Promise<PagefindModule>,
      () => (module = undefined),
    );
    const loadModule = module;
    const previous = created;
    const instance = (async () => {
      const pagefindModule = await loadModule;
      await previous.catch(() => undefined);
      const pagefind = pagefindModule.createInstance({ ...PAGEFIND_OPTIONS, basePath });
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
      newInstance(base).then((pagefind) => {
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
              .mergeIndex(`${base}${shard.path}`, PAGEFIND_OPTIONS)
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
     * The instance that answers this query, with the shards it needs merged in. With
     * `counts`, also every filter index, without which searches return no facet counts
     * (the Refine panel; closed on a phone, which then saves their download).
     */
    async forQuery(
      prepared: PreparedQuery,
      needs: ShardNeeds,
      counts: boolean,
    ): Promise<Searchable> {
      const list = await shardList();
      if (prepared.bundle === 'zh') {
        chinese ??= retryable(newInstance(`${base}${zhPath(list)}`), () => (chinese = undefined));
        const pagefind = await chinese;
        if (counts) await pagefind.filters();
        return {
          pagefind,
          paths: [zhPath(list)],
          missingBriefs: 0,
          note: '',
          more: '',
          partialYears: [],
        };
      }
      const pagefind = await englishWith(shardsFor(list, needs), list.shards);
      if (counts) await pagefind.filters();
      const cover = coverage(list, loaded, needs.years);
      const paths = list.shards.filter((s) => loaded.has(s.id) && s.briefs > 0).map((s) => s.path);
      const partialYears = unsearchedYears(list, loaded);
      if (!cover.missingBriefs)
        return { pagefind, paths, missingBriefs: 0, note: '', more: '', partialYears };
      return {
        pagefind,
        paths,
        moreAvailable: list.shards.some((s) => s.fallback && !loaded.has(s.id)),
        missingBriefs: cover.missingBriefs,
        note: scopePhrase(cover.from, cover.to),
        more: searchAllLabel(cover.missingBriefs, cover.missingFrom, cover.missingTo),
        partialYears,
      };
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
