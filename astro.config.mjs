// @ts-check
/**
 * Astro's configuration. Every setting comes from src/config.ts (the environment over the
 * content folder's site.yaml over the defaults); docs/configuration.md has the table.
 */
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { join, resolve, sep } from 'node:path';
import { defineConfig } from 'astro/config';
import { commandFlags } from './src/astro/command-flags.ts';
import { kindStyles } from './src/astro/kind-styles.ts';
import { sortedSitemap } from './src/astro/sitemap-integration.ts';
import { markdownOptions } from './src/astro/markdown.ts';
import { ConfigError, getConfig } from './src/config.ts';
import { contentLocation, loadContentCached } from './src/content/load.ts';
import { pagefind } from './src/astro/pagefind-integration.ts';
import { PAGES_IN_PLACE } from './src/astro/build-env.ts';
import { redirects } from './src/astro/redirects-integration.ts';
import { linkedPages } from './src/astro/linked-pages-integration.ts';
import { contentMedia } from './src/astro/media-integration.ts';
import { leftToContentWatcher } from './src/astro/content-watcher.ts';
import { cspDirectives, SCRIPT_SOURCES, scriptHash, STYLE_SOURCES } from './src/astro/security.ts';
import { SEARCH_SHORTCUT_SCRIPT } from './src/astro/inline-scripts.ts';

/** @returns {import('./src/config.ts').Config} */
function config() {
  try {
    return getConfig();
  } catch (error) {
    // A clear list of what to fix, not a stack trace.
    if (error instanceof ConfigError) {
      console.error(`\n✗ ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

const projectConfig = config();
const { root, distDir, contentDir, siteUrl, basePath, cacheDir, site: settings } = projectConfig;

/**
 * @param {string} projectRoot
 * @param {string} dist
 */
function ignoredByDevServer(projectRoot, dist) {
  // Briefs and profiles: the content loader watches them a folder at a time, and tells Vite.
  const contentFile = leftToContentWatcher(contentDir);
  const inside = [
    join(projectRoot, 'bench/work'),
    join(projectRoot, '.briefing'),
    dist,
    `${dist}.staging`,
  ];
  /** @param {string} path */
  return (path) =>
    contentFile(path) || inside.some((dir) => path === dir || path.startsWith(dir + sep));
}

/** [[wikilinks]] in MDX resolve against the same validated profiles as everything else. */
const entityIndex = () => loadContentCached(contentLocation(projectConfig), 1000).index;

export default defineConfig({
  site: siteUrl,
  base: basePath,
  outDir: distDir,
  cacheDir,
  trailingSlash: 'always',
  // Four pages in flight: a page waits on reading its body and writing its HTML, and a
  // rebuild mostly copies unchanged pages; measured 18% faster than one at 3,000 briefs.
  build: { format: 'directory', concurrency: 4 },
  // Used for MDX bodies; Markdown bodies are rendered by src/astro/markdown.ts with the same options.
  // Shiki colours code with inline styles, which the Content-Security-Policy refuses.
  markdown: { processor: satteri(markdownOptions(entityIndex)), syntaxHighlight: false },
  // A Content-Security-Policy in every page's <meta>, with the hashes of its scripts and styles
  // (src/astro/security.ts; the build also writes it to _headers).
  security: {
    csp: {
      directives: cspDirectives(settings.embeds),
      scriptDirective: { resources: SCRIPT_SOURCES, hashes: [scriptHash(SEARCH_SHORTCUT_SCRIPT)] },
      styleDirective: { resources: STYLE_SOURCES },
    },
  },
  // Pages whose cache key (src/astro/cache-keys.ts) is unchanged are reused from the last build.
  experimental: { incrementalBuild: true },
  // The dev server watches the project; not the benchmark's corpora, builds and caches (hundreds
  // of thousands of files after `npm run bench`: the system's watch limit, and a slow start).
  vite: {
    server: { watch: { ignored: ignoredByDevServer(resolve(root), distDir) } },
    // `npm run build` has put the unchanged pages of the last build in place (scripts/build.ts).
    build: { emptyOutDir: process.env[PAGES_IN_PLACE] !== '1' },
  },
  integrations: [
    commandFlags(),
    kindStyles(),
    mdx(),
    sortedSitemap({ filter: (page) => !page.includes('/404') }),
    contentMedia(),
    redirects(),
    pagefind(),
    // Pages and their cached copies are one file each, shared with the published site: never
    // written in place.
    linkedPages(),
  ],
});
