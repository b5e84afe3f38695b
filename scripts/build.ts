/**
 * `npm run build`: check the content, build the site into a staging folder, index it for
 * search, and only when everything succeeded swap it into dist/. A failed build leaves
 * the previously published dist/ exactly as it was.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { INDEX_AFTER_BUILD } from '../src/astro/pagefind-integration.ts';
import { siteGraph } from '../src/astro/site-graph.ts';
import { pagesToIndex } from '../src/search/build/documents.ts';
import { indexSite } from '../src/search/build/index-site.ts';
import { checkContent, configOrReport } from './check.ts';

const config = configOrReport();
if (!config) process.exit(1);
// `--strict` is the check's (warnings count as errors); every other argument is Astro's.
const strict = process.argv.includes('--strict');
const astroArgs = process.argv.slice(2).filter((arg) => arg !== '--strict');
const content = checkContent(config, { strict });
if (!content) process.exit(1);

const outDir = config.distDir;
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;

function fail(message: string): never {
  console.error(`\n✗ ${message}\n  ${outDir} was left as it was.`);
  rmSync(staging, { recursive: true, force: true });
  process.exit(1);
}

rmSync(staging, { recursive: true, force: true });
const astro = spawnSync(
  process.execPath,
  [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', staging, ...astroArgs],
  {
    stdio: 'inherit',
    env: { ...process.env, [INDEX_AFTER_BUILD]: '1' },
  },
);
if (astro.status !== 0) fail(`astro build failed (exit ${astro.status ?? astro.signal}).`);
try {
  const pages = pagesToIndex(siteGraph(content, config), config.basePath);
  console.log(
    `[briefing-pagefind] ${await indexSite(staging, pages, { previousDir: outDir, language: config.site.language, ...config.search })}`,
  );
} catch (error) {
  fail(`search indexing failed: ${(error as Error).message}`);
}
if (!existsSync(`${staging}/index.html`) || !existsSync(`${staging}/pagefind/pagefind.js`))
  fail('the build finished without a home page or search index.');

rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
console.log(`\n✓ site built into ${outDir}`);
// Deleting 10,000 old pages takes seconds; nobody needs to wait for it.
spawn(
  process.execPath,
  [
    '-e',
    `require('node:fs').rmSync(${JSON.stringify(previous)}, { recursive: true, force: true })`,
  ],
  { detached: true, stdio: 'ignore' },
).unref();
