/**
 * A small run of the benchmark (issue 5): N = 50 through the generator, the content check,
 * the project's real build and the first-search measurement, into a temporary folder and a
 * temporary results file (never bench/results.json). The full bench is `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hugoVersion } from '../../scripts/bench/hugo.ts';
import { table } from '../../scripts/bench/report.ts';
import type { BenchEntry } from '../../scripts/bench/results.ts';
import { astroTimings } from '../../scripts/bench/timings.ts';

const work = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('bench smoke run (N = 50)', () => {
  it(
    'generates, checks, builds and measures, writing the results where it is told',
    { timeout: 240_000 },
    () => {
      const results = join(work, 'results.json');
      const args = [
        'scripts/bench/cli.ts',
        '--briefs',
        '50',
        '--work',
        join(work, 'run'),
        '--results',
        results,
        '--skip-baseline',
        '--skip-rebuild',
      ];
      const run = spawnSync(process.execPath, args, {
        cwd: resolve(import.meta.dirname, '../..'),
        encoding: 'utf8',
        env: { ...process.env, FORCE_COLOR: '0' },
      });
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout).toContain('targets:');

      const entries = JSON.parse(readFileSync(results, 'utf8')) as BenchEntry[];
      expect(entries).toHaveLength(1);
      const [entry] = entries;
      expect(entry!.briefs).toBe(50);
      expect(entry!.baseline).toBeNull();
      const p = entry!.project;
      // 50 briefs + 12 profiles, plus index pages, timeline, 404 …
      expect(p.pages).toBeGreaterThan(62);
      expect(p.buildSeconds).toBeGreaterThan(0);
      // Pagefind's seconds after the pages, from its line in the build's log: at 50 briefs every
      // bundle may be indexed while the pages are written, and then they are 0.0.
      const buildLog = readFileSync(join(work, 'run/logs/project-build.log'), 'utf8');
      const pagefindLine = /Pagefind indexed .* in ([\d.]+) s/.exec(buildLog);
      expect(pagefindLine).not.toBeNull();
      expect(p.pagefindSeconds).toBe(Number(pagefindLine![1]));
      expect(p.astroSeconds).toBeCloseTo(p.buildSeconds - p.pagefindSeconds, 1);
      expect(p.peakRssMB).toBeGreaterThan(100);
      expect(p.peakRssAstroMB).toBeGreaterThan(100);
      expect(p.indexBytes).toBeGreaterThan(0);
      expect(p.distBytes).toBeGreaterThan(p.indexBytes);
      expect(p.checkSeconds).toBeGreaterThan(0);
      expect(p.checkAgainSeconds).toBeGreaterThan(0);
      expect(p.briefPage.maxBytes).toBeGreaterThan(0);
      expect(p.rebuildSeconds).toBeNull();
      // The site tests' setup found a browser (tests/helpers/build-once.ts).
      expect(p.firstSearchBytes).toBeGreaterThan(10_000);
      expect(p.firstSearch!.every((m) => m.results > 0)).toBe(true);
      // From a gzip-only host (as GitHub Pages) and from one with brotli: brotli is smaller.
      expect(new Set(p.firstSearch!.map((m) => m.host))).toEqual(new Set(['gzip-6', 'brotli-11']));
      expect(p.firstSearchBrotliBytes).toBeLessThan(p.firstSearchBytes!);
      // The Hugo peer, where Debian's hugo is installed (.ci/run installs it); a note otherwise.
      if (hugoVersion()) {
        expect(entry!.hugo!.pages).toBeGreaterThan(62);
        expect(entry!.hugo!.pagefindSeconds).toBeGreaterThan(0);
        expect(entry!.ratios.hugo).toBeGreaterThan(0);
      } else {
        expect(entry!.hugo).toBeNull();
        expect(run.stdout).toContain('hugo: not installed');
      }
      expect(p.files).toBeGreaterThan(p.pages);
      expect(p.largest!.html.bytes).toBeGreaterThan(0);
      expect(p.devFirstPageSeconds).toBeGreaterThan(0);
      // The run used its own work folder: nothing was written to the default one.
      expect(existsSync(join(work, 'run', 'dist-project', 'index.html'))).toBe(true);
    },
  );

  it('reads Astro’s own timings from its log', () => {
    const timings = astroTimings([
      '22:35:36 [types] Generated 1.18s',
      '22:35:36 [build] Collecting build info...',
      '22:35:36 [build] ✓ Completed in 1.25s.',
      '22:35:37 [vite] ✓ built in 996ms',
      '22:35:37 [vite] ✓ built in 47ms',
      ' generating static routes ',
      '22:35:37 ✓ Completed in 430ms.',
      '22:35:38 [briefing-pagefind] Pagefind indexed 76 pages (10 with Chinese text also as Chinese) in 0.3 s',
      '22:35:38 [build] 76 page(s) built in 3.08s',
    ]);
    expect(timings).toEqual({
      types: 1.18,
      collectBuildInfo: 1.25,
      vite: 1.04,
      generatePages: 0.43,
      pagefind: 0.3,
      routes: 76,
      astroBuild: 3.08,
    });
    expect(
      astroTimings([
        '22:48:41 [vite] ✓ built in 1m 32s',
        '22:55:00 [build] 10400 page(s) built in 2m 39.5s',
      ]),
    ).toEqual({ vite: 92, routes: 10400, astroBuild: 159.5 });
  });

  it('prints ratios and targets from the results', () => {
    const side = {
      buildSeconds: 100,
      astroSeconds: 70,
      pagefindSeconds: 30,
      peakRssMB: 2000,
      peakRssAstroMB: 1500,
      peakRssPagefindMB: 900,
      pages: 10,
      distBytes: 1,
      indexBytes: 1,
      msPerBrief: 10,
      phases: {},
      timings: {},
    };
    const entry = {
      briefs: 10000,
      project: {
        ...side,
        buildSeconds: 120,
        checkSeconds: 5,
        checkInBuildSeconds: 5,
        firstSearchBytes: 120_000,
        firstSearch: null,
        rebuildSeconds: 30,
        rebuildPeakRssMB: 1,
        rebuildPhases: null,
        rebuildTimings: null,
        briefPage: { medianBytes: 1, maxBytes: 20_000, maxPage: '/briefs/x/', cssBytes: 1 },
      },
      baseline: side,
    } as unknown as BenchEntry;
    const text = table([entry]);
    expect(text).toContain('1.2');
    expect(text).toMatch(/PASS\s+build within 1\.3× of the baseline at 10000: 1\.2×/);
    expect(text).toMatch(/PASS\s+rebuild after one edit ≤ 30% of cold: 25%/);
  });
});
