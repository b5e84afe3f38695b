/** bench/results.json read and merged (one entry per corpus size), and printed as a table. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type BenchEntry, type ProjectResult, ratio, type SideResult } from './results.ts';

export function readResults(file: string): BenchEntry[] {
  if (!existsSync(file)) return [];
  const data = JSON.parse(readFileSync(file, 'utf8')) as BenchEntry[];
  return Array.isArray(data) ? data : [];
}

/** Replaces the entry for the same number of briefs, keeping the others, smallest first. */
export function mergeResults(file: string, entry: BenchEntry) {
  const entries = readResults(file).filter((e) => e.briefs !== entry.briefs);
  entries.push(entry);
  entries.sort((a, b) => a.briefs - b.briefs);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(entries, null, 2)}\n`);
}

type Figure = number | null | undefined;

function fmt(v: Figure, digits = 1): string {
  if (v == null) return '–';
  return v >= 1e6 ? `${(v / 1e6).toFixed(1)} M` : Number(v.toFixed(digits)).toString();
}

/** Rows of figures: project, baseline, Hugo + Pagefind, and the ratios, for each entry. */
function figureRows(entries: BenchEntry[]): string[][] {
  const head = entries.flatMap((e) => [
    `${e.briefs} project`,
    'baseline',
    'ratio',
    'hugo+pf',
    'ratio',
  ]);
  const rows: string[][] = [['', ...head]];
  const peers = (e: BenchEntry) => [e.baseline, e.hugo ?? null];
  const row = (label: string, get: (s: SideResult | ProjectResult) => Figure, digits = 1) =>
    rows.push([
      label,
      ...entries.flatMap((e) => [
        fmt(get(e.project), digits),
        ...peers(e).flatMap((peer) =>
          peer ? [fmt(get(peer), digits), fmt(ratio(get(e.project), get(peer)), 2)] : ['–', '–'],
        ),
      ]),
    ]);
  const projectOnly = (label: string, get: (p: ProjectResult) => Figure, digits = 1) =>
    rows.push([label, ...entries.flatMap((e) => [fmt(get(e.project), digits), '', '', '', ''])]);
  row('build s (site + Pagefind)', (s) => s.buildSeconds);
  row('  site s (Astro / Hugo)', (s) => s.astroSeconds);
  row('  Pagefind s', (s) => s.pagefindSeconds);
  row('ms per brief', (s) => s.msPerBrief);
  row('CPU s (user + sys, tree)', (s) => s.cpuSeconds);
  row('  of which Pagefind', (s) => s.cpuPagefindSeconds);
  row('peak RSS MB (tree)', (s) => s.peakRssMB, 0);
  row('  site process MB', (s) => s.peakRssAstroMB, 0);
  row('  Pagefind MB', (s) => s.peakRssPagefindMB, 0);
  row('pages', (s) => s.pages, 0);
  row('files in dist/', (s) => s.files, 0);
  row('dist bytes', (s) => s.distBytes, 0);
  row('index bytes', (s) => s.indexBytes, 0);
  projectOnly('largest HTML page bytes', (p) => p.largest?.html.bytes, 0);
  projectOnly('largest export bytes', (p) => p.largest?.json.bytes, 0);
  projectOnly('check s (cold)', (p) => p.checkSeconds, 2);
  projectOnly('check s (again, from its memo)', (p) => p.checkAgainSeconds, 2);
  projectOnly('dev: first page s', (p) => p.devFirstPageSeconds, 1);
  projectOnly('rebuild s (one brief edited)', (p) => p.rebuildSeconds);
  projectOnly('  files reused by Astro', (p) => p.rebuildTimings?.pagesReused, 0);
  projectOnly('  files rendered again', (p) => p.rebuildTimings?.pagesRegenerated, 0);
  row('first search bytes (gzip 6)', (s) => s.firstSearchBytes, 0);
  row('first search bytes (brotli)', (s) => s.firstSearchBrotliBytes, 0);
  projectOnly('brief page gz bytes (max)', (p) => p.briefPage.maxBytes, 0);
  return rows;
}

/** Labels left-aligned, figures right-aligned. */
function aligned(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const cell = (c: string, i: number) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!));
  return rows.map((r) => r.map(cell).join('  '));
}

type Judge = (ok: boolean | null, text: string) => void;

/** Issue 5's targets, judged on the 10,000-brief entry (else the largest). */
function issue5(entries: BenchEntry[], t: Judge) {
  const big = entries.find((e) => e.briefs === 10000) ?? entries[entries.length - 1];
  const small = entries.find((e) => e.briefs === 1000);
  if (!big) return;
  const p = big.project;
  const r = ratio(p.buildSeconds, big.baseline?.buildSeconds);
  t(
    r == null ? null : r <= 1.3,
    `build within 1.3× of the baseline at ${big.briefs}: ${r ?? '–'}×`,
  );
  const split = `Astro ${p.peakRssAstroMB} MB, Pagefind ${p.peakRssPagefindMB} MB`;
  t(
    p.peakRssMB <= 2560,
    `build peak RSS ≤ 2.5 GB (whole process tree): ${p.peakRssMB} MB (${split})`,
  );
  if (big.baseline) {
    const theirs = big.baseline.peakRssPagefindMB;
    const text = `Pagefind peak not above the baseline's: ${p.peakRssPagefindMB} vs ${theirs} MB`;
    t(p.peakRssPagefindMB <= theirs * 1.05, text);
  }
  if (small && small !== big) {
    const lin = ratio(p.msPerBrief, small.project.msPerBrief);
    t(lin == null ? null : lin <= 1.2, `linear: ms/brief at ${big.briefs} ≤ 1.2× at 1000: ${lin}×`);
  }
  t(p.checkSeconds < 10, `npm run check < 10 s: ${p.checkSeconds} s`);
  const search = p.firstSearchBytes;
  t(
    search == null ? null : search <= 150_000,
    `first search ≤ 150 kB on the wire from a gzip-only host: ${search ?? '–'} B (brotli ${p.firstSearchBrotliBytes ?? '–'} B)`,
  );
  const page = `max ${p.briefPage.maxBytes} B (${p.briefPage.maxPage})`;
  t(p.briefPage.maxBytes <= 30_000, `brief page ≤ 30 KB gzipped HTML + CSS: ${page}`);
  const rb = ratio(p.rebuildSeconds, p.buildSeconds);
  const share = rb == null ? '–' : `${Math.round(rb * 100)}%`;
  t(rb == null ? null : rb <= 0.3, `rebuild after one edit ≤ 30% of cold: ${share}`);
}

