/**
 * Indexes the built site with Pagefind at the end of a plain `astro build`, so the index
 * can never be forgotten or go stale. `npm run build` indexes from its own process instead
 * (scripts/build.ts), each bundle as soon as Astro has written its pages, and with Pagefind
 * processes of their own rather than inside Astro's heap.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { getConfig } from '../config.ts';
import { contentLocation, loadContentCached } from '../content/load.ts';
import { entitiesToLookup, pagesToIndex } from '../search/build/documents.ts';
import { indexSite } from '../search/build/index-site.ts';
import { INDEX_AFTER_BUILD } from './build-env.ts';
import { siteGraph } from './site-graph.ts';

export function pagefind(): AstroIntegration {
  return {
    name: 'briefing-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env[INDEX_AFTER_BUILD] === '1') return;
        const config = getConfig();
        const content = loadContentCached(contentLocation(config));
        const graph = siteGraph(content, config);
        logger.info(
          await indexSite(fileURLToPath(dir), pagesToIndex(graph, config.basePath), {
            language: config.site.language,
            entities: entitiesToLookup(graph, config.basePath),
            ...config.search,
            // Inside Astro's bundled config: no worker threads, one bundle at a time.
            jobs: 1,
          }),
        );
      },
    },
  };
}
