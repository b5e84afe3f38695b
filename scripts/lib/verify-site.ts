/**
 * Before a staged site replaces the published one: is it complete, and is it only the site?
 * Every published brief and profile has its page (and every profile its feed), every old
 * address its redirect page (and `_redirects`), the indexes,
 * feeds, sitemap, JSON export and search index exist, and nothing of the build's own (Astro's
 * `.prerender/` server bundle, `.mjs` chunks) is in it. A build that stopped half-way, even
 * with exit code 0, fails here and publishes nothing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS } from '../../src/content/registry.ts';
import { WHOLE_EXPORT_UP_TO } from '../../src/model/feeds.ts';
import type { LinkGraph } from '../../src/model/graph.ts';
import { redirectFiles, wantedRedirects } from '../../src/model/redirects.ts';
import { type PageToIndex, pagesToIndex } from '../../src/search/build/documents.ts';

/** Pages and files every site has, besides one per brief and profile. */
export const SITE_FILES = [
  'index.html',
  '404.html',
  'briefs/index.html',
  'timeline/index.html',
  'network/index.html',
  'search/index.html',
  'tracker/index.html',
  'corrections/index.html',
  'glossary/index.html',
  'rss.xml',
  'tracker/rss.xml',
  'glossary.json',
  'sitemap-index.xml',
  'api/index.json',
  'api/entities.json',
  'pagefind/pagefind.js',
  'pagefind/pagefind-entry.json',
  'pagefind/pagefind-worker.js',
  'pagefind/pagefind-highlight.js',
  '_headers',
  ...KINDS.map((kind) => `${kind.id}/index.html`),
];

/** What must not be published: Astro's server build and other build leftovers. */
const INTERNAL = /^\.|^chunks$|^server$|\.mjs$|^manifest[_.]/;

/**
 * The files a build of this graph must publish (sent from the build's check worker); `pages`
 * are the graph's pagesToIndex, which the worker has already made.
 */
export function expectedFiles(
  graph: LinkGraph,
  pages: readonly PageToIndex[] = pagesToIndex(graph),
): string[] {
  return [
    ...SITE_FILES,
    // The whole export in one file each, for archives small enough (else in parts only).
    ...(graph.briefs.length <= WHOLE_EXPORT_UP_TO ? ['api/briefs.json', 'api/links.json'] : []),
    ...pages.map((page) => page.file),
    ...graph.entities.map((entity) => `${entity.kind}/${entity.slug}/rss.xml`),
    // The graph's briefs are the published ones, whose old addresses redirect.
    ...redirectFiles(wantedRedirects(graph.briefs, graph.entities)),
  ];
}

/**
 * Everything wrong with the staged site in `dir`, or an empty list when it may be published.
 * `expected`: expectedFiles() of the site's graph.
 */
export function verifySite(dir: string, expected: readonly string[]): string[] {
  const problems: string[] = [];
  const missing: string[] = [];
  for (const file of expected) {
    const path = join(dir, file);
    if (!existsSync(path) || statSync(path).size === 0) missing.push(file);
  }
  if (missing.length) {
    const shown = missing.slice(0, 5).join(', ');
    problems.push(
      `${missing.length} of the ${expected.length} files every build publishes ${missing.length === 1 ? 'is' : 'are'} missing or empty: ${shown}${missing.length > 5 ? ', …' : ''}`,
    );
  }
  for (const sitemap of sitemapsListed(dir)) {
    if (!existsSync(join(dir, sitemap)))
      problems.push(`the sitemap index lists ${sitemap}, which is missing`);
  }
  const internal = readdirSync(dir).filter((name) => INTERNAL.test(name));
  if (internal.length) problems.push(`build internals are in the site: ${internal.join(', ')}`);
  return problems;
}

/** The sitemap files sitemap-index.xml points to, by file name. */
function sitemapsListed(dir: string): string[] {
  const index = join(dir, 'sitemap-index.xml');
  if (!existsSync(index)) return [];
  return [...readFileSync(index, 'utf8').matchAll(/<loc>[^<]*\/(sitemap-[^</]+\.xml)<\/loc>/g)].map(
    (m) => m[1]!,
  );
}
