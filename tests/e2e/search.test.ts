/**
 * Search, end to end: the built sample site served on 127.0.0.1 and driven in Debian's
 * headless Chromium. Pagefind's real index, real WebAssembly, real worker.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { distDir, readPage } from '../helpers/dist.ts';
import { count, results, search, searchSession, status } from '../helpers/search-page.ts';

const session = searchSession(() => distDir());
const { open } = session;

describe('search page', () => {
  it('puts the brief with a distinctive phrase first, highlighted, with kind, date and chips', async () => {
    const { page, errors } = await open('/search/');
    const entries = await page.evaluate(() => history.length);
    const found = await search(page, 'convertible preferred stock');
    expect(found[0]).toMatchObject({
      url: '/briefs/pentagon-mp-materials-price-floor/',
      kind: 'Brief',
      date: '10 July 2025',
    });
    expect(found[0]!.marks).toEqual(expect.arrayContaining(['convertible', 'preferred', 'stock']));
    const chips = await page.locator('.result').first().locator('.chip').allInnerTexts();
    expect(chips).toContain('MP Materials');
    // The address follows the typing, without adding history entries.
    expect(new URL(page.url()).search).toBe('?q=convertible+preferred+stock');
    expect(await page.evaluate(() => history.length)).toBe(entries);
    expect(errors).toEqual([]);
  });

  it('puts the company first for its name, then its briefs', async () => {
    const { page } = await open('/search/');
    const found = await search(page, 'Northern Rare Earth');
    expect(found[0]!.url).toBe('/companies/china-northern-rare-earth/');
    expect(found.slice(1, 3).map((r) => r.url)).toContain(
      '/briefs/northern-rare-earth-party-discipline/',
    );
    expect(found[1]!.kind).toBe('Brief');
    // An exact phrase ("…") is ranked the same way.
    const exact = await search(page, '"Northern Rare Earth"');
    expect(exact.slice(0, 2).map((r) => r.url)).toEqual(found.slice(0, 2).map((r) => r.url));
  });

  it('finds a profile by a fact such as its ticker', async () => {
    const { page } = await open('/search/');
    const found = await search(page, '600111');
    expect(found[0]!.url).toBe('/companies/china-northern-rare-earth/');
  });

  it('ignores case and finds stemmed forms of English words', async () => {
    const { page } = await open('/search/');
    const upper = await search(page, 'NORTHERN RARE EARTH');
    expect(upper[0]!.url).toBe('/companies/china-northern-rare-earth/');
    const plural = await search(page, 'controls');
    const pluralCount = await count(page);
    expect(plural.map((r) => r.url)).toContain('/policies/export-control-law/');
    await search(page, 'control');
    expect(await count(page)).toBe(pluralCount);
  });

  it('narrows results with facets, combined, with counts, and puts them in the URL', async () => {
    const { page } = await open('/search/?q=export+controls');
    await results(page, 'export controls');
    const all = await count(page);
    const briefOption = page
      .locator('fieldset', { hasText: 'Kind' })
      .locator('label', { hasText: 'Brief' });
    const briefCount = Number(await briefOption.locator('.count').innerText());
    expect(briefCount).toBeGreaterThan(0);
    expect(briefCount).toBeLessThan(all);

    await briefOption.locator('input').check();
    let found = await results(page, /with 1 filter/);
    expect(await count(page)).toBe(briefCount);
    expect(found.every((r) => r.kind === 'Brief')).toBe(true);
    expect(new URL(page.url()).searchParams.getAll('kind')).toEqual(['Brief']);

    // Combine with an entity facet: every result carries both values.
    const companies = page.locator('fieldset', { hasText: 'Companies' });
    const first = companies.locator('label').first();
    const company = (await first.locator('.name').innerText()).trim();
    const companyCount = Number(await first.locator('.count').innerText());
    await first.locator('input').check();
    found = await results(page, /with 2 filters/);
    expect(found.length).toBe(companyCount);
    expect(companyCount).toBeLessThan(briefCount);
    for (const result of found) {
      expect(result.kind).toBe('Brief');
      expect(readPage(result.url)).toContain(
        `data-pagefind-filter="companies">${company.replace(/&/g, '&amp;')}</span>`,
      );
    }
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('export controls');
    expect(url.searchParams.getAll('companies')).toEqual([company]);

    // Back undoes the last filter.
    await page.goBack();
    await results(page, /with 1 filter\./);
    expect(await count(page)).toBe(briefCount);
  });

  it('sorts by date, newest first, keeping undated profiles after the briefs', async () => {
    const { page } = await open('/search/?q=rare+earth&sort=date');
    const found = await results(page, 'rare earth');
    expect(await page.locator('#search-sort').inputValue()).toBe('date');
    const briefs = found.filter((r) => r.kind === 'Brief');
    const times = briefs.map((r) => Date.parse(r.date));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const firstProfile = found.findIndex((r) => r.kind !== 'Brief');
    if (firstProfile >= 0)
      expect(found.slice(firstProfile).every((r) => r.kind !== 'Brief')).toBe(true);
  });

  it('finds Chinese from the same box: 北方稀土 and 稀土', async () => {
    const { page, errors } = await open('/search/');
    const northern = await search(page, '北方稀土');
    const urls = northern.map((r) => r.url);
    expect(urls[0]).toBe('/companies/china-northern-rare-earth/');
    expect(urls).toContain('/briefs/northern-rare-earth-party-discipline/');
    expect(northern[0]!.marks.join(' ')).toMatch(/北方|稀土/);

    const northernCount = await count(page);
    const rare = await search(page, '稀土');
    expect(await count(page)).toBeGreaterThan(northernCount);
    expect(rare.every((r) => r.marks.some((m) => m.includes('稀土')))).toBe(true);
    const regulations = await search(page, '稀土管理条例');
    expect(regulations.map((r) => r.url)).toContain('/policies/rare-earth-management-regulations/');
    // English still works after Chinese, on the same page.
    expect((await search(page, 'Lynas'))[0]!.url).toBe('/companies/lynas-rare-earths/');
    expect(errors).toEqual([]);
  });

  it('restores a search from its URL: field, facets, sort and results', async () => {
    const { page } = await open('/search/?q=Lynas&kind=Brief&sort=oldest');
    const found = await results(page, 'Lynas');
    expect(await page.locator('#search-query').inputValue()).toBe('Lynas');
    expect(await page.locator('#search-sort').inputValue()).toBe('oldest');
    expect(
      await page
        .locator('fieldset', { hasText: 'Kind' })
        .locator('input[value="Brief"]')
        .isChecked(),
    ).toBe(true);
    expect(found.length).toBeGreaterThan(1);
    expect(found.every((r) => r.kind === 'Brief')).toBe(true);
    const times = found.map((r) => Date.parse(r.date));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(await page.title()).toContain('“Lynas”');
  });

  it('browses by facet alone, newest first, when there are no words', async () => {
    const { page } = await open('/search/?companies=MP+Materials');
    const found = await results(page, /^\d+ results, with 1 filter\.$/);
    expect(found.length).toBeGreaterThan(2);
    expect(found.map((r) => r.url)).toContain('/companies/mp-materials/');
    for (const result of found)
      expect(readPage(result.url)).toContain(
        'data-pagefind-filter="companies">MP Materials</span>',
      );
    const times = found.filter((r) => r.kind === 'Brief').map((r) => Date.parse(r.date));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // Result links carry no empty highlight parameter.
    expect(await page.locator('.result h3 a[href*="highlight"]').count()).toBe(0);
  });

  it('says so helpfully when nothing matches', async () => {
    const { page } = await open('/search/');
    expect(await search(page, 'xyzzyplugh')).toEqual([]);
    expect(await status(page)).toBe('No results for “xyzzyplugh”.');
    const help = page.locator('[data-search-message]');
    expect(await help.isVisible()).toBe(true);
    expect(await help.innerText()).toMatch(/spelling/);
    expect(await help.locator('a[href="/briefs/"]').count()).toBe(1);

    // With filters on, it offers to drop them.
    const filtered = await open('/search/?q=Lynas&year=2020');
    await results(filtered.page, 'Lynas');
    expect(await status(filtered.page)).toBe('No results for “Lynas”, with 1 filter.');
    await filtered.page
      .locator('[data-search-message] button', { hasText: 'Clear all filters' })
      .click();
    expect((await results(filtered.page, /^\d+ results? for “Lynas”\.$/)).length).toBeGreaterThan(
      0,
    );
  });

  it('announces the count in a live region and moves through results with the keyboard', async () => {
    const { page } = await open('/search/');
    const live = page.locator('[data-search-status]');
    expect(await live.getAttribute('role')).toBe('status');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('label[for="search-query"]').innerText()).toMatch(/Search/);
    const found = await search(page, 'export controls');
    expect(await live.innerText()).toMatch(/^\d+ results for “export controls”\.$/);

    await page.locator('#search-query').press('ArrowDown');
    expect(
      await page.evaluate(
        () => document.activeElement?.closest('.result') === document.querySelector('.result'),
      ),
    ).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(
      await page.evaluate(
        () => new URL((document.activeElement as HTMLAnchorElement).href).pathname,
      ),
    ).toBe(found[1]!.url);
    await page.keyboard.press('End');
    expect(
      await page.evaluate(
        () =>
          document.activeElement?.closest('.result') ===
          document.querySelector('.result:last-child'),
      ),
    ).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
    // Facets are fieldsets with legends.
    expect(await page.locator('fieldset.facet legend').allTextContents()).toEqual(
      expect.arrayContaining(['Kind', 'Year', 'Companies', 'Policies', 'Themes']),
    );
  });

  it('shows more results on request, ten at a time', async () => {
    const { page } = await open('/search/?q=rare+earth');
    await results(page, 'rare earth');
    const total = await count(page);
    expect(total).toBeGreaterThan(10);
    expect(await page.locator('.result').count()).toBe(10);
    await page.locator('[data-search-more]').click();
    await page.waitForFunction(() => document.querySelectorAll('.result').length > 10);
    expect(await page.locator('.result').count()).toBe(Math.min(20, total));
    expect(
      await page.evaluate(
        () =>
          document.activeElement?.closest('.result') === document.querySelectorAll('.result')[10],
      ),
    ).toBe(true);
  });

  it('highlights the matched words on the page a result leads to', async () => {
    const { page, requests } = await open('/search/?q=convertible+preferred');
    await results(page, 'convertible preferred');
    await page.locator('.result h3 a').first().click();
    await page.waitForSelector('mark.search-hit');
    expect(new URL(page.url()).pathname).toBe('/briefs/pentagon-mp-materials-price-floor/');
    const marked = await page.locator('main mark.search-hit').allInnerTexts();
    expect(marked.map((m) => m.toLowerCase())).toEqual(
      expect.arrayContaining(['convertible', 'preferred']),
    );
    expect(requests).toContain('/pagefind/pagefind-highlight.js');
  });
});

describe('accessibility of the search page (axe-core, WCAG 2.2 AA)', () => {
  const axeSource = readFileSync(
    createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    'utf8',
  );
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no violations with results, facets, no results, and no query, in ${colorScheme} mode`, async () => {
      const { page } = await open('/search/', { colorScheme });
      const violations: string[] = [];
      for (const [path, q] of [
        ['/search/?q=rare+earth&kind=Brief&companies=MP+Materials', 'rare earth'],
        ['/search/?q=xyzzy&year=2024', 'xyzzy'],
        ['/search/', ''],
      ] as const) {
        await page.goto(session.url(path));
        if (q) await results(page, q);
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
      expect(violations).toEqual([]);
    });
  }
});

describe('search stays out of the way', () => {
  it('downloads nothing from /pagefind/ on ordinary pages, nor on the search page before a search', async () => {
    for (const path of [
      '/',
      '/briefs/',
      '/briefs/pentagon-mp-materials-price-floor/',
      '/companies/china-northern-rare-earth/',
      '/policies/',
      '/search/',
    ]) {
      const { page, requests } = await open(path);
      await page.waitForLoadState('networkidle');
      expect(
        requests.filter((r) => r.startsWith('/pagefind/')),
        path,
      ).toEqual([]);
    }
  });

  it('on a phone, fetches the facet counts only when the Refine panel is opened', async () => {
    const { page, requests } = await open('/search/?q=Lynas', {
      viewport: { width: 390, height: 844 },
    });
    await results(page, 'Lynas');
    expect(await page.locator('[data-search-panel]').getAttribute('open')).toBeNull();
    expect(requests.filter((r) => r.includes('/filter/'))).toEqual([]);
    await page.locator('[data-search-panel] summary').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-search-facets] input').length > 0,
    );
    expect(requests.filter((r) => r.includes('/filter/')).length).toBeGreaterThan(0);
    expect(await page.locator('[data-search-facets] .count').first().innerText()).toMatch(/^\d+$/);
  });

  it('downloads the Chinese index only for Chinese queries', async () => {
    const { page, requests } = await open('/search/?q=Baotou');
    await results(page, 'Baotou');
    expect(requests.filter((r) => r.startsWith('/pagefind/zh/'))).toEqual([]);
    await search(page, '包钢稀土');
    expect(requests.filter((r) => r.startsWith('/pagefind/zh/')).length).toBeGreaterThan(0);
  });

  it('without JavaScript, says search needs it and links to the index pages', async () => {
    const { page } = await open('/search/?q=Lynas', { javaScriptEnabled: false });
    const notice = page.locator('.search-notice', { hasText: 'Search needs JavaScript' });
    expect(await notice.isVisible()).toBe(true);
    const links = await notice
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(
      expect.arrayContaining(['/briefs/', '/companies/', '/policies/', '/themes/', '/terms/']),
    );
    expect(await page.locator('[data-search-ui]').isVisible()).toBe(false);
  });

  it('the header form submits to /search/?q= and the page picks it up', async () => {
    const { page } = await open('/briefs/');
    await page.locator('#site-search').fill('Eight Provisions');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(/\/search\/\?q=Eight\+Provisions$/);
    const found = await results(page, 'Eight Provisions');
    expect(found.map((r) => r.url).slice(0, 3)).toContain('/policies/eight-provisions/');
  });
});
