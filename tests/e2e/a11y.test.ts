/**
 * Accessibility in a real browser: axe-core (WCAG 2.2 A/AA rules) on the main page types,
 * in light and dark; pages read without JavaScript; print hides the chrome.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { distDir } from '../helpers/dist.ts';
import { serveDir, type StaticServer } from '../../scripts/lib/serve.ts';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const PAGES = [
  '/',
  '/briefs/',
  '/briefs/northern-rare-earth-party-discipline/',
  '/briefs/what-to-watch-as-the-suspension-runs-out/',
  '/companies/china-northern-rare-earth/',
  '/policies/eight-provisions/',
  '/terms/xue-you-zhiliang/',
  '/companies/',
  '/themes/by-count/',
  '/timeline/',
  '/timeline/2025/',
  '/network/',
  '/tracker/',
  '/tracker/status/suspended/by-next/',
  '/policies/october-2025-rare-earth-controls/',
  '/briefs/busan-truce-suspends-controls/',
  '/corrections/',
  '/glossary/',
  '/no-such-page/',
];

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveDir(distDir());
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no violations in ${colorScheme} mode`, async () => {
      const page = await browser.newPage({ colorScheme });
      const violations: string[] = [];
      for (const path of PAGES) {
        await page.goto(server.url + path);
        await page.evaluate(axeSource); // evaluated, not a <script>: the pages refuse inline scripts (CSP)
        const result = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run: (
                  ctx: Document,
                  opts: object,
                ) => Promise<{
                  violations: Array<{ id: string; nodes: Array<{ target: string[] }> }>;
                }>;
              };
            }
          ).axe;
          return axe.run(document, {
            runOnly: {
              type: 'tag',
              values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
            },
          });
        });
        for (const v of result.violations)
          violations.push(
            `${path} ${v.id}: ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')}`,
          );
      }
      await page.close();
      expect(violations).toEqual([]);
      // Twenty pages with axe each: more than the default minute on a busy two-core machine.
    }, 240_000);
  }
});

describe('reading without JavaScript', () => {
  it('shows every part of a brief page and its links', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/briefs/northern-rare-earth-party-discipline/`);
    await expect(page.locator('h1').textContent()).resolves.toContain('Northern Rare Earth');
    expect(await page.locator('.takeaways li').count()).toBeGreaterThan(0);
    expect(await page.locator('aside .chip').count()).toBeGreaterThan(3);
    await page.locator('aside .chip', { hasText: 'China Northern Rare Earth' }).click();
    await page.waitForURL(/\/companies\/china-northern-rare-earth\/$/);
    expect(await page.locator('#backlinks').count()).toBe(1);
    await context.close();
  });
});

describe('glossary terms in the text', () => {
  it('show pinyin and English on keyboard focus and on hover, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/briefs/northern-rare-earth-party-discipline/`);
    const link = page.locator('a.gloss').first();
    const tip = link.locator('.gloss-tip');
    const size = async () => (await tip.boundingBox())?.width ?? 0;
    expect(await size()).toBeLessThanOrEqual(1);
    // Screen readers get the gloss with the link, shown or not.
    expect(await link.evaluate((a) => a.textContent)).toMatch(/zuòfēng: Work style/);
    await page.keyboard.press('Tab');
    await link.focus();
    expect(await size()).toBeGreaterThan(50);
    await expect(tip.innerText()).resolves.toContain('zuòfēng');
    await page.locator('h1').click();
    await link.hover();
    expect(await size()).toBeGreaterThan(50);
    await context.close();
  });
});

describe('print', () => {
  it('hides navigation and search and prints link targets of sources', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/briefs/northern-rare-earth-party-discipline/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    expect(await page.locator('.search-form').isVisible()).toBe(false);
    const after = await page
      .locator('.sources a')
      .first()
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('http');
    await page.close();
  });
});
