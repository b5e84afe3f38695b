/**
 * `npm run build`: check the content, build the site into a staging folder, index it for
 * search, and only when everything succeeded swap it into dist/. A failed build leaves
 * the previously published dist/ exactly as it was.
 *
 * The check runs in a child process while Astro starts (two cores, and the memory of the records
 * it reads goes back to the system when it ends), or before Astro on a large site
 * (CHECK_FIRST_FROM). Search bundles are indexed as soon as their pages are written, at the
 * lowest priority while Astro renders (src/search/build/written-pages.ts). Astro's output goes to a log file
 * (`.briefing/logs/build-<dist>-<hash>.log`, named on the last line), and each phase shows one
 * progress line (scripts/lib/progress.ts). `--verbose` (or BRIEFING_BUILD_VERBOSE=1) also
 * prints Astro's log as it comes; `--strict` makes the check's warnings errors. Other arguments
 * are passed to `astro build`. Before the swap, the staged site is verified (every page, feed,
 * sitemap and search index: scripts/lib/verify-site.ts) and given its `_headers`.
 */
import { fork, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  ftruncateSync,
  openSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { setPriority, totalmem } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { CHECK_HANDOVER, INDEX_AFTER_BUILD, PAGES_IN_PLACE } from '../src/astro/build-env.ts';
import { hashesOfPage, headersFile } from '../src/astro/security.ts';
import { indexSite } from '../src/search/build/index-site.ts';
import { listContentFiles } from '../src/content/files.ts';
import { configOrReport } from './check.ts';
import { copiedPagesWatch, placeCachedPages, removeUnclaimed } from './lib/cached-pages.ts';
import { followFile } from './lib/follow-file.ts';
import { removeTree } from './lib/remove-tree.ts';
import type { CheckOutcome } from './lib/check-worker.ts';
import { type Phase, startPhase } from './lib/progress.ts';
import { verifySite } from './lib/verify-site.ts';

/**
 * From this many content files on, the check runs before Astro starts instead of beside it: both
 * would hold the whole content at once (about 3.5 GB each at 100,000 briefs).
 */
const CHECK_FIRST_FROM = Number(process.env.BRIEFING_CHECK_FIRST_FROM || 30_000);

const config = configOrReport();
if (!config) process.exit(1);

const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || process.env.BRIEFING_BUILD_VERBOSE === '1';
const strict = args.includes('--strict');
const astroArgs = args.filter((a) => a !== '--verbose' && a !== '--strict');
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

/**
 * Node's heap limit for Astro: Node's default (about 4 GB on a large machine) is too small for
 * Astro's content store of 100,000 briefs, which then dies of "heap out of memory" half-way. Half
 * of the machine's memory instead, unless NODE_OPTIONS sets a limit of its own.
 */
function astroNodeOptions(): string {
  const own = process.env.NODE_OPTIONS ?? '';
  if (/--max-old-space-size/.test(own)) return own;
  const megabytes = Math.floor(totalmem() / 2 / 1024 / 1024);
  return `${own} --max-old-space-size=${megabytes}`.trim();
}

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
// Appended to by this process (the check's errors) and by Astro, which writes to it directly.
const log = openSync(logFile, 'a');
ftruncateSync(log);

// 1. The content check, in a process of its own, while Astro starts beside it; on a large site,
// before. Either way Astro's process takes over its result instead of validating every file
// again: beside the check, its content loader waits for a result written since the check started
// (src/content/handover.ts). Not a worker thread: the build's process kept a worker's memory
// after it ended (2.8 GB at 100,000 briefs, for the whole build).
const checkFirst = listContentFiles(config.contentDir).length >= CHECK_FIRST_FROM;
const checkPhase = startPhase('content check');
const checkStarted = Date.now();
const checked = new Promise<CheckOutcome>((done, reject) => {
  const child = fork(
    new URL('./lib/check-worker.ts', import.meta.url),
    strict ? ['--strict'] : [],
    {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  );
  let errors = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    writeSync(log, chunk);
    errors += chunk;
  });
  child.once('message', (outcome: CheckOutcome) => done(outcome));
  child.once('error', reject);
  child.once('exit', (code) =>
    reject(
      new Error(
        `the content check stopped (exit ${code})${errors ? `:\n${errors.trim().split('\n').slice(0, 5).join('\n')}` : ''}`,
      ),
    ),
  );
}).catch((error: unknown): CheckOutcome => ({
  ok: false,
  report: `\n✗ ${(error as Error).message}`,
}));
/** The check's outcome if the content passed; else stops the build (and Astro, if it started). */
async function passed(
  outcome: CheckOutcome,
  stopAstro?: () => Promise<unknown>,
): Promise<Extract<CheckOutcome, { ok: true }>> {
  if (outcome.ok) return outcome;
  checkPhase.fail('content check: problems found');
  await stopAstro?.();
  console.error(outcome.report);
  rmSync(staging, { recursive: true, force: true });
  process.exit(1);
}
// On a large site, the unchanged pages of the last build are linked into place while the check
// runs (its own process): Astro then leaves them alone instead of restoring them one at a time. On
// a smaller one Astro starts beside the check and restores them itself (copying them first only
// delayed it: BENCHMARKS.md).
const copied = checkFirst ? await placeCachedPages(config.cacheDir, staging) : [];
const copies = copiedPagesWatch(copied);
if (checkFirst) await passed(await checked);

