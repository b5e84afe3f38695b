/**
 * Search, end to end: the built sample site served on 127.0.0.1 and driven in Debian's
 * headless Chromium. Pagefind's real index, real WebAssembly, real worker.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { distDir, readPage } from '../helpers/dist.ts';
import { distinctivePhrases, searchableText } from '../helpers/phrases.ts';
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
    // Pages with the two characters together come first, marked as one run.
    expect(rare.slice(0, 5).every((r) => r.marks.some((m) => m.includes('稀土')))).toBe(true);
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

/** The briefs and profiles of the built sample site, with their searchable text. */
function indexedPages(): Map<string, string> {
  const pages = new Map<string, string>();
  const dist = distDir();
  for (const folder of ['briefs', 'companies', 'policies', 'themes', 'terms'])
    for (const entry of readdirSync(join(dist, folder), { withFileTypes: true }))
      if (entry.isDirectory() && entry.name !== 'by-count') {
        const url = `/${folder}/${entry.name}/`;
        if (readFileSync(join(dist, url, 'index.html'), 'utf8').includes('data-pagefind-body'))
          pages.set(url, searchableText(dist, url));
      }
  return pages;
}

const briefUrls = (pages: Map<string, string>) =>
  [...pages.keys()].filter((u) => u.startsWith('/briefs/')).sort();

/** The pages whose search filters tag them with an entity (from their built HTML). */
function taggedWith(kind: string, name: string, pages: Map<string, string>): string[] {
  return [...pages.keys()].filter((url) =>
    readPage(url).includes(`data-pagefind-filter="${kind}">${name.replace(/&/g, '&amp;')}</span>`),
  );
}

