/**
 * The state of a search — query, facet filters, sort — and its round trip through the
 * page URL, so that any search can be shared, bookmarked and restored:
 *
 *   /search/?q=rare+earth&companies=MP+Materials&year=2025&sort=date
 *
 * Pure and dependency-free (it runs in the browser); the facet list itself is derived
 * from the entity registry by the search page and passed in.
 */

/**
 * How several values of one facet combine. `any`: results with at least one of them
 * (for facets where a page has one value: kind, year). `all`: results with every one
 * of them (for entities: a brief that mentions both MP Materials and Apple).
 */
export type FacetMode = 'any' | 'all';

export interface FacetSpec {
  /** The Pagefind filter name and URL parameter: kind, year, companies, ... */
  key: string;
  /** The fieldset legend. */
  label: string;
  mode: FacetMode;
  /** Order of the options: by count (entities), newest first (years), or as listed in `values`. */
  order: 'count' | 'desc' | 'listed';
  /** For `listed`: the values in display order (the kinds, as the registry lists them). */
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
  return {
    q: (params.get('q') ?? '').replace(/\s+/g, ' ').trim(),
    sort: isSort(sort) ? sort : 'relevance',
    filters,
  };
}

/** The query string for a state (`?q=rare+earth&companies=MP+Materials&sort=date`), or '' when empty. */
export function serializeState(state: SearchState, facets: readonly FacetSpec[]): string {
  const params = new URLSearchParams();
  const q = state.q.trim();
  if (q) params.set('q', q);
  for (const facet of facets)
    for (const value of state.filters[facet.key] ?? []) params.append(facet.key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** True when there is nothing to search for: no words and no filters. */
export function isEmptyState(state: SearchState): boolean {
  return !state.q.trim() && Object.values(state.filters).every((values) => values.length === 0);
}

export function countFilters(state: SearchState): number {
  return Object.values(state.filters).reduce((n, values) => n + values.length, 0);
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

/**
 * The `filters` option for `pagefind.search()`: `{ kind: { any: [...] }, companies: { all: [...] } }`.
 * `omit` leaves one facet out, to count what its other values would give (see facetCounts).
 */
export function pagefindFilters(
  state: SearchState,
  facets: readonly FacetSpec[],
  omit?: string,
): Record<string, Record<FacetMode, string[]>> {
  const filters: Record<string, Record<FacetMode, string[]>> = {};
  for (const facet of facets) {
    const values = state.filters[facet.key];
    if (facet.key === omit || !values?.length) continue;
    filters[facet.key] = { [facet.mode]: values } as Record<FacetMode, string[]>;
  }
  return filters;
}

/**
 * Facets whose counts need a search of their own. For an `all` facet, Pagefind's counts
 * for the current results are exactly what adding a value would leave. For an `any`
 * facet with a selection, adding a value widens the results, so its counts come from
 * the same search without that facet's own filter.
 */
export function facetsNeedingOwnCounts(
  state: SearchState,
  facets: readonly FacetSpec[],
): FacetSpec[] {
  return facets.filter(
    (facet) => facet.mode === 'any' && (state.filters[facet.key]?.length ?? 0) > 0,
  );
}

export interface FacetOption {
  value: string;
  count: number;
  selected: boolean;
  /** Not every page with this value was searched yet (a large site's older shards): `count` is a lower bound. */
  partial?: boolean;
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
  partial: readonly string[] = [],
): FacetOption[] {
  const values = new Set([...Object.keys(counts ?? {}), ...selected, ...partial]);
  const options = [...values]
    .map((value): FacetOption => ({
      value,
      count: counts?.[value] ?? 0,
      selected: selected.includes(value),
      ...(partial.includes(value) ? { partial: true } : {}),
    }))
    .filter((o) => o.selected || o.count > 0 || o.partial);
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
