/**
 * `npm run build`: check the content, build the site into a staging folder, index it for
 * search, and only when everything succeeded swap it into dist/. A failed build leaves
 * the previously published dist/ exactly as it was.
 *
 * The check runs in a worker thread while Astro starts (two cores, and the records it reads
 * are freed with the worker); Astro's output goes to a log file (`.briefing/logs/build-<dist>-<hash>.log`,
 * named on the last line), and each phase shows one
 * progress line (scripts/lib/progress.ts). `--verbose` (or BRIEFING_BUILD_VERBOSE=1) also
 * prints Astro's log as it comes. Other arguments are passed to `astro build`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { Worker } from 'node:worker_threads';
import { INDEX_AFTER_BUILD } from '../src/astro/pagefind-integration.ts';
import { indexSite } from '../src/search/build/index-site.ts';
import { configOrReport } from './check.ts';
import type { CheckOutcome } from './lib/check-worker.ts';
import { type Phase, startPhase } from './lib/progress.ts';

const config = configOrReport();
if (!config) process.exit(1);

const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || process.env.BRIEFING_BUILD_VERBOSE === '1';
const astroArgs = args.filter((a) => a !== '--verbose');
const outDir = config.distDir;
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;
// A log of its own per output folder: builds into other folders (tests, the bench) may run at once.
const logFile = resolve(
  config.root,
  '.briefing/logs',
  `build-${basename(outDir)}-${createHash('sha1').update(outDir).digest('hex').slice(0, 8)}.log`,
);
const logName = relative(process.cwd(), logFile) || logFile;

function fail(message: string): never {
  console.error(`\n✗ ${message}\n  ${outDir} was left as it was.`);
  rmSync(staging, { recursive: true, force: true });
  process.exit(1);
}

/** The last lines of Astro's log, where its error is. */
function logTail(lines = 40): string {
  const text = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** The content files of the pages Astro failed to render, from its log: " while rendering x.md". */
function failedSources(sources: Record<string, string>): string {
  const text = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  const routes = new Set(
    [...text.matchAll(/Caught error rendering (\/\S*?):/g)].map((m) =>
      m[1]!.replace(/^(?!.*\/$)(.*)$/, '$1/'),
    ),
  );
  const base = config!.basePath.replace(/\/$/, '');
  const files = [...routes].flatMap((route) => {
    const file = sources[route.startsWith(base) ? route.slice(base.length) || '/' : route];
    return file ? [`${route} (${file})`] : [];
  });
  return files.length ? ` while rendering ${files.join(', ')}` : '';
}

rmSync(staging, { recursive: true, force: true });
mkdirSync(dirname(logFile), { recursive: true });
const log = createWriteStream(logFile);

// 1. The content check, in a worker, while Astro starts beside it.
const checkPhase = startPhase('content check');
const checked = new Promise<CheckOutcome>((done, reject) => {
  const worker = new Worker(new URL('./lib/check-worker.ts', import.meta.url));
  worker.once('message', (outcome: CheckOutcome) => {
    done(outcome);
    void worker.terminate();
  });
  worker.once('error', reject);
  worker.once('exit', (code) => reject(new Error(`the content check stopped (exit ${code})`)));
});

const astro = spawn(
  process.execPath,
  [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', staging, ...astroArgs],
  {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, [INDEX_AFTER_BUILD]: '1' },
  },
);
/** Astro logs one line per page ("  ├─ /briefs/x/index.html (+3ms)"), "(restored)" when reused. */
const PAGE_LINE = /^\s*\S*\s+[├└]─/;
let rendered = 0;
let restored = 0;
/** The pages phase, once the check has said about how many pages there are. */
const pages: { expected: number; phase?: Phase } = { expected: 0 };
function onLines(stream: NodeJS.ReadableStream) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    log.write(chunk);
    if (verbose) process.stdout.write(chunk);
    const parts = (pending + chunk).split('\n');
    pending = parts.pop()!;
    for (const raw of parts) {
      const line = stripVTControlCharacters(raw);
      if (!PAGE_LINE.test(line)) continue;
      rendered++;
      if (/\((?:cached|restored)\)\s*$/.test(line)) restored++;
    }
    pages.phase?.update(rendered, Math.max(rendered, pages.expected));
  });
}
onLines(astro.stdout);
onLines(astro.stderr);
const astroExit = new Promise<number | null>((done) => astro.on('close', done));

const outcome = await checked.catch((error: unknown): CheckOutcome => ({
  ok: false,
  report: `\n✗ ${(error as Error).message}`,
}));
if (!outcome.ok) {
  checkPhase.fail('content check: problems found');
  astro.kill();
  await astroExit;
  console.error(outcome.report);
  rmSync(staging, { recursive: true, force: true });
  process.exit(1);
}
checkPhase.end(outcome.summary);

// 2. Astro renders the pages.
pages.expected = outcome.expectedPages;
const pagesPhase = (pages.phase = startPhase('pages rendered', {}, ' (about)'));
pagesPhase.update(rendered, Math.max(rendered, pages.expected));
const status = await astroExit;
await new Promise((done) => log.end(done));
if (status !== 0) {
  pagesPhase.fail(`astro build failed after ${rendered} pages`);
  console.error(`\n${logTail()}\n`);
  fail(
    `astro build failed (exit ${status})${failedSources(outcome.sources)}; its full log: ${logName}`,
  );
}
const reused = restored ? `, ${restored} restored from the last build` : '';
pagesPhase.end(`${rendered} pages and files rendered${reused}`);

// 3. The search index, bundles on every core.
const searchPhase = startPhase('search bundles indexed');
try {
  const report = await indexSite(staging, outcome.pages, {
    previousDir: outDir,
    language: config.site.language,
    ...config.search,
    onProgress: (done, total) => searchPhase.update(done, total),
  });
  searchPhase.end(report);
} catch (error) {
  searchPhase.fail('search indexing failed');
  fail(`search indexing failed: ${(error as Error).message}`);
}

// 4. Publish: swap the staging folder in.
const publishPhase = startPhase('publish');
if (!existsSync(`${staging}/index.html`) || !existsSync(`${staging}/pagefind/pagefind.js`)) {
  publishPhase.fail('publish');
  fail('the build finished without a home page or search index.');
}
rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
publishPhase.end(`site built into ${outDir}`);
// Deleting 10,000 old pages takes seconds; nobody needs to wait for it.
spawn(
  process.execPath,
  [
    '-e',
    `require('node:fs').rmSync(${JSON.stringify(previous)}, { recursive: true, force: true })`,
  ],
  { detached: true, stdio: 'ignore' },
).unref();
console.log(`Astro's full log: ${logName}`);
