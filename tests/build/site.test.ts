/**
 * The built sample site, read back from its HTML: every brief and entity page exists,
 * links between them agree in both directions, and no internal link or anchor is broken.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { KIND_IDS } from '../../src/content/registry.ts';
import { allHtmlFiles, fileForUrl, readPage, urlOfFile } from '../helpers/dist.ts';

const content = loadContent({ root: process.cwd(), contentDir: 'content' });
const published = content.briefs.filter((b) => !b.draft);
const drafts = content.briefs.filter((b) => b.draft);
const entityHref = new RegExp(`^/(${KIND_IDS.join('|')})/[a-z0-9-]+/$`);

describe('the sample corpus', () => {
  it('is valid and as large as promised', () => {
    expect(content.problems).toEqual([]);
    expect(published.length).toBeGreaterThanOrEqual(25);
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    const count = (kind: string) => content.entities.filter((e) => e.kind === kind).length;
    expect(count('companies')).toBeGreaterThanOrEqual(15);
    expect(count('policies')).toBeGreaterThanOrEqual(10);
    expect(count('themes')).toBeGreaterThanOrEqual(8);
    expect(count('terms')).toBeGreaterThanOrEqual(2);
  });
});

describe('brief pages', () => {
  it.each(published.map((b) => [b.slug, b] as const))(
    '%s has its title, date, sources and entity links',
    (slug, brief) => {
      const html = parse(readPage(`/briefs/${slug}/`));
      expect(html.querySelector('h1')!.text.trim()).toBe(brief.title);
      expect(html.querySelector('header time')!.getAttribute('datetime')).toBe(
        brief.date.toISOString().slice(0, 10),
      );
      const chips = new Set(
        html.querySelectorAll('aside .chip').map((a) => a.getAttribute('href')),
      );
      for (const kind of KIND_IDS) {
        for (const ref of brief.refs[kind] ?? [])
          expect(chips, `${slug} → ${kind}/${ref}`).toContain(`/${kind}/${ref}/`);
      }
      const sourceLinks = html.querySelectorAll('.sources a').map((a) => a.getAttribute('href'));
      expect(sourceLinks).toEqual(brief.sources.map((s) => s.url));
      expect(html.querySelectorAll('.takeaways li')).toHaveLength(brief.highlights.length);
    },
  );

  it('never publishes a draft', () => {
    for (const draft of drafts) {
      expect(fileForUrl(`/briefs/${draft.slug}/`)).toBeUndefined();
      expect(readFileSync(fileForUrl('/rss.xml')!, 'utf8')).not.toContain(draft.title);
      expect(readPage('/api/briefs.json')).not.toContain(`"${draft.slug}"`);
    }
  });

  it('renders wikilinks in the body as links to entity pages', () => {
    const html = parse(readPage('/briefs/northern-rare-earth-party-discipline/'));
    const links = html.querySelectorAll('.prose a.wikilink').map((a) => a.getAttribute('href'));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(entityHref);
    expect(html.querySelector('.prose')!.text).not.toContain('[[');
  });
});

describe('MDX briefs', () => {
  it('render their components and wikilinks', () => {
    const mdx = published.find((b) => b.filePath?.endsWith('.mdx'));
    expect(mdx, 'the sample corpus has an MDX brief').toBeDefined();
    const html = parse(readPage(`/briefs/${mdx!.slug}/`));
    expect(html.querySelector('.prose table.key-dates caption')!.text).toBe('Dates to watch');
    expect(html.querySelectorAll('.prose a.wikilink').length).toBeGreaterThan(0);
    expect(html.querySelector('.prose')!.text).not.toMatch(/\[\[|<KeyDates/);
  });
});

describe('entity pages', () => {
  // brief → entity links as the brief pages show them ("In this brief").
  const expected = new Map<string, Set<string>>();
  beforeAll(() => {
    for (const brief of published) {
      const html = parse(readPage(`/briefs/${brief.slug}/`));
      for (const a of html.querySelectorAll('aside .chip')) {
        const href = a.getAttribute('href')!;
        if (!expected.has(href)) expected.set(href, new Set());
        expected.get(href)!.add(`/briefs/${brief.slug}/`);
      }
    }
  });

  it.each(content.entities.map((e) => [`${e.kind}/${e.slug}`, e] as const))(
    '%s links to exactly the briefs that reference it',
    (_key, entity) => {
      const url = `/${entity.kind}/${entity.slug}/`;
      const html = parse(readPage(url));
      expect(html.querySelector('h1')!.text.trim()).toBe(entity.name);
      const backlinks = new Set(
        html
          .querySelectorAll(
            '#backlinks ~ section a, section[aria-labelledby="backlinks"] .compact-list a',
          )
          .map((a) => a.getAttribute('href')!),
      );
      expect([...backlinks].sort()).toEqual([...(expected.get(url) ?? [])].sort());
      const count = html.querySelector('#backlinks .count')!.text.trim();
      expect(Number(count)).toBe(backlinks.size);
      expect(backlinks.size, `${url} is referenced by no brief`).toBeGreaterThan(0);
    },
  );

  it('counts a body-only wikilink as a backlink', () => {
    const edges = JSON.parse(readPage('/api/links.json')) as Array<{
      brief: string;
      kind: string;
      entity: string;
      via: string[];
    }>;
    const bodyOnly = edges.find((e) => e.via.length === 1 && e.via[0] === 'body');
    expect(bodyOnly, 'the sample corpus has a body-only mention').toBeDefined();
    const html = readPage(`/${bodyOnly!.kind}/${bodyOnly!.entity}/`);
    expect(html).toContain(`href="/briefs/${bodyOnly!.brief}/"`);
  });
});

describe('archive pages', () => {
  const briefLinks = (url: string) =>
    parse(readPage(url))
      .querySelectorAll('main .compact-list a')
      .map((a) => a.getAttribute('href'));

  it('list every published brief on /briefs/ and /timeline/ (a small site), and once on its year page', () => {
    const all = published.map((b) => `/briefs/${b.slug}/`).sort();
    expect(briefLinks('/briefs/').sort()).toEqual(all);
    expect(briefLinks('/timeline/').sort()).toEqual(all);
    const years = [...new Set(published.map((b) => b.date.getUTCFullYear()))];
    const byYear = years.flatMap((year) => {
      const links = briefLinks(`/timeline/${year}/`);
      expect(links.length, String(year)).toBe(
        published.filter((b) => b.date.getUTCFullYear() === year).length,
      );
      return links;
    });
    expect(byYear.sort()).toEqual(all);
  });
});

describe('the whole site', () => {
  const pages = allHtmlFiles();

  it('has no broken internal link or #anchor', () => {
    const ids = new Map<string, Set<string>>();
    const parsed = pages.map((file) => {
      const html = parse(readFileSync(file, 'utf8'));
      ids.set(urlOfFile(file), new Set(html.querySelectorAll('[id]').map((el) => el.id)));
      return { url: urlOfFile(file), html };
    });
    const broken: string[] = [];
    for (const { url, html } of parsed) {
      for (const a of html.querySelectorAll('a[href], link[href]')) {
        const href = a.getAttribute('href')!;
        if (/^(https?:|mailto:)/.test(href) && !href.startsWith('https://briefing.example.org'))
          continue;
        const target = new URL(href, `http://site${url}`);
        if (target.pathname.startsWith('/search/')) continue; // served by the search page, checked in e2e
        const file = fileForUrl(target.pathname);
        if (!file) {
          if (!href.startsWith('https://briefing.example.org')) broken.push(`${url} → ${href}`);
          continue;
        }
        if (target.hash && file.endsWith('.html')) {
          const targetUrl = urlOfFile(file);
          if (!ids.get(targetUrl)?.has(decodeURIComponent(target.hash.slice(1))))
            broken.push(`${url} → ${href} (no such anchor)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('gives every page one h1, a lang, a title and a main landmark', () => {
    for (const file of pages) {
      const html = parse(readFileSync(file, 'utf8'));
      expect(html.querySelectorAll('h1'), urlOfFile(file)).toHaveLength(1);
      expect(html.querySelector('html')!.getAttribute('lang')).toBe('en');
      expect(html.querySelector('title')!.text.length).toBeGreaterThan(3);
      expect(html.querySelectorAll('main')).toHaveLength(1);
    }
  });

  it('ships no JavaScript file on reading pages', () => {
    for (const url of [
      '/',
      '/briefs/',
      `/briefs/${published[0]!.slug}/`,
      '/companies/',
      '/timeline/',
      '/network/',
    ]) {
      const html = parse(readPage(url));
      expect(html.querySelectorAll('script[src]'), url).toHaveLength(0);
    }
  });

  it('publishes feeds, a sitemap and a JSON export that agree with the pages', () => {
    const rss = readPage('/rss.xml');
    expect(rss).toContain('<rss');
    expect(rss).toContain(
      published
        .sort((a, b) => b.date.getTime() - a.date.getTime())[0]!
        .title.replace(/&/g, '&amp;')
        .replace(/'/g, '&apos;')
        .slice(0, 20),
    );
    const entityFeed = readPage('/companies/china-northern-rare-earth/rss.xml');
    expect(entityFeed).toContain('/briefs/northern-rare-earth-party-discipline/');
    expect(readPage('/sitemap-index.xml')).toContain('sitemap-0.xml');
    expect(readPage('/sitemap-0.xml')).toContain('/companies/china-northern-rare-earth/');
    const briefs = JSON.parse(readPage('/api/briefs.json')) as Array<{
      slug: string;
      entities: string[];
    }>;
    expect(briefs.map((b) => b.slug).sort()).toEqual(published.map((b) => b.slug).sort());
    const entities = JSON.parse(readPage('/api/entities.json')) as Array<{
      kind: string;
      slug: string;
      briefs: number;
    }>;
    expect(entities).toHaveLength(content.entities.length);
    const links = JSON.parse(readPage('/api/links.json')) as Array<{ brief: string }>;
    expect(links.length).toBe(briefs.reduce((n, b) => n + b.entities.length, 0));
    // The same export in parts by year, listed in api/index.json (what a large archive has).
    const index = JSON.parse(readPage('/api/index.json')) as {
      briefExport: {
        whole: string | null;
        parts: Array<{ id: string; briefs: number; url: string }>;
      };
      links: { parts: Array<{ url: string }> };
    };
    expect(index.briefExport.whole).toMatch(/\/api\/briefs\.json$/);
    const path = (url: string) => new URL(url).pathname;
    const inParts = index.briefExport.parts.flatMap(
      (part) => JSON.parse(readPage(path(part.url))) as Array<{ slug: string }>,
    );
    expect(inParts.map((b) => b.slug)).toEqual(briefs.map((b) => b.slug));
    const linkParts = index.links.parts.flatMap(
      (part) => JSON.parse(readPage(path(part.url))) as unknown[],
    );
    expect(linkParts).toHaveLength(links.length);
  });
});
