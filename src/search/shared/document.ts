/**
 * The search-document contract: the names of the Pagefind filters and metadata that pages
 * write (src/components/SearchFields.astro and the page templates), the indexing step relies
 * on (src/search/build/) and the search page reads (src/search/browser/). Date order comes
 * from each bundle's `dates.json` (src/search/shared/shards.ts), not from a Pagefind sort key.
 * Pure and dependency-free: it is shipped to the browser.
 */

/** Filters besides one per entity kind (named by the kind's id: `companies`, `policies`, …). */
export const FILTER = {
  kind: 'kind',
  year: 'year',
  /**
   * Written by the indexer, not by pages (src/search/build/documents.ts): `zh` on every page
   * with Chinese text, the pages of the Chinese bundle. A Chinese query that names an entity
   * adds the English bundle's other pages about it (`lang` none of `zh`): each page once.
   */
  lang: 'lang',
  /**
   * Written by the indexer on profiles: the quarter (`2025q3`) of the entity's oldest brief.
   * A search of the newest briefs only knows from it which entities' counts are final.
   */
  since: 'since',
} as const;

/** The `lang` filter's value for pages with Chinese text. */
export const CHINESE = 'zh';

export const META = {
  title: 'title',
  /** ISO date of a brief. */
  date: 'date',
  summary: 'summary',
  /** A profile's own name and aliases. */
  names: 'names',
  /** The names and aliases of the entities a brief mentions. */
  mentions: 'mentions',
} as const;

export type MetaName = (typeof META)[keyof typeof META];

/** The `kind` filter's value for briefs (profiles use their kind's singular name). */
export const BRIEF_KIND = 'Brief';

/**
 * Pagefind boosts a page by weight × how much of the query a field covers: a query naming
 * an entity finds its profile first (names), then the briefs that reference it (mentions).
 */
export const META_WEIGHTS: Partial<Record<MetaName, number>> = {
  [META.names]: 10,
  [META.mentions]: 2,
};

/** Attributes that mark page elements for the index. */
export const searchAttrs = {
  body: { 'data-pagefind-body': '' },
  ignore: { 'data-pagefind-ignore': '' },
  meta: (name: MetaName) => ({ 'data-pagefind-meta': name }),
};

/** What a page tells the index besides its visible text. */
export interface SearchDocument {
  kind: string;
  year?: number | undefined;
  /** Values of each entity-kind filter: what a brief mentions, or a profile itself. */
  entities?: Record<string, string[]>;
  names?: readonly string[];
  mentions?: readonly string[];
}

export interface HiddenField {
  filter?: string;
  meta?: MetaName;
  text: string;
}

/** The hidden elements that carry a document's filters and metadata. */
export function hiddenFields(doc: SearchDocument): HiddenField[] {
  const fields: HiddenField[] = [{ filter: FILTER.kind, text: doc.kind }];
  if (doc.year !== undefined) fields.push({ filter: FILTER.year, text: String(doc.year) });
  for (const [kind, names] of Object.entries(doc.entities ?? {}))
    for (const name of names) fields.push({ filter: kind, text: name });
  if (doc.names?.length) fields.push({ meta: META.names, text: uniqueWords(doc.names) });
  if (doc.mentions?.length) fields.push({ meta: META.mentions, text: uniqueWords(doc.mentions) });
  return fields;
}

/**
 * The words of a list of names, each once (ignoring case). An entity's names share most of
 * their words, Pagefind matches and weighs metadata word by word, and every result carries
 * its metadata: `MP Materials · MP · MP Materials Corp.` → `MP Materials Corp.`
 */
export function uniqueWords(names: readonly string[]): string {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const word of names.join(' ').split(/\s+/)) {
    const key = word.toLowerCase();
    if (!word || seen.has(key)) continue;
    seen.add(key);
    words.push(word);
  }
  return words.join(' ');
}

/** The entity filters of a page: names by kind. */
export function entityFilters(
  entities: ReadonlyArray<{ kind: string; name: string }>,
): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const { kind, name } of entities) (filters[kind] ??= []).push(name);
  return filters;
}
