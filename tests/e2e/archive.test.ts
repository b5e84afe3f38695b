/**
 * Search on a large synthetic archive, sharded: 600 English briefs from the benchmark's
 * corpus generator and 300 long briefs in Chinese (tests/helpers/chinese-archive.ts), tagged
 * with the same entities. Phrases are drawn from the built pages themselves.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../scripts/bench/corpus.ts';
import { chineseArchive } from '../helpers/chinese-archive.ts';
import { distinctivePhrases, searchableText } from '../helpers/phrases.ts';
import { allResults, count, results, search, searchSession } from '../helpers/search-page.ts';

const work = mkdtempSync(join(tmpdir(), 'briefing-archive-'));
const content = join(work, 'content');
const dist = join(work, 'dist');

const english = generateCorpus({ briefs: 600, seed: 'search-archive' });
const frontmatter = (text: string) => parseYaml(text.split('---')[1]!) as Record<string, unknown>;
const companies = english
  .filter((f) => f.path.startsWith('companies/'))
  .map((f) => ({
    slug: f.path.slice('companies/'.length, -3),
    ...(frontmatter(f.text) as { name: string; aliases?: string[] }),
  }));
const tagCount = (slug: string) =>
  english.filter(
    (f) => f.path.startsWith('briefs/') && new RegExp(`[[ ]${slug}[,\\]]`).test(f.text),
  ).length;
// Chinese briefs are tagged with a few companies, Chinese-named or not.
const taggedInChinese = companies.slice(0, 4).map((c) => c.slug);
const chinese = chineseArchive({
  briefs: 300,
  seed: 'search-archive-zh',
  entities: { companies: taggedInChinese },
});

beforeAll(() => {
  writeCorpus(content, english);
  for (const brief of chinese) {
    mkdirSync(dirname(join(content, brief.path)), { recursive: true });
    writeFileSync(join(content, brief.path), brief.text);
  }
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    env: {
      ...process.env,
      BRIEFING_CONTENT_DIR: content,
      BRIEFING_DIST: dist,
      BRIEFING_CACHE_DIR: join(work, 'cache'),
      BRIEFING_SEARCH_SHARD_BRIEFS: '150',
      BRIEFING_SEARCH_FIRST_TIER_KB: '8',
    },
    encoding: 'utf8',
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));
const { open } = searchSession(() => dist);

const briefUrl = (path: string) =>
  `/briefs/${path
    .split('/')
    .pop()!
    .replace(/\.mdx?$/, '')}/`;
const englishBriefs = english
  .filter((f) => f.path.startsWith('briefs/'))
  .map((f) => briefUrl(f.path));
const chineseBriefs = chinese.map((b) => `/briefs/${b.slug}/`);
const html = (url: string) => readFileSync(join(dist, url, 'index.html'), 'utf8');
const every = <T>(list: readonly T[], n: number) =>
  list.filter((_, i) => i % Math.ceil(list.length / n) === 0);

describe('phrases on a large archive', () => {
  it('puts the English brief with a distinctive phrase in the top 3', async () => {
    const urls = [...englishBriefs, ...chineseBriefs];
    const pages = new Map(urls.map((url) => [url, searchableText(dist, url)]));
    // Template sentences repeat most runs of words: about one brief in two has a distinctive one.
    const phrases = distinctivePhrases(pages, every(englishBriefs.sort(), 60), { size: 3 });
    expect(phrases.length).toBeGreaterThan(20);
    const { page } = await open('/search/');
    const misses: string[] = [];
    for (const { url, phrase } of phrases) {
      const top = (await search(page, phrase)).slice(0, 3).map((r) => r.url);
      if (!top.includes(url)) misses.push(`${phrase} → ${top.join(' ')} (wanted ${url})`);
    }
    expect(misses).toEqual([]);
  });

  it('puts the Chinese brief with a distinctive phrase of eight characters in the top 5', async () => {
    const pages = new Map(chineseBriefs.map((url) => [url, searchableText(dist, url)]));
    const phrases = distinctivePhrases(pages, every(chineseBriefs, 30), {
      size: 8,
      chinese: true,
    });
    expect(phrases.length).toBeGreaterThan(25);
    const { page } = await open('/search/');
    const misses: string[] = [];
    for (const { url, phrase } of phrases) {
      const top = (await search(page, phrase)).slice(0, 5).map((r) => r.url);
      if (!top.includes(url)) misses.push(`${phrase} → ${top.join(' ')} (wanted ${url})`);
    }
    expect(misses).toEqual([]);
  });

  it('ranks a brief first for its title, English or Chinese', async () => {
    const { page } = await open('/search/');
    const titles = new Map<string, number>();
    const all = [...englishBriefs, ...chineseBriefs];
    for (const url of all) titles.set(parseTitle(url), (titles.get(parseTitle(url)) ?? 0) + 1);
    // The generator gives some briefs the same title (their slugs are numbered): not those.
    const unique = (urls: string[]) => urls.filter((u) => titles.get(parseTitle(u)) === 1);
    for (const url of [...every(unique(englishBriefs), 5), ...every(unique(chineseBriefs), 5)]) {
      const title = parseTitle(url);
      expect((await search(page, title))[0]?.url, title).toBe(url);
    }
  });
});

function parseTitle(url: string): string {
  return /<h1[^>]*>([^<]*)<\/h1>/
    .exec(html(url))![1]!
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('entities on a large archive', () => {
  const tagged = (name: string) =>
    [...englishBriefs, ...chineseBriefs].filter((url) =>
      html(url).includes(`data-pagefind-filter="companies">${name.replace(/&/g, '&amp;')}</span>`),
    );

  it('finds the English briefs tagged with a company searched by its Chinese name', async () => {
    const company = companies
      .filter((c) => c.aliases?.some((a) => /\p{Script=Han}/u.test(a)))
      .sort((a, b) => tagCount(a.slug) - tagCount(b.slug))
      .find((c) => tagCount(c.slug) >= 3)!;
    const alias = company.aliases!.find((a) => /\p{Script=Han}/u.test(a))!;
    const briefs = tagged(company.name);
    const { page } = await open('/search/');
    const found = await search(page, alias);
    expect(found[0]).toMatchObject({ title: company.name, kind: 'Company' });
    if (await page.locator('[data-search-scope]').isVisible()) {
      await page.locator('[data-search-scope]').click();
      await page.waitForFunction(
        () => !document.querySelector('[data-search-scope]:not([hidden])'),
      );
      await results(page, alias);
    }
    const urls = await allResults(page);
    expect(urls).toEqual(expect.arrayContaining(briefs));
    expect(briefs.some((u) => englishBriefs.includes(u))).toBe(true);
  });

  it('finds the Chinese briefs tagged with a company searched by its English name', async () => {
    const company = companies.find((c) => c.slug === taggedInChinese[0])!;
    const inChinese = tagged(company.name).filter((u) => chineseBriefs.includes(u));
    expect(inChinese.length).toBeGreaterThan(5);
    const { page } = await open('/search/');
    await search(page, company.name);
    if (await page.locator('[data-search-scope]').isVisible()) {
      await page.locator('[data-search-scope]').click();
      await page.waitForFunction(
        () => !document.querySelector('[data-search-scope]:not([hidden])'),
      );
      await results(page, company.name);
    }
    expect(await count(page)).toBeGreaterThan(inChinese.length);
    expect(await allResults(page)).toEqual(expect.arrayContaining(inChinese));
  });

  it('says which entity counts are not final in a search of the newest briefs', async () => {
    const { page } = await open('/search/?q=prices');
    await results(page, /in briefs from .* and the profiles\.$/);
    const counts = await page
      .locator('fieldset.facet', { hasText: 'Companies' })
      .locator('.count')
      .allInnerTexts();
    expect(counts.some((c) => c.endsWith('+'))).toBe(true);
    expect(await page.locator('[data-search-partial]').isVisible()).toBe(true);
  });
});
