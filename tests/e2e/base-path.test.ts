/**
 * The sample site built for a sub-path (`BASE_PATH=/briefing/`, as a GitHub Pages project
 * site at https://org.github.io/briefing/) and served only under it: every internal link,
 * asset, feed entry, sitemap entry, canonical link and JSON export URL points inside the
 * sub-path and resolves; the 404 page works there; search runs in Chromium and leads to
 * highlighted pages. It is also built with `search.maxFragments` (a host's file limit), so those
 * searches read results that Pagefind packed into group files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { results, search, searchSession } from '../helpers/search-page.ts';

const BASE = '/briefing/';
const ORIGIN = 'https://org.github.io';
const ROOT = `${ORIGIN}${BASE}`;
const MAX_FRAGMENTS = 4;
const work = mkdtempSync(join(tmpdir(), 'briefing-base-'));
const dist = join(work, 'dist');

beforeAll(() => {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    env: {
      ...process.env,
      BASE_PATH: BASE,
      SITE_URL: ORIGIN,
      BRIEFING_DIST: dist,
      // Its own cache: the sample's cache keeps serving the sample built at the root.
      BRIEFING_CACHE_DIR: join(work, 'cache'),
      BRIEFING_SEARCH_MAX_FRAGMENTS: String(MAX_FRAGMENTS),
    },
    encoding: 'utf8',
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));
const { open } = searchSession(() => dist, { base: BASE });

/** The built file a URL path under the base is served from, or undefined. */
function fileFor(path: string): string | undefined {
  if (!path.startsWith(BASE)) return undefined;
  const local = join(dist, decodeURIComponent(path.slice(BASE.length)));
  for (const candidate of [local, join(local, 'index.html')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return undefined;
}

const files = (ext: string) =>
  readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext) && !f.startsWith(`pagefind${sep}`))
    .map((f) => join(dist, f));

/** `/briefing/briefs/x/` for dist/briefs/x/index.html. */
const urlOf = (file: string) =>
  `${BASE}${relative(dist, file).split(sep).join('/')}`.replace(/index\.html$/, '');

/**
 * Checks one link found in `from`: a link to the site (root-relative, relative, or absolute on
 * its address) must stay under the base path and name a built file. Returns a problem or ''.
 */
