/**
 * `npm run build`: check the content, build the site into a staging folder, index it for
 * search, and only when everything succeeded swap it into dist/. A failed build leaves
 * the previously published dist/ exactly as it was.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { INDEX_AFTER_BUILD } from '../src/astro/pagefind-integration.ts';
import { buildGraph } from '../src/model/graph.ts';
import { entitiesToLookup, pagesToIndex } from '../src/search/build/documents.ts';
import { indexSite } from '../src/search/build/index-site.ts';
import { checkContent, configOrReport } from './check.ts';

const config = configOrReport();
if (!config) process.exit(1);
const content = checkContent(config);
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
  [
    resolve('node_modules/astro/bin/astro.mjs'),
    'build',
    '--outDir',
    staging,
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, [INDEX_AFTER_BUILD]: '1' },
  },
);
if (astro.status !== 0) fail(`astro build failed (exit ${astro.status ?? astro.signal}).`);
try {
  const graph = buildGraph(content.briefs, content.entities);
  const pages = pagesToIndex(graph, config.basePath);
  const entities = entitiesToLookup(graph, config.basePath);
  console.log(
    `[briefing-pagefind] ${await indexSite(staging, pages, { previousDir: outDir, language: config.site.language, entities, ...config.search })}`,
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
