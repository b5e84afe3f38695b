/**
 * The timed commands: the content check and a cold build of the project, and a cold build of
 * the baseline (astro build, then Pagefind's Node API), each with its process tree watched.
 */
import { join } from 'node:path';
import { run, type RunResult, splitPeaks } from './monitor.ts';
import { briefPageBudget, bytesOf, countFiles, countPages, largestFiles } from './output.ts';
import { type ProjectResult, round, type SideResult } from './results.ts';
import { snapshotBaseline } from './snapshot.ts';
import { astroTimings, BASELINE_MARKERS, PROJECT_MARKERS, secondsIn } from './timings.ts';
import { baselineEnv, clearCaches, projectEnv, setAside, type Workspace } from './work.ts';

/** What every step of a run needs. */
export interface Step {
  ws: Workspace;
  briefs: number;
  say: (text: string) => void;
}

export const NODE = process.execPath;

/** About how many page lines a build of the corpus logs: briefs, profiles and their feeds, lists. */
export const expectedPages = (briefs: number) => Math.round(briefs * 1.08) + 30;

/**
 * `npm run check` twice: cold (no memo of checked briefs), then again as an author runs it, from
 * the memo the first run left (src/content/memo.ts).
 */
export async function checkCorpus({ ws, say }: Step): Promise<RunResult & { again: RunResult }> {
  clearCaches(ws, ws.projectRoot, ws.projectCompileCache);
  const runs: RunResult[] = [];
  for (const name of ['check', 'check-again']) {
    const logFile = join(ws.logs, `${name}.log`);
    const check = await run(NODE, ['scripts/check.ts'], {
      cwd: ws.projectRoot,
      env: projectEnv(ws),
      logFile,
      progress: { label: name },
    });
    if (check.code !== 0)
      throw new Error(`the generated corpus does not pass the check: see ${logFile}`);
    say(`${name}: ${check.seconds.toFixed(2)} s`);
    runs.push(check);
  }
  return { ...runs[0]!, again: runs[1]! };
}

/** `npm run build` with every cache cleared; also its seconds, unrounded. */
export async function buildProject(
  { ws, briefs, say }: Step,
  check: RunResult & { again: RunResult },
): Promise<{ project: ProjectResult; coldSeconds: number }> {
  clearCaches(ws, ws.projectRoot, ws.projectCompileCache);
  setAside(ws, ws.projectDist);
  say('project: cold build…');
  const logFile = join(ws.logs, 'project-build.log');
  const cold = await run(NODE, ['scripts/build.ts'], {
    cwd: ws.projectRoot,
    env: projectEnv(ws),
    logFile,
    markers: PROJECT_MARKERS,
    progress: { label: 'project: cold build, pages', pages: expectedPages(briefs) },
  });
  if (cold.code !== 0)
    throw new Error(`the project build failed (exit ${cold.code}): see ${logFile}`);
  const pagefindSeconds = secondsIn(cold.lines, /Pagefind indexed .* in ([\d.]+) s/) ?? 0;
  const pages = countPages(ws.projectDist);
  const project: ProjectResult = {
    buildSeconds: round(cold.seconds),
    astroSeconds: round(cold.seconds - pagefindSeconds),
    pagefindSeconds,
    peakRssMB: cold.peakRssMB,
    ...splitPeaks(cold.peakByComm),
    pages,
    files: countFiles(ws.projectDist),
    distBytes: bytesOf(ws.projectDist),
    indexBytes: bytesOf(join(ws.projectDist, 'pagefind')),
    msPerBrief: round((cold.seconds * 1000) / briefs, 1),
    cpuSeconds: cold.cpuSeconds,
    cpuPagefindSeconds: cold.cpuPagefindSeconds,
    phases: cold.marks,
    timings: astroTimings(cold.lines),
    checkSeconds: round(check.seconds),
    checkAgainSeconds: round(check.again.seconds),
    checkInBuildSeconds: secondsIn(cold.lines, /checked in ([\d.]+) s/),
    firstSearchBytes: null,
    firstSearch: null,
    rebuildSeconds: null,
    rebuildPeakRssMB: null,
    rebuildPhases: null,
    rebuildTimings: null,
    briefPage: briefPageBudget(ws.projectDist),
    largest: largestFiles(ws.projectDist),
    devFirstPageSeconds: null,
  };
  const peak = `peak ${project.peakRssMB} MB`;
  say(
    `project: ${project.buildSeconds} s (Pagefind ${pagefindSeconds} s), ${peak}, ${pages} pages`,
  );
  return { project, coldSeconds: cold.seconds };
}

/** The minimal baseline site on the same corpus: `astro build`, then Pagefind, both cold. */
export async function buildBaseline({ ws, briefs, say }: Step): Promise<SideResult> {
  snapshotBaseline(ws.root, ws.baselineRoot);
  clearCaches(ws, ws.baselineRoot, ws.baselineCompileCache);
  setAside(ws, ws.baselineDist);
  const env = baselineEnv(ws);
  say('baseline: cold build…');
  const buildLog = join(ws.logs, 'baseline-build.log');
  const astroBin = join(ws.root, 'node_modules/astro/bin/astro.mjs');
  const astro = await run(NODE, [astroBin, 'build'], {
    cwd: ws.baselineRoot,
    env,
    logFile: buildLog,
    markers: BASELINE_MARKERS,
    progress: { label: 'baseline: cold build, pages', pages: expectedPages(briefs) },
  });
  if (astro.code !== 0) throw new Error(`the baseline build failed: see ${buildLog}`);
  const pagefindLog = join(ws.logs, 'baseline-pagefind.log');
  const pf = await run(NODE, ['pagefind.ts', ws.baselineDist], {
    cwd: ws.baselineRoot,
    env,
    logFile: pagefindLog,
    progress: { label: 'baseline: Pagefind' },
  });
  if (pf.code !== 0) throw new Error(`the baseline's Pagefind failed: see ${pagefindLog}`);
  const baseline = baselineResult(ws, briefs, astro, pf);
  const parts = `Astro ${baseline.astroSeconds} s, Pagefind ${baseline.pagefindSeconds} s`;
  const size = `peak ${baseline.peakRssMB} MB, ${baseline.pages} pages`;
  say(`baseline: ${baseline.buildSeconds} s (${parts}), ${size}`);
  return baseline;
}

function baselineResult(
  ws: Workspace,
  briefs: number,
  astro: RunResult,
  pf: RunResult,
): SideResult {
  const buildSeconds = astro.seconds + pf.seconds;
  return {
    buildSeconds: round(buildSeconds),
    astroSeconds: round(astro.seconds),
    pagefindSeconds: round(pf.seconds),
    peakRssMB: Math.max(astro.peakRssMB, pf.peakRssMB),
    peakRssAstroMB: splitPeaks(astro.peakByComm).peakRssAstroMB,
    peakRssPagefindMB: splitPeaks(pf.peakByComm).peakRssPagefindMB,
    pages: countPages(ws.baselineDist),
    files: countFiles(ws.baselineDist),
    distBytes: bytesOf(ws.baselineDist),
    indexBytes: bytesOf(join(ws.baselineDist, 'pagefind')),
    msPerBrief: round((buildSeconds * 1000) / briefs, 1),
    cpuSeconds: round(astro.cpuSeconds + pf.cpuSeconds, 1),
    cpuPagefindSeconds: pf.cpuPagefindSeconds,
    phases: astro.marks,
    timings: { ...astroTimings(astro.lines), pagefind: round(pf.seconds) },
  };
}
