/**
 * The reference pieces of the built sample site: the policy tracker and its feed, policy
 * timelines, corrections and updates, citation tags, and the glossary in the text.
 */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { buildGraph } from '../../src/model/graph.ts';
import { fileForUrl, readPage } from '../helpers/dist.ts';

const content = loadContent({ root: process.cwd(), contentDir: 'content' });
const graph = buildGraph(content.briefs, content.entities);
const policies = content.entities.filter((e) => e.kind === 'policies');
const SITE = 'https://briefing.example.org';

/** RSS items as tag → text maps (node-html-parser reads <link> as an empty HTML element). */
function feedItems(xml: string): Array<Record<string, string>> {
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, item]) =>
    Object.fromEntries(
      [...item!.matchAll(/<(\w+)>([\s\S]*?)<\/\1>/g)].map(([, tag, text]) => [tag!, text!]),
    ),
  );
}

describe('policy tracker', () => {
  const page = parse(readPage('/tracker/'));
  const rows = page.querySelectorAll('.tracker-table tbody tr');

  it('lists every policy with jurisdiction, status, last change and next event, latest change first', () => {
    expect(rows).toHaveLength(policies.length);
    const first = rows[0]!.querySelectorAll('td').map((td) => td.text.replace(/\s+/g, ' ').trim());
    expect(first[0]).toBe('Antimony export controls');
    expect(first[1]).toBe('China');
    expect(first[2]).toBe('In force');
    expect(first[3]).toBe('9 November 2025 amended');
    const october = rows.find((r) => r.text.includes('October 2025 rare-earth'))!;
    expect(october.text).toContain('Suspended');
    expect(october.text).toContain('10 November 2026 suspension due to end');
    const dates = rows.map((r) =>
      r.querySelectorAll('td')[3]!.querySelector('time')!.getAttribute('datetime')!,
    );
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('sorts and filters by links to static pages that exist', () => {
    const links = page
      .querySelectorAll('main a')
      .map((a) => a.getAttribute('href')!)
      .filter((h) => h.startsWith('/tracker/'));
    for (const href of [
      '/tracker/by-name/',
      '/tracker/by-next/',
      '/tracker/status/suspended/',
      '/tracker/jurisdiction/european-union/',
    ]) {
      expect(links).toContain(href);
      expect(fileForUrl(href), href).toBeDefined();
    }
    const suspended = parse(readPage('/tracker/status/suspended/by-next/'));
    expect(
      suspended.querySelectorAll('.tracker-table tbody tr').map((r) => r.querySelector('a')!.text),
    ).toEqual(['October 2025 rare-earth export control expansion']);
    expect(suspended.querySelector('th[aria-sort="ascending"]')!.text).toContain(
      'Next dated event',
    );
    const byName = parse(readPage('/tracker/by-name/'))
      .querySelectorAll('.tracker-table tbody tr a')
      .map((a) => a.text);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('has a feed of status changes, newest first, linking to the event on the policy page', () => {
    const items = feedItems(readPage('/tracker/rss.xml'));
    expect(items.length).toBeGreaterThan(20);
    expect(items[0]!.title).toMatch(/: amended$/);
    const suspension = items.find(
      (i) => i.title === 'October 2025 rare-earth export control expansion: suspended',
    )!;
    expect(suspension.link).toBe(
      `${SITE}/policies/october-2025-rare-earth-controls/#event-2025-11-07-suspended-3`,
    );
    const policyPage = parse(readPage('/policies/october-2025-rare-earth-controls/'));
    expect(policyPage.querySelector('#event-2025-11-07-suspended-3')!.text).toContain('Suspended');
    expect(readPage('/tracker/')).toContain(`href="/tracker/rss.xml"`);
  });

  it('exports the events with the policy, dates as days', () => {
    const entities = JSON.parse(readPage('/api/entities.json')) as Array<{
      slug: string;
      facts: Record<string, unknown>;
    }>;
    const october = entities.find((e) => e.slug === 'october-2025-rare-earth-controls')!;
    expect(october.facts.status).toBe('suspended');
    expect((october.facts.events as Array<{ date: string; until?: string }>)[2]).toMatchObject({
      date: '2025-11-07',
      until: '2026-11-10',
      type: 'suspended',
    });
  });

  it('shows each policy page its timeline with sources that resolve', () => {
    for (const policy of policies) {
      const html = parse(readPage(`/policies/${policy.slug}/`));
      const events = html.querySelectorAll('.timeline-event');
      expect(events.length, policy.slug).toBe((policy.data.events as unknown[]).length);
      for (const a of html.querySelectorAll('.timeline a')) {
        const href = a.getAttribute('href')!;
        if (href.startsWith('/')) expect(fileForUrl(href), href).toBeDefined();
        else expect(href).toMatch(/^https?:\/\//);
      }
    }
  });
});

describe('corrections and updates', () => {
  it('show at the top of the brief and change its date', () => {
    const html = parse(readPage('/briefs/busan-truce-suspends-controls/'));
    const box = html.querySelector('header .revisions')!;
    expect(box.text).toContain('Update, 10 November 2025');
    expect(html.querySelector('.meta')!.text).toContain('Updated 10 November 2025');
  });

  it('date the brief in feeds by its latest change', () => {
    const items = feedItems(readPage('/rss.xml'));
    const busan = items.find((i) => i.title!.includes('Busan Summit'))!;
    expect(busan.pubDate).toContain('10 Nov 2025');
    expect(busan.description).toContain('Update: Added MOFCOM');
  });

  it('are listed on the corrections page, newest first, each linking to its brief', () => {
    const html = parse(readPage('/corrections/'));
    const entries = html.querySelectorAll('.revision-list li');
    expect(html.querySelector('main .meta')!.text).toMatch(/0 corrections and 3 updates/);
    const revised = content.briefs
      .filter((b) => !b.draft)
      .flatMap((b) => [...(b.corrections ?? []), ...(b.updates ?? [])]);
    expect(entries).toHaveLength(revised.length);
    const dates = entries.map((li) => li.querySelector('time')!.getAttribute('datetime')!);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const li of entries)
      expect(fileForUrl(li.querySelector('a')!.getAttribute('href')!)).toBeDefined();
  });
});

describe('citations', () => {
  const html = parse(readPage('/briefs/northern-rare-earth-party-discipline/'));
  const meta = (name: string) =>
    html
      .querySelectorAll(`meta[name="${name}"], meta[property="${name}"]`)
      .map((m) => m.getAttribute('content'));

  it('carries the tags reference managers and link previews read, with absolute addresses', () => {
    expect(meta('citation_title')).toEqual([
      'Northern Rare Earth Tightens Party Discipline Under the Eight Provisions',
    ]);
    expect(meta('citation_publication_date')).toEqual(['2025/03/22']);
    expect(meta('citation_author')).toHaveLength(1);
    expect(meta('citation_publisher')).toEqual(['Briefing']);
    expect(meta('citation_public_url')).toEqual([
      `${SITE}/briefs/northern-rare-earth-party-discipline/`,
    ]);
    expect(meta('og:type')).toEqual(['article']);
    expect(meta('og:url')).toEqual([`${SITE}/briefs/northern-rare-earth-party-discipline/`]);
    expect(meta('article:published_time')).toEqual(['2025-03-22']);
    expect(meta('twitter:card')).toEqual(['summary']);
    expect(meta('twitter:title')[0]).toContain('Northern Rare Earth');
  });

  it('has a Cite this brief block with plain text and BibTeX', () => {
    const cite = html.querySelector('section.cite')!;
    expect(cite.querySelector('.citation')!.text).toContain(
      'Briefing, 22 March 2025. https://briefing.example.org/briefs/northern-rare-earth-party-discipline/',
    );
    const bibtex = cite.querySelector('pre.bibtex')!.text.replace(/<\/?code>/g, '');
    expect(bibtex).toMatch(/^@online\{briefing-2025-northern-rare-earth-party-discipline,/);
    expect(bibtex).toContain(
      'url = {https://briefing.example.org/briefs/northern-rare-earth-party-discipline/}',
    );
  });
});

describe('glossary', () => {
  it('links the first use of a term in a brief to the term, with its pinyin and English', () => {
    const html = parse(readPage('/briefs/northern-rare-earth-party-discipline/'));
    const glosses = html.querySelectorAll('.prose a.gloss');
    const zuofeng = glosses.filter((a) => a.getAttribute('href') === '/terms/zuofeng/');
    expect(zuofeng).toHaveLength(1);
    expect(zuofeng[0]!.querySelector('.gloss-tip')!.text).toContain('作风, zuòfēng: Work style');
  });

  it('lists every term with original, pinyin, English and brief count, and exports them', () => {
    const terms = content.entities.filter((e) => e.kind === 'terms');
    const rows = parse(readPage('/glossary/')).querySelectorAll('.glossary-table tbody tr');
    expect(rows).toHaveLength(terms.length);
    const json = JSON.parse(readPage('/glossary.json')) as Array<{
      slug: string;
      original: string;
      pinyin: string;
      english: string;
      briefs: number;
      url: string;
    }>;
    expect(json).toHaveLength(terms.length);
    for (const entry of json) {
      const term = terms.find((t) => t.slug === entry.slug)!;
      expect(entry.original).toBe(term.data.original);
      expect(entry.briefs).toBe(graph.backlinks(term).length);
      expect(entry.url).toBe(`${SITE}/terms/${entry.slug}/`);
      const row = rows.find(
        (r) => r.querySelector('a')!.getAttribute('href') === `/terms/${entry.slug}/`,
      )!;
      expect(row.querySelectorAll('td')[3]!.text.trim()).toBe(String(entry.briefs));
    }
    expect(json.find((t) => t.slug === 'yangqi')!.briefs).toBeGreaterThanOrEqual(2);
  });
});
