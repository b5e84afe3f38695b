import { describe, expect, it } from 'vitest';
import {
  briefCacheKey,
  entityCacheKey,
  exportPartCacheKey,
  linksPartCacheKey,
  timelinePageCacheKey,
} from '../../../src/astro/cache-keys.ts';
import { archiveByYear } from '../../../src/model/archive.ts';
import { readConfig } from '../../../src/config.ts';
import { buildGraph } from '../../../src/model/graph.ts';
import { brief, entity, withGlossary } from '../fixtures.ts';

const entities = [
  entity('companies', 'mp', 'MP Materials'),
  entity('companies', 'lynas', 'Lynas'),
  entity('themes', 'geo', 'Geopolitics'),
];
const briefs = () => [
  brief('a', '2024-01-01', { companies: ['mp'], themes: ['geo'] }),
  brief('b', '2024-02-01', { companies: ['mp'] }),
  brief('c', '2024-03-01', { companies: ['lynas'] }),
];

/** c links [[Aussie miner]], an alias of Lynas in `first` and of MP in `moved`. */
function aliasMoved() {
  const withLink = () => [
    ...briefs().slice(0, 2),
    brief('c', '2024-03-01', { companies: ['lynas'] }, 'See [[Aussie miner]].'),
  ];
  const aliasOf = (slug: string) =>
    entities.map((e) => (e.slug === slug ? { ...e, aliases: ['Aussie miner'] } : e));
  return {
    first: buildGraph(withLink(), aliasOf('lynas')),
    moved: buildGraph(withLink(), aliasOf('mp')),
  };
}

describe('cache keys', () => {
  const before = buildGraph(briefs(), entities);

  it('are stable for the same content', () => {
    const again = buildGraph(briefs(), entities);
    expect(briefCacheKey(again, 'a')).toBe(briefCacheKey(before, 'a'));
    expect(entityCacheKey(again, entities[0]!)).toBe(entityCacheKey(before, entities[0]!));
  });

  it('change for every page that shows an edited title, and only those', () => {
    const edited = briefs();
    edited[1]!.title = 'A new headline';
    const after = buildGraph(edited, entities);
    expect(briefCacheKey(after, 'b')).not.toBe(briefCacheKey(before, 'b'));
    expect(briefCacheKey(after, 'a'), 'a lists b as related and as its newer neighbour').not.toBe(
      briefCacheKey(before, 'a'),
    );
    expect(entityCacheKey(after, entities[0]!), 'MP lists b as a backlink').not.toBe(
      entityCacheKey(before, entities[0]!),
    );
    expect(entityCacheKey(after, entities[1]!), 'Lynas does not show b').toBe(
      entityCacheKey(before, entities[1]!),
    );
  });

  it('change when an entity is renamed on the briefs that show its name', () => {
    const renamed = entities.map((e) =>
      e.slug === 'lynas' ? { ...e, name: 'Lynas Rare Earths' } : e,
    );
    const after = buildGraph(briefs(), renamed);
    expect(briefCacheKey(after, 'c')).not.toBe(briefCacheKey(before, 'c'));
    expect(briefCacheKey(after, 'b')).toBe(briefCacheKey(before, 'b'));
  });

  it('change when a wikilink would point elsewhere', () => {
    const { first, moved } = aliasMoved();
    expect(briefCacheKey(moved, 'c')).not.toBe(briefCacheKey(first, 'c'));
  });

  it('change when a brief’s git dates change what it shows, or its history link moves', () => {
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const committed = (last: string) =>
      buildGraph(
        briefs().map((b) =>
          b.slug === 'a'
            ? {
                ...b,
                git: { path: 'content/briefs/a.md', first: day('2024-01-02'), last: day(last) },
              }
            : b,
        ),
        entities,
      );
    // Committed again on its first day: nothing shown changes.
    expect(briefCacheKey(committed('2024-01-02'), 'a')).toBe(briefCacheKey(before, 'a'));
    // Revised later: the page shows "Updated".
    expect(briefCacheKey(committed('2024-05-01'), 'a')).not.toBe(briefCacheKey(before, 'a'));
    const site = readConfig({}, process.cwd());
    const onForge = {
      ...site,
      site: { ...site.site, repository: 'https://github.com/org/briefing' },
    };
    expect(briefCacheKey(before, 'a', onForge)).not.toBe(briefCacheKey(before, 'a', site));
  });

  it('change for every page when the site settings change (title, address, base path)', () => {
    const site = readConfig({}, process.cwd());
    const renamed = { ...site, site: { ...site.site, title: 'Another title' } };
    const moved = { ...site, basePath: '/briefing/' };
    for (const other of [renamed, moved]) {
      expect(briefCacheKey(before, 'a', other)).not.toBe(briefCacheKey(before, 'a', site));
      expect(entityCacheKey(before, entities[0]!, other)).not.toBe(
        entityCacheKey(before, entities[0]!, site),
      );
    }
    expect(briefCacheKey(before, 'a', site)).toBe(
      briefCacheKey(before, 'a', readConfig({}, process.cwd())),
    );
  });

  it('change for the neighbours and backlinks of a scheduled brief on its day', () => {
    const scheduled = [...briefs(), brief('d', '2024-04-01', { companies: ['lynas'] })];
    const dayBefore = buildGraph(scheduled, entities, { today: new Date('2024-03-31T00:00:00Z') });
    const onTheDay = buildGraph(scheduled, entities, { today: new Date('2024-04-01T00:00:00Z') });
    expect(briefCacheKey(dayBefore, 'c')).toBe(briefCacheKey(before, 'c'));
    expect(briefCacheKey(onTheDay, 'c'), 'c gets d as its newer neighbour').not.toBe(
      briefCacheKey(dayBefore, 'c'),
    );
    expect(entityCacheKey(onTheDay, entities[1]!)).not.toBe(
      entityCacheKey(dayBefore, entities[1]!),
    );
    expect(entityCacheKey(onTheDay, entities[0]!)).toBe(entityCacheKey(dayBefore, entities[0]!));
  });

  it('of a profile cover the briefs its first page lists, the pager, the count and the chart', () => {
    const site = readConfig({}, process.cwd());
    // One brief per page: MP's page lists b (the newest) and links page 2 for a.
    const onePerPage = { ...site, archive: { ...site.archive, pageSize: 1 } };
    const key = (graph: ReturnType<typeof buildGraph>) =>
      entityCacheKey(graph, entities[0]!, onePerPage);
    const retitled = (slug: string) =>
      buildGraph(
        briefs().map((b) => (b.slug === slug ? { ...b, title: 'A new headline' } : b)),
        entities,
      );
    expect(key(retitled('b')), 'b is on the first page').not.toBe(key(before));
    expect(key(retitled('a')), 'a is on page 2, which has a key of its own').toBe(key(before));
    const moved = buildGraph(
      briefs().map((b) => (b.slug === 'a' ? { ...b, date: new Date('2023-01-01T00:00:00Z') } : b)),
      entities,
    );
    expect(key(moved), 'the pager and the chart show its date').not.toBe(key(before));
    expect(entityCacheKey(before, entities[0]!, site), 'another page size').not.toBe(key(before));
  });

  it('change for a brief whose body uses a glossary term when the term is glossed anew', () => {
    const term = (pinyin: string) => ({
      ...entity('terms', 'yangqi', 'Central SOEs'),
      data: { original: '央企', pinyin, english: 'central state-owned enterprises' },
    });
    const graphWith = (pinyin: string) =>
      buildGraph(
        withGlossary(
          [...briefs(), brief('d', '2024-04-01', {}, 'The 央企 lead the sector.')],
          [...entities, term(pinyin)],
        ),
        [...entities, term(pinyin)],
      );
    const first = graphWith('yāngqǐ');
    expect(first.glossaryTermsOf('d').map((t) => t.original)).toEqual(['央企']);
    expect(first.glossaryTermsOf('c')).toEqual([]);
    expect(briefCacheKey(graphWith('yangqi'), 'd')).not.toBe(briefCacheKey(first, 'd'));
    expect(briefCacheKey(graphWith('yangqi'), 'c')).toBe(briefCacheKey(first, 'c'));
  });
});