/** Issue 15's targets: against Hugo at 10,000, and the 100,000-brief run. */
function issue15(entries: BenchEntry[], t: Judge) {
  const ten = entries.find((e) => e.briefs === 10000);
  if (ten) {
    const r = ratio(ten.project.buildSeconds, ten.hugo?.buildSeconds);
    t(r == null ? null : r <= 1.5, `cold build within 1.5× Hugo + Pagefind at 10000: ${r ?? '–'}×`);
  }
  for (const e of entries) {
    const p = e.project;
    const worst = p.firstSearchBytes;
    t(
      worst == null ? null : worst <= 150_000,
      `every first search ≤ 150 kB (gzip) at ${e.briefs}: worst ${worst ?? '–'} B`,
    );
    if (p.largest) {
      const { html, json } = p.largest;
      t(
        html.bytes <= 1_000_000,
        `every HTML page < 1 MB at ${e.briefs}: ${html.bytes} B (${html.path})`,
      );
      t(
        json.bytes <= 10_000_000,
        `every export < 10 MB at ${e.briefs}: ${json.bytes} B (${json.path})`,
      );
    }
  }
  const top = entries.find((e) => e.briefs === 100000);
  if (!top) return;
  const p = top.project;
  t(p.buildSeconds <= 300, `cold build ≤ 5 min at 100000: ${p.buildSeconds} s`);
  t(p.peakRssMB <= 4096, `peak RSS ≤ 4 GB (whole tree) at 100000: ${p.peakRssMB} MB`);
  const lin = ratio(p.msPerBrief, ten?.project.msPerBrief);
  t(lin == null ? null : lin <= 1.1, `ms/brief at 100000 ≤ 1.1× at 10000: ${lin ?? '–'}×`);
  t(p.checkSeconds < 30, `npm run check < 30 s at 100000, cold: ${p.checkSeconds} s`);
  const again = p.checkAgainSeconds;
  t(
    again == null ? null : again < 30,
    `npm run check < 30 s at 100000, again (from its memo): ${again ?? '–'} s`,
  );
  const rb = ratio(p.rebuildSeconds, p.buildSeconds);
  t(
    rb == null ? null : rb <= 0.2,
    `rebuild ≤ 20% of cold at 100000: ${rb == null ? '–' : `${Math.round(rb * 100)}%`}`,
  );
  const dev = p.devFirstPageSeconds;
  t(
    dev == null ? null : dev <= 30,
    `npm run dev serves its first page ≤ 30 s at 100000: ${dev ?? '–'} s`,
  );
}

function targets(entries: BenchEntry[]): string[] {
  const out: string[] = [];
  const t: Judge = (ok, text) =>
    out.push(`${ok == null ? '  ?  ' : ok ? 'PASS ' : 'FAIL '} ${text}`);
  out.push('issue 5:');
  issue5(entries, t);
  out.push('issue 15:');
  issue15(entries, t);
  return out;
}

/** The results as a table, with the issue's targets where the figures allow. */
export function table(entries: BenchEntry[]): string {
  const commits = new Set(entries.map((e) => e.source?.commit));
  const which = entries.map((e) => `${e.briefs}: ${e.source?.commit.slice(0, 7)}`).join(', ');
  const warning =
    commits.size > 1
      ? `\n\nnote: the entries come from different commits (${which}); rerun both for a fair comparison`
      : '';
  const lines = aligned(figureRows(entries));
  return `${lines.join('\n')}\n\ntargets:\n${targets(entries).join('\n')}${warning}`;
}
