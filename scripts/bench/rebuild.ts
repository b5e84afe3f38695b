/**
 * Rebuilds of the project after one brief is edited: with its caches kept and, with
 * --rebuild-variants, with only some of them kept, to tell which ones a CI cache must restore.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expectedPages, NODE, type Step } from './builds.ts';
import { run, type RunResult } from './monitor.ts';
import { bytesOf } from './output.ts';
import { type ProjectResult, round } from './results.ts';
import { astroTimings, PROJECT_MARKERS } from './timings.ts';
import { projectCaches, projectEnv, setAside, type Workspace } from './work.ts';

/** Which caches each variant keeps; "ci" is the first alone (a CI cache of Astro's cacheDir). */
const VARIANTS: Array<[string, string[]]> = [
  ['Astro cacheDir only', ['node_modules/.astro']],
  ['Astro cacheDir + node_modules/.vite', ['node_modules/.astro', 'node_modules/.vite']],
  ['all but the Node compile cache', ['node_modules/.astro', 'node_modules/.vite', '.astro']],
];

const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const rebuildTimings = (result: RunResult) => ({
  ...astroTimings(result.lines),
  pagesReused: result.pagesReused,
  pagesRegenerated: result.pagesLogged - result.pagesReused,
});

/**
 * Edits the middle brief of `briefPaths` (relative to the corpus), rebuilds, and records the
 * rebuilds in `project`; `coldSeconds` is the cold build's, for the percentage. `variants`:
 * `ci` or `all` (--rebuild-variants).
 */
export async function rebuildAfterEdit(
  step: Step,
  project: ProjectResult,
  coldSeconds: number,
  briefPaths: string[],
  variants: string | undefined,
) {
  const { ws, say } = step;
  const sorted = [...briefPaths].sort();
  const edited = join(ws.corpus, sorted[Math.floor(sorted.length / 2)]!);
  const original = readFileSync(edited, 'utf8');
  const caches = projectCaches(ws);
  const saved = join(ws.work, 'saved-caches');
  if (variants) saveCaches(caches, saved);
  const cacheSizes = Object.entries(caches).map(([name, dir]) => [name, bytesOf(dir)]);
  project.cacheBytes = Object.fromEntries(cacheSizes);

  const rebuild = async (label: string, logName: string) => {
    const correction = 'A late correction: the figures above were revised after publication.';
    writeFileSync(edited, `${original}\n${correction}\n`);
    say(`project: rebuild (${label}) after editing ${relative(ws.corpus, edited)}…`);
    const logFile = join(ws.logs, logName);
    const again = await run(NODE, ['scripts/build.ts'], {
      cwd: ws.projectRoot,
      env: projectEnv(ws),
      logFile,
      markers: PROJECT_MARKERS,
      progress: { label: `project: rebuild (${label}), pages`, pages: expectedPages(step.briefs) },
    });
    writeFileSync(edited, original);
    if (again.code !== 0) throw new Error(`the project rebuild failed: see ${logFile}`);
    const share = Math.round((again.seconds / coldSeconds) * 100);
    say(`project: rebuild (${label}) ${again.seconds.toFixed(1)} s (${share}% of cold)`);
    return again;
  };

  const again = await rebuild('all caches kept', 'project-rebuild.log');
  project.rebuildSeconds = round(again.seconds);
  project.rebuildCpuSeconds = again.cpuSeconds;
  project.rebuildPeakRssMB = again.peakRssMB;
  project.rebuildPhases = again.marks;
  project.rebuildTimings = rebuildTimings(again);
  if (!variants) return;

  project.rebuildVariants = {};
  for (const [label, keep] of variants === 'ci' ? VARIANTS.slice(0, 1) : VARIANTS) {
    restoreCaches(ws, caches, saved, keep);
    const result = await rebuild(label, `project-rebuild-${slugOf(label)}.log`);
    project.rebuildVariants[label] = {
      seconds: round(result.seconds),
      cpuSeconds: result.cpuSeconds,
      timings: rebuildTimings(result),
    };
  }
  rmSync(saved, { recursive: true, force: true });
}

/** Copies of the caches as the cold build left them, for restoring some before each variant. */
function saveCaches(caches: Record<string, string>, saved: string) {
  rmSync(saved, { recursive: true, force: true });
  for (const [name, dir] of Object.entries(caches)) {
    if (existsSync(dir))
      cpSync(dir, join(saved, name), { recursive: true, verbatimSymlinks: true });
  }
}

function restoreCaches(
  ws: Workspace,
  caches: Record<string, string>,
  saved: string,
  keep: string[],
) {
  for (const [name, dir] of Object.entries(caches)) {
    setAside(ws, dir);
    const copy = join(saved, name);
    if (keep.includes(name) && existsSync(copy)) {
      cpSync(copy, dir, { recursive: true, verbatimSymlinks: true });
    }
  }
}
