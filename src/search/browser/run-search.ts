/**
 * One search, as the page runs it: the query in the bundle that answers it, in the shards it
 * needs, ranked (src/search/shared/rank.ts), with the entity it names first and the facet
 * counts. Everything a search fetches is asked for at once: the entity lookup while Pagefind
 * loads, the phrase search beside the loose one (it reads the same index chunks), the titles
 * of the first results with their fragments. See docs/search.md, "Ranking".
 */
import { BRIEF_KIND, CHINESE, FILTER, META } from '../shared/document.ts';
import { type EntityCard, profilePasses } from '../shared/entities.ts';
import { type PreparedQuery, prepareQuery } from '../shared/query.ts';
import { rankResults, type Ranked, titleCandidates, titleMatch } from '../shared/rank.ts';
import { inDateOrder, quartersBetween } from '../shared/shards.ts';
import {
  dateOrder,
  type FacetSpec,
  facetsNeedingOwnCounts,
  pagefindFilters,
  rankLike,
  type SearchState,
  searchedYears,
} from '../shared/state.ts';
import type { Counts, Fragment, Hit, Pagefind, Searchable, searchBundles } from './bundles.ts';

type Bundles = ReturnType<typeof searchBundles>;
type Filters = Record<string, unknown>;

export interface Outcome {
  prepared: PreparedQuery;
  /** The entities the query names, shown first. */
  cards: EntityCard[];
  /** Every other result, in order. */
  hits: Hit[];
  counts: Counts;
  /** Results there would be without the filters. */
  unfiltered: number;
  /** What the search covered of a large archive (the English bundle's shards). */
  scope: Pick<Searchable, 'missingBriefs' | 'missingProfiles' | 'note' | 'more' | 'partialYears'>;
  /**
   * In a search of the newest briefs only: the entities (by facet, by name) whose counts are
   * final, having no brief in the shards not searched yet. Undefined: every count is final.
   */
  finalEntities?: Map<string, Set<string>>;
}

export interface SearchOptions {
  facets: readonly FacetSpec[];
  /** The reader asked for every brief. */
  searchAll: boolean;
  /** Fetch the facet counts (the Refine panel is open). */
  counts: boolean;
  pageSize: number;
  /** Title candidates looked at beyond the first page. */
  extraTitles: number;
}

/** The part of a search one bundle answers. */
interface Part {
  found: Searchable;
  /** Its results with the words (Pagefind's order). */
  results: Hit[];
  counts: Counts;
  unfiltered: number;
}

interface Scored extends Ranked {
  hit: Hit;
  titleWords: boolean;
}

