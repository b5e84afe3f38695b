/**
 * `npm run bench -- --briefs N [--skip-baseline] [--skip-rebuild] [--skip-search]`
 *
 * The benchmark of issue 5 (figures and method in BENCHMARKS.md). In one run it:
 *
 * 1. generates a deterministic corpus of N briefs (scripts/bench/corpus.ts) into
 *    bench/work/<N>/corpus, outside content/;
 * 2. snapshots the project (the working tree, or `--ref <commit>`) into bench/work/<N>/project
 *    with node_modules linked to the project's, so that the run has its own Astro caches
 *    (node_modules/.astro, .astro/) and neither disturbs nor is disturbed by builds and
 *    edits other people make in the tree meanwhile;
 * 3. times `node scripts/check.ts`, then a cold `node scripts/build.ts` (all caches
 *    cleared) with BRIEFING_CONTENT_DIR / BRIEFING_DIST, sampling the RSS of the whole
 *    process tree (/proc) and timestamping Astro's and Pagefind's log lines;
 * 4. builds the same corpus with the minimal baseline site (bench/baseline: astro build,
 *    then Pagefind's Node API), also cold;
 * 5. edits one brief and rebuilds the project with its caches kept;
 * 6. serves the project's (and the baseline's) dist/ with gzip/brotli and measures, in headless Chromium, the
 *    bytes a first single-word search downloads: typed into the project's search page, and
 *    through Pagefind's JS API on the baseline;
 * 7. merges `{ briefs, project, baseline, ... }` into bench/results.json (one entry per N)
 *    and prints a table with ratios and the issue's targets.
 *
 * Options: --rebuild-variants ci|all (rebuild again keeping only Astro's cacheDir, or each
 * subset of the caches), --search-only (measure the first search again on the last run's
 * sites), --seed S, --ref REF (snapshot a commit instead of the working tree),
 * --results PATH (default bench/results.json), --work DIR (default bench/work/<N>),
 * --profile (instead of the measurements: one cold `astro build` under `node --cpu-prof`,
 * summarised into <work>/profile-summary.txt; nothing is recorded), --skip-search, --quiet.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync, symlinkSync, appendFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateCorpus, writeCorpus } from './bench/corpus.ts';
import { launchBrowser } from './lib/browser.ts';
import { serveDir } from './lib/serve.ts';

const ROOT = resolve(import.meta.dirname, '..');

// ---------------------------------------------------------------------------------------
// Result shapes (bench/results.json)

export interface SideResult {
  buildSeconds: number;
  astroSeconds: number;
  pagefindSeconds: number;
  peakRssMB: number;
  pages: number;
  distBytes: number;
  indexBytes: number;
  msPerBrief: number;
  /** User + system CPU seconds of the build's process tree (of which Pagefind's binary): less sensitive than wall time to other load on a shared machine. */
  cpuSeconds: number | null;
  cpuPagefindSeconds?: number | null;
  /** Largest RSS of any single node process (Astro) and of the Pagefind binary. */
  peakRssAstroMB: number;
  peakRssPagefindMB: number;
  /** Seconds from the start of the command at which each phase of the log began (approximate). */
  phases: Record<string, number>;
  /** Astro's own durations in seconds: types, collectBuildInfo, vite, generatePages, astroBuild, pagefind. */
  timings: Record<string, number>;
  /** The baseline's own first search, for comparison (the project's is required, see ProjectResult). */
  firstSearchBytes?: number | null;
  firstSearch?: SearchMeasure[] | null;
}

export interface ProjectResult extends SideResult {
  checkSeconds: number;
  /** The content check that `npm run build` runs first (included in astroSeconds). */
  checkInBuildSeconds: number | null;
  firstSearchBytes: number | null;
  firstSearch: SearchMeasure[] | null;
  rebuildSeconds: number | null;
  rebuildPeakRssMB: number | null;
  rebuildPhases: Record<string, number> | null;
  rebuildTimings: Record<string, number> | null;
  rebuildCpuSeconds?: number | null;
  /** Rebuild seconds when only some caches were kept (--rebuild-variants). */
  rebuildVariants?: Record<string, { seconds: number; cpuSeconds: number | null; timings: Record<string, number> }>;
  /** Size of each cache after the cold build. */
  cacheBytes?: Record<string, number>;
  briefPage: BriefPageMeasure;
}

export interface BenchEntry {
  briefs: number;
  seed: string;
  date: string;
  command: string;
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string };
  source: { ref: string; commit: string; modified: string[] };
  corpus: { files: number; bytes: number; entities: Record<string, number> };
  project: ProjectResult;
  baseline: SideResult | null;
  ratios: Record<string, number | null>;
}

interface SearchMeasure {
  query: string;
  /** `page`: typed into the project's search page; `api`: Pagefind's API on the primary bundle. */
  mode: 'page' | 'api' | 'api+filters';
  bundle: string;
  encoding: string;
  /** Bytes on the wire (compressed as served), uncompressed, and with brotli for every compressible file. */
  bytes: number;
  rawBytes: number;
  brotliBytes: number;
  requests: Array<{ path: string; bytes: number; rawBytes: number }>;
  results: number;
}

interface BriefPageMeasure {
  /** gzip(HTML) + gzip(every stylesheet it links), over every brief page. */
  medianBytes: number;
  maxBytes: number;
  maxPage: string;
  cssBytes: number;
}

// ---------------------------------------------------------------------------------------
// Running a command while watching its process tree

interface RunResult {
  seconds: number;
  /** User + system CPU seconds of every process in the tree, and of the Pagefind binary alone. */
  cpuSeconds: number;
  cpuPagefindSeconds: number;
  code: number | null;
  peakRssMB: number;
  peakByComm: Record<string, number>;
  /** Elapsed seconds at the first line matching each marker. */
  marks: Record<string, number>;
  lines: string[];
  /** Page lines in Astro's log, and how many of them Astro reused from its incremental cache. */
  pagesLogged: number;
  pagesReused: number;
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * Watches a process and all its descendants through /proc every `intervalMs`: the peak of
 * the summed VmRSS, the peak per process name, and the CPU time each process has used
 * (its last reading; a process that lives under `intervalMs` may be missed).
 */
class TreeMonitor {
  peakKB = 0;
  peakByComm = new Map<string, number>();
  private readonly ticks = new Map<number, { comm: string; ticks: number }>();
  private timer: NodeJS.Timeout | undefined;
  private readonly rootPid: number;
  private readonly intervalMs: number;

