/**
 * The category and tag archive pages of a Hugo or Jekyll site, read from its settings, so that
 * they redirect to the profiles the categories and tags become (scripts/import/plan.ts). A
 * WordPress export's are worked out in scripts/import/wordpress.ts. Eleventy has none of its
 * own: a site that made tag pages with pagination made them its own way, which a folder does
 * not show.
 *
 * Pure: the site's parsed settings in, a function from a term to its addresses out.
 */
export type Taxonomy = 'categories' | 'tags';

/** A term's archive addresses on the old site; none where the site had no such page. */
export type ArchivesOf = (taxonomy: Taxonomy, name: string, languagePrefix?: string) => string[];

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

/** Percent-encodes what a path cannot hold as written (a Chinese name, `%`, `?`, `#`). */
const encodePath = (path: string) =>
  path.replace(/[^a-zA-Z\d\-._~!$&'()*+,;=:@/]/gu, (c) => encodeURIComponent(c));

/** Hugo's urlize of a term's name: lower case (unless the site says not), spaces as hyphens. */
function hugoTermPath(name: string, lower: boolean): string {
  const path = name
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_.~+-]/gu, '')
    .replace(/-+/g, '-');
  return lower ? path.toLowerCase() : path;
}

/**
 * Hugo: `/<taxonomy>/<term>/` for each taxonomy its `taxonomies` setting keeps (categories
 * and tags when it has none), under a translation's `/<language>` prefix, or as its
 * `permalinks` (`term:` or top-level, by taxonomy) say. None when `disableKinds` turns term
 * pages off.
 */
export function hugoArchives(config: Record<string, unknown>): ArchivesOf {
  const taxonomies =
    config.taxonomies === undefined
      ? ['categories', 'tags']
      : Object.values(record(config.taxonomies)).filter((v) => typeof v === 'string');
  const disabled = strings(config.disableKinds ?? config.disablekinds).map((k) => k.toLowerCase());
  const off = disabled.includes('term') || disabled.includes('taxonomy');
  const permalinks = record(config.permalinks);
  const lower = !(config.disablePathToLower ?? config.disablepathtolower);
  return (taxonomy, name, prefix = '') => {
    if (off || !taxonomies.includes(taxonomy)) return [];
    const term = hugoTermPath(name, lower);
    if (!term) return [];
    const pattern = record(permalinks.term)[taxonomy] ?? permalinks[taxonomy];
    const path =
      typeof pattern === 'string'
        ? `/${pattern.replace(/:slug|:title/g, term)}/`.replace(/\/{2,}/g, '/')
        : `/${taxonomy}/${term}/`;
    return [encodePath(`${prefix}${path}`)];
  };
}

/** Jekyll's default slugify, which jekyll-archives uses for `:name`. */
const jekyllName = (name: string) =>
  name
    .replace(/[^\p{M}\p{L}\p{Nd}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();

const JEKYLL_ARCHIVE_PERMALINKS: Record<Taxonomy, { key: string; path: string }> = {
  categories: { key: 'category', path: '/category/:name/' },
  tags: { key: 'tag', path: '/tag/:name/' },
};

/**
 * Jekyll has archive pages only with the jekyll-archives plugin, for the kinds its `enabled`
 * setting lists (`all`, or `categories`, `tags`), at its `permalinks` (`/category/:name/`
 * and `/tag/:name/` by default), under the site's `baseurl`.
 */
export function jekyllArchives(config: Record<string, unknown>): ArchivesOf {
  const plugins = [...strings(config.plugins), ...strings(config.gems)];
  const settings = record(config['jekyll-archives']);
  const enabled = strings(settings.enabled);
  const on = (taxonomy: Taxonomy) =>
    plugins.includes('jekyll-archives') && (enabled.includes('all') || enabled.includes(taxonomy));
  const baseurl = typeof config.baseurl === 'string' ? config.baseurl.replace(/\/+$/, '') : '';
  const permalinks = record(settings.permalinks);
  return (taxonomy, name) => {
    if (!on(taxonomy)) return [];
    const slug = jekyllName(name);
    if (!slug) return [];
    const { key, path } = JEKYLL_ARCHIVE_PERMALINKS[taxonomy];
    const pattern = permalinks[key];
    const filled = (typeof pattern === 'string' ? pattern : path).replace(/:name/g, slug);
    return [encodePath(`${baseurl}/${filled}`.replace(/\/{2,}/g, '/'))];
  };
}

/** No archive pages known (Eleventy). */
export const noArchives: ArchivesOf = () => [];