function checkLink(from: string, link: string): string {
  if (/^(mailto:|data:|#)/.test(link)) return '';
  const url = new URL(link, `${ORIGIN}${from}`);
  if (url.origin !== ORIGIN) return '';
  if (!url.pathname.startsWith(BASE)) return `${from} → ${link} (outside ${BASE})`;
  return fileFor(url.pathname) ? '' : `${from} → ${link} (no such file)`;
}

describe('a site built with BASE_PATH=/briefing/', () => {
  it('links every page, asset, feed, form and search bundle inside the sub-path', () => {
    const broken: string[] = [];
    const pages = files('.html');
    expect(pages.length).toBeGreaterThan(60);
    for (const file of pages) {
      const from = urlOf(file);
      const html = parse(readFileSync(file, 'utf8'));
      const links = [
        ...html.querySelectorAll('[href]').map((el) => el.getAttribute('href')!),
        ...html.querySelectorAll('[src]').map((el) => el.getAttribute('src')!),
        ...html.querySelectorAll('form[action]').map((el) => el.getAttribute('action')!),
        ...html
          .querySelectorAll('meta[property="og:url"]')
          .map((el) => el.getAttribute('content')!),
      ];
      for (const link of links) broken.push(checkLink(from, link));
      for (const el of html.querySelectorAll('[data-search-bundle]')) {
        const bundle = el.getAttribute('data-search-bundle')!;
        if (!fileFor(`${bundle}pagefind-highlight.js`)) broken.push(`${from} → bundle ${bundle}`);
      }
    }
    for (const file of files('.css'))
      for (const [, link] of readFileSync(file, 'utf8').matchAll(/url\(["']?([^"')]+)/g))
        broken.push(checkLink(urlOf(file), link!));
    expect(broken.filter(Boolean)).toEqual([]);
  });

  it('gives every page its canonical address under the sub-path', () => {
    for (const file of files('.html')) {
      if (file.endsWith('404.html')) continue;
      const canonical = parse(readFileSync(file, 'utf8'))
        .querySelector('link[rel="canonical"]')!
        .getAttribute('href');
      expect(canonical).toBe(`${ORIGIN}${urlOf(file)}`);
    }
  });

  it('puts absolute addresses under the sub-path in feeds, the sitemap and the JSON export', () => {
    const addresses: string[] = [];
    for (const file of [...files('.xml')]) {
      const xml = readFileSync(file, 'utf8');
      for (const [, url] of xml.matchAll(/<(?:link|guid|loc)[^>]*>([^<]+)</g)) addresses.push(url!);
      for (const [, url] of xml.matchAll(/<atom:link[^>]*href="([^"]+)"/g)) addresses.push(url!);
    }
    for (const name of ['briefs', 'entities']) {
      const rows = JSON.parse(readFileSync(join(dist, 'api', `${name}.json`), 'utf8')) as Array<{
        url: string;
      }>;
      expect(rows.length).toBeGreaterThan(10);
      addresses.push(...rows.map((row) => row.url));
    }
    expect(addresses.length).toBeGreaterThan(200);
    const wrong = addresses.filter(
      (url) => !url.startsWith(ROOT) || !fileFor(new URL(url).pathname),
    );
    expect(wrong).toEqual([]);
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${ROOT}briefs/northern-rare-earth-party-discipline/</loc>`);
  });

  it('answers a missing page under the sub-path with a working 404 page', async () => {
    const { page, failed, errors } = await open('/no/such/page/');
    expect(await page.locator('h1').innerText()).toBe('Page not found');
    // Its stylesheet loaded (the header is laid out), and its links lead into the site.
    expect(
      await page.locator('.site-header').evaluate((el) => getComputedStyle(el).display),
    ).not.toBe('inline');
    await page.locator('main a', { hasText: 'All briefs by year' }).click();
    await page.waitForURL(`**${BASE}briefs/`);
    expect(await page.locator('h1').innerText()).toMatch(/briefs/i);
    // The browser reports the page's own 404 status as a console error: nothing else.
    expect(errors.filter((e) => !e.includes('404 (Not Found)'))).toEqual([]);
    expect(failed).toEqual([`404 ${BASE}no/such/page/`]);
  });

  it('searches from the header form, finds, and highlights the words on the page a result leads to', async () => {
    const { page, requests, failed, errors } = await open('/briefs/');
    await page.locator('#site-search').fill('convertible preferred');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(`**${BASE}search/?q=convertible+preferred`);
    const found = await results(page, 'convertible preferred');
    expect(found[0]!.url).toBe(`${BASE}briefs/pentagon-mp-materials-price-floor/`);
    expect(found.every((r) => r.url.startsWith(BASE))).toBe(true);
    await page.locator('.result h3 a').first().click();
    await page.waitForSelector('mark.search-hit');
    expect(new URL(page.url()).pathname).toBe(`${BASE}briefs/pentagon-mp-materials-price-floor/`);
    const marked = await page.locator('main mark.search-hit').allInnerTexts();
    expect(marked.map((m) => m.toLowerCase())).toEqual(
      expect.arrayContaining(['convertible', 'preferred']),
    );
    expect(requests).toContain(`${BASE}pagefind/pagefind-highlight.js`);
    expect(requests.filter((r) => r.includes('pagefind')).every((r) => r.startsWith(BASE))).toBe(
      true,
    );
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('packs each search bundle into at most search.maxFragments result files', () => {
    const bundles = readdirSync(join(dist, 'pagefind'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith(`${sep}fragment`) || f === 'fragment')
      .map((f) => readdirSync(join(dist, 'pagefind', f)));
    expect(bundles.length).toBeGreaterThan(1);
    for (const fragments of bundles) {
      expect(fragments.length).toBeLessThanOrEqual(MAX_FRAGMENTS);
      expect(fragments.every((f) => /_group_/.test(f))).toBe(true);
    }
  });

  it('finds Chinese text under the sub-path', async () => {
    const { page, failed } = await open('/search/');
    const found = await search(page, '北方稀土');
    expect(found[0]!.url).toBe(`${BASE}companies/china-northern-rare-earth/`);
    expect(failed).toEqual([]);
  });
});
