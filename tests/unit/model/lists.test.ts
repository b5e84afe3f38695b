import { describe, expect, it } from 'vitest';
import { formatLongDate, isoDay, parseIsoDay } from '../../../src/model/dates.ts';
import { exportBriefs, exportEntities, feedItems } from '../../../src/model/feeds.ts';
import { buildGraph } from '../../../src/model/graph.ts';
import { countByQuarter, groupByYear, indexLetter } from '../../../src/model/grouping.ts';
import { layoutNetwork } from '../../../src/model/network.ts';
import { closest, countWords, readingMinutes } from '../../../src/model/text.ts';
import { brief, entity } from '../fixtures.ts';

describe('dates', () => {
  it('parse real calendar days only', () => {
    expect(isoDay(parseIsoDay('2024-02-29')!)).toBe('2024-02-29');
    expect(parseIsoDay('2025-02-29')).toBeUndefined();
    expect(parseIsoDay('2025-13-01')).toBeUndefined();
    expect(parseIsoDay('22 March 2025')).toBeUndefined();
    expect(formatLongDate(parseIsoDay('2025-03-22')!)).toBe('22 March 2025');
  });
});

describe('text', () => {
  it('counts reading time for English words and Chinese characters', () => {
    expect(readingMinutes('word '.repeat(460))).toBe(2);
    expect(readingMinutes('稀'.repeat(800))).toBe(2);
    expect(readingMinutes('')).toBe(1);
  });

  it('counts words as runs between spaces and Chinese characters that hold a letter or digit', () => {
    expect(countWords('The 稀土 export-ban, — 2025 …\u00a0again\u3000x')).toEqual({
      words: 5,
      cjk: 2,
    });
    // The same count as splitting at white space with Chinese characters set apart.
    const pieces = ['word', ' ', '\n', '\u2003', '稀', '土', '—', '-', 'é', '_', '9', '\t', '.'];
    let seed = 3;
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 40 }, () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return pieces[seed % pieces.length];
      }).join('');
      const han = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
      const words = text
        .replace(han, ' ')
        .split(/\s+/)
        .filter((w) => /\w/.test(w)).length;
      expect(countWords(text), JSON.stringify(text)).toEqual({
        words,
        cjk: text.match(han)?.length ?? 0,
      });
    }
  });

  it('finds close names and ignores distant ones', () => {
    expect(closest('lynas', ['lynas-rare-earths', 'mp-materials'])).toEqual(['lynas-rare-earths']);
    expect(closest('zzz', ['lynas-rare-earths'])).toEqual([]);
  });
});

describe('grouping', () => {
  const briefs = [brief('c', '2025-05-01'), brief('b', '2025-01-31'), brief('a', '2024-02-10')];

  it('groups newest-first briefs by year', () => {
    expect(groupByYear(briefs).map((g) => [g.year, g.briefs.map((b) => b.slug)])).toEqual([
      [2025, ['c', 'b']],
      [2024, ['a']],
    ]);
  });

  it('counts briefs per quarter and fills empty quarters', () => {
    const buckets = countByQuarter(briefs);
    expect(buckets.map((b) => `${b.label}:${b.count}`)).toEqual([
      '2024 Q1:1',
      '2024 Q2:0',
      '2024 Q3:0',
      '2024 Q4:0',
      '2025 Q1:1',
      '2025 Q2:1',
    ]);
    expect(countByQuarter([])).toEqual([]);
  });

  it('files names under their first Latin letter, others under #', () => {
    expect(indexLetter('Élysée Minerals')).toBe('E');
    expect(indexLetter('北方稀土')).toBe('#');
    expect(indexLetter('3M')).toBe('#');
  });
});

describe('feeds and export', () => {
  const entities = [
    entity('companies', 'mp', 'MP Materials'),
    entity('policies', 'ira', 'Inflation Reduction Act'),
  ];
  const graph = buildGraph(
    [
      brief('one', '2025-01-01', { companies: ['mp'] }),
      brief('two', '2025-02-01', { companies: ['mp'], policies: ['ira'] }),
    ],
    entities,
  );
  const site = new URL('https://briefing.example.org');

  it('makes feed items newest first with entity names as categories', () => {
    const items = feedItems(graph, graph.briefs, (path) => `/base${path}`);
    expect(items.map((i) => i.link)).toEqual(['/base/briefs/two/', '/base/briefs/one/']);
    expect(items[0]!.categories).toEqual(['MP Materials', 'Inflation Reduction Act']);
    expect(feedItems(graph, graph.briefs, (p) => p, 1)).toHaveLength(1);
  });

  it('exports briefs and entities with absolute URLs and counts', () => {
    expect(exportBriefs(graph, site)[0]).toMatchObject({
      slug: 'two',
      url: 'https://briefing.example.org/briefs/two/',
      date: '2025-02-01',
      entities: ['companies/mp', 'policies/ira'],
    });
    const under = new URL('https://org.github.io/briefing/');
    expect(exportBriefs(graph, under)[0]!.url).toBe('https://org.github.io/briefing/briefs/two/');
    expect(exportEntities(graph, site).map((e) => [e.slug, e.briefs])).toEqual([
      ['mp', 2],
      ['ira', 1],
    ]);
    // A profile's old addresses are not among its facts.
    const moved = buildGraph(
      [],
      [
        {
          ...entity('themes', 'rare-earths', 'Rare Earths'),
          redirectFrom: ['/category/rare-earths/'],
          data: { name: 'Rare Earths', aliases: [], redirect_from: ['/category/rare-earths/'] },
        },
      ],
    );
    expect(exportEntities(moved, site)[0]!.facts).toEqual({});
  });
});

describe('layoutNetwork', () => {
  const entities = Array.from({ length: 12 }, (_, i) =>
    entity('companies', `c${i}`, `Company number ${i}`),
  );
  const briefs = Array.from({ length: 30 }, (_, i) =>
    brief(`b${i}`, `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, {
      companies: [`c${i % 12}`, `c${(i * 5 + 1) % 12}`, `c${(i + 3) % 12}`],
    }),
  );
  const graph = buildGraph(briefs, entities);

  it('is deterministic and keeps every node inside the picture', () => {
    const a = layoutNetwork(graph, { maxEdges: 20 });
    const b = layoutNetwork(graph, { maxEdges: 20 });
    expect(a.nodes.map((n) => [n.x, n.y])).toEqual(b.nodes.map((n) => [n.x, n.y]));
    expect(a.edges.length).toBeLessThanOrEqual(20);
    for (const node of a.nodes) {
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.x).toBeLessThanOrEqual(a.width);
      expect(node.y).toBeGreaterThanOrEqual(0);
      expect(node.y).toBeLessThanOrEqual(a.height);
    }
  });

  it('draws only links seen in several briefs once there are enough of them', () => {
    const layout = layoutNetwork(graph, { maxEdges: 80 });
    const repeated = graph.strongestPairs(80).filter((p) => p.count > 1).length;
    expect(repeated).toBeGreaterThanOrEqual(15);
    expect(layout.edges).toHaveLength(repeated);
    expect(layout.edges.every((e) => e.count > 1)).toBe(true);
    // With few repeated links, the single-brief ones are drawn too.
    const sparse = buildGraph(briefs.slice(0, 4), entities);
    expect(layoutNetwork(sparse).edges).toHaveLength(sparse.strongestPairs(80).length);
  });
});
