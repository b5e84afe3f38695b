/**
 * Driving the search page in headless Chromium: a served site, a browser, tabs that record
 * what they download, and waiting for a search to finish.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { type ServeOptions, serveDir, type StaticServer } from '../../scripts/lib/serve.ts';

export interface Opened {
  page: Page;
  /** Every path requested so far, in order. */
  requests: string[];
  /** Uncaught errors and console errors. */
  errors: string[];
  /** Requests answered with an error status, as `404 /path`. */
  failed: string[];
}

export interface Result {
  url: string;
  title: string;
  kind: string;
  date: string;
  excerpt: string;
  marks: string[];
}

/**
 * Serves the site in `dir()` (under `base`, e.g. `/briefing/`, when given) and opens a browser
 * for the tests of the calling file (registers its own beforeAll/afterEach/afterAll hooks).
 * Paths given to `open` and `url` are site paths: the base is put in front of them.
 */
export function searchSession(dir: () => string, serveOptions: ServeOptions = {}) {
  let server: StaticServer;
  let browser: Browser;
  let shared: BrowserContext;
  const pages: Page[] = [];
  beforeAll(async () => {
    server = await serveDir(dir(), serveOptions);
    browser = await launchBrowser();
    shared = await browser.newContext();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    url: (path: string) => `${server.url}${path}`,
    /** A new tab (sharing one browser context, which is much faster to set up) or, with options, a new context. */
    async open(path: string, options?: BrowserContextOptions): Promise<Opened> {
      const page = options
        ? await (await browser.newContext(options)).newPage()
        : await shared.newPage();
      pages.push(page);
      const requests: string[] = [];
      const errors: string[] = [];
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400)
          failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
      });
      page.on('request', (request) =>
        requests.push(decodeURIComponent(new URL(request.url()).pathname)),
      );
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${server.url}${path}`);
      return { page, requests, errors, failed };
    },
  };
}

export const status = (page: Page) => page.locator('[data-search-status]').innerText();

/** Waits for the search for `q` to finish, and returns the results on screen. */
export async function results(page: Page, q: string | RegExp): Promise<Result[]> {
  const expected = typeof q === 'string' ? { text: `“${q}”` } : { pattern: q.source };
  await page.waitForFunction(({ text, pattern }) => {
    const root = document.querySelector('[data-search-page]');
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    const matches = text ? status.includes(text) : new RegExp(pattern!).test(status);
    return root && !root.hasAttribute('aria-busy') && matches;
  }, expected);
  return page.$$eval('.result', (items) =>
    items.map((li) => ({
      url: new URL(li.querySelector<HTMLAnchorElement>('h3 a')!.href).pathname,
      title: li.querySelector('h3')!.textContent!.trim(),
      kind: li.querySelector('.result-kind')!.textContent!.trim(),
      date: li.querySelector('.result-date')?.textContent?.trim() ?? '',
      excerpt: li.querySelector('.result-excerpt')!.textContent!.trim(),
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent!.trim().toLowerCase()),
    })),
  );
}

export async function search(page: Page, q: string): Promise<Result[]> {
  await page.locator('#search-query').fill(q);
  return results(page, q);
}

export const count = async (page: Page) =>
  Number((await status(page)).match(/^([\d,]+) results?/)?.[1]?.replace(/,/g, '') ?? 0);

/** Every result of the search on screen, clicking "Show more" until there is no more. */
export async function allResults(page: Page): Promise<string[]> {
  const more = page.locator('[data-search-more]');
  while (await more.isVisible()) {
    const shown = await page.locator('.result').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.result').length > n, shown);
  }
  return page.$$eval('.result h3 a', (links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
}
