/**
 * Where a build's time goes, read off its log. Astro prints some lines in bursts, so the
 * elapsed time of a line (a marker) is approximate (± a second); Astro's own durations are exact.
 */
import type { Marker } from './monitor.ts';
import { round } from './results.ts';

export const PROJECT_MARKERS: Record<string, Marker> = {
  checked: { pattern: /content is valid/ },
  contentSync: { pattern: /\[content\] Syncing content/ },
  bundleStart: { pattern: /\[build\] Building static entrypoints/ },
  pagesStart: { pattern: /generating static routes|prerendering static routes/ },
  pagesDone: { pattern: /✓ Completed in/, after: 'pagesStart' },
  pagefindDone: { pattern: /Pagefind indexed/ },
  astroDone: { pattern: /\[build\] Complete!/ },
  swapped: { pattern: /site built into/ },
};

/** The baseline has no content check, no Pagefind integration and no swap of dist/. */
export const BASELINE_MARKERS: Record<string, Marker> = Object.fromEntries(
  Object.entries(PROJECT_MARKERS).filter(
    ([name]) => !['checked', 'pagefindDone', 'swapped'].includes(name),
  ),
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
  // "✓ Completed in" ends both the build-info step and page generation: which one is open.
  let state = '';
  for (const line of lines) {
    let m: RegExpExecArray | null;
    if ((m = TIMING_LINES.types.exec(line))) out.types = durationSeconds(m[1]!);
    else if (/Collecting build info/.test(line)) state = 'collect';
    else if (/generating static routes|prerendering static routes/.test(line)) state = 'generate';
    else if ((m = TIMING_LINES.vite.exec(line)))
      out.vite = (out.vite ?? 0) + durationSeconds(m[1]!);
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

/** The number in the first line that matches `pattern` (its first group). */
export function secondsIn(lines: string[], pattern: RegExp): number | null {
  for (const line of lines) {
    const match = pattern.exec(line);
    if (match) return Number(match[1]);
  }
  return null;
}
