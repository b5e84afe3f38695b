// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { commandFlags } from './src/astro/command-flags.ts';
import { pagefind } from './src/search/build/pagefind.ts';
import { loadEntityFiles } from './src/content/files.ts';
import { CONTENT_DIR } from './src/content/registry.ts';
import { EntityIndex } from './src/model/resolve.ts';
import { validateEntities } from './src/content/validate.ts';
import { markdownOptions } from './src/astro/markdown.ts';

/** The public address of the deployed site: used in feeds, the sitemap and canonical links. */
const site = process.env.SITE_URL ?? 'https://briefing.example.org';

/** @type {EntityIndex | undefined} */
let entityIndex;
const getEntityIndex = () => {
  if (!entityIndex) {
    const files = loadEntityFiles(process.cwd(), process.env.BRIEFING_CONTENT_DIR ?? CONTENT_DIR);
    entityIndex = new EntityIndex(validateEntities(files).entities);
  }
  return entityIndex;
};

export default defineConfig({
  site,
  outDir: process.env.BRIEFING_OUT_DIR ?? './dist',
  cacheDir: process.env.BRIEFING_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  markdown: { processor: satteri(markdownOptions(getEntityIndex)) },
  experimental: { incrementalBuild: true },
  integrations: [commandFlags(), mdx(), sitemap({ filter: (page) => !page.includes('/404') }), pagefind()],
});
