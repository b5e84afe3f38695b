/**
 * The state of a search — query, facet filters, a range of years, sort — and its round trip
 * through the page URL, so that any search can be shared, bookmarked and restored:
 *
 *   /search/?q=rare+earth&companies=MP+Materials&from=2020&to=2024&sort=date
 *
 * Within one facet a result needs any ticked value (briefs on MP Materials or Lynas); across
 * facets it needs every facet (a company, and a year); the range narrows the years further.
 * Pure and dependency-free (it runs in the browser); the facet list itself is derived from
 * the entity registry by the search page and passed in.
 */
import { FILTER } from './document.ts';

export interface FacetSpec {
  /** The Pagefind filter name and URL parameter: kind, year, companies, ... */
  key: string;
  /** The fieldset legend. */
  label: string;
  /** Order of the options: by count (entities), newest first (years), or as listed in `values`. */
  order: 'count' | 'desc' | 'listed';
  /**
   * For `listed`: the values in display order (the kinds, as the registry lists them); for
   * the year facet, every year of the archive, oldest first (the range offers them).
   */
  values?: string[];
  /** What one value is called, for chips ("Filter by company …"). */
  noun?: string;
}

export const SORTS = {
  relevance: { label: 'Relevance' },
  date: { label: 'Newest first' },
  oldest: { label: 'Oldest first' },
} as const;

export type SortId = keyof typeof SORTS;

export interface SearchState {
  q: string;
  sort: SortId;
  /** Selected values per facet key; a facet with nothing selected is absent. */
  filters: Record<string, string[]>;
  /** First and last year of the range (`from=2020&to=2024`); absent: the archive's own. */
  from?: string;
  to?: string;
}

function isSort(value: string | null): value is SortId {
  return value !== null && Object.hasOwn(SORTS, value);
}

/** Reads the state from a query string (`?q=…&companies=…`); unknown parameters are ignored. */
export function parseState(
  search: string | URLSearchParams,
  facets: readonly FacetSpec[],
): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters: Record<string, string[]> = {};
  for (const facet of facets) {
    const values = unique(
      params
        .getAll(facet.key)
        .map((v) => v.trim())
        .filter(Boolean),
    );
    if (values.length) filters[facet.key] = values;
  }
  const sort = params.get('sort');
  const state: SearchState = {
    q: (params.get('q') ?? '').replace(/\s+/g, ' ').trim(),
    sort: isSort(sort) ? sort : 'relevance',
    filters,
  };
  const [from, to] = [year(params.get('from')), year(params.get('to'))];
  return withRange(state, from, to);
}

const year = (value: string | null) => (value && /^\d{4}$/.test(value.trim()) ? value.trim() : '');

/** A copy of the state with the range set (in order; a blank end leaves that side open). */
export function withRange(state: SearchState, from = '', to = ''): SearchState {
  const { from: _f, to: _t, ...rest } = state;
  const [a, b] = from && to && from > to ? [to, from] : [from, to];
  return { ...rest, ...(a ? { from: a } : {}), ...(b ? { to: b } : {}) };
}

/** The query string for a state (`?q=rare+earth&companies=MP+Materials&sort=date`), or '' when empty. */
export function serializeState(state: SearchState, facets: readonly FacetSpec[]): string {
  const params = new URLSearchParams();
  const q = state.q.trim();
  if (q) params.set('q', q);
  for (const facet of facets)
    for (const value of state.filters[facet.key] ?? []) params.append(facet.key, value);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** True when there is nothing to search for: no words and no filters. */
export function isEmptyState(state: SearchState): boolean {
  return !state.q.trim() && countFilters(state) === 0;
}

/** Ticked values, and the range as one more. */
export function countFilters(state: SearchState): number {
  const ticked = Object.values(state.filters).reduce((n, values) => n + values.length, 0);
  return ticked + (state.from || state.to ? 1 : 0);
}

/** The years of the range, from the archive's years (oldest first); undefined without a range. */
export function rangeYears(
  state: SearchState,
  archiveYears: readonly string[],
): string[] | undefined {
  if (!state.from && !state.to) return undefined;
  return archiveYears.filter(
    (y) => (!state.from || y >= state.from) && (!state.to || y <= state.to),
  );
}

/**
 * The years a search is limited to: the ticked years within the range, or the range, or
 * (neither) undefined. An empty list means no year can match.
 */
export function searchedYears(
  state: SearchState,
  archiveYears: readonly string[],
  omitTicked = false,
): string[] | undefined {
  const range = rangeYears(state, archiveYears);
  const ticked = omitTicked ? undefined : state.filters[FILTER.year];
  if (!ticked?.length) return range;
  return range ? ticked.filter((y) => range.includes(y)) : ticked;
}

export function isSelected(state: SearchState, key: string, value: string): boolean {
  return state.filters[key]?.includes(value) ?? false;
}

/** A copy of the state with one facet value switched on or off. */
export function toggleFilter(
  state: SearchState,
  key: string,
  value: string,
  on = !isSelected(state, key, value),
): SearchState {
  const current = state.filters[key] ?? [];
  const next = on ? unique([...current, value]) : current.filter((v) => v !== value);
  const filters = { ...state.filters };
  if (next.length) filters[key] = next;
  else delete filters[key];
  return { ...state, filters };
}

/** A year no page has: a filter on it matches nothing (an empty range). */
const NO_YEAR = '0000';

/**
 * The `filters` option for `pagefind.search()`: `{ kind: { any: [...] }, companies: { any: [...] } }`,
 * the year facet and the range combined. `omit` leaves one facet out, to count what its other
 * values would give (see facetsNeedingOwnCounts); the range stays.
 */
export function pagefindFilters(
  state: SearchState,
  facets: readonly FacetSpec[],
  omit?: string,
): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const facet of facets) {
    if (facet.key === FILTER.year) {
      const years = searchedYears(state, facet.values ?? [], omit === FILTER.year);
      if (years) filters[facet.key] = { any: years.length ? years : [NO_YEAR] };
      continue;
    }
    const values = state.filters[facet.key];
    if (facet.key !== omit && values?.length) filters[facet.key] = { any: values };
  }
  return filters;
}

