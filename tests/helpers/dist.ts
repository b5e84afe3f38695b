/** Reading the built site from tests: files, pages, and every internal link. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { inject } from 'vitest';

export function distDir(): string {
  return inject('distDir');
}

export function readPage(urlPath: string): string {
  const file = fileForUrl(urlPath);
  if (!file) throw new Error(`No built page for ${urlPath}`);
  return readFileSync(file, 'utf8');
}

/** `/briefs/x/` → dist/briefs/x/index.html; `/rss.xml` → dist/rss.xml. */
export function fileForUrl(urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  const base = join(distDir(), clean);
  for (const candidate of [base, join(base, 'index.html'), `${base}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

export function allHtmlFiles(dir = distDir()): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith(`pagefind${sep}`))
    .map((f) => join(dir, f));
}

export function urlOfFile(file: string): string {
  const rel = relative(distDir(), file).split(sep).join('/');
  return `/${rel.replace(/index\.html$/, '').replace(/\.html$/, '')}`;
}

/** Every word the primary search bundle of the site at `site` stores for its results. */
export function searchFragmentText(site: string): string {
  const fragments = join(site, 'pagefind', 'fragment');
  return readdirSync(fragments)
    .map((f) => gunzipSync(readFileSync(join(fragments, f))).toString('utf8'))
    .join('\n');
}
