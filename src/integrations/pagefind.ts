/**
 * Builds the Pagefind search index as the last step of `astro build`, so the index
 * can never be forgotten or go stale (the way Starlight does it).
 *
 * Two bundles are written (see docs/search.md, "Chinese"):
 *
 * - `pagefind/`    every searchable page, in the site's language (English: stemmed);
 * - `pagefind/zh/` the same pages again, but only those whose indexed text contains
 *                  Chinese characters, indexed as Chinese so Pagefind segments it into
 *                  words (北方稀土 → 北方 · 稀土). Pages here keep their URL, meta, filters
 *                  and sort keys, because Pagefind reads them from the same HTML.
 *
 * The search page sends a query to exactly one bundle: to `zh` when the query contains
 * Chinese characters, to the English bundle otherwise. Each page is therefore counted
 * once per query, so result counts and facet counts stay exact with no de-duplication.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { BUNDLE_DIR, hasHan, ZH_BUNDLE_DIR } from '../lib/search-query.ts';

/** Files of a Pagefind bundle that the search page never loads from the Chinese bundle. */
const UNUSED_IN_SECONDARY = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$|^pagefind(?:-worker)?\.js$/;

export function pagefind(): AstroIntegration {
  return {
    name: 'briefing-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // `npm run build` indexes after Astro has exited (scripts/build.ts), so that Astro's
        // heap and Pagefind's are never held at once; a plain `astro build` indexes here.
        if (process.env.BRIEFING_INDEX_AFTER_BUILD === '1') return;
        logger.info(await indexSite(fileURLToPath(dir)));
      },
    },
  };
}

/** Writes both Pagefind bundles into the built site at `outDir`; returns a one-line report. */
export async function indexSite(outDir: string): Promise<string> {
  outDir = outDir.replace(/[\\/]$/, '');
  const started = performance.now();
  try {
    const english = await newIndex({});
    const added = await english.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    await write(english, join(outDir, BUNDLE_DIR));
    // A fresh Pagefind process for the second bundle: ending the first one returns its
    // memory, so the peak is one index, not both (BENCHMARKS.md).
    await close();

    const chinese = await newIndex({ forceLanguage: 'zh' });
    let chinesePages = 0;
    for (const { url, html } of searchablePages(outDir)) {
      if (!hasHan(indexedPart(html))) continue;
      const result = await chinese.addHTMLFile({ url, content: html });
      if (result.errors.length) throw new Error(`Pagefind could not index ${url} as Chinese: ${result.errors.join('; ')}`);
      chinesePages++;
    }
    const zhDir = join(outDir, BUNDLE_DIR, ZH_BUNDLE_DIR);
    await write(chinese, zhDir);
    for (const file of readdirSync(zhDir)) if (UNUSED_IN_SECONDARY.test(file)) rmSync(join(zhDir, file));

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    return `Pagefind indexed ${added.page_count} pages (${chinesePages} with Chinese text also as Chinese) in ${seconds} s`;
  } finally {
    await close();
  }
}

async function newIndex(config: Parameters<typeof createIndex>[0]): Promise<PagefindIndex> {
  const { index, errors } = await createIndex(config);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

/** Writes a bundle, then frees the index so the two never sit in memory together. */
async function write(index: PagefindIndex, outputPath: string): Promise<void> {
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`Pagefind could not write its index to ${outputPath}: ${written.errors.join('; ')}`);
  await index.deleteIndex();
}

/** Every built page that opted in to search (`data-pagefind-body`), with its URL. */
function* searchablePages(outDir: string): Generator<{ url: string; html: string }> {
  const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' });
  for (const file of files.sort()) {
    if (!file.endsWith('.html') || file.startsWith(`${BUNDLE_DIR}${sep}`)) continue;
    const html = readFileSync(join(outDir, file), 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const path = file.split(sep).join('/');
    yield { url: `/${path.replace(/index\.html$/, '').replace(/\.html$/, '/')}`, html };
  }
}

/**
 * The readable text Pagefind indexes: from the `data-pagefind-body` element on, without the
 * hidden filter and meta spans. Those carry every mentioned entity's aliases, Chinese ones
 * included; counting them put nearly every brief of a large site into the Chinese bundle.
 */
export function indexedPart(html: string): string {
  return html.slice(html.indexOf('data-pagefind-body')).replace(/<span hidden[^>]*>[^<]*<\/span>/g, '');
}
