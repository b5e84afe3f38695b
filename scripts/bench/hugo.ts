/**
 * The Hugo peer (issue 15): the same corpus built by Hugo (bench/hugo, a minimal layout
 * written here: a page per brief and per profile, a list per folder, the home page), then
 * indexed by Pagefind as the baseline is (bench/baseline/pagefind.ts), both cold. Skipped
 * with a note where `hugo` is not installed (Debian: `apt-get install hugo`), and reported
 * without stopping the bench where it fails (at 100,000 briefs, Pagefind's single index needs
 * more memory than a 24 GB machine has).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NODE, type Step } from './builds.ts';
import { run, splitPeaks, type RunResult } from './monitor.ts';
import { bytesOf, countFiles, countPages } from './output.ts';
import { round, type SideResult } from './results.ts';
import { baselineEnv, setAside } from './work.ts';

/** Hugo's version line, or null when there is no `hugo` on the PATH. */
export function hugoVersion(): string | null {
  try {
    return execFileSync('hugo', ['version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .trim()
      .split('\n')[0]!;
  } catch {
    return null;
  }
}

/**
 * Front-matter keys Hugo reserves for itself: `url` sets a page's address (and Hugo refuses
 * absolute ones), `aliases` writes redirect pages. The copy Hugo builds renames them; nothing
 * else changes.
 */
const RESERVED = /^(url|aliases):/m;

function hugoFrontMatter(text: string): string {
  const end = text.indexOf('\n---', 3);
  if (end < 0 || !RESERVED.test(text.slice(0, end))) return text;
  const head = text
    .slice(0, end)
    .replace(/^url:/m, 'link:')
    .replace(/^aliases:/m, 'names:');
  return head + text.slice(end);
}

/** Copies the corpus for Hugo (not timed): the same files, reserved keys renamed. */
export function hugoContent(corpus: string, out: string): void {
  rmSync(out, { recursive: true, force: true });
  for (const file of readdirSync(corpus, { recursive: true, encoding: 'utf8' })) {
    if (!/\.mdx?$/.test(file)) continue;
    const target = join(out, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, hugoFrontMatter(readFileSync(join(corpus, file), 'utf8')));
  }
}

/** The peer's build or index failed: the bench records why and goes on without it. */
export class PeerFailed extends Error {}

/** How a peer's step failed: its exit code, and its peak memory, the usual reason. */
function failure(step: string, result: RunResult, log: string): PeerFailed {
  const how = `exit ${result.code}, peak RSS ${result.peakRssMB} MB after ${result.seconds.toFixed(1)} s`;
  return new PeerFailed(`${step} failed (${how}): see ${log}`);
}

/**
 * Hugo, then Pagefind over its output: cold (Hugo's cache and output deleted first). Throws
 * `PeerFailed` when either fails.
 */
export async function buildHugo({ ws, briefs, say }: Step): Promise<SideResult | null> {
  const version = hugoVersion();
  if (!version) {
    say('hugo: not installed, the Hugo peer is skipped (Debian: apt-get install hugo)');
    return null;
  }
  for (const old of [ws.hugoContent, ws.hugoDist, ws.hugoCache]) setAside(ws, old);
  hugoContent(ws.corpus, ws.hugoContent);
  const env = baselineEnv(ws);
  say(`hugo: cold build (${version.split(' ').slice(0, 2).join(' ')})…`);
  const buildLog = join(ws.logs, 'hugo-build.log');
  const site = join(ws.root, 'bench/hugo');
  const hugo = await run(
    'hugo',
    [
      '--source',
      site,
      '--contentDir',
      ws.hugoContent,
      '--destination',
      ws.hugoDist,
      '--cacheDir',
      ws.hugoCache,
      '--quiet',
    ],
    { cwd: ws.work, env, logFile: buildLog, progress: { label: 'hugo: build' } },
  );
  if (hugo.code !== 0) throw failure('the Hugo build', hugo, buildLog);
  const pagefindLog = join(ws.logs, 'hugo-pagefind.log');
  const pf = await run(NODE, [join(ws.root, 'bench/baseline/pagefind.ts'), ws.hugoDist], {
    cwd: ws.root,
    env,
    logFile: pagefindLog,
    progress: { label: 'hugo: Pagefind' },
  });
  if (pf.code !== 0) throw failure("Pagefind on Hugo's output", pf, pagefindLog);
  rmSync(join(site, 'resources'), { recursive: true, force: true });
  const buildSeconds = hugo.seconds + pf.seconds;
  const result: SideResult = {
    buildSeconds: round(buildSeconds),
    // "Astro" is the generator's share: Hugo's here.
    astroSeconds: round(hugo.seconds),
    pagefindSeconds: round(pf.seconds),
    peakRssMB: Math.max(hugo.peakRssMB, pf.peakRssMB),
    peakRssAstroMB: hugo.peakRssMB,
    peakRssPagefindMB: splitPeaks(pf.peakByComm).peakRssPagefindMB,
    pages: countPages(ws.hugoDist),
    files: countFiles(ws.hugoDist),
    distBytes: bytesOf(ws.hugoDist),
    indexBytes: bytesOf(join(ws.hugoDist, 'pagefind')),
    msPerBrief: round((buildSeconds * 1000) / briefs, 1),
    cpuSeconds: round(hugo.cpuSeconds + pf.cpuSeconds, 1),
    cpuPagefindSeconds: pf.cpuPagefindSeconds,
    phases: {},
    timings: { hugo: round(hugo.seconds), pagefind: round(pf.seconds) },
    version,
  };
  const parts = `Hugo ${result.astroSeconds} s, Pagefind ${result.pagefindSeconds} s`;
  say(
    `hugo: ${result.buildSeconds} s (${parts}), peak ${result.peakRssMB} MB, ${result.pages} pages in ${ws.hugoDist}`,
  );
  return result;
}
