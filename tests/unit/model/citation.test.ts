import { describe, expect, it } from 'vitest';
import {
  bibtexEntry,
  bibtexEscape,
  citationMeta,
  plainCitation,
} from '../../../src/model/citation.ts';
import { feedItems } from '../../../src/model/feeds.ts';
import { buildGraph } from '../../../src/model/graph.ts';
import { lastModified, revisionsOf } from '../../../src/model/records.ts';
import { allRevisions } from '../../../src/model/revisions.ts';
import { brief } from '../fixtures.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const ctx = {
  url: 'https://x.org/b/briefs/a/',
  publisher: 'Briefing',
  language: 'en',
  keywords: ['MP Materials', 'Export controls'],
};

describe('citations', () => {
  const b = {
    ...brief('a', '2025-03-22'),
    title: 'Rare earths & 50% of {magnets}',
    authors: ['Ann Li', 'Bo Wu'],
  };

  it('writes a plain-text citation with authors, title, publisher, date and address', () => {
    expect(plainCitation(b, ctx)).toBe(
      'Ann Li and Bo Wu. “Rare earths & 50% of {magnets}.” Briefing, 22 March 2025. https://x.org/b/briefs/a/',
    );
    const updated = {
      ...b,
      authors: [],
      updates: [{ date: day('2025-04-01'), note: 'New figures.' }],
    };
    expect(plainCitation(updated, ctx)).toBe(
      '“Rare earths & 50% of {magnets}.” Briefing, 22 March 2025 (updated 1 April 2025). https://x.org/b/briefs/a/',
    );
  });

  it('writes a BibTeX entry with escaped text and a stable key', () => {
    const entry = bibtexEntry(b, ctx);
    expect(entry.split('\n')[0]).toBe('@online{briefing-2025-a,');
    expect(entry).toContain('title = {{Rare earths \\& 50\\% of \\{magnets\\}}}');
    expect(entry).toContain('author = {Ann Li and Bo Wu}');
    expect(entry).toContain('date = {2025-03-22}');
    expect(entry).toContain('url = {https://x.org/b/briefs/a/}');
    expect(bibtexEntry({ ...b, authors: [] }, ctx)).toContain('author = {{Briefing}}');
    expect(bibtexEscape('a_b#c$d~e^f\\g')).toBe(
      'a\\_b\\#c\\$d\\textasciitilde{}e\\textasciicircum{}f\\textbackslash{}g',
    );
  });

  it('gives reference managers the Highwire citation tags', () => {
    const meta = new Map<string, string[]>();
    for (const [k, v] of citationMeta(b, ctx)) meta.set(k, [...(meta.get(k) ?? []), v]);
    expect(meta.get('citation_author')).toEqual(['Ann Li', 'Bo Wu']);
    expect(meta.get('citation_publication_date')).toEqual(['2025/03/22']);
    expect(meta.get('citation_public_url')).toEqual([ctx.url]);
    expect(meta.get('citation_publisher')).toEqual(['Briefing']);
    expect(meta.get('citation_keywords')).toEqual(['MP Materials; Export controls']);
    expect(new Map(citationMeta({ ...b, authors: [] }, ctx)).get('citation_author')).toBe(
      'Briefing',
    );
  });
});

describe('corrections and updates', () => {
  const old = {
    ...brief('old', '2024-01-10'),
    corrections: [{ date: day('2025-06-02'), note: 'The quota was 135,000 t, not 153,000 t.' }],
  };
  const briefs = [brief('new', '2025-05-01'), brief('mid', '2024-06-01'), old];

  it('dates a brief by its latest change, corrections first on one day', () => {
    const both = { ...old, updates: [{ date: day('2025-06-02'), note: 'More.' }] };
    expect(lastModified(both)).toEqual(day('2025-06-02'));
    expect(revisionsOf(both).map((r) => r.type)).toEqual(['correction', 'update']);
    expect(allRevisions([brief('x', '2025-01-01'), both]).map((r) => r.revision.type)).toEqual([
      'correction',
      'update',
    ]);
  });

  it('brings a corrected brief back to the top of a feed with the date and note of the correction', () => {
    const graph = buildGraph(briefs, []);
    const items = feedItems(graph, graph.briefs, (p) => p, 2);
    expect(items.map((i) => i.link)).toEqual(['/briefs/old/', '/briefs/new/']);
    expect(items[0]!.pubDate).toEqual(day('2025-06-02'));
    expect(items[0]!.description).toContain('Correction: The quota was 135,000 t');
  });
});
