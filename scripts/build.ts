/**
 * `npm run build`: check the content, build the site into a staging folder,
 * and only when everything succeeded swap it into dist/. A failed build leaves
 * the previously published dist/ exactly as it was.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { indexSite } from '../src/search/build/pagefind.ts';
import { checkContent } from './check.ts';
import { contentDirFromEnv } from './paths.ts';

const outDir = resolve(process.env.BRIEFING_DIST ?? 'dist');
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;
// Astro's caches (content store, incremental pages) belong to one content folder: a build of
// another folder (tests, the benchmark) gets a cache of its own instead of overwriting ours.
const contentDir = resolve(contentDirFromEnv());
const cacheDir = contentDir === resolve('content') ? undefined : resolve('.briefing/cache', createHash('sha1').update(contentDir).digest('hex').slice(0, 12));

function fail(message: string): never {
  console.error(`\n✗ ${message}\n  ${outDir} was left as it was.`);
  rmSync(staging, { recursive: true, force: true });
  process.exit(1);
}

if (!checkContent()) process.exit(1);

rmSync(staging, { recursive: true, force: true });
const astro = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, BRIEFING_OUT_DIR: staging, BRIEFING_INDEX_AFTER_BUILD: '1', ...(cacheDir && !process.env.BRIEFING_CACHE_DIR ? { BRIEFING_CACHE_DIR: cacheDir } : {}) },
});
if (astro.status !== 0) fail(`astro build failed (exit ${astro.status ?? astro.signal}).`);
try {
  console.log(`[briefing-pagefind] ${await indexSite(staging, outDir)}`);
} catch (error) {
  fail(`search indexing failed: ${(error as Error).message}`);
}
if (!existsSync(`${staging}/index.html`) || !existsSync(`${staging}/pagefind/pagefind.js`)) fail('the build finished without a home page or search index.');

rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
console.log(`\n✓ site built into ${outDir}`);
// Deleting 10,000 old pages takes seconds; nobody needs to wait for it.
spawn(process.execPath, ['-e', `require('node:fs').rmSync(${JSON.stringify(previous)}, { recursive: true, force: true })`], { detached: true, stdio: 'ignore' }).unref();