export async function runSearch(
  bundles: Bundles,
  state: SearchState,
  options: SearchOptions,
): Promise<Outcome> {
  const { facets } = options;
  const counted = options.counts ? facets.map((f) => f.key) : null;
  const prepared = prepareQuery(state.q);
  const term = prepared.term || null;
  const filters = pagefindFilters(state, facets);
  const archiveYears = facets.find((f) => f.key === FILTER.year)?.values ?? [];
  const years = searchedYears(state, archiveYears);
  const kinds = state.filters[FILTER.kind] ?? [];
  const needs = {
    years: years ?? [],
    oldestFirst: state.sort === 'oldest',
    all: options.searchAll,
    profilesOnly: kinds.length > 0 && !kinds.includes(BRIEF_KIND),
  };
  const named = prepared.text
    ? bundles.entitiesNamed(prepared.text).catch((error: unknown) => {
        console.error(error);
        return [] as EntityCard[];
      })
    : Promise.resolve([] as EntityCard[]);

  // The words, in the bundle that answers them.
  const answering = bundles.forQuery(prepared.bundle, needs, counted);
  // A Chinese query naming an entity reads the English bundle too (below): loaded meanwhile.
  const englishLoad =
    prepared.bundle === 'zh' && term
      ? named.then((entities) =>
          entities.length ? bundles.forQuery('en', needs, counted) : undefined,
        )
      : Promise.resolve(undefined);
  let found = await answering;
  let words = await searchWords(found.pagefind, prepared, term, filters);
  // No page with a phrase remembered from a brief (three words or more, or four Chinese
  // characters) among the newest briefs: search them all. Too few results to fill a page: add the fall-back tier, a
  // bounded number of older shards, so that a first search stays small however large the
  // archive ("Also search…" offers the rest).
  const phraseMissed = prepared.recalled && !words.ordered.some((r) => r.phrase);
  const tooFew = words.ordered.length < options.pageSize && found.moreAvailable;
  if ((found.missingBriefs || found.missingProfiles) && (phraseMissed || tooFew)) {
    const wider = phraseMissed ? { ...needs, all: true } : { ...needs, more: true };
    found = await bundles.forQuery(prepared.bundle, wider, counted);
    words = await searchWords(found.pagefind, prepared, term, filters);
  }
  // The entities the query names; shown first where their profiles pass the filters.
  const entities = await named;
  const cards = entities.filter((card) => profilePasses(card, state.filters, years !== undefined));
  const count = (queries: Counted[]) =>
    facetCounts(found.pagefind, queries, state, facets).then((counts) => ({ counts }));
  const first: Part = {
    found,
    results: words.main.results,
    unfiltered: words.main.unfilteredResultCount,
    ...(await count([{ term, extra: {}, sign: 1, counts: words.main.filters }])),
  };
  const parts = [first];
  // A Chinese query naming an entity also finds the pages about it that do not contain its
  // characters: those of the Chinese bundle tagged with it, and the English bundle's other
  // pages tagged with it (`lang`: every page is in one part). Counts of the Chinese part, a
  // union, are counts of the words plus those of the tag less those of both.
  let english = await englishLoad;
  let taggedOnly: Hit[] = [];
  if (english && term && entities.length) {
    const tagged: Filters = {
      all: [{ any: entities.map((c) => ({ [c.kind]: { any: [c.name] } })) }],
    };
    const [inTag, both] = await Promise.all([
      found.pagefind.search(null, { filters: { ...filters, ...tagged } }),
      found.pagefind.search(term, { filters: { ...filters, ...tagged } }),
    ]);
    const withWords = new Set(words.main.results.map((r) => r.id));
    taggedOnly = inTag.results.filter((r) => !withWords.has(r.id));
    first.counts = (
      await count([
        { term, extra: {}, sign: 1, counts: words.main.filters },
        { term: null, extra: tagged, sign: 1, counts: inTag.filters },
        { term, extra: tagged, sign: -1, counts: both.filters },
      ])
    ).counts;
    const about: Filters = { ...tagged, [FILTER.lang]: { none: [CHINESE] } };
    let response = await english.pagefind.search(null, { filters: { ...filters, ...about } });
    const shown = words.main.results.length + taggedOnly.length + response.results.length;
    // The briefs tagged with an entity the reader named: all of them, however old.
    if (english.missingBriefs && shown < options.pageSize) {
      english = await bundles.forQuery('en', { ...needs, all: true }, counted);
      response = await english.pagefind.search(null, { filters: { ...filters, ...about } });
    }
    parts.push({
      found: english,
      results: response.results,
      unfiltered: 0,
      counts: await facetCounts(
        english.pagefind,
        [{ term: null, extra: about, sign: 1, counts: response.filters }],
        state,
        facets,
      ),
    });
  }

  // The entities' profiles are shown as the entities, once.
  const shownAsCards = new Set(cards.flatMap((c) => [c.ids.en, c.ids.zh]).filter(Boolean));
  const resultsOf = (p: Part) => (p === first ? [...p.results, ...taggedOnly] : p.results);
  const counts = addCards(
    sumCounts(parts.map((p) => p.counts)),
    cards.filter(
      (c) => !parts.some((p) => resultsOf(p).some((r) => r.id === c.ids[p.found.bundle])),
    ),
  );
  const keep = <T extends { id: string }>(hits: readonly T[]) =>
    hits.filter((h) => !shownAsCards.has(h.id));

  let hits: Hit[];
  const sort = state.sort === 'relevance' && !term ? 'date' : state.sort;
  if (sort === 'relevance') {
    const ranked = await byTitle(keep(words.ordered), prepared, options);
    hits = [...ranked, ...keep(taggedOnly), ...keep(parts[1]?.results ?? [])];
  } else {
    const all = keep(parts.flatMap(resultsOf));
    const dates = await bundles.datesOf(parts.flatMap((p) => p.found.paths));
    hits = dateOrder(inDateOrder(all, dates, sort === 'date' ? 'desc' : 'asc'), all);
  }

  const scope = english ?? found;
  const finalEntities =
    options.counts && scope.missingBriefs && scope.missingTo
      ? await entitiesWithoutOlderBriefs(scope.pagefind, scope.missingTo, bundles, facets)
      : undefined;
  return {
    prepared,
    cards,
    hits,
    counts,
    unfiltered: parts.reduce((n, p) => n + p.unfiltered, 0) + cards.length,
    scope,
    ...(finalEntities ? { finalEntities } : {}),
  };
}

/**
 * The words searched loosely and, beside it, as a phrase: results with the phrase first
 * (rank.ts). A quoted query matches the phrase only, in the loose search's order.
 */
async function searchWords(
  pagefind: Pagefind,
  prepared: PreparedQuery,
  term: string | null,
  filters: Filters,
) {
  if (!term) {
    const main = await pagefind.search(null, { filters });
    return { main, ordered: main.results.map((hit) => scored(hit, false)) };
  }
  if (prepared.quoted) {
    const [main, loose] = await Promise.all([
      pagefind.search(term, { filters }),
      pagefind.search(term.slice(1, -1), { filters }),
    ]);
    const titled = new Set(loose.results.filter(hasTitleWords).map((r) => r.id));
    const ordered = rankLike(main.results, loose.results).map((hit) => ({
      ...scored(hit, true),
      titleWords: titled.has(hit.id),
    }));
    return { main, ordered };
  }
  const [main, phrase] = await Promise.all([
    pagefind.search(term, { filters }),
    prepared.phrase ? pagefind.search(prepared.phrase, { filters }) : undefined,
  ]);
  const inPhrase = new Set(phrase?.results.map((r) => r.id));
  return { main, ordered: main.results.map((hit) => scored(hit, inPhrase.has(hit.id))) };
}