describe('ranking: phrases, titles, entities', () => {
  it('puts the brief with a distinctive three-word phrase from its own text in the top 3, typed without quotes', async () => {
    const pages = indexedPages();
    const phrases = distinctivePhrases(pages, briefUrls(pages), { size: 3 });
    expect(phrases.length).toBeGreaterThan(20);
    const { page } = await open('/search/');
    const misses: string[] = [];
    for (const { url, phrase } of phrases) {
      const top = (await search(page, phrase)).slice(0, 3).map((r) => r.url);
      if (!top.includes(url)) misses.push(`${phrase} → ${top.join(', ')} (wanted ${url})`);
    }
    expect(misses).toEqual([]);
    // The issue's own example: three pages used to outrank the brief.
    expect((await search(page, 'later export controls'))[0]!.url).toBe(
      '/briefs/china-rare-earth-group-formed/',
    );
  });

  it('puts the page with a distinctive Chinese phrase from its own text in the top 5', async () => {
    const pages = indexedPages();
    const chinese = [...pages.keys()].filter((u) => /\p{Script=Han}{6}/u.test(pages.get(u)!));
    const phrases = distinctivePhrases(pages, chinese, { size: 6, chinese: true });
    expect(phrases.length).toBeGreaterThanOrEqual(8);
    const { page } = await open('/search/');
    const misses: string[] = [];
    for (const { url, phrase } of phrases) {
      const top = (await search(page, phrase)).slice(0, 5).map((r) => r.url);
      if (!top.includes(url)) misses.push(`${phrase} → ${top.join(', ')} (wanted ${url})`);
    }
    expect(misses).toEqual([]);
  });

  it('ranks a page first for its title, typed exactly or nearly', async () => {
    const pages = indexedPages();
    const { page } = await open('/search/');
    for (const url of briefUrls(pages).slice(0, 12)) {
      const title = parse(readPage(url)).querySelector('h1')!.textContent.trim();
      expect((await search(page, title.toLowerCase()))[0]?.url, title).toBe(url);
      // A word left out of a long title.
      const words = title.split(' ');
      if (words.length >= 6) {
        const near = [...words.slice(0, 2), ...words.slice(3)].join(' ');
        expect((await search(page, near))[0]?.url, near).toBe(url);
      }
    }
  });

  it('shows the entity a Chinese name names first, with its briefs and its filter, and finds its English briefs', async () => {
    const pages = indexedPages();
    const tagged = taggedWith('companies', 'China Northern Rare Earth', pages).filter((u) =>
      u.startsWith('/briefs/'),
    );
    const { page, errors } = await open('/search/');
    const found = await search(page, '北方稀土');
    const card = page.locator('.result-entity').first();
    expect(found[0]).toMatchObject({
      url: '/companies/china-northern-rare-earth/',
      kind: 'Company',
    });
    expect(found[0]!.title).toBe('China Northern Rare Earth');
    expect(await card.locator('.result-excerpt').innerText()).toBe(
      `Also known as 北方稀土 · ${tagged.length} briefs`,
    );
    // Every brief tagged with the company, English-only ones too, and the pages with the characters.
    const urls = found.map((r) => r.url);
    expect(urls).toEqual(expect.arrayContaining(tagged));
    expect(tagged.some((u) => !/\p{Script=Han}/u.test(pages.get(u)!))).toBe(true);
    for (const url of urls.slice(1)) {
      const text = pages.get(url)!;
      expect(text.includes('北方稀土') || tagged.includes(url), url).toBe(true);
    }
    expect(new Set(urls).size).toBe(urls.length);
    // Its filter: the company's briefs, newest first.
    const filter = card.locator('.entity-filter a');
    expect(await filter.innerText()).toBe(`Briefs on China Northern Rare Earth, ${tagged.length}`);
    await filter.click();
    const briefs = await results(page, new RegExp(`^${tagged.length} results, with 2 filters\\.$`));
    expect(briefs.map((r) => r.url).sort()).toEqual([...tagged].sort());
    const url = new URL(page.url());
    expect(url.searchParams.getAll('companies')).toEqual(['China Northern Rare Earth']);
    expect(url.searchParams.getAll('kind')).toEqual(['Brief']);
    expect(url.searchParams.get('q')).toBeNull();
    expect(errors).toEqual([]);
  });

  it('finds every page tagged with an entity by its English name, Chinese-text pages included', async () => {
    const pages = indexedPages();
    const tagged = taggedWith('companies', 'China Northern Rare Earth', pages);
    expect(tagged.filter((u) => /\p{Script=Han}{4}/u.test(pages.get(u)!)).length).toBeGreaterThan(
      2,
    );
    const { page } = await open('/search/');
    const found = await search(page, 'China Northern Rare Earth');
    expect(found[0]!.kind).toBe('Company');
    expect(found.map((r) => r.url)).toEqual(expect.arrayContaining(tagged));
  });

  it('knows an entity by its ticker, its symbol, a term by its Chinese original and pinyin', async () => {
    const { page } = await open('/search/');
    for (const [q, url] of [
      ['600111', '/companies/china-northern-rare-earth/'],
      ['600111.SS', '/companies/china-northern-rare-earth/'],
      ['央企', '/terms/yangqi/'],
      ['yangqi', '/terms/yangqi/'],
      ['northern rare-earth', '/companies/china-northern-rare-earth/'],
    ] as const) {
      const found = await search(page, q);
      expect(found[0]?.url, q).toBe(url);
      expect(await page.locator('.result').first().getAttribute('class'), q).toContain(
        'result-entity',
      );
    }
    // No entity for a word that only occurs in names.
    await search(page, 'northern');
    expect(await page.locator('.result-entity').count()).toBe(0);
  });

  it('keeps English stemming after a Chinese search, with one WebAssembly file', async () => {
    const { page, requests } = await open('/search/?q=%E5%8C%97%E6%96%B9%E7%A8%80%E5%9C%9F');
    await results(page, '北方稀土');
    await search(page, 'controls');
    const plural = await count(page);
    await search(page, 'control');
    expect(await count(page)).toBe(plural);
    expect(requests.filter((r) => r.endsWith('.pagefind') && r.includes('wasm'))).toEqual(
      expect.arrayContaining(['/pagefind/wasm.en.pagefind']),
    );
    expect(requests.filter((r) => r.startsWith('/pagefind/zh/wasm'))).toEqual([]);
  });
});

