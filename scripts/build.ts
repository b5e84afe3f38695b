/**
 * `npm run build`: check the content, build the site into a staging folder, index it for
 * search, and only when everything succeeded swap it into dist/. A failed build leaves
 * the previously published dist/ exactly as it was.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INDEX_AFTER_BUILD } from '../src/astro/pagefind-integration.ts';
import { siteGraph } from '../src/astro/site-graph.ts';
import { hashesOfPage, headersFile } from '../src/astro/security.ts';
import { entitiesToLookup, pagesToIndex } from '../src/search/build/documents.ts';
import { indexSite } from '../src/search/build/index-site.ts';
import { checkContent, configOrReport } from './check.ts';
import { verifySite } from './lib/verify-site.ts';

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
const graph = siteGraph(content, config);
try {
  const pages = pagesToIndex(graph, config.basePath);
  const entities = entitiesToLookup(graph, config.basePath);
  console.log(
    `[briefing-pagefind] ${await indexSite(staging, pages, { previousDir: outDir, language: config.site.language, entities, ...config.search })}`,
  );
} catch (error) {
  fail(`search indexing failed: ${(error as Error).message}`);
}
writeHeaders();
const incomplete = verifySite(staging, graph);
if (incomplete.length)
  fail(
    `the built site is not complete, so it was not published:\n  - ${incomplete.join('\n  - ')}`,
  );

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

/**
 * `_headers` for hosts that read one: the pages' Content-Security-Policy as a header, with the
 * script and style hashes of every kind of page (Astro hashes the whole site's set into each).
 */
function writeHeaders() {
  const script = new Set<string>();
  const style = new Set<string>();
  const firstBrief = graph.briefs[0];
  const samples = ['index.html', '404.html', 'search/index.html', 'network/index.html'];
  if (firstBrief) samples.push(`briefs/${firstBrief.slug}/index.html`);
  for (const file of samples) {
    const path = join(staging, file);
    if (!existsSync(path)) continue;
    const hashes = hashesOfPage(readFileSync(path, 'utf8'));
    hashes.script.forEach((h) => script.add(h));
    hashes.style.forEach((h) => style.add(h));
  }
  writeFileSync(
    join(staging, '_headers'),
    headersFile(config!.site.embeds, { script: [...script], style: [...style] }),
  );
}
