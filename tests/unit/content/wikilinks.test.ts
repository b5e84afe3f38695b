import { describe, expect, it } from 'vitest';
import { extractWikilinks, splitQualifiedTarget } from '../../../src/content/wikilinks.ts';

describe('extractWikilinks', () => {
  it('finds names, qualified targets and labels with their lines', () => {
    const md = 'Intro [[Northern Rare Earth]] here.\n\nThen [[companies/mp-materials|the miner]] and [[北方稀土]].';
    expect(extractWikilinks(md)).toEqual([
      { target: 'Northern Rare Earth', line: 1, column: 7 },
      { target: 'companies/mp-materials', label: 'the miner', line: 3, column: 6 },
      { target: '北方稀土', line: 3, column: 47 },
    ]);
  });

  it('ignores wikilinks inside inline code and fenced code blocks', () => {
    const md = 'Use `[[Name]]` syntax.\n\n```md\n[[Inside fence]]\n```\n\n[[Real]]';
    expect(extractWikilinks(md).map((l) => l.target)).toEqual(['Real']);
  });

  it('ignores nested arrays in MDX expressions', () => {
    expect(extractWikilinks('<KeyDates dates={[["2025-10-01", "Something"]]} /> and [[Real]]').map((l) => l.target)).toEqual(['Real']);
  });

  it('ignores empty brackets and links that span lines', () => {
    expect(extractWikilinks('[[ ]] and [[broken\nlink]]')).toEqual([]);
  });
});

describe('splitQualifiedTarget', () => {
  it('splits kind/slug and rejects plain names', () => {
    expect(splitQualifiedTarget('companies/mp-materials')).toEqual({ kind: 'companies', slug: 'mp-materials' });
    expect(splitQualifiedTarget('MP Materials')).toBeUndefined();
    expect(splitQualifiedTarget('companies/Not A Slug')).toBeUndefined();
  });
});