describe('cache keys of the export and the timeline', () => {
  const site = readConfig({}, process.cwd());
  const graphOf = (list: ReturnType<typeof briefs>, ents = entities) => buildGraph(list, ents);
  const retitled = (slug: string) =>
    graphOf(briefs().map((b) => (b.slug === slug ? { ...b, title: 'A new headline' } : b)));
  const before = graphOf(briefs());
  const part = (graph: ReturnType<typeof buildGraph>, slugs: string[]) =>
    graph.briefs.filter((b) => slugs.includes(b.slug));

  it('of an export part change with a brief of the part, its entities and its dates, and only then', () => {
    const key = (graph: ReturnType<typeof buildGraph>, slugs = ['a', 'b']) =>
      exportPartCacheKey(graph, part(graph, slugs), site);
    expect(key(graphOf(briefs()))).toBe(key(before));
    expect(key(retitled('a'))).not.toBe(key(before));
    expect(key(retitled('c')), 'c is in another part').toBe(key(before));
    const moreRefs = graphOf(
      briefs().map((b) => (b.slug === 'b' ? { ...b, refs: { ...b.refs, themes: ['geo'] } } : b)),
    );
    expect(key(moreRefs), 'b lists another entity').not.toBe(key(before));
    const revised = graphOf(
      briefs().map((b) =>
        b.slug === 'a'
          ? {
              ...b,
              git: {
                path: 'content/briefs/a.md',
                first: b.date,
                last: new Date('2024-06-01T00:00:00Z'),
              },
            }
          : b,
      ),
    );
    expect(key(revised), 'a was updated later').not.toBe(key(before));
    const moved = { ...site, siteUrl: 'https://example.org' };
    expect(exportPartCacheKey(before, part(before, ['a']), moved)).not.toBe(
      exportPartCacheKey(before, part(before, ['a']), site),
    );
  });

  it('of a link part change when a wikilink points elsewhere', () => {
    const { first, moved } = aliasMoved();
    expect(linksPartCacheKey(moved, part(moved, ['c']))).not.toBe(
      linksPartCacheKey(first, part(first, ['c'])),
    );
    expect(linksPartCacheKey(moved, part(moved, ['a', 'b']))).toBe(
      linksPartCacheKey(first, part(first, ['a', 'b'])),
    );
  });

  it('of a timeline page change with the briefs it lists and the dates of the pager, not with other pages', () => {
    // One brief per page: 2024's page 1 lists c, page 2 b, page 3 a.
    const year = (graph: ReturnType<typeof buildGraph>) => archiveByYear(graph.briefs, 1)[0]!;
    const key = (graph: ReturnType<typeof buildGraph>, page: number) =>
      timelinePageCacheKey(year(graph), page, {}, site);
    expect(key(retitled('b'), 2)).not.toBe(key(before, 2));
    expect(key(retitled('b'), 1), 'b is on page 2').toBe(key(before, 1));
    const redated = graphOf(
      briefs().map((b) => (b.slug === 'a' ? { ...b, date: new Date('2024-01-05T00:00:00Z') } : b)),
    );
    expect(key(redated, 1), 'the pager shows the dates of page 3').not.toBe(key(before, 1));
    expect(timelinePageCacheKey(year(before), 1, { older: 2023 }, site)).not.toBe(key(before, 1));
  });
});