/**
 * V8's garbage collection in Astro's process on a large site. Every page Astro renders makes
 * buffers outside the JavaScript heap (its response streams, the files it writes), and V8 starts
 * a full collection whenever those have grown by a fixed amount, however large the heap: at
 * 100,000 briefs, a mark of the whole 1.1 GB heap about once a second. Counted within the heap's
 * own limit instead, which grows by 30% after each collection, the first 8,000 brief pages took
 * 64 CPU-s instead of 101, in no more memory (BENCHMARKS.md). At 10,000 briefs the heap is small,
 * its collections cheap, and the flags made no difference. Node allows neither in NODE_OPTIONS.
 */
const LARGE_HEAP_GC = ['--external-memory-accounted-in-global-limit', '--heap-growing-percent=30'];

const astro = spawn(
  process.execPath,
  [
    ...(checkFirst ? LARGE_HEAP_GC : []),
    resolve('node_modules/astro/bin/astro.mjs'),
    'build',
    '--outDir',
    staging,
    ...astroArgs,
  ],
  {
    // Its log straight into the file, which this process follows (scripts/lib/follow-file.ts).
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      NODE_OPTIONS: astroNodeOptions(),
      [INDEX_AFTER_BUILD]: '1',
      [PAGES_IN_PLACE]: '1',
      [CHECK_HANDOVER]: String(checkStarted),
    },
  },
);
/**
 * Astro logs a line per page ("  ├─ /briefs/x/index.html (+3ms)"), ending "(cached)" or
 * "(restored)" when it reused the page; with pages rendered side by side, lines run together.
 */
const PAGE = /[├└]─/g;
const KEPT_PAGE = /[├└]─\s+(\S+)\s+\((?:cached|restored)\)/g;
let rendered = 0;
let restored = 0;
/** The pages phase, once the check has said about how many pages there are. */
const pages: { expected: number; phase?: Phase } = { expected: 0 };
let pending = '';
const astroLog = followFile(logFile, (text) => {
  if (verbose) process.stdout.write(text);
  const parts = (pending + text).split('\n');
  pending = parts.pop()!;
  for (const raw of parts) {
    const line = stripVTControlCharacters(raw);
    rendered += line.match(PAGE)?.length ?? 0;
    for (const [, file] of line.matchAll(KEPT_PAGE)) {
      restored++;
      copies.kept(join(staging, file!));
    }
  }
  pages.phase?.update(rendered, Math.max(rendered, pages.expected));
});
const astroExit = new Promise<number | null>((done) => astro.on('close', done)).then((code) => {
  astroLog.stop();
  return code;
});

