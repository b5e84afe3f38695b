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

/** Rows of figures: project, baseline and their ratio for each entry. */
function figureRows(entries: BenchEntry[]): string[][] {
  const head = entries.flatMap((e) => [`${e.briefs} project`, 'baseline', 'ratio']);
  const rows: string[][] = [['', ...head]];
  const row = (label: string, get: (s: SideResult | ProjectResult) => Figure, digits = 1) =>
    rows.push([
      label,
      ...entries.flatMap((e) => [
        fmt(get(e.project), digits),
        e.baseline ? fmt(get(e.baseline), digits) : '–',
        e.baseline ? fmt(ratio(get(e.project), get(e.baseline)), 2) : '–',
      ]),
    ]);
  const projectOnly = (label: string, get: (p: ProjectResult) => Figure, digits = 1) =>
    rows.push([label, ...entries.flatMap((e) => [fmt(get(e.project), digits), '', ''])]);
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
  projectOnly('check s', (p) => p.checkSeconds, 2);
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

/** The targets, judged on the 10,000-brief entry (else the largest). */
function targets(entries: BenchEntry[]): string[] {
  const out: string[] = [];
  const big = entries.find((e) => e.briefs === 10000) ?? entries[entries.length - 1];
  const small = entries.find((e) => e.briefs === 1000);
  if (!big) return out;
  const t = (ok: boolean | null, text: string) =>
    out.push(`${ok == null ? '  ?  ' : ok ? 'PASS ' : 'FAIL '} ${text}`);
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
  return out;
}

/** The results as a table, with the targets where the figures allow. */
export function table(entries: BenchEntry[]): string {
  const commits = new Set(entries.map((e) => e.source?.commit));
  const which = entries.map((e) => `${e.briefs}: ${e.source?.commit.slice(0, 7)}`).join(', ');
  const warning =
    commits.size > 1
      ? `\n\nnote: the entries come from different commits (${which}); rerun both for a fair comparison`
      : '';
  const lines = aligned(figureRows(entries));
  return `${lines.join('\n')}\n\ntargets (issue 5):\n${targets(entries).join('\n')}${warning}`;
}