  constructor(rootPid: number, intervalMs = 100) {
    this.rootPid = rootPid;
    this.intervalMs = intervalMs;
  }

  start() {
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.sample();
  }

  stop() {
    clearInterval(this.timer);
  }

  cpuSeconds(filter: (comm: string) => boolean = () => true): number {
    let ticks = 0;
    for (const entry of this.ticks.values()) if (filter(entry.comm)) ticks += entry.ticks;
    return ticks / CLOCK_TICKS;
  }

  sample() {
    const children = new Map<number, number[]>();
    const info = new Map<number, { comm: string; ticks: number }>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      } catch {
        continue;
      }
      const close = stat.lastIndexOf(')');
      // Fields after "(comm)": state ppid … utime (14th field) stime (15th).
      const fields = stat.slice(close + 2).split(' ');
      const ppid = Number(fields[1]);
      const pid = Number(name);
      info.set(pid, { comm: stat.slice(stat.indexOf('(') + 1, close), ticks: Number(fields[11]) + Number(fields[12]) });
      const list = children.get(ppid) ?? [];
      list.push(pid);
      children.set(ppid, list);
    }
    let total = 0;
    const perComm = new Map<string, number>();
    const stack = [this.rootPid];
    while (stack.length) {
      const pid = stack.pop()!;
      stack.push(...(children.get(pid) ?? []));
      const about = info.get(pid);
      if (about) this.ticks.set(pid, about);
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        total += kb;
        const name = about?.comm ?? '?';
        perComm.set(name, Math.max(perComm.get(name) ?? 0, kb));
      } catch {
        // the process ended between listing and reading
      }
    }
    this.peakKB = Math.max(this.peakKB, total);
    for (const [name, kb] of perComm) this.peakByComm.set(name, Math.max(this.peakByComm.get(name) ?? 0, kb));
  }
}

const MB = (kb: number) => Math.round(kb / 1024);
const isPagefind = (comm: string) => comm.startsWith('pagefind');

/** Node's main thread is called "MainThread" in /proc; Pagefind's binary "pagefind…". */
function splitPeaks(peakByComm: Record<string, number>): { peakRssAstroMB: number; peakRssPagefindMB: number } {
  const entries = Object.entries(peakByComm);
  return {
    peakRssAstroMB: Math.max(0, ...entries.filter(([k]) => !isPagefind(k)).map(([, v]) => v)),
    peakRssPagefindMB: Math.max(0, ...entries.filter(([k]) => isPagefind(k)).map(([, v]) => v)),
  };
}

/** Runs a command, logging its output with elapsed-time stamps to `logFile`. */
function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; markers?: Record<string, Marker> }): Promise<RunResult> {
  mkdirSync(dirname(options.logFile), { recursive: true });
  writeFileSync(options.logFile, `$ ${command} ${args.join(' ')}\n# cwd ${options.cwd}\n`);
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const monitor = new TreeMonitor(child.pid!);
  monitor.start();
  const marks: Record<string, number> = {};
  const lines: string[] = [];
  let pagesLogged = 0;
  let pagesReused = 0;
  const onData = (stream: NodeJS.ReadableStream) => {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const t = (performance.now() - started) / 1000;
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop()!;
      const out: string[] = [];
      for (const raw of parts) {
        const line = raw.replace(/\x1b\[[0-9;]*m/g, '');
        out.push(`${t.toFixed(2).padStart(8)} ${line}`);
        // Per-page lines are many: count them, keep the rest in memory for parsing.
        if (/^\s*\S+\s+[├└]─/.test(line)) {
          pagesLogged++;
          if (/\((?:cached|restored)\)\s*$/.test(line)) pagesReused++;
        } else lines.push(line);
        for (const [name, { pattern, after }] of Object.entries(options.markers ?? {})) {
          if (!(name in marks) && (!after || after in marks) && pattern.test(line)) marks[name] = Number(t.toFixed(2));
        }
      }
      if (out.length) appendFileSync(options.logFile, `${out.join('\n')}\n`);
    });
  };
  onData(child.stdout!);
  onData(child.stderr!);
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      monitor.stop();
      const seconds = (performance.now() - started) / 1000;
      const cpuSeconds = round(monitor.cpuSeconds(), 1);
      const cpuPagefindSeconds = round(monitor.cpuSeconds(isPagefind), 1);
      const peaks = [...monitor.peakByComm].map(([k, v]) => `${k} ${MB(v)} MB`).join(', ');
      appendFileSync(options.logFile, `# exit ${code} after ${seconds.toFixed(2)} s, CPU ${cpuSeconds} s (Pagefind ${cpuPagefindSeconds} s), peak RSS of the tree ${MB(monitor.peakKB)} MB (largest per process: ${peaks})\n`);
      resolvePromise({
        seconds,
        cpuSeconds,
        cpuPagefindSeconds,
        code,
        peakRssMB: MB(monitor.peakKB),
        peakByComm: Object.fromEntries([...monitor.peakByComm].map(([k, v]) => [k, MB(v)])),
        marks,
        lines,
        pagesLogged,
        pagesReused,
      });
    });
  });
}

// Where a build's time goes, read off its log. Astro prints some lines in bursts, so the
// elapsed time of a line is approximate (± a second); Astro's own durations are exact.
interface Marker {
  pattern: RegExp;
  /** Only look for this marker once that one has been seen. */
  after?: string;
}
const PROJECT_MARKERS: Record<string, Marker> = {
  checked: { pattern: /content is valid/ },
  contentSync: { pattern: /\[content\] Syncing content/ },
  bundleStart: { pattern: /\[build\] Building static entrypoints/ },
  pagesStart: { pattern: /generating static routes|prerendering static routes/ },
  pagesDone: { pattern: /✓ Completed in/, after: 'pagesStart' },
  pagefindDone: { pattern: /Pagefind indexed/ },
  astroDone: { pattern: /\[build\] Complete!/ },
  swapped: { pattern: /site built into/ },
};
const BASELINE_MARKERS: Record<string, Marker> = Object.fromEntries(
  Object.entries(PROJECT_MARKERS).filter(([name]) => !['checked', 'pagefindDone', 'swapped'].includes(name)),
);

