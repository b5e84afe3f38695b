import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/model/graph.ts';
import { brief, entity } from '../fixtures.ts';

const northern = entity('companies', 'northern', 'Northern Rare Earth', ['北方稀土']);
const lynas = entity('companies', 'lynas', 'Lynas');
const mp = entity('companies', 'mp', 'MP Materials');
const controls = entity('policies', 'controls', 'Export controls');
const geo = entity('themes', 'geo', 'Geopolitics');
const entities = [northern, lynas, mp, controls, geo];

const briefs = [
  brief('a', '2024-01-10', { companies: ['northern'], themes: ['geo'] }),
  brief(
    'b',
    '2024-05-01',
    { companies: ['lynas'], themes: ['geo'] },
    'Mentions [[北方稀土]] in the body.',
  ),
  brief('c', '2025-02-01', { companies: ['mp', 'lynas'], policies: ['controls'], themes: ['geo'] }),
  brief('d', '2023-03-03', { themes: ['geo'] }),
  brief('draft', '2025-06-01', { companies: ['northern'] }, '', true),
];

describe('buildGraph', () => {
  const graph = buildGraph(briefs, entities);

  it('publishes non-draft briefs, newest first', () => {
    expect(graph.briefs.map((b) => b.slug)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('counts a body wikilink as a reference, and drafts never', () => {
    expect(graph.backlinks(northern).map((b) => b.slug)).toEqual(['b', 'a']);
    expect(graph.entitiesOf('b').map((e) => e.slug)).toEqual(['lynas', 'northern', 'geo']);
  });

  it('records whether a link comes from the frontmatter or the body', () => {
    const edges = graph.edges().filter((e) => e.brief === 'b');
    expect(edges).toContainEqual({
      brief: 'b',
      kind: 'companies',
      entity: 'northern',
      via: ['body'],
    });
    expect(edges).toContainEqual({
      brief: 'b',
      kind: 'companies',
      entity: 'lynas',
      via: ['frontmatter'],
    });
  });

  it('counts co-mentions per kind, most shared first', () => {
    const withGeo = graph.coMentions(geo);
    expect(withGeo.get('companies')!.map((c) => [c.entity.slug, c.count])).toEqual([
      ['lynas', 2],
      ['northern', 2],
      ['mp', 1],
    ]);
    expect(withGeo.get('policies')!.map((c) => c.entity.slug)).toEqual(['controls']);
    expect(graph.coMentions(geo, 1).get('companies')).toHaveLength(1);
  });

  it('ranks related briefs by shared rare entities, then recency', () => {
    // b shares lynas and geo with c, northern and geo with a (equal weight: c is newer); d only geo.
    expect(graph.related('b').map((r) => r.slug)).toEqual(['c', 'a', 'd']);
    // d shares only the ubiquitous theme: pure recency.
    expect(graph.related('d').map((r) => r.slug)).toEqual(['c', 'b', 'a']);
    expect(graph.related('c', 1)).toHaveLength(1);
    expect(graph.related('c').map((r) => r.slug)).not.toContain('c');
  });

  it('weights a shared rare entity above a shared common one, even when older', () => {
    const common = entity('themes', 'common', 'Common');
    const rare = entity('companies', 'rare', 'Rare');
    const g = buildGraph(
      [
        brief('subject', '2024-06-01', { companies: ['rare'], themes: ['common'] }),
        brief('newer-common', '2025-01-01', { themes: ['common'] }),
        brief('older-rare', '2020-01-01', { companies: ['rare'] }),
        brief('filler-1', '2021-01-01', { themes: ['common'] }),
        brief('filler-2', '2021-02-01', { themes: ['common'] }),
      ],
      [common, rare],
    );
    expect(g.related('subject').map((r) => r.slug)).toEqual([
      'older-rare',
      'newer-common',
      'filler-2',
      'filler-1',
    ]);
  });

  it('picks the same related briefs as scoring and sorting every candidate would, on a larger graph', () => {
    // A seeded pseudo-random graph: 300 briefs over 12 entities, many ties.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const many = Array.from({ length: 12 }, (_, i) =>
      entity(i % 2 ? 'themes' : 'companies', `e${i}`, `Entity ${i}`),
    );
    const pool = Array.from({ length: 300 }, (_, i) => {
      const refs = many.filter(() => next() < 0.2);
      return brief(`b${i}`, `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`, {
        companies: refs.filter((e) => e.kind === 'companies').map((e) => e.slug),
        themes: refs.filter((e) => e.kind === 'themes').map((e) => e.slug),
      });
    });
    const g = buildGraph(pool, many);
    const holders = (e: (typeof many)[number]) => g.backlinks(e).map((b) => b.slug);
    for (const subject of g.briefs.slice(0, 60)) {
      const score = new Map<string, number>();
      for (const e of g.entitiesOf(subject.slug)) {
        const weight = Math.log(1 + g.briefs.length / holders(e).length);
        for (const slug of holders(e)) score.set(slug, (score.get(slug) ?? 0) + weight);
      }
      score.delete(subject.slug);
      const position = new Map(g.briefs.map((b, i) => [b.slug, i]));
      const expected = [...score]
        .sort((a, b) => b[1] - a[1] || position.get(a[0])! - position.get(b[0])!)
        .slice(0, 5)
        .map(([slug]) => slug);
      expect(
        g.related(subject.slug).map((r) => r.slug),
        subject.slug,
      ).toEqual(expected);
    }
  });

  it('includes drafts only in a preview (npm run dev)', () => {
    expect(buildGraph(briefs, entities, { preview: true }).briefs.map((b) => b.slug)).toEqual([
      'draft',
      'c',
      'b',
      'a',
      'd',
    ]);
  });

  describe('with a build day', () => {
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const before = buildGraph(briefs, entities, { today: day('2025-01-31') });

    it('leaves a brief dated after it out of everything the graph answers', () => {
      expect(before.briefs.map((b) => b.slug)).toEqual(['b', 'a', 'd']);
      expect(before.brief('c')).toBeUndefined();
      expect(before.backlinks(mp)).toEqual([]);
      expect(before.backlinks(lynas).map((b) => b.slug)).toEqual(['b']);
      expect(before.related('b').map((b) => b.slug)).not.toContain('c');
      expect(before.neighbours('b').newer).toBeUndefined();
      expect(before.edges().some((e) => e.brief === 'c')).toBe(false);
      const withLynas = [...before.coMentions(lynas).values()].flat().map((c) => c.entity);
      expect(withLynas).not.toContain(mp);
      expect(withLynas).not.toContain(controls);
      expect(before.strongestPairs(50).some((p) => p.a === mp || p.b === mp)).toBe(false);
    });

    it('publishes it from its own day on', () => {
      for (const iso of ['2025-02-01', '2025-02-02']) {
        const graph = buildGraph(briefs, entities, { today: day(iso) });
        expect(
          graph.briefs.map((b) => b.slug),
          iso,
        ).toEqual(['c', 'b', 'a', 'd']);
        expect(graph.status(graph.brief('c')!)).toBe('published');
      }
    });

    it('includes scheduled briefs and drafts in a preview, marked', () => {
      const preview = buildGraph(briefs, entities, { today: day('2025-01-31'), preview: true });
      expect(preview.briefs.map((b) => b.slug)).toEqual(['draft', 'c', 'b', 'a', 'd']);
      expect(preview.status(preview.brief('c')!)).toBe('scheduled');
      expect(preview.status(preview.brief('draft')!)).toBe('draft');
      expect(preview.status(preview.brief('a')!)).toBe('published');
    });
  });

  it('gives chronological neighbours', () => {
    expect(graph.neighbours('b')).toEqual({ newer: graph.brief('c'), older: graph.brief('a') });
    expect(graph.neighbours('c').newer).toBeUndefined();
    expect(graph.neighbours('d').older).toBeUndefined();
  });

  it('lists the strongest co-mention pairs', () => {
    const top = graph.strongestPairs(2).map((p) => [p.a.slug, p.b.slug, p.count]);
    expect(top).toEqual([
      ['lynas', 'geo', 2],
      ['northern', 'geo', 2],
    ]);
  });
});
