/**
 * The Content-Security-Policy, in Chromium: the sample site served with its `_headers` file (as
 * Netlify or Cloudflare Pages would), so every page is under the policy twice, as a header and
 * in its <meta>. Search, result highlighting and the keyboard shortcut must work with no
 * violation reported.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { distDir, readPage } from '../helpers/dist.ts';
import { results, searchSession } from '../helpers/search-page.ts';

const session = searchSession(() => distDir(), { hostHeaders: true });

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return () =>
    page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
}

describe('Content-Security-Policy', () => {
  it('is in every page and sent as a header, with no inline script allowed', async () => {
    for (const path of ['/', '/briefs/', '/search/', '/companies/mp-materials/', '/network/']) {
      const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(
        readPage(path),
      )?.[1];
      expect(meta, path).toBeDefined();
      for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'self'"])
        expect(meta, path).toContain(directive);
      const scripts = /script-src ([^;]+)/.exec(meta!)![1]!;
      expect(scripts).toContain("'self'");
      expect(scripts).toContain("'wasm-unsafe-eval'");
      expect(scripts).not.toContain('unsafe-inline');
      expect(readPage(path)).toContain(
        '<meta name="referrer" content="strict-origin-when-cross-origin">',
      );
    }
    const response = await fetch(session.url('/briefs/'));
    const header = response.headers.get('content-security-policy') ?? '';
    expect(header).toContain("frame-ancestors 'none'");
    expect(header).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('lets search, its worker and WebAssembly run, with no violation', async () => {
    const { page, errors } = await session.open('/');
    const violations = await watchViolations(page);
    await page.goto(session.url('/search/?q=rare+earth'));
    const found = await results(page, 'rare earth');
    expect(found.length).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  });

  it('lets the keyboard shortcut focus the search field', async () => {
    const { page } = await session.open('/');
    const violations = await watchViolations(page);
    await page.goto(session.url('/briefs/'));
    await page.bringToFront();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    expect(await violations()).toEqual([]);
  });

  it('lets a search result highlight its words on the page it leads to', async () => {
    const { page } = await session.open('/');
    const violations = await watchViolations(page);
    await page.goto(session.url('/search/?q=convertible+preferred'));
    await results(page, 'convertible preferred');
    await page.locator('.result h3 a').first().click();
    await page.waitForSelector('main mark.search-hit');
    expect(await violations()).toEqual([]);
  });
});
