/**
 * The work folder of a run (bench/work/<N> unless --work says otherwise): where the corpus, the
 * snapshots, the built sites, their caches and the logs go, and the environment each build
 * gets, so that it reads that corpus and writes and caches only there.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CORPUS_BUILD_DAY } from './corpus.ts';

export interface Workspace {
  /** The project being measured (its node_modules are linked into the snapshots). */
  root: string;
  work: string;
  corpus: string;
  projectRoot: string;
  projectDist: string;
  projectCompileCache: string;
  baselineRoot: string;
  baselineDist: string;
  baselineCompileCache: string;
  /** The Hugo peer: its copy of the corpus, output and cache (scripts/bench/hugo.ts). */
  hugoContent: string;
  hugoDist: string;
  hugoCache: string;
  logs: string;
}

export function workspace(root: string, work: string): Workspace {
  return {
    root,
    work,
    corpus: join(work, 'corpus'),
    projectRoot: join(work, 'project'),
    projectDist: join(work, 'dist-project'),
    projectCompileCache: join(work, 'compile-cache-project'),
    baselineRoot: join(work, 'baseline'),
    baselineDist: join(work, 'dist-baseline'),
    baselineCompileCache: join(work, 'compile-cache-baseline'),
    hugoContent: join(work, 'corpus-hugo'),
    hugoDist: join(work, 'dist-hugo'),
    hugoCache: join(work, 'cache-hugo'),
    logs: join(work, 'logs'),
  };
}

/** The caller's environment, less what would distort a build. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // CI would switch Astro's compile cache off; NODE_OPTIONS from the caller would distort the run.
  delete env.CI;
  delete env.NODE_OPTIONS;
  // Under Vitest (the smoke test), Astro's dev server behaves as under test: not as an author's.
  for (const name of Object.keys(env)) if (/^(VITEST|TEST$|NODE_ENV$)/.test(name)) delete env[name];
  return env;
}

export function projectEnv(ws: Workspace, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return Object.assign(
    cleanEnv(),
    {
      BRIEFING_CONTENT_DIR: ws.corpus,
      BRIEFING_DIST: ws.projectDist,
      // Astro's cacheDir (content store, incremental pages), kept where the bench clears and
      // keeps it.
      BRIEFING_CACHE_DIR: join(ws.projectRoot, 'node_modules/.astro/'),
      NODE_COMPILE_CACHE: ws.projectCompileCache,
      FORCE_COLOR: '0',
      // Astro's log on standard output too, where the bench reads its phases and pages.
      BRIEFING_BUILD_VERBOSE: '1',
      // Every generated brief is published, as the peers publish them all.
      BRIEFING_BUILD_DATE: CORPUS_BUILD_DAY,
    },
    extra,
  );
}

export function baselineEnv(ws: Workspace): NodeJS.ProcessEnv {
  return Object.assign(cleanEnv(), {
    BENCH_CONTENT_DIR: ws.corpus,
    BENCH_BASELINE_OUT: ws.baselineDist,
    NODE_COMPILE_CACHE: ws.baselineCompileCache,
    FORCE_COLOR: '0',
  });
}

/** The project's caches that a rebuild may reuse, by the name the results give them. */
export function projectCaches(ws: Workspace): Record<string, string> {
  return {
    // Astro's cacheDir (BRIEFING_CACHE_DIR): content store and incremental-build pages.
    'node_modules/.astro': join(ws.projectRoot, 'node_modules/.astro'),
    'node_modules/.vite': join(ws.projectRoot, 'node_modules/.vite'),
    '.astro': join(ws.projectRoot, '.astro'),
    'compile cache': ws.projectCompileCache,
  };
}

/** Every cache of a snapshot, set aside for a cold build. */
export function clearCaches(ws: Workspace, root: string, compileCache: string) {
  const caches = ['node_modules/.astro', 'node_modules/.vite', '.astro', '.briefing'];
  for (const dir of [...caches.map((c) => join(root, c)), compileCache]) setAside(ws, dir);
}

/**
 * Moves an old output, cache or corpus out of the way of the next measured run, into
 * `<work>/trash`, which emptyTrash() deletes once every measurement is done. Deleting it there
 * and then would slow the run down: on a file system without a journal (ext4 on the bench
 * machine), the kernel does not reuse a freed inode for a minute or more, and every new file's
 * inode is found by scanning past the recently freed ones (ext4's `recently_deleted`). A cold
 * 10,000-brief build started just after deleting the last run's files spent about 8 CPU-s more in
 * the kernel (BENCHMARKS.md). A rename frees nothing.
 */
export function setAside(ws: Workspace, path: string): void {
  if (!existsSync(path)) return;
  const trash = join(ws.work, 'trash');
  mkdirSync(trash, { recursive: true });
  try {
    renameSync(path, join(trash, `${Date.now()}-${++setAsideCount}-${basename(path)}`));
  } catch {
    rmSync(path, { recursive: true, force: true });
  }
}
let setAsideCount = 0;

/** Deletes what setAside() moved away, and what an interrupted run left there. */
export function emptyTrash(ws: Workspace): void {
  rmSync(join(ws.work, 'trash'), { recursive: true, force: true });
}