/**
 * Facets whose counts need a search of their own: those with a selection. Ticking another
 * value of such a facet widens the results, so its counts come from the same search
 * without that facet's own filter.
 */
export function facetsNeedingOwnCounts(
  state: SearchState,
  facets: readonly FacetSpec[],
): FacetSpec[] {
  return facets.filter((facet) => (state.filters[facet.key]?.length ?? 0) > 0);
}

export interface FacetOption {
  value: string;
  count: number;
  selected: boolean;
  /** Not every page with this value was searched yet (a large site's older shards): `count` is a lower bound. */
  partial?: boolean;
}

/** What is known of pages not searched yet (a large site's older shards), for one facet. */
export interface Unsearched {
  /** Values of pages not searched yet, offered even without results so far (years). */
  values?: readonly string[];
  /**
   * The counts are lower bounds, except for these values (entities known to have no brief
   * in the shards not searched yet).
   */
  allBut?: ReadonlySet<string>;
}

/**
 * The options to show for one facet: every selected value (so it can be unticked), every
 * other value that would still leave results, and every value of pages not searched yet
 * (`partial`, e.g. the years of older shards, so that ticking one searches them); in the
 * facet's order.
 */
export function facetOptions(
  facet: FacetSpec,
  counts: Record<string, number> | undefined,
  selected: readonly string[],
  unsearched: Unsearched = {},
): FacetOption[] {
  const partial = unsearched.values ?? [];
  const values = new Set([...Object.keys(counts ?? {}), ...selected, ...partial]);
  const options = [...values]
    .map((value): FacetOption => {
      const count = counts?.[value] ?? 0;
      const lowerBound =
        partial.includes(value) ||
        (count > 0 && unsearched.allBut !== undefined && !unsearched.allBut.has(value));
      return {
        value,
        count,
        selected: selected.includes(value),
        ...(lowerBound ? { partial: true } : {}),
      };
    })
    .filter((o) => o.selected || o.count > 0 || partial.includes(o.value));
  const byName = (a: FacetOption, b: FacetOption) => a.value.localeCompare(b.value, 'en');
  switch (facet.order) {
    case 'desc':
      return options.sort((a, b) => b.value.localeCompare(a.value, 'en', { numeric: true }));
    case 'listed': {
      const rank = (v: string) => {
        const i = facet.values?.indexOf(v) ?? -1;
        return i < 0 ? Number.MAX_SAFE_INTEGER : i;
      };
      return options.sort((a, b) => rank(a.value) - rank(b.value) || byName(a, b));
    }
    default:
      return options.sort((a, b) => b.count - a.count || byName(a, b));
  }
}

/**
 * Date order for results where only some pages have a date (briefs do, profiles don't):
 * Pagefind's date-sorted results first, then the undated results in relevance order,
 * so that sorting never hides a result.
 */
export function dateOrder<T extends { id: string }>(
  sorted: readonly T[],
  relevance: readonly T[],
): T[] {
  const seen = new Set(sorted.map((r) => r.id));
  return [...sorted, ...relevance.filter((r) => !seen.has(r.id))];
}

/**
 * Pagefind does not rank an exact-phrase search ("…"): order its results as the same
 * words searched loosely would be, keeping any others after them.
 */
export function rankLike<T extends { id: string }>(
  items: readonly T[],
  reference: readonly { id: string }[],
): T[] {
  const rank = new Map(reference.map((r, i) => [r.id, i]));
  const of = (item: T) => rank.get(item.id) ?? Number.MAX_SAFE_INTEGER;
  return [...items].sort((a, b) => of(a) - of(b));
}

/**
 * A result's link without empty `highlight` parameters (Pagefind adds one per query word,
 * and an empty one when browsing by facets without words).
 */
export function resultHref(url: string): string {
  const parsed = new URL(url, 'https://x.invalid');
  const words = parsed.searchParams.getAll('highlight').filter((w) => w.trim());
  parsed.searchParams.delete('highlight');
  for (const word of words) parsed.searchParams.append('highlight', word);
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