// Astro writes durations as "996ms", "1.18s" or "1m 32s".
const DURATION = String.raw`((?:\d+m\s*)?[\d.]+(?:ms|s))`;
const TIMING_LINES = {
  types: new RegExp(String.raw`\[types\] Generated ${DURATION}`),
  vite: new RegExp(String.raw`\[vite\] ✓ built in ${DURATION}`),
  completed: new RegExp(String.raw`✓ Completed in ${DURATION}`),
  pages: new RegExp(String.raw`\[build\] (\d+) page\(s\) built in ${DURATION}`),
  pagefind: /Pagefind indexed .* in ([\d.]+) s/,
};

function durationSeconds(text: string): number {
  const m = /^(?:(\d+)m\s*)?([\d.]+)(ms|s)$/.exec(text)!;
  return Number(m[1] ?? 0) * 60 + Number(m[2]) / (m[3] === 'ms' ? 1000 : 1);
}

/** Astro's own timings, from its log: "[types] Generated 1.18s", "[vite] ✓ built in 1m 32s", … */
export function astroTimings(lines: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  let state = '';
  for (const line of lines) {
    let m: RegExpExecArray | null;
    if ((m = TIMING_LINES.types.exec(line))) out.types = durationSeconds(m[1]!);
    else if (/Collecting build info/.test(line)) state = 'collect';
    else if (/generating static routes|prerendering static routes/.test(line)) state = 'generate';
    else if ((m = TIMING_LINES.vite.exec(line))) out.vite = (out.vite ?? 0) + durationSeconds(m[1]!);
    else if ((m = TIMING_LINES.completed.exec(line)) && state) {
      out[state === 'collect' ? 'collectBuildInfo' : 'generatePages'] = durationSeconds(m[1]!);
      state = '';
    } else if ((m = TIMING_LINES.pages.exec(line))) {
      out.routes = Number(m[1]);
      out.astroBuild = durationSeconds(m[2]!);
    } else if ((m = TIMING_LINES.pagefind.exec(line))) out.pagefind = Number(m[1]);
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, round(v, 2)]));
}

// ---------------------------------------------------------------------------------------
// Snapshots with their own caches

/** Files of the project a build needs (everything but content, tests, docs and the bench). */
function projectFiles(ref: string): { files: string[]; read: (file: string) => Buffer } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const skip = (f: string) => /^(content|tests|docs|bench|source-articles|dist[^/]*|\.ci|\.github)\//.test(f) || /^(\.gitignore|README\.md)$/.test(f);
  if (ref === 'worktree') {
    let listed: string[];
    try {
      listed = git('ls-files', '-co', '--exclude-standard').split('\n');
    } catch {
      // Not a git checkout: every file but dependencies, outputs and caches.
      listed = readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
        .map((f) => f.split(sep).join('/'))
        .filter((f) => !/^(node_modules|\.git|\.astro|\.briefing|test-results)(\/|$)/.test(f) && statSync(join(ROOT, f)).isFile());
    }
    const files = listed.filter((f) => f && !skip(f) && existsSync(join(ROOT, f)));
    return { files, read: (f) => readFileSync(join(ROOT, f)) };
  }
  const files = git('ls-tree', '-r', '--name-only', ref).split('\n').filter((f) => f && !skip(f));
  return { files, read: (f) => execFileSync('git', ['show', `${ref}:${f}`], { cwd: ROOT, maxBuffer: 256 << 20 }) };
}

/** A node_modules of symlinks to the project's packages, but with its own .astro/.vite caches. */
function linkNodeModules(dest: string) {
  const target = join(dest, 'node_modules');
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    const link = join(target, name);
    if (!existsSync(link)) symlinkSync(join(ROOT, 'node_modules', name), link);
  }
}

function snapshotProject(dest: string, ref: string): { commit: string; modified: string[] } {
  for (const entry of existsSync(dest) ? readdirSync(dest) : []) if (entry !== 'node_modules') rmSync(join(dest, entry), { recursive: true, force: true });
  const { files, read } = projectFiles(ref);
  for (const file of files) {
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    writeFileSync(join(dest, file), read(file));
  }
  linkNodeModules(dest);
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return '';
    }
  };
  const commit = git('rev-parse', ref === 'worktree' ? 'HEAD' : ref).trim() || 'unknown';
  const modified = ref === 'worktree' ? git('status', '--porcelain', '--', '.', ':!content', ':!tests', ':!docs', ':!bench').split('\n').filter(Boolean).map((l) => l.slice(3)) : [];
  return { commit, modified };
}

function snapshotBaseline(dest: string) {
  for (const entry of existsSync(dest) ? readdirSync(dest) : []) if (entry !== 'node_modules') rmSync(join(dest, entry), { recursive: true, force: true });
  const src = join(ROOT, 'bench/baseline');
  const copy = (rel: string) => {
    const from = join(src, rel);
    if (statSync(from).isDirectory()) {
      for (const name of readdirSync(from)) copy(join(rel, name));
    } else {
      mkdirSync(dirname(join(dest, rel)), { recursive: true });
      copyFileSync(from, join(dest, rel));
    }
  };
  for (const name of ['astro.config.mjs', 'pagefind.ts', 'src']) copy(name);
  linkNodeModules(dest);
}

// ---------------------------------------------------------------------------------------
// Measuring the output

function walkFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

function bytesOf(dir: string): number {
  return walkFiles(dir).reduce((sum, f) => sum + statSync(f).size, 0);
}

function countPages(dist: string): number {
  return walkFiles(dist).filter((f) => f.endsWith('.html') && !relative(dist, f).startsWith(`pagefind${sep}`)).length;
}

