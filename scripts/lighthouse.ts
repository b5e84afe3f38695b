/**
 * `node scripts/lighthouse.ts [--desktop] [--runs 3] [--min 95] [--reports dir] [paths…]`: Lighthouse scores
 * (performance, accessibility, best practices, SEO) of built pages, served as a static host
 * serves them (compressed), in the Chromium that the tests use. Each page is run `--runs`
 * times and the median score of each category kept, as Lighthouse's docs advise (a busy
 * machine makes single runs noisy). Mobile emulation and throttling by default, Lighthouse's
 * desktop preset with --desktop. Exits non-zero when a median is below --min. QUALITY.md
 * records a run.
 *
 * --calibrate scales the CPU slowdown to this machine, as Lighthouse's throttling docs advise
 * for hosts unlike a typical desktop: Lighthouse's 4× mobile slowdown assumes a host about four
 * times faster than the low-tier phone it emulates (benchmark index about 264, the figure
 * Chrome DevTools' CPU calibration uses). A busy or slow host gets a smaller multiplier, never
 * below 1, so the emulated phone stays that phone instead of becoming a slower one.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { BROWSER_ARGS, findBrowser } from './lib/browser.ts';
import { serveDir } from './lib/serve.ts';

const args = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args.splice(at, 2)[1]) : fallback;
}
const min = option('--min', 95);
const runs = option('--runs', 3);
const reportAt = args.indexOf('--reports');
const reports = reportAt >= 0 ? resolve(args.splice(reportAt, 2)[1]!) : undefined;
const desktop = args.includes('--desktop');
if (desktop) args.splice(args.indexOf('--desktop'), 1);
const calibrate = args.includes('--calibrate');
if (calibrate) args.splice(args.indexOf('--calibrate'), 1);
/** The benchmark index of the low-tier phone Lighthouse's mobile preset emulates. */
const LOW_TIER_PHONE_INDEX = 264;
const paths = args.length
  ? args
  : [
      '/briefs/northern-rare-earth-party-discipline/',
      '/companies/china-northern-rare-earth/',
      '/tracker/',
    ];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Starts Chromium with a DevTools port of its own choosing and reads the port back. */
async function startChromium(): Promise<{ port: number; stop: () => void }> {
  const child = spawn(
    await findBrowser(),
    [
      ...BROWSER_ARGS,
      '--remote-debugging-port=0',
      `--user-data-dir=${resolve('.briefing/lighthouse-profile')}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((done, fail) => {
    let text = '';
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(text);
      if (match) done(Number(match[1]));
    });
    child.on('exit', (code) =>
      fail(new Error(`Chromium exited (${code}) before it listened:\n${text}`)),
    );
  });
  return { port, stop: () => child.kill() };
}

const server = await serveDir(resolve(process.env.BRIEFING_DIST ?? 'dist'), {
  compression: { brotli: 9, gzip: 6 },
});
const chromium = await startChromium();
let failed = false;
try {
  // Performance scores depend on how busy the machine is: say so next to them.
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  let throttling: { cpuSlowdownMultiplier: number } | undefined;
  if (calibrate && !desktop) {
    const probe = await lighthouse(server.url + paths[0], {
      port: chromium.port,
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    const index = probe?.lhr.environment.benchmarkIndex ?? LOW_TIER_PHONE_INDEX * 4;
    const multiplier = Math.round(Math.min(4, Math.max(1, index / LOW_TIER_PHONE_INDEX)) * 10) / 10;
    throttling = { cpuSlowdownMultiplier: multiplier };
    console.log(
      `benchmark index ${Math.round(index)}: CPU slowdown ${multiplier}× (4× by default)`,
    );
  }
  console.log(
    `${desktop ? 'desktop' : 'mobile'}, median of ${runs} run(s); load ${load} on ${cpus().length} cores\n`,
  );
  console.log(`| page | ${CATEGORIES.join(' | ')} |\n| --- |${' --- |'.repeat(CATEGORIES.length)}`);
  for (const path of paths) {
    const all: number[][] = [];
    const notes = new Set<string>();
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(
        server.url + path,
        {
          port: chromium.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
          ...(throttling ? { throttling } : {}),
        },
        desktop ? desktopConfig : undefined,
      );
      if (reports) {
        mkdirSync(reports, { recursive: true });
        const name = `${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${run + 1}.json`;
        writeFileSync(`${reports}/${name}`, JSON.stringify(result?.lhr, null, 1));
      }
      const categories = result?.lhr.categories ?? {};
      if (run === 0 && path === paths[0])
        console.log(
          `(Lighthouse ${result?.lhr.lighthouseVersion}, benchmark index ${Math.round(result?.lhr.environment.benchmarkIndex ?? 0)}, CPU slowdown ${result?.lhr.configSettings.throttling.cpuSlowdownMultiplier}×)\n`,
        );
      all.push(CATEGORIES.map((c) => Math.round((categories[c]?.score ?? 0) * 100)));
      for (const c of CATEGORIES) {
        for (const ref of categories[c]?.auditRefs ?? []) {
          const audit = result!.lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9)
            notes.add(`${c}: ${audit.title}`);
        }
      }
    }
    const medians = CATEGORIES.map((_, i) => median(all.map((scores) => scores[i]!)));
    if (medians.some((s) => s < min)) failed = true;
    console.log(`| ${path} | ${medians.join(' | ')} |`);
    if (medians.some((s) => s < min)) for (const note of notes) console.log(`    ${note}`);
  }
} finally {
  chromium.stop();
  await server.close();
}
if (failed) {
  console.error(`\n✗ a score is below ${min}`);
  process.exit(1);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