describe('filters readers expect', () => {
  it('limits results to a range of years, kept in the address', async () => {
    const { page } = await open('/search/?q=rare+earth');
    await results(page, 'rare earth');
    const all = await count(page);
    await page.locator('[data-search-from]').selectOption('2021');
    await page.waitForURL(/from=2021/);
    await page.locator('[data-search-to]').selectOption('2023');
    await page.waitForURL(/to=2023/);
    const found = await results(page, /“rare earth”, with 1 filter\.$/);
    expect(await count(page)).toBeLessThan(all);
    expect(found.length).toBeGreaterThan(2);
    for (const r of found) {
      expect(r.kind).toBe('Brief');
      expect(Number(r.date.slice(-4))).toBeGreaterThanOrEqual(2021);
      expect(Number(r.date.slice(-4))).toBeLessThanOrEqual(2023);
    }
    // The Year facet offers only the years of the range.
    const years = await page
      .locator('fieldset.facet', { hasText: 'Year' })
      .locator('input')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(years.every((y) => y >= '2021' && y <= '2023')).toBe(true);
    // Restored from the address.
    const again = await open('/search/?q=rare+earth&from=2021&to=2023');
    await results(again.page, 'rare earth');
    expect(await count(again.page)).toBe(await count(page));
    expect(await again.page.locator('[data-search-from]').inputValue()).toBe('2021');
    expect(await again.page.locator('[data-search-to]').inputValue()).toBe('2023');
  });

  it('combines ticked values of one facet with OR, facets with AND, and says so', async () => {
    const { page } = await open('/search/?q=rare+earth');
    await results(page, 'rare earth');
    expect(await page.locator('.facet-rule').first().innerText()).toBe(
      'A result needs any ticked value within a filter, and every filter you use.',
    );
    const companies = page.locator('fieldset.facet', { hasText: 'Companies' });
    const options = companies.locator('label');
    const [a, b] = [options.nth(0), options.nth(1)];
    const [nameA, nameB] = [
      await a.locator('.name').innerText(),
      await b.locator('.name').innerText(),
    ];
    await a.locator('input').check();
    const onlyA = await results(page, /with 1 filter\.$/);
    const countA = await count(page);
    // The other company's count: its results, whatever is ticked in its own facet.
    const countB = Number(
      await companies.locator('label', { hasText: nameB }).locator('.count').innerText(),
    );
    await companies.locator('label', { hasText: nameB }).locator('input').check();
    const both = await results(page, /with 2 filters\.$/);
    const countAB = await count(page);
    expect(countAB).toBeGreaterThanOrEqual(Math.max(countA, countB));
    expect(countAB).toBeLessThanOrEqual(countA + countB);
    expect(countAB).toBeGreaterThan(countA);
    expect(await companies.locator('.facet-hint').innerText()).toBe(
      'Results with any ticked company',
    );
    const tagged = (url: string, name: string) =>
      readPage(url).includes(`data-pagefind-filter="companies">${name}</span>`);
    for (const r of both) expect(tagged(r.url, nameA) || tagged(r.url, nameB), r.url).toBe(true);
    expect(onlyA.every((r) => tagged(r.url, nameA))).toBe(true);
    // And across facets: briefs only.
    await page
      .locator('fieldset.facet', { hasText: 'Kind' })
      .locator('input[value="Brief"]')
      .check();
    const briefs = await results(page, /with 3 filters\.$/);
    expect(briefs.every((r) => r.kind === 'Brief')).toBe(true);
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
        ['/search/?q=%E5%8C%97%E6%96%B9%E7%A8%80%E5%9C%9F&from=2021', '北方稀土'],
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
