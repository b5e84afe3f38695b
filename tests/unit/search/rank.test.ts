import { describe, expect, it } from 'vitest';
import {
  rankResults,
  titleCandidates,
  titleMatch,
  titleWords,
} from '../../../src/search/shared/rank.ts';

describe('titleMatch', () => {
  const title = 'China Imposes Export Licensing on Seven Medium and Heavy Rare Earths';

  it('is exact for the same words, whatever the case, accents, punctuation and plurals', () => {
    expect(titleMatch(title.toLowerCase(), title)).toBe('exact');
    expect(
      titleMatch('china imposes export licensing on seven medium and heavy rare earth', title),
    ).toBe('exact');
    expect(titleMatch("China's Export Control Law", 'China’s export-control law')).toBe('exact');
    expect(titleMatch('Ganzhou', 'Gànzhōu')).toBe('exact');
    expect(titleMatch('北方稀土', '北​方​稀​土')).toBe('exact');
  });

  it('is near for a word more, less or different in a title of several', () => {
    expect(
      titleMatch('China imposes export licensing on medium and heavy rare earths', title),
    ).toBe('near');
    expect(
      titleMatch('China imposes export licences on seven medium and heavy rare earths', title),
    ).toBe('near');
    expect(titleMatch('北方稀土集团年报', '北方稀土集团年度报告')).toBe('near');
  });

  it('is no match for a few of the words, or one word of a short title', () => {
    expect(titleMatch('export licensing', title)).toBeNull();
    expect(titleMatch('rare earths', 'Heavy rare earths prices')).toBeNull();
    expect(titleMatch('Lynas', 'Lynas Rare Earths')).toBeNull();
    expect(titleMatch('', title)).toBeNull();
  });

  it('splits titles into words, Chinese characters one by one', () => {
    expect(titleWords('Rare-Earth Mines 稀土')).toEqual(['rare', 'earth', 'mine', '稀', '土']);
  });
});

describe('rankResults', () => {
  it('puts exact titles, near titles, then phrases first, each tier in the given order', () => {
    const ranked = rankResults([
      { id: 'loose1' },
      { id: 'phrase1', phrase: true },
      { id: 'near', title: 'near' as const },
      { id: 'loose2', title: null },
      { id: 'exact', title: 'exact' as const, phrase: true },
      { id: 'phrase2', phrase: true },
    ]);
    expect(ranked.map((r) => r.id)).toEqual([
      'exact',
      'near',
      'phrase1',
      'phrase2',
      'loose1',
      'loose2',
    ]);
  });
});

describe('titleCandidates', () => {
  it('takes the first page and a few more whose titles hold some of the words', () => {
    const results = Array.from({ length: 30 }, (_, i) => ({
      id: `r${i}`,
      titleWords: i % 4 === 0,
    }));
    expect(titleCandidates(results, 10, 3).map((r) => r.id)).toEqual([
      ...results.slice(0, 10).map((r) => r.id),
      'r12',
      'r16',
      'r20',
    ]);
    expect(titleCandidates(results.slice(0, 4), 10, 3)).toHaveLength(4);
  });
});
