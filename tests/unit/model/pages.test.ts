import { describe, expect, it } from 'vitest';
import { archiveByYear, monthUrl, yearUrl } from '../../../src/model/archive.ts';
import { exportIndex, exportParts, EXPORT_PART_BRIEFS } from '../../../src/model/feeds.ts';
import { buildGraph } from '../../../src/model/graph.ts';
import { paginate, pagerLinks, pageUrl } from '../../../src/model/pages.ts';
import { brief } from '../fixtures.ts';

/** `n` briefs on consecutive days from `start` back, newest first, as the graph orders them. */
const daily = (n: number, start = Date.UTC(2025, 11, 31)) =>
  Array.from({ length: n }, (_, i) =>
    brief(`b${i}`, new Date(start - i * 86_400_000).toISOString().slice(0, 10)),
  );

describe('long lists in pages', () => {
  it('cuts a list into pages, page 1 at the list’s own address', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 2)).toEqual([[]]);
    expect(pageUrl('/companies/mp/', 1)).toBe('/companies/mp/');
    expect(pageUrl('/companies/mp/', 3)).toBe('/companies/mp/3/');
  });

  it('labels each page with the dates it covers', () => {
    const links = pagerLinks(
      '/x/',
      paginate(['2025-03-02', '2025-03-01', '2025-02-01'], 2),
      (d) => d,
    );
    expect(links).toEqual([
      { number: 1, url: '/x/', label: '2025-03-02 – 2025-03-01' },
      { number: 2, url: '/x/2/', label: '2025-02-01' },
    ]);
  });
});

describe('a year of the archive in pages', () => {
  it('keeps every page within the limit, continues a month across pages and links each month to its first page', () => {
    const [year] = archiveByYear(daily(365), 100);
    expect(year!.pages).toHaveLength(4);
    expect(year!.pages.every((p) => p.reduce((n, m) => n + m.briefs.length, 0) <= 100)).toBe(true);
    // 100 days back from 31 December ends on 23 September: September continues on page 2.
    const september = year!.months.find((m) => m.id === '2025-09')!;
    expect(september.page).toBe(1);
    expect(september.briefs).toHaveLength(30);
    expect(year!.pages[1]![0]).toMatchObject({ continued: true, month: september });
    expect(monthUrl(september)).toBe('/timeline/2025/#m2025-09');
    const june = year!.months.find((m) => m.id === '2025-06')!;
    expect(monthUrl(june)).toBe(`${yearUrl(2025, june.page)}#m2025-06`);
    expect(june.page).toBe(2);
  });
});

describe('the JSON export in parts', () => {
  it('exports a year per part, and the months of a year too busy for one', () => {
    const busy = Array.from({ length: EXPORT_PART_BRIEFS + 1 }, (_, i) =>
      brief(`x${i}`, `2024-${String((i % 12) + 1).padStart(2, '0')}-10`),
    );
    const parts = exportParts([...daily(3), ...busy]);
    expect(parts.map((p) => p.id)).toEqual([
      '2025',
      ...Array.from({ length: 12 }, (_, i) => `2024-${String(12 - i).padStart(2, '0')}`),
    ]);
    expect(Math.max(...parts.map((p) => p.briefs.length))).toBeLessThanOrEqual(EXPORT_PART_BRIEFS);
    expect(parts.reduce((n, p) => n + p.briefs.length, 0)).toBe(EXPORT_PART_BRIEFS + 4);
  });

  it('lists the parts, and the whole files while the archive is small', () => {
    const graph = buildGraph(daily(40), []);
    const index = exportIndex(graph, new URL('https://org.github.io/briefing/'));
    expect(index.briefExport.whole).toBe('https://org.github.io/briefing/api/briefs.json');
    expect(index.briefExport.parts).toEqual([
      { id: '2025', briefs: 40, url: 'https://org.github.io/briefing/api/briefs/2025.json' },
    ]);
    expect(index.links.parts[0]!.url).toBe('https://org.github.io/briefing/api/links/2025.json');
  });
});
