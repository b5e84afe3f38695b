/**
 * The bytes a first single-word search downloads, in headless Chromium, from a site served as
 * static hosts serve it, twice: as GitHub Pages does (gzip level 6 only), and by a host with
 * brotli at its highest level (Pagefind's own files are gzipped already and sent as they are).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../lib/browser.ts';
import { type Sent, serveDir } from '../lib/serve.ts';
import type { HostId, SearchMeasure } from './results.ts';

/** The two hosts: what each offers the browser for text. */
export const HOSTS: Record<HostId, { brotli?: number; gzip: number }> = {
  'gzip-6': { gzip: 6 },
  'brotli-11': { brotli: 11, gzip: 9 },
};

/** A page on the site's origin that loads nothing, for measuring Pagefind's API alone. */
const BLANK = '<!doctype html><html lang="en"><title>bench</title><p>bench</p></html>';

interface Query {
  query: string;
  bundle: string;
}

/**
 * What a reader downloads: the search page as shipped, a word typed and submitted, until the
 * first results are on screen (facet counts included). Returns the number of results.
 */
async function searchThroughPage(page: Page, url: string, query: string, sent: Sent[]) {
  await page.goto(`${url}/search/`, { waitUntil: 'load' });
  sent.length = 0;
  await page.fill('#search-query', query);
  await page.press('#search-query', 'Enter');
  const done = () => {
    const root = document.querySelector('[data-search-page]');
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    return root && !root.hasAttribute('aria-busy') && /result/.test(status);
  };
  await page.waitForFunction(done, null, { timeout: 180_000 });
  const status = (await page.locator('[data-search-status]').textContent()) ?? '';
  return Number(/^([\d,]+) result/.exec(status)?.[1]?.replace(/,/g, '') ?? 0);
}

/** Pagefind's JS API as a stock site uses it: a search and the first 5 results' data. */
async function searchThroughApi(page: Page, url: string, q: Query, filters: boolean, sent: Sent[]) {
  await page.goto(`${url}/__bench__/`);
  sent.length = 0;
  return page.evaluate(
    async ({ query, bundle, withFilters }) => {
      const pf = await import('/pagefind/pagefind.js' as string);
      if (bundle !== '/pagefind/') await pf.options({ basePath: bundle });
      if (withFilters) await pf.filters();
      const search = await pf.search(query);
      const first = search.results.slice(0, 5) as Array<{ data: () => Promise<unknown> }>;
      await Promise.all(first.map((r) => r.data()));
      return search.results.length as number;
    },
    { ...q, withFilters: filters },
  );
}

/**
 * Every file the search fetched after the query was submitted, summed up: Pagefind's, and any
 * other the search page asks for (the page itself and its script were loaded before).
 */
function measure(
  q: Query,
  mode: SearchMeasure['mode'],
  host: HostId,
  sent: Sent[],
  results: number,
): SearchMeasure {
  // The browser asks for the site's icon when it likes; it is no part of a search.
  const log = sent.filter((r) => r.path !== '/__bench__/' && !r.path.startsWith('/favicon'));
  const sum = (bytes: (r: Sent) => number) => log.reduce((s, r) => s + bytes(r), 0);
  return {
    query: q.query,
    mode,
    host,
    bundle: q.bundle,
    encoding: [...new Set(log.map((r) => r.encoding))].join('+'),
    bytes: sum((r) => r.bytes),
    rawBytes: sum((r) => r.rawBytes),
    requests: log.map((r) => ({ path: r.path, bytes: r.bytes, rawBytes: r.rawBytes })),
    results,
  };
}

/** Each query in each mode from each host, in a fresh browser context (nothing cached). */
async function measureFirstSearch(
  dist: string,
  queries: Query[],
  modes: ReadonlyArray<SearchMeasure['mode']>,
): Promise<SearchMeasure[]> {
  const out: SearchMeasure[] = [];
  for (const host of Object.keys(HOSTS) as HostId[])
    out.push(...(await measureFrom(dist, host, queries, modes)));
  return out;
}

async function measureFrom(
  dist: string,
  host: HostId,
  queries: Query[],
  modes: ReadonlyArray<SearchMeasure['mode']>,
): Promise<SearchMeasure[]> {
  const server = await serveDir(dist, {
    compression: HOSTS[host],
    headers: { 'cache-control': 'no-store' },
    pages: { '/__bench__/': BLANK },
  });
  const browser = await launchBrowser();
  const out: SearchMeasure[] = [];
  try {
    for (const q of queries) {
      for (const mode of modes) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const results =
          mode === 'page'
            ? await searchThroughPage(page, server.url, q.query, server.sent)
            : await searchThroughApi(page, server.url, q, mode === 'api+filters', server.sent);
        // Let the worker's last responses land.
        await page.waitForTimeout(500);
        out.push(measure(q, mode, host, server.sent, results));
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

export interface SearchFields {
  /** The target: the worst single-word English query, from the gzip-only host. */
  firstSearchBytes: number | null;
  /** The same, from the host with brotli. */
  firstSearchBrotliBytes: number | null;
  firstSearch: SearchMeasure[] | null;
}

function fields(measures: SearchMeasure[], mode: SearchMeasure['mode']): SearchFields {
  const worst = (host: HostId) =>
    Math.max(
      ...measures
        .filter((m) => m.bundle === '/pagefind/' && m.mode === mode && m.host === host)
        .map((m) => m.bytes),
    );
  return {
    firstSearch: measures,
    firstSearchBytes: worst('gzip-6'),
    firstSearchBrotliBytes: worst('brotli-11'),
  };
}

/**
 * First-search bytes. The project is measured through its search page, which loads the
 * search index in shards (docs/search.md); the baseline, stock Pagefind, through its API.
 */
export async function firstSearch(
  projectDist: string,
  baselineDist?: string,
  rare?: string,
): Promise<{ project: SearchFields; baseline?: SearchFields }> {
  const english = [
    { query: 'export', bundle: '/pagefind/' },
    { query: 'stockpiling', bundle: '/pagefind/' },
    ...(rare ? [{ query: rare, bundle: '/pagefind/' }] : []),
  ];
  const chinese = { query: '稀土', bundle: '/pagefind/zh/' };
  const project = fields(
    await measureFirstSearch(projectDist, [...english, chinese], ['page']),
    'page',
  );
  if (!baselineDist || !existsSync(join(baselineDist, 'pagefind'))) return { project };
  const baseline = fields(await measureFirstSearch(baselineDist, english, ['api']), 'api');
  return { project, baseline };
}

/** One line: each query's bytes on the wire. */
export function describeSearch(measures: SearchMeasure[]): string {
  const each = (m: SearchMeasure) =>
    `"${m.query}" ${m.mode} ${(m.bytes / 1000).toFixed(1)} kB (${m.host}: ${m.encoding})`;
  return `first search: ${measures.map(each).join(', ')}`;
}

/**
 * The rarest English word of the briefs' bodies (in the fewest briefs, at least one; six
 * letters or more, first in alphabetical order among equals): the hardest case for a first
 * search that starts with the newest briefs.
 */
export function rarestWord(bodies: Iterable<string>): string | undefined {
  const briefsWith = new Map<string, number>();
  for (const text of bodies) {
    const body = text.slice(text.indexOf('\n---', 3) + 4);
    for (const word of new Set(body.toLowerCase().match(/\b[a-z]{6,}\b/g) ?? []))
      briefsWith.set(word, (briefsWith.get(word) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const entry of briefsWith)
    if (!best || entry[1] < best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  return best?.[0];
}