function briefPageBudget(dist: string): BriefPageMeasure {
  const dir = join(dist, 'briefs');
  const cssCache = new Map<string, number>();
  const cssBytes = (href: string) => {
    if (!cssCache.has(href)) {
      const file = join(dist, href.split(/[?#]/)[0]!);
      cssCache.set(href, existsSync(file) ? gzipSync(readFileSync(file)).length : 0);
    }
    return cssCache.get(href)!;
  };
  const sizes: Array<{ page: string; bytes: number; css: number }> = [];
  for (const entry of existsSync(dir) ? readdirSync(dir) : []) {
    const file = join(dir, entry, 'index.html');
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    const hrefs = [...html.matchAll(/<link[^>]+rel="?stylesheet"?[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])?.[1]).filter((h): h is string => !!h && h.startsWith('/'));
    const css = hrefs.reduce((sum, href) => sum + cssBytes(href), 0);
    sizes.push({ page: `/briefs/${entry}/`, bytes: gzipSync(html).length + css, css });
  }
  if (!sizes.length) return { medianBytes: 0, maxBytes: 0, maxPage: '', cssBytes: 0 };
  sizes.sort((a, b) => a.bytes - b.bytes);
  const max = sizes[sizes.length - 1]!;
  return { medianBytes: sizes[Math.floor(sizes.length / 2)]!.bytes, maxBytes: max.bytes, maxPage: max.page, cssBytes: max.css };
}

// ---------------------------------------------------------------------------------------
// First search: served as a static host does (brotli or gzip, as negotiated), in headless Chromium

/** A page on the site's origin that loads nothing, for measuring Pagefind's API alone. */
const BLANK = '<!doctype html><html lang="en"><title>bench</title><p>bench</p></html>';

/** Raw bytes of a Pagefind file as stored (for the "uncompressed" figure, decompress Pagefind's gzip). */
async function measureFirstSearch(dist: string, queries: Array<{ query: string; bundle: string }>, modes: ReadonlyArray<SearchMeasure['mode']>): Promise<SearchMeasure[]> {
  const server = await serveDir(dist, {
    compression: { brotli: 11, gzip: 9 },
    headers: { 'cache-control': 'no-store' },
    pages: { '/__bench__/': BLANK },
  });
  const browser = await launchBrowser();
  const out: SearchMeasure[] = [];
  try {
    for (const { query, bundle } of queries) {
      for (const mode of modes) {
        const context = await browser.newContext();
        const page = await context.newPage();
        let results: number;
        if (mode === 'page') {
          // What a reader downloads: the search page as shipped, a word typed and submitted,
          // until the first results are on screen (facet counts included).
          await page.goto(`${server.url}/search/`, { waitUntil: 'load' });
          server.sent.length = 0;
          await page.fill('#search-query', query);
          await page.press('#search-query', 'Enter');
          await page.waitForFunction(() => {
            const root = document.querySelector('[data-search-page]');
            const status = document.querySelector('[data-search-status]')?.textContent ?? '';
            return root && !root.hasAttribute('aria-busy') && /result/.test(status);
          }, null, { timeout: 180_000 });
          const status = (await page.locator('[data-search-status]').textContent()) ?? '';
          results = Number(/^([\d,]+) result/.exec(status)?.[1]?.replace(/,/g, '') ?? 0);
        } else {
          await page.goto(`${server.url}/__bench__/`);
          server.sent.length = 0;
          results = await page.evaluate(
            async ({ query, bundle, withFilters }) => {
              const pf = await import('/pagefind/pagefind.js' as string);
              if (bundle !== '/pagefind/') await pf.options({ basePath: bundle });
              if (withFilters) await pf.filters();
              const search = await pf.search(query);
              await Promise.all(search.results.slice(0, 5).map((r: { data: () => Promise<unknown> }) => r.data()));
              return search.results.length as number;
            },
            { query, bundle, withFilters: mode === 'api+filters' },
          );
        }
        // Let the worker's last responses land.
        await page.waitForTimeout(500);
        const log = server.sent.filter((r) => r.path.startsWith('/pagefind/'));
        out.push({
          query,
          mode,
          bundle,
          encoding: [...new Set(log.map((r) => r.encoding))].join('+'),
          bytes: log.reduce((s, r) => s + r.bytes, 0),
          rawBytes: log.reduce((s, r) => s + r.rawBytes, 0),
          brotliBytes: log.reduce((s, r) => s + (r.brotliBytes ?? r.rawBytes), 0),
          requests: log.map((r) => ({ path: r.path, bytes: r.bytes, rawBytes: r.rawBytes })),
          results,
        });
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// CPU profile summary

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export function summariseProfile(file: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = (profile.endTime - profile.startTime) / 1000;
  const where = (url: string) => {
    if (!url) return '(native/V8)';
    const nm = url.lastIndexOf('node_modules/');
    if (nm >= 0) {
      const rest = url.slice(nm + 13).split('/');
      return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    }
    if (url.startsWith('node:')) return 'node:*';
    const src = url.indexOf('/src/');
    if (src >= 0) return `project ${url.slice(src + 1).split('?')[0]}`;
    // The site's own code as Astro bundled it for prerendering (chunk names follow the modules).
    const chunk = /\/\.prerender\/(.*)$/.exec(url) ?? /\/(chunks\/.*|pages\/.*)$/.exec(url);
    if (chunk) return `project bundle ${chunk[1]!.split('?')[0]}`;
    return url.split('?')[0]!.split('/').slice(-2).join('/');
  };
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'}  ${where(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    const p = where(f.url).replace(/^project bundle .*/, 'site bundle (pages, components, lib; Astro runtime)').replace(/^project src\/.*/, 'project src/ (config, loader, integrations)');
    pkg.set(p, (pkg.get(p) ?? 0) + us);
  }
  const fmt = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `  ${(us / 1e6).toFixed(1).padStart(7)} s ${((us / 1000 / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  // Inclusive time of the project's own functions (src/), each counted once per stack.
  const inclusive = new Map<string, number>();
  const childIds = new Set(profile.nodes.flatMap((n) => n.children ?? []));
  const active = new Map<string, number>();
  const visit = (id: number): number => {
    const node = byId.get(id)!;
    const f = node.callFrame;
    const own = where(f.url).startsWith('project ') ? `${f.functionName || '(anonymous)'}  ${where(f.url)}:${f.lineNumber + 1}` : undefined;
    if (own) active.set(own, (active.get(own) ?? 0) + 1);
    let sum = self.get(id) ?? 0;
    for (const child of node.children ?? []) sum += visit(child);
    if (own) {
      active.set(own, active.get(own)! - 1);
      if (!active.get(own)) inclusive.set(own, (inclusive.get(own) ?? 0) + sum);
    }
    return sum;
  };
  for (const node of profile.nodes) if (!childIds.has(node.id)) visit(node.id);
  return `${basename(file)}: ${(total / 1000).toFixed(1)} s sampled\n self time by package:\n${fmt(pkg)}\n self time by function:\n${fmt(fn)}\n inclusive time of the project's own functions:\n${fmt(inclusive)}`;
}

// ---------------------------------------------------------------------------------------
// The run

const parseSeconds = (lines: string[], pattern: RegExp): number | null => {
  for (const line of lines) {
    const match = pattern.exec(line);
    if (match) return Number(match[1]);
  }
  return null;
};

type SearchFields = { firstSearchBytes: number | null; firstSearch: SearchMeasure[] | null };

/**
 * First-search bytes. The project is measured through its search page, which loads the
 * search index in shards (docs/search.md); the baseline, stock Pagefind, through its API.
 */
async function firstSearch(projectDist: string, baselineDist?: string): Promise<{ project: SearchFields; baseline?: SearchFields }> {
  const english = [{ query: 'export', bundle: '/pagefind/' }, { query: 'stockpiling', bundle: '/pagefind/' }];
  const fields = (measures: SearchMeasure[], mode: SearchMeasure['mode']): SearchFields => ({
    firstSearch: measures,
    // The target: the worst of the single-word English queries.
    firstSearchBytes: Math.max(...measures.filter((m) => m.bundle === '/pagefind/' && m.mode === mode).map((m) => m.bytes)),
  });
  const project = fields(await measureFirstSearch(projectDist, [...english, { query: '稀土', bundle: '/pagefind/zh/' }], ['page']), 'page');
  if (!baselineDist || !existsSync(join(baselineDist, 'pagefind'))) return { project };
  return { project, baseline: fields(await measureFirstSearch(baselineDist, english, ['api']), 'api') };
}

const slugOf = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a != null && b ? round(a / b, 2) : null);

function clearCaches(root: string, compileCache: string) {
  for (const dir of [join(root, 'node_modules/.astro'), join(root, 'node_modules/.vite'), join(root, '.astro'), join(root, '.briefing'), compileCache]) rmSync(dir, { recursive: true, force: true });
}

export async function bench(argv = process.argv.slice(2)): Promise<BenchEntry | null> {
  const { values } = parseArgs({
    args: argv,
    options: {
      briefs: { type: 'string', default: '1000' },
      seed: { type: 'string', default: 'briefing' },
      ref: { type: 'string', default: 'worktree' },
      results: { type: 'string', default: 'bench/results.json' },
      work: { type: 'string' },
      'skip-baseline': { type: 'boolean', default: false },
      'skip-rebuild': { type: 'boolean', default: false },
      'skip-search': { type: 'boolean', default: false },
      'rebuild-variants': { type: 'string' },
      'search-only': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  const n = Number(values.briefs);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--briefs must be a positive whole number, got ${values.briefs}`);
  const say = (text: string) => values.quiet || console.log(text);
  const work = resolve(ROOT, values.work ?? `bench/work/${n}`);
  const corpus = join(work, 'corpus');
  const projectRoot = join(work, 'project');
  const baselineRoot = join(work, 'baseline');
  const logs = join(work, 'logs');
  mkdirSync(logs, { recursive: true });
  const node = process.execPath;

  // --search-only: measure the first search again on the sites the last run left in the
  // work folder, and update that run's entry (useful after a change to search alone).
  if (values['search-only']) {
    const file = resolve(ROOT, values.results);
    const entry = readResults(file).find((e) => e.briefs === n);
    if (!entry || !existsSync(join(work, 'dist-project'))) throw new Error(`--search-only needs a previous run at ${n} briefs (an entry in ${values.results} and ${join(work, 'dist-project')})`);
    const measured = await firstSearch(join(work, 'dist-project'), entry.baseline ? join(work, 'dist-baseline') : undefined);
    Object.assign(entry.project, measured.project);
    if (entry.baseline && measured.baseline) Object.assign(entry.baseline, measured.baseline);
    mergeResults(file, entry);
    say(`first search: ${entry.project.firstSearch!.map((m) => `"${m.query}" ${m.mode} ${(m.bytes / 1000).toFixed(1)} kB (${m.encoding})`).join(', ')}`);
    say(`\n${table(readResults(file))}`);
    return entry;
  }

  // 1. Corpus
  let started = performance.now();
  const files = generateCorpus({ briefs: n, seed: values.seed });
  writeCorpus(corpus, files, ROOT);
  const corpusBytes = files.reduce((s, f) => s + Buffer.byteLength(f.text), 0);
  const entities = Object.fromEntries(['companies', 'policies', 'themes', 'terms'].map((k) => [k, files.filter((f) => f.path.startsWith(`${k}/`)).length]));
  say(`corpus: ${files.length} files (${(corpusBytes / 1e6).toFixed(1)} MB) in ${corpus}, ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // 2. Snapshot
  const source = { ref: values.ref, ...snapshotProject(projectRoot, values.ref) };
  say(`project: snapshot of ${values.ref === 'worktree' ? 'the working tree' : values.ref} at ${source.commit.slice(0, 10)}${source.modified.length ? ` (+${source.modified.length} uncommitted files)` : ''} in ${projectRoot}`);
  const projectDist = join(work, 'dist-project');
  const projectCompileCache = join(work, 'compile-cache-project');
  const projectEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    // CI would switch Astro's compile cache off; NODE_OPTIONS from the caller would distort the run.
    delete env.CI;
    delete env.NODE_OPTIONS;
    // BRIEFING_CACHE_DIR: Astro's cacheDir (content store, incremental pages), kept where the bench clears and keeps it.
    Object.assign(env, { BRIEFING_CONTENT_DIR: corpus, BRIEFING_DIST: projectDist, BRIEFING_CACHE_DIR: join(projectRoot, 'node_modules/.astro/'), NODE_COMPILE_CACHE: projectCompileCache, FORCE_COLOR: '0' }, extra);
    return env;
  };

  // 3. Check, then a cold build
  const check = await run(node, ['scripts/check.ts'], { cwd: projectRoot, env: projectEnv(), logFile: join(logs, 'check.log') });
  if (check.code !== 0) throw new Error(`the generated corpus does not pass the check: see ${join(logs, 'check.log')}`);
  say(`check: ${check.seconds.toFixed(2)} s`);

  // --profile: one cold build under `node --cpu-prof`, summarised; nothing is recorded.
  if (values.profile) {
    const profileDir = join(work, 'profile');
    rmSync(profileDir, { recursive: true, force: true });
    clearCaches(projectRoot, projectCompileCache);
    rmSync(projectDist, { recursive: true, force: true });
    // --cpu-prof is not allowed in NODE_OPTIONS: profile the `astro build` that scripts/build.ts
    // would start, with the same environment (the content check before it is not profiled).
    say('project: cold `astro build` under node --cpu-prof…');
    const profiled = await run(node, ['--cpu-prof', '--cpu-prof-interval=2000', `--cpu-prof-dir=${profileDir}`, join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: projectRoot,
      env: projectEnv({ BRIEFING_OUT_DIR: projectDist }),
      logFile: join(logs, 'project-profile.log'),
      markers: PROJECT_MARKERS,
    });
    say(`profiled build: ${profiled.seconds.toFixed(1)} s, CPU ${profiled.cpuSeconds ?? '?'} s (exit ${profiled.code}); Astro's timings ${JSON.stringify(astroTimings(profiled.lines))}; profiles in ${relative(ROOT, profileDir)}`);
    const profiles = walkFiles(profileDir).filter((f) => f.endsWith('.cpuprofile')).sort((a, b) => statSync(b).size - statSync(a).size);
    if (profiles[0]) {
      const summary = summariseProfile(profiles[0]);
      writeFileSync(join(work, 'profile-summary.txt'), `${summary}\n`);
      say(summary);
    }
    return null;
  }

  clearCaches(projectRoot, projectCompileCache);
  rmSync(projectDist, { recursive: true, force: true });
  say('project: cold build…');
  const cold = await run(node, ['scripts/build.ts'], { cwd: projectRoot, env: projectEnv(), logFile: join(logs, 'project-build.log'), markers: PROJECT_MARKERS });
  if (cold.code !== 0) throw new Error(`the project build failed (exit ${cold.code}): see ${join(logs, 'project-build.log')}`);
  const pagefindSeconds = parseSeconds(cold.lines, /Pagefind indexed .* in ([\d.]+) s/) ?? 0;
  const pages = countPages(projectDist);
  const project: ProjectResult = {
    buildSeconds: round(cold.seconds),
    astroSeconds: round(cold.seconds - pagefindSeconds),
    pagefindSeconds,
    peakRssMB: cold.peakRssMB,
    ...splitPeaks(cold.peakByComm),
    pages,
    distBytes: bytesOf(projectDist),
    indexBytes: bytesOf(join(projectDist, 'pagefind')),
    msPerBrief: round((cold.seconds * 1000) / n, 1),
    cpuSeconds: cold.cpuSeconds,
    cpuPagefindSeconds: cold.cpuPagefindSeconds,
    phases: cold.marks,
    timings: astroTimings(cold.lines),
    checkSeconds: round(check.seconds),
    checkInBuildSeconds: parseSeconds(cold.lines, /checked in ([\d.]+) s/),
    firstSearchBytes: null,
    firstSearch: null,
    rebuildSeconds: null,
    rebuildPeakRssMB: null,
    rebuildPhases: null,
    rebuildTimings: null,
    briefPage: briefPageBudget(projectDist),
  };
  say(`project: ${project.buildSeconds} s (Pagefind ${pagefindSeconds} s), peak ${project.peakRssMB} MB, ${pages} pages`);

  // 4. Baseline
  let baseline: SideResult | null = null;
  if (!values['skip-baseline']) {
    snapshotBaseline(baselineRoot);
    const baselineDist = join(work, 'dist-baseline');
    const baselineCompileCache = join(work, 'compile-cache-baseline');
    clearCaches(baselineRoot, baselineCompileCache);
    rmSync(baselineDist, { recursive: true, force: true });
    const env: NodeJS.ProcessEnv = { ...process.env, BENCH_CONTENT_DIR: corpus, BENCH_BASELINE_OUT: baselineDist, NODE_COMPILE_CACHE: baselineCompileCache, FORCE_COLOR: '0' };
    delete env.CI;
    delete env.NODE_OPTIONS;
    say('baseline: cold build…');
    const astro = await run(node, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: baselineRoot, env, logFile: join(logs, 'baseline-build.log'), markers: BASELINE_MARKERS });
    if (astro.code !== 0) throw new Error(`the baseline build failed: see ${join(logs, 'baseline-build.log')}`);
    const pf = await run(node, ['pagefind.ts', baselineDist], { cwd: baselineRoot, env, logFile: join(logs, 'baseline-pagefind.log') });
    if (pf.code !== 0) throw new Error(`the baseline's Pagefind failed: see ${join(logs, 'baseline-pagefind.log')}`);
    const buildSeconds = astro.seconds + pf.seconds;
    baseline = {
      buildSeconds: round(buildSeconds),
      astroSeconds: round(astro.seconds),
      pagefindSeconds: round(pf.seconds),
      peakRssMB: Math.max(astro.peakRssMB, pf.peakRssMB),
      peakRssAstroMB: splitPeaks(astro.peakByComm).peakRssAstroMB,
      peakRssPagefindMB: splitPeaks(pf.peakByComm).peakRssPagefindMB,
      pages: countPages(baselineDist),
      distBytes: bytesOf(baselineDist),
      indexBytes: bytesOf(join(baselineDist, 'pagefind')),
      msPerBrief: round((buildSeconds * 1000) / n, 1),
      cpuSeconds: round(astro.cpuSeconds + pf.cpuSeconds, 1),
      cpuPagefindSeconds: pf.cpuPagefindSeconds,
      phases: astro.marks,
      timings: { ...astroTimings(astro.lines), pagefind: round(pf.seconds) },
    };
    say(`baseline: ${baseline.buildSeconds} s (Astro ${baseline.astroSeconds} s, Pagefind ${baseline.pagefindSeconds} s), peak ${baseline.peakRssMB} MB, ${baseline.pages} pages`);
  }

  // 5. Rebuild after editing one brief, caches kept (and, with --rebuild-variants, with only
  //    some of them kept, to tell which ones a CI cache must restore).
  if (!values['skip-rebuild']) {
    const briefFiles = files.filter((f) => f.path.startsWith('briefs/')).map((f) => f.path).sort();
    const edited = join(corpus, briefFiles[Math.floor(briefFiles.length / 2)]!);
    const original = readFileSync(edited, 'utf8');
    const caches: Record<string, string> = {
      // Astro's cacheDir (BRIEFING_CACHE_DIR above): content store and incremental-build pages.
      'node_modules/.astro': join(projectRoot, 'node_modules/.astro'),
      'node_modules/.vite': join(projectRoot, 'node_modules/.vite'),
      '.astro': join(projectRoot, '.astro'),
      'compile cache': projectCompileCache,
    };
    const saved = join(work, 'saved-caches');
    if (values['rebuild-variants']) {
      rmSync(saved, { recursive: true, force: true });
      for (const [name, dir] of Object.entries(caches)) if (existsSync(dir)) cpSync(dir, join(saved, name), { recursive: true, verbatimSymlinks: true });
    }
    project.cacheBytes = Object.fromEntries(Object.entries(caches).map(([name, dir]) => [name, bytesOf(dir)]));
    const rebuild = async (label: string, logName: string) => {
      writeFileSync(edited, `${original}\nA late correction: the figures above were revised after publication.\n`);
      say(`project: rebuild (${label}) after editing ${relative(corpus, edited)}…`);
      const again = await run(node, ['scripts/build.ts'], { cwd: projectRoot, env: projectEnv(), logFile: join(logs, logName), markers: PROJECT_MARKERS });
      writeFileSync(edited, original);
      if (again.code !== 0) throw new Error(`the project rebuild failed: see ${join(logs, logName)}`);
      say(`project: rebuild (${label}) ${again.seconds.toFixed(1)} s (${Math.round((again.seconds / cold.seconds) * 100)}% of cold)`);
      return again;
    };
    const again = await rebuild('all caches kept', 'project-rebuild.log');
    project.rebuildSeconds = round(again.seconds);
    project.rebuildCpuSeconds = again.cpuSeconds;
    project.rebuildPeakRssMB = again.peakRssMB;
    project.rebuildPhases = again.marks;
    project.rebuildTimings = { ...astroTimings(again.lines), pagesReused: again.pagesReused, pagesRegenerated: again.pagesLogged - again.pagesReused };
    if (values['rebuild-variants']) {
      project.rebuildVariants = {};
      const all: Array<[string, string[]]> = [
        ['Astro cacheDir only', ['node_modules/.astro']],
        ['Astro cacheDir + node_modules/.vite', ['node_modules/.astro', 'node_modules/.vite']],
        ['all but the Node compile cache', ['node_modules/.astro', 'node_modules/.vite', '.astro']],
      ];
      // "ci": what a CI cache of Astro's cacheDir restores; "all": every combination above.
      const variants = values['rebuild-variants'] === 'ci' ? all.slice(0, 1) : all;
      for (const [label, keep] of variants) {
        for (const [name, dir] of Object.entries(caches)) {
          rmSync(dir, { recursive: true, force: true });
          if (keep.includes(name) && existsSync(join(saved, name))) cpSync(join(saved, name), dir, { recursive: true, verbatimSymlinks: true });
        }
        const result = await rebuild(label, `project-rebuild-${slugOf(label)}.log`);
        project.rebuildVariants[label] = { seconds: round(result.seconds), cpuSeconds: result.cpuSeconds, timings: { ...astroTimings(result.lines), pagesReused: result.pagesReused, pagesRegenerated: result.pagesLogged - result.pagesReused } };
      }
      rmSync(saved, { recursive: true, force: true });
    }
  }

  // 6. First search, in Chromium, bytes on the wire (the baseline's too, for comparison)
  if (!values['skip-search']) {
    const measured = await firstSearch(projectDist, baseline ? join(work, 'dist-baseline') : undefined);
    Object.assign(project, measured.project);
    if (baseline && measured.baseline) Object.assign(baseline, measured.baseline);
    say(`first search: ${project.firstSearch!.map((m) => `"${m.query}" ${m.mode} ${(m.bytes / 1000).toFixed(1)} kB (${m.encoding})`).join(', ')}`);
  }

  const entry: BenchEntry = {
    briefs: n,
    seed: values.seed,
    date: new Date().toISOString(),
    command: `npm run bench -- ${argv.join(' ')}`.trim(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', memoryGB: round(totalmem() / 2 ** 30, 1), node: process.version },
    source,
    corpus: { files: files.length, bytes: corpusBytes, entities },
    project,
    baseline,
    ratios: {
      build: ratio(project.buildSeconds, baseline?.buildSeconds),
      cpu: ratio(project.cpuSeconds, baseline?.cpuSeconds),
      astro: ratio(project.astroSeconds, baseline?.astroSeconds),
      pagefind: ratio(project.pagefindSeconds, baseline?.pagefindSeconds),
      peakRss: ratio(project.peakRssMB, baseline?.peakRssMB),
      distBytes: ratio(project.distBytes, baseline?.distBytes),
      indexBytes: ratio(project.indexBytes, baseline?.indexBytes),
      rebuildOfCold: ratio(project.rebuildSeconds, project.buildSeconds),
    },
  };
  mergeResults(resolve(ROOT, values.results), entry);
  say(`\n${table(readResults(resolve(ROOT, values.results)))}\nresults: ${relative(ROOT, resolve(ROOT, values.results))}; logs: ${relative(ROOT, logs)}`);
  return entry;
}

export function readResults(file: string): BenchEntry[] {
  if (!existsSync(file)) return [];
  const data = JSON.parse(readFileSync(file, 'utf8')) as BenchEntry[];
  return Array.isArray(data) ? data : [];
}

function mergeResults(file: string, entry: BenchEntry) {
  const entries = readResults(file).filter((e) => e.briefs !== entry.briefs);
  entries.push(entry);
  entries.sort((a, b) => a.briefs - b.briefs);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(entries, null, 2)}\n`);
}

/** The results as a table, with the issue's targets where the figures allow. */
export function table(entries: BenchEntry[]): string {
  const rows: string[][] = [['', ...entries.flatMap((e) => [`${e.briefs} project`, 'baseline', 'ratio'])]];
  const fmt = (v: number | null | undefined, digits = 1) => (v == null ? '–' : v >= 1e6 ? `${(v / 1e6).toFixed(1)} M` : Number(v.toFixed(digits)).toString());
  const row = (label: string, get: (s: SideResult | ProjectResult) => number | null | undefined, digits = 1) =>
    rows.push([label, ...entries.flatMap((e) => [fmt(get(e.project), digits), e.baseline ? fmt(get(e.baseline), digits) : '–', e.baseline ? fmt(ratio(get(e.project), get(e.baseline)), 2) : '–'])]);
  row('build s (Astro + Pagefind)', (s) => s.buildSeconds);
  row('  Astro s', (s) => s.astroSeconds);
  row('  Pagefind s', (s) => s.pagefindSeconds);
  row('ms per brief', (s) => s.msPerBrief);
  row('CPU s (user + sys, tree)', (s) => s.cpuSeconds);
  row('  of which Pagefind', (s) => s.cpuPagefindSeconds);
  row('peak RSS MB (tree)', (s) => s.peakRssMB, 0);
  row('  Astro process MB', (s) => s.peakRssAstroMB, 0);
  row('  Pagefind MB', (s) => s.peakRssPagefindMB, 0);
  row('pages', (s) => s.pages, 0);
  row('dist bytes', (s) => s.distBytes, 0);
  row('index bytes', (s) => s.indexBytes, 0);
  const projectOnly = (label: string, get: (p: ProjectResult) => number | null | undefined, digits = 1) => rows.push([label, ...entries.flatMap((e) => [fmt(get(e.project), digits), '', ''])]);
  projectOnly('check s', (p) => p.checkSeconds, 2);
  projectOnly('rebuild s (one brief edited)', (p) => p.rebuildSeconds);
  projectOnly('  files reused by Astro', (p) => p.rebuildTimings?.pagesReused, 0);
  projectOnly('  files rendered again', (p) => p.rebuildTimings?.pagesRegenerated, 0);
  row('first search bytes (br)', (s) => s.firstSearchBytes, 0);
  projectOnly('brief page gz bytes (max)', (p) => p.briefPage.maxBytes, 0);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const lines = rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));

  const targets: string[] = [];
  const big = entries.find((e) => e.briefs === 10000) ?? entries[entries.length - 1];
  const small = entries.find((e) => e.briefs === 1000);
  if (big) {
    const t = (ok: boolean | null, text: string) => targets.push(`${ok == null ? '  ?  ' : ok ? 'PASS ' : 'FAIL '} ${text}`);
    const r = ratio(big.project.buildSeconds, big.baseline?.buildSeconds);
    t(r == null ? null : r <= 1.3, `build within 1.3× of the baseline at ${big.briefs}: ${r ?? '–'}×`);
    t(big.project.peakRssMB <= 2560, `build peak RSS ≤ 2.5 GB (whole process tree): ${big.project.peakRssMB} MB (Astro ${big.project.peakRssAstroMB} MB, Pagefind ${big.project.peakRssPagefindMB} MB)`);
    if (big.baseline) t(big.project.peakRssPagefindMB <= big.baseline.peakRssPagefindMB * 1.05, `Pagefind peak not above the baseline's: ${big.project.peakRssPagefindMB} vs ${big.baseline.peakRssPagefindMB} MB`);
    if (small && small !== big) {
      const lin = ratio(big.project.msPerBrief, small.project.msPerBrief);
      t(lin == null ? null : lin <= 1.2, `linear: ms/brief at ${big.briefs} ≤ 1.2× at 1000: ${lin}×`);
    }
    t(big.project.checkSeconds < 10, `npm run check < 10 s: ${big.project.checkSeconds} s`);
    t(big.project.firstSearchBytes == null ? null : big.project.firstSearchBytes <= 150_000, `first search ≤ 150 kB on the wire: ${big.project.firstSearchBytes ?? '–'} B`);
    t(big.project.briefPage.maxBytes <= 30_000, `brief page ≤ 30 KB gzipped HTML + CSS: max ${big.project.briefPage.maxBytes} B (${big.project.briefPage.maxPage})`);
    const rb = ratio(big.project.rebuildSeconds, big.project.buildSeconds);
    t(rb == null ? null : rb <= 0.3, `rebuild after one edit ≤ 30% of cold: ${rb == null ? '–' : `${Math.round(rb * 100)}%`}`);
  }
  const commits = new Set(entries.map((e) => e.source?.commit));
  const warning = commits.size > 1 ? `\n\nnote: the entries come from different commits (${entries.map((e) => `${e.briefs}: ${e.source?.commit.slice(0, 7)}`).join(', ')}); rerun both for a fair comparison` : '';
  return `${lines.join('\n')}\n\ntargets (issue 5):\n${targets.join('\n')}${warning}`;
}

if (import.meta.main) {
  try {
    await bench();
  } catch (error) {
    console.error(`\n✗ bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
