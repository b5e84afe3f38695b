/**
 * A large site, made of the sample content by building it with the limits of a large one:
 * search shards of 4 briefs with a first tier of the primary bundle only
 * (src/search/shared/shards.ts), and archive lists that show 5 briefs at most
 * (`fullListUpTo`, src/site.config.ts) with 3 per year. Served and searched in Chromium.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { resultIds } from '../../src/search/build/entity-lookup.ts';
import { PRIMARY_SHARD, type ShardManifest } from '../../src/search/shared/shards.ts';
import { distinctivePhrases, searchableText } from '../helpers/phrases.ts';
import { count, results, search, searchSession } from '../helpers/search-page.ts';

const NEWEST_PER_YEAR = 3;
/** Briefs per page of a long list (a year, a profile's briefs): small, to have several. */
const PAGE_SIZE = 3;
const work = mkdtempSync(join(tmpdir(), 'briefing-shards-'));
const content = join(work, 'content');
const dist = join(work, 'dist');

function build(): string {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    env: {
      ...process.env,
      BRIEFING_CONTENT_DIR: content,
      BRIEFING_DIST: dist,
      BRIEFING_SEARCH_SHARD_BRIEFS: '4',
      BRIEFING_SEARCH_FIRST_TIER_KB: '1',
      // About one shard of three or four briefs: the fall-back tier is bounded.
      BRIEFING_SEARCH_FALLBACK_KB: '3',
      BRIEFING_FULL_LIST_UP_TO: '5',
      BRIEFING_NEWEST_PER_YEAR: String(NEWEST_PER_YEAR),
      BRIEFING_LIST_PAGE_SIZE: String(PAGE_SIZE),
    },
    encoding: 'utf8',
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

const manifest = () =>
  JSON.parse(readFileSync(join(dist, 'pagefind/shards.json'), 'utf8')) as ShardManifest;
const html = (url: string) => readFileSync(join(dist, url, 'index.html'), 'utf8');
const briefUrls = () =>
  readdirSync(join(dist, 'briefs'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `/briefs/${e.name}/`)
    .sort();
/** Every profile's address, from the JSON export. */
const profileUrls = () =>
  (JSON.parse(readFileSync(join(dist, 'api/entities.json'), 'utf8')) as Array<{ url: string }>).map(
    (e) => new URL(e.url).pathname,
  );

// Registered before the session's hooks, so the site exists before it is served.
beforeAll(() => {
  cpSync(resolve('content'), content, { recursive: true });
  build();
});
afterAll(() => rmSync(work, { recursive: true, force: true }));
const { open } = searchSession(() => dist);

describe('the sharded index', () => {
  it('puts the newest briefs and the most cited profiles in the primary bundle, older briefs in shards of consecutive years or quarters and the other profiles in shards, none over the limit', () => {
    const { shards, briefs } = manifest();
    expect(shards[0]).toMatchObject({
      id: PRIMARY_SHARD,
      path: '',
      first: true,
      from: '2025-10-09',
    });
    expect(shards.map((s) => s.id).slice(1)).toEqual([
      'briefs-2025q3',
      'briefs-2025q2',
      'briefs-2024q3-2025q1',
      'briefs-2024q1-2024q2',
      'briefs-2023',
      'briefs-2022',
      'briefs-2020-2021',
      ...Array.from({ length: shards.length - 8 }, (_, i) => `profiles-${i + 2}`),
    ]);
    const [dated, profiles] = [shards.slice(1, 8), shards.slice(8)];
    expect(dated.every((s) => !s.first && s.briefs > 0 && s.pages === s.briefs)).toBe(true);
    expect(dated.every((s) => s.briefs <= 4)).toBe(true);
    // Every profile once: four in the primary bundle, the others four to a shard.
    expect(profiles.every((s) => !s.first && s.briefs === 0 && s.pages <= 4)).toBe(true);
    expect(shards[0]!.pages - shards[0]!.briefs).toBe(4);
    expect(4 + profiles.reduce((n, s) => n + s.pages, 0)).toBe(profileUrls().length);
    // The fall-back tier: the next newest shards, and not all of them.
    const fallback = shards.filter((s) => s.fallback).map((s) => s.id);
    expect(fallback[0]).toBe('briefs-2025q3');
    expect(fallback.length).toBeLessThan(shards.length - 2);
    expect(briefs).toBe(27);
    // Merged shards carry no scripts of their own; each has its date table.
    const older = join(dist, 'pagefind/briefs-2020-2021');
    expect(() => statSync(join(older, 'pagefind.js'))).toThrow();
    expect(Object.values(JSON.parse(readFileSync(join(older, 'dates.json'), 'utf8')))).toEqual(
      expect.arrayContaining(['2020-12-01', '2021-01-15']),
    );
  });

  it('shards the Chinese index alike, at zh/ and zh-<shard>/', () => {
    const { zh } = manifest();
    expect(zh[0]).toMatchObject({ id: PRIMARY_SHARD, path: 'zh/', first: true });
    expect(zh.slice(1).map((s) => s.path)).toEqual(zh.slice(1).map((s) => `zh-${s.id}/`));
    expect(zh.some((s) => s.briefs === 0)).toBe(true);
    expect(zh.every((s) => s.briefs <= 4 && s.pages - s.briefs <= 4)).toBe(true);
    const chineseBriefs = briefUrls().filter((u) =>
      /\p{Script=Han}/u.test(searchableText(dist, u)),
    );
    expect(zh.reduce((n, s) => n + s.briefs, 0)).toBe(chineseBriefs.length);
    expect(() => statSync(join(dist, 'pagefind', zh[1]!.path, 'pagefind.js'))).toThrow();
  });
});

describe('searching a sharded index', () => {
  it('searches the newest briefs and the profiles first, says so, and searches all briefs on request', async () => {
    const { page, requests, errors } = await open('/search/?q=rare+earth');
    await results(page, 'rare earth');
    expect(await page.locator('[data-search-status]').innerText()).toMatch(
      /results for “rare earth” in briefs from \d{4}–2026 and the most cited profiles\.$/,
    );
    // The first tier and, the newest briefs and the most cited profiles holding fewer than a
    // page of results, the fall-back tier: nothing else.
    const { shards } = manifest();
    const tiers = shards.filter((s) => s.first || s.fallback).map((s) => s.path);
    const loaded = (prefix: string) =>
      requests.filter((r) => r.startsWith(prefix) && r.endsWith('/pagefind-entry.json'));
    expect(loaded('/pagefind/briefs-').every((r) => tiers.some((t) => r.includes(t)))).toBe(true);
    expect(loaded('/pagefind/profiles-')).toEqual([]);
    const firstCount = await count(page);
    const button = page.locator('[data-search-scope]');
    const otherProfiles = profileUrls().length - 4;
    expect(await button.innerText()).toMatch(
      new RegExp(
        `^Also search the \\d+ briefs from 2020–\\d{4} and ${otherProfiles} more profiles$`,
      ),
    );
    await button.click();
    await page.waitForFunction(
      () =>
        !document.querySelector('[data-search-status]')?.textContent?.includes('in briefs from'),
    );
    const all = await results(page, 'rare earth');
    expect(await count(page)).toBeGreaterThan(firstCount);
    // Briefs of older shards say what they are, as the newest do (their kind is a merge filter).
    const dated = all.filter((r) => r.date);
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.map((r) => r.kind)).toEqual(dated.map(() => 'Brief'));
    expect(await button.isVisible()).toBe(false);
    expect(requests).toEqual(
      expect.arrayContaining([
        '/pagefind/briefs-2020-2021/pagefind-entry.json',
        '/pagefind/briefs-2023/pagefind-entry.json',
        `/pagefind/${shards.at(-1)!.path}pagefind-entry.json`,
      ]),
    );
    expect(errors).toEqual([]);
  });

  it('searches every profile, and no brief shard, when the Kind facet ticks profiles only', async () => {
    const { shards } = manifest();
    const last = shards.at(-1)!;
    const [url] = [...resultIds(join(dist, 'pagefind', last.path)).keys()];
    const kind = parse(html(url!)).querySelector('[data-pagefind-filter="kind"]')!.textContent;
    const name = parse(html(url!)).querySelector('h1')!.textContent.trim();
    const { page, requests, errors } = await open(
      `/search/?q=${encodeURIComponent(name)}&kind=${encodeURIComponent(kind)}`,
    );
    const found = await results(page, name);
    expect(found.map((r) => r.url)).toContain(url);
    const entries = requests.filter((r) => r.endsWith('/pagefind-entry.json'));
    expect(entries).toContain(`/pagefind/${last.path}pagefind-entry.json`);
    expect(entries.filter((r) => r.startsWith('/pagefind/briefs-'))).toEqual([]);
    expect(await page.locator('[data-search-scope]').isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('finds a Chinese brief of an older Chinese shard by a word no other page has, loading the shards it needs', async () => {
    const { zh } = manifest();
    const older = zh.filter((s) => !s.first && s.briefs > 0);
    expect(older.length).toBeGreaterThan(0);
    const texts = new Map(
      [...briefUrls(), ...profileUrls()].map((u) => [u, searchableText(dist, u)]),
    );
    // A run of Chinese characters of an older brief that no other page holds.
    const unique = older
      .flatMap((s) => [...resultIds(join(dist, 'pagefind', s.path)).keys()])
      .flatMap((url) =>
        (texts.get(url)!.match(/\p{Script=Han}{4,}/gu) ?? []).map((word) => ({ url, word })),
      )
      .filter(({ word }) => [...texts.values()].filter((t) => t.includes(word)).length === 1);
    expect(unique.length).toBeGreaterThan(0);
    const { page, requests, errors } = await open('/search/');
    for (const { url, word } of unique)
      expect((await search(page, word)).map((r) => r.url)[0], word).toBe(url);
    const entries = requests.filter((r) => r.endsWith('/pagefind-entry.json'));
    expect(
      entries.some((r) => older.some((s) => r === `/pagefind/${s.path}pagefind-entry.json`)),
    ).toBe(true);
    expect(entries.filter((r) => r.startsWith('/pagefind/briefs-'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('adds the bounded fall-back tier when the newest do not fill a page, and offers the rest', async () => {
    const { page, requests } = await open('/search/');
    // Two words (three or more that no newest brief has as a phrase would search every brief).
    const found = await search(page, 'convertible preferred');
    expect(found[0]!.url).toBe('/briefs/pentagon-mp-materials-price-floor/');
    const { shards } = manifest();
    const loaded = new Set(
      requests.filter((r) => r.endsWith('/pagefind-entry.json')).map((r) => r.split('/')[2]),
    );
    const tiers = shards.filter((s) => s.first || s.fallback);
    expect(loaded.size).toBe(tiers.length);
    expect(loaded.has('briefs-2025q3')).toBe(true);
    expect(loaded.has('briefs-2020-2021')).toBe(false);
    expect(await page.locator('[data-search-status]').innerText()).toContain('in briefs from');
    expect(await page.locator('[data-search-scope]').isVisible()).toBe(true);
  });

  it('offers the years not searched yet in the Year facet, and ticking one searches them', async () => {
    const { page, requests } = await open('/search/?q=rare+earth');
    await results(page, 'rare earth');
    const year2021 = page.locator('[data-search-facets] input[name="year"][value="2021"]');
    expect(await year2021.locator('xpath=..').locator('.count').innerText()).toBe('–');
    await year2021.check();
    await page.waitForURL(/year=2021/);
    const found = await results(page, 'rare earth');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.date.endsWith('2021'))).toBe(true);
    expect(requests).toContain('/pagefind/briefs-2020-2021/pagefind-entry.json');
    expect(requests.filter((r) => r.startsWith('/pagefind/briefs-2023/'))).toEqual([]);
  });

  it.each([
    ['holding a ticked year', '/search/?q=rare+earth&year=2021'],
    ['of a range of years', '/search/?q=rare+earth&from=2021&to=2021'],
  ])('loads only the shards %s', async (_, address) => {
    const { page, requests } = await open(address);
    const found = await results(page, 'rare earth');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.date.endsWith('2021'))).toBe(true);
    const shardsLoaded = new Set(
      requests.filter((r) => r.endsWith('/pagefind-entry.json')).map((r) => r.split('/')[2]),
    );
    expect([...shardsLoaded].sort()).toEqual(['briefs-2020-2021', 'pagefind-entry.json']);
  });

  it('orders by date across shards, oldest first', async () => {
    const { page } = await open('/search/?q=China&sort=oldest');
    const found = await results(page, 'China');
    const dated = found.filter((r) => r.date);
    expect(dated[0]!.url).toBe('/briefs/export-control-law-takes-effect/');
    const times = dated.map((r) => Date.parse(r.date));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times.map((t) => new Date(t).getUTCFullYear())).size).toBeGreaterThan(2);
  });
});

describe('ranking and entities across shards', () => {
  const briefs = briefUrls;

  it('finds briefs in older shards by a distinctive phrase, and by their title', async () => {
    const pages = new Map(briefs().map((url) => [url, searchableText(dist, url)]));
    const phrases = distinctivePhrases(pages, briefs(), { size: 3 }).filter((_, i) => i % 3 === 0);
    expect(phrases.length).toBeGreaterThan(6);
    const { page } = await open('/search/');
    for (const { url, phrase } of phrases)
      expect(
        (await search(page, phrase)).slice(0, 3).map((r) => r.url),
        phrase,
      ).toContain(url);
    const old = '/briefs/china-rare-earth-group-formed/';
    const title = parse(html(old)).querySelector('h1')!.textContent.trim();
    expect((await search(page, title))[0]!.url).toBe(old);
  });

  it('finds the English briefs tagged with an entity named in Chinese, in older shards too', async () => {
    const tagged = briefs().filter((u) =>
      html(u).includes('data-pagefind-filter="companies">China Northern Rare Earth</span>'),
    );
    const { page } = await open('/search/');
    const found = await search(page, '北方稀土');
    expect(found[0]!.url).toBe('/companies/china-northern-rare-earth/');
    expect(found.map((r) => r.url)).toEqual(expect.arrayContaining(tagged));
  });

  it('marks the entity counts of a search of the newest briefs that are not final', async () => {
    const { shards } = manifest();
    const searchedFrom = shards[0]!.from!;
    const { page } = await open('/search/?q=rare+earth');
    await results(page, /in briefs from [\d–]+ and the most cited profiles\.$/);
    // The profiles of the shards not searched: their counts cannot be known final.
    const unsearched = new Set(
      shards
        .filter((s) => s.briefs === 0 && s.id !== PRIMARY_SHARD)
        .flatMap((s) => [...resultIds(join(dist, 'pagefind', s.path)).keys()])
        .map((u) => parse(html(u)).querySelector('h1')!.textContent.trim()),
    );
    const options = page.locator('fieldset.facet', { hasText: 'Companies' }).locator('label');
    const shown = await options.evaluateAll((labels) =>
      labels.map((l) => ({
        name: l.querySelector('.name')!.textContent!,
        count: l.querySelector('.count')!.textContent!,
      })),
    );
    expect(shown.length).toBeGreaterThan(2);
    const dateOf = (url: string) =>
      parse(html(url)).querySelector('time')!.getAttribute('datetime')!;
    let final = 0;
    for (const { name, count: text } of shown) {
      const older = briefs().some(
        (u) =>
          html(u).includes(
            `data-pagefind-filter="companies">${name.replace(/&/g, '&amp;')}</span>`,
          ) && dateOf(u) < searchedFrom,
      );
      // A company whose profile was not searched may have no older brief: its count is exact
      // but cannot be known so, and is marked as a lower bound.
      expect(text.endsWith('+'), `${name} ${text}`).toBe(older || unsearched.has(name));
      if (!older) final++;
    }
    expect(final, 'some companies have briefs in 2026 only').toBeGreaterThan(0);
    expect(await page.locator('[data-search-partial]').isVisible()).toBe(true);
  });
});

describe('the archive of a large site', () => {
  const page = (path: string) => parse(readFileSync(join(dist, path, 'index.html'), 'utf8'));
  const briefLinks = (path: string) =>
    page(path)
      .querySelectorAll('main a[href^="/briefs/"]')
      .map((a) => a.getAttribute('href')!)
      .filter((h) => h !== '/briefs/');
  /** A list and its further pages (its page list's links), in order. */
  const pagesOf = (path: string) => [
    path,
    ...page(path)
      .querySelectorAll('nav.page-list a')
      .map((a) => a.getAttribute('href')!.slice(1, -1))
      .filter((p, i, all) => p !== path && all.indexOf(p) === i),
  ];
  const briefPages = () =>
    readdirSync(join(dist, 'briefs'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => `/briefs/${e.name}/`);

  it('shows the newest briefs of each year on /briefs/ and links the year pages, which list every brief once', () => {
    const years = page('timeline')
      .querySelectorAll('main h2 a')
      .map((a) => a.getAttribute('href')!);
    expect(years).toEqual([
      '/timeline/2026/',
      '/timeline/2025/',
      '/timeline/2024/',
      '/timeline/2023/',
      '/timeline/2022/',
      '/timeline/2021/',
      '/timeline/2020/',
    ]);
    const yearPages = years.flatMap((year) => pagesOf(year.slice(1, -1)));
    expect(yearPages, 'a year with more briefs than a page continues on numbered pages').toContain(
      'timeline/2025/2',
    );
    for (const path of yearPages)
      expect(briefLinks(path).length, path).toBeLessThanOrEqual(PAGE_SIZE);
    const listed = yearPages.flatMap((path) => briefLinks(path));
    expect(listed.sort()).toEqual(briefPages().sort());
    const onBriefs = page('briefs');
    for (const section of onBriefs.querySelectorAll('main section')) {
      const items = section.querySelectorAll('.compact-list li');
      expect(items.length).toBeLessThanOrEqual(NEWEST_PER_YEAR);
      const year = section.querySelector('h2')!.id.slice(1);
      const total = pagesOf(`timeline/${year}`).flatMap((p) => briefLinks(p)).length;
      expect(section.querySelector(`a[href="/timeline/${year}/"]`) !== null, year).toBe(
        total > NEWEST_PER_YEAR,
      );
    }
  });

  it('lists months, not briefs, on /timeline/, each linking to its section of the year page', () => {
    const timeline = page('timeline');
    expect(briefLinks('timeline')).toEqual([]);
    for (const link of timeline
      .querySelectorAll('.month-list a')
      .map((a) => a.getAttribute('href')!)) {
      const [path, anchor] = link.split('#');
      expect(page(path!.slice(1, -1)).getElementById(anchor!), link).not.toBeNull();
    }
  });
});

describe('a busy profile', () => {
  it('lists its newest briefs and the rest on numbered pages, each brief once', () => {
    const read = (path: string) => parse(readFileSync(join(dist, path, 'index.html'), 'utf8'));
    const profile = 'companies/china-northern-rare-earth';
    const pages = [
      profile,
      ...read(profile)
        .querySelectorAll('#backlinks ~ nav.page-list a')
        .map((a) => a.getAttribute('href')!.slice(1, -1)),
    ];
    expect(pages.length).toBeGreaterThan(1);
    const listed = pages.flatMap((path) =>
      read(path)
        .querySelectorAll('main .compact-list a')
        .map((a) => a.getAttribute('href')!),
    );
    for (const path of pages)
      expect(read(path).querySelectorAll('main .compact-list li').length).toBeLessThanOrEqual(
        PAGE_SIZE,
      );
    const total = Number(read(profile).querySelector('#backlinks .count')!.textContent);
    expect(listed).toHaveLength(total);
    expect(new Set(listed).size).toBe(total);
  });
});

describe('a rebuild of a sharded index', () => {
  it('re-indexes only the shard of the edited brief, links the others, and finds the edit', async () => {
    const inode = (shard: string) =>
      statSync(join(dist, 'pagefind', shard, 'pagefind-entry.json')).ino;
    const before = { edited: inode('briefs-2020-2021'), other: inode('briefs-2023') };
    const file = join(content, 'briefs/2021/china-rare-earth-group-formed.md');
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}\nA later note mentions the word quillwort.\n`,
    );
    const log = build();
    expect(log).toMatch(/\b[12] bundles? indexed(?: \([^)]*\))?, \d+ unchanged and reused/);
    expect(inode('briefs-2023'), 'an unchanged shard is linked, not rewritten').toBe(before.other);
    expect(inode('briefs-2020-2021')).not.toBe(before.edited);
    const { page } = await open('/search/');
    // 2021 is beyond the first and the fall-back tiers: the reader asks for the rest.
    expect(await search(page, 'quillwort')).toEqual([]);
    await page.locator('[data-search-scope]').click();
    await page.waitForFunction(
      () =>
        !document.querySelector('[data-search-status]')?.textContent?.includes('in briefs from'),
    );
    const found = await results(page, 'quillwort');
    expect(found.map((r) => r.url)).toEqual(['/briefs/china-rare-earth-group-formed/']);
  });
});