const outcome = await passed(await checked, () => {
  astro.kill();
  return astroExit;
});
checkPhase.end(outcome.summary);
if (outcome.warnings) console.warn(outcome.warnings);

// 2. Astro renders the pages; 3. bundles of the search index are indexed as soon as their
// pages are written, on the core Astro leaves free, and on both once it is done.
pages.expected = outcome.expectedPages;
const pagesPhase = (pages.phase = startPhase('pages rendered', {}, ' (about)'));
pagesPhase.update(rendered, Math.max(rendered, pages.expected));
const bundles = { done: 0, total: 0, phase: undefined as Phase | undefined };
const indexing = indexSite(staging, outcome.pages, {
  previousDir: outDir,
  language: config.site.language,
  entities: outcome.entities,
  ...config.search,
  written: copies.written,
  pageDigests: join(config.cacheDir, 'briefing', 'page-digests'),
  writing: astroExit.then((code) => {
    if (code !== 0) throw new Error(`astro build failed (exit ${code})`);
  }),
  onProgress: (done, total) => {
    Object.assign(bundles, { done, total });
    bundles.phase?.update(done, total);
  },
});
// Handled below, once Astro is done; this only keeps an early failure from going unhandled.
indexing.catch(() => {});
const status = await astroExit;
closeSync(log);
if (status !== 0) {
  pagesPhase.fail(`astro build failed after ${rendered} pages`);
  await indexing.catch(() => {});
  console.error(`\n${logTail()}\n`);
  fail(
    `astro build failed (exit ${status})${failedSources(outcome.sources)}; its full log: ${logName}`,
  );
}
// Pages of the last build that this one does not make (a brief deleted since).
removeUnclaimed(config.cacheDir, copied);
const reused = restored ? `, ${restored} restored from the last build` : '';
pagesPhase.end(`${rendered} pages and files rendered${reused}`);

const searchPhase = (bundles.phase = startPhase('search bundles indexed'));
searchPhase.update(bundles.done, bundles.total);
try {
  searchPhase.end(await indexing);
} catch (error) {
  searchPhase.fail('search indexing failed');
  fail(`search indexing failed: ${(error as Error).message}`);
}

// 4. Publish: swap the staging folder in.
const publishPhase = startPhase('publish');
writeHeaders(outcome.pages.find((page) => page.date)?.file);
const incomplete = verifySite(staging, outcome.expected);
if (incomplete.length) {
  publishPhase.fail('publish: the built site is not complete');
  fail(
    `the built site is not complete, so it was not published:\n  - ${incomplete.join('\n  - ')}`,
  );
}
// The last build's remover may still be deleting it (below): removeTree outlasts it.
removeTree(previous);
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
publishPhase.end(`site built into ${outDir}`);
// Deleting 10,000 old pages takes seconds; nobody needs to wait for it. At the lowest priority:
// a build started right after this one copies its pages into place meanwhile (at 100,000 briefs
// that copy took 20 s alone and up to 65 s beside the deletion).
const remover = spawn(
  process.execPath,
  [
    '-e',
    `require('node:fs').rmSync(${JSON.stringify(previous)}, { recursive: true, force: true })`,
  ],
  { detached: true, stdio: 'ignore' },
);
remover.unref();
try {
  if (remover.pid) setPriority(remover.pid, 19);
} catch {
  // It may already have ended.
}
console.log(`Astro's full log: ${logName}`);

/**
 * `_headers` for hosts that read one: the pages' Content-Security-Policy as a header, with the
 * script and style hashes of every kind of page (Astro hashes the whole site's set into each).
 * `briefPage`: the file of one brief's page.
 */
function writeHeaders(briefPage: string | undefined) {
  const script = new Set<string>();
  const style = new Set<string>();
  const samples = ['index.html', '404.html', 'search/index.html', 'network/index.html'];
  if (briefPage) samples.push(briefPage);
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