const hasTitleWords = (hit: Hit) => hit.matchedMetaFields?.includes(META.title) ?? false;

const scored = (hit: Hit, phrase: boolean): Scored => ({
  id: hit.id,
  hit,
  phrase,
  titleWords: hasTitleWords(hit),
});

/**
 * Results in tiers: titles that are (nearly) the query, then the phrase, then the rest.
 * Titles are read from the fragments of the first page of results (fetched anyway) and of a
 * few more whose titles hold the query's words.
 */
async function byTitle(
  ordered: Scored[],
  prepared: PreparedQuery,
  options: SearchOptions,
): Promise<Hit[]> {
  const tiered = rankResults(ordered);
  if (!prepared.text) return tiered.map((s) => s.hit);
  const extra = prepared.words.length > 1 || prepared.bundle === 'zh' ? options.extraTitles : 0;
  const candidates = titleCandidates(tiered, options.pageSize, extra);
  const fragments = await Promise.all(candidates.map((c) => c.hit.data()));
  candidates.forEach((c, i) => {
    c.title = titleMatch(prepared.text, fragments[i]!.meta.title ?? '');
  });
  return rankResults(tiered).map((s) => s.hit);
}

/** One search whose counts add to (or, for an overlap, come off) the facet counts. */
interface Counted {
  term: string | null;
  extra: Filters;
  sign: 1 | -1;
  /** Pagefind's counts for the search with every filter. */
  counts: Counts;
}

/**
 * Facet counts: Pagefind's for the results, and for each facet with ticked values the counts
 * of the same search without that facet's filter (what ticking another value would add).
 */
async function facetCounts(
  pagefind: Pagefind,
  queries: readonly Counted[],
  state: SearchState,
  facets: readonly FacetSpec[],
): Promise<Counts> {
  const own = facetsNeedingOwnCounts(state, facets);
  const result = sumCounts(
    queries.map((q) => q.counts),
    queries.map((q) => q.sign),
  );
  await Promise.all(
    own.map(async (facet) => {
      const filters = pagefindFilters(state, facets, facet.key);
      const responses = await Promise.all(
        queries.map((q) => pagefind.search(q.term, { filters: { ...filters, ...q.extra } })),
      );
      result[facet.key] =
        sumCounts(
          responses.map((r) => r.filters),
          queries.map((q) => q.sign),
        )[facet.key] ?? {};
    }),
  );
  return result;
}

function sumCounts(all: readonly Counts[], signs: readonly number[] = []): Counts {
  const sum: Counts = {};
  all.forEach((counts, i) => {
    for (const [facet, values] of Object.entries(counts))
      for (const [value, n] of Object.entries(values))
        (sum[facet] ??= {})[value] = (sum[facet][value] ?? 0) + n * (signs[i] ?? 1);
  });
  return sum;
}

/** Counts with the entities shown whose profiles were not among the results. */
function addCards(counts: Counts, cards: readonly EntityCard[]): Counts {
  for (const card of cards) {
    for (const [facet, value] of [
      [FILTER.kind, card.label],
      [card.kind, card.name],
    ] as const)
      (counts[facet] ??= {})[value] = (counts[facet][value] ?? 0) + 1;
  }
  return counts;
}

/**
 * The entities with no brief as old as the newest brief not searched yet: their counts are
 * final. One search of the profiles, by their `since` filter (document.ts): those whose
 * oldest brief is not in the quarters up to that brief (or who have none). Shards hold
 * whole quarters, so no brief of such an entity is in a shard not searched yet.
 */
async function entitiesWithoutOlderBriefs(
  pagefind: Pagefind,
  missingTo: string,
  bundles: Bundles,
  facets: readonly FacetSpec[],
): Promise<Map<string, Set<string>>> {
  const oldest = (await bundles.oldestDay()) ?? missingTo;
  const response = await pagefind.search(null, {
    filters: {
      [FILTER.kind]: { none: [BRIEF_KIND] },
      [FILTER.since]: { none: quartersBetween(oldest, missingTo) },
    },
  });
  const result = new Map<string, Set<string>>();
  for (const facet of facets.filter((f) => f.noun)) {
    const names = Object.entries(response.filters[facet.key] ?? {})
      .filter(([, n]) => n > 0)
      .map(([name]) => name);
    result.set(facet.key, new Set(names));
  }
  return result;
}

export type { Fragment };
