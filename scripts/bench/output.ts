/** Measuring a built site: its files, bytes and pages, and what a brief page weighs. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BriefPageMeasure } from './results.ts';

export function walkFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

export function bytesOf(dir: string): number {
  return walkFiles(dir).reduce((sum, f) => sum + statSync(f).size, 0);
}

/** Every file: what a host's file limit counts. */
export function countFiles(dir: string): number {
  return walkFiles(dir).length;
}

/** HTML files outside Pagefind's folder. */
export function countPages(dist: string): number {
  const isPage = (f: string) =>
    f.endsWith('.html') && !relative(dist, f).startsWith(`pagefind${sep}`);
  return walkFiles(dist).filter(isPage).length;
}

/** Local stylesheets a page links. */
function stylesheets(html: string): string[] {
  return [...html.matchAll(/<link[^>]+rel="?stylesheet"?[^>]*>/g)]
    .map((m) => /href="([^"]+)"/.exec(m[0])?.[1])
    .filter((h): h is string => !!h && h.startsWith('/'));
}

/** gzip(HTML) + gzip(every stylesheet it links), over every brief page: median and largest. */
export function briefPageBudget(dist: string): BriefPageMeasure {
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
    const css = stylesheets(html).reduce((sum, href) => sum + cssBytes(href), 0);
    sizes.push({ page: `/briefs/${entry}/`, bytes: gzipSync(html).length + css, css });
  }
  if (!sizes.length) return { medianBytes: 0, maxBytes: 0, maxPage: '', cssBytes: 0 };
  sizes.sort((a, b) => a.bytes - b.bytes);
  const max = sizes[sizes.length - 1]!;
  const median = sizes[Math.floor(sizes.length / 2)]!;
  return { medianBytes: median.bytes, maxBytes: max.bytes, maxPage: max.page, cssBytes: max.css };
}

/** The largest HTML page and the largest export file (`api/…json`): what must stay bounded. */
export function largestFiles(dist: string): {
  html: { path: string; bytes: number };
  json: { path: string; bytes: number };
} {
  const html = { path: '', bytes: 0 };
  const json = { path: '', bytes: 0 };
  for (const file of walkFiles(dist)) {
    const path = `/${relative(dist, file).split(sep).join('/')}`;
    const into = path.endsWith('.html') ? html : path.startsWith('/api/') ? json : null;
    if (!into) continue;
    const bytes = statSync(file).size;
    if (bytes > into.bytes) Object.assign(into, { path, bytes });
  }
  return { html, json };
}
