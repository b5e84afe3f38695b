import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/model/graph.ts';
import {
  GlossaryMatcher,
  glossaryEntries,
  glossaryTerms,
  phraseMatches,
  phrasePattern,
  pinyinKey,
} from '../../../src/model/glossary.ts';
import { EntityIndex } from '../../../src/model/resolve.ts';
import { brief, entity, withGlossary } from '../fixtures.ts';

function term(
  slug: string,
  original: string,
  pinyin: string,
  english: string,
  aliases: string[] = [],
) {
  const record = entity('terms', slug, english, aliases);
  record.data = { ...record.data, original, pinyin, english };
  return record;
}

const yangqi = term('yangqi', '央企', 'yāngqǐ', 'Central state-owned enterprise');
const zuofeng = term('zuofeng', '作风', 'zuòfēng', 'Work style');
const bxgd = term(
  'ba-xiang-guiding',
  '八项规定',
  'bā xiàng guīdìng',
  'Eight Provisions (the phrase)',
);
const policy = entity('policies', 'eight-provisions', 'Eight Provisions', ['八项规定']);

describe('glossary matcher', () => {
  const matcher = new GlossaryMatcher(glossaryTerms([yangqi, zuofeng, policy]));

  it('finds Chinese phrases anywhere and English ones as whole words, in any case', () => {
    const text = 'A 央企 with a poor work  style; not networkstyle or work styles.';
    const found = matcher.find(text).map((m) => text.slice(m.start, m.end));
    expect(found).toEqual(['央企', 'work  style']);
  });

  it('finds phrases inside Chinese text without spaces', () => {
    expect(matcher.termsIn('加强央企作风建设').map((t) => t.entity.slug)).toEqual([
      'yangqi',
      'zuofeng',
    ]);
  });

  it('leaves out a phrase that names another entity', () => {
    const index = new EntityIndex([bxgd, policy]);
    const withIndex = new GlossaryMatcher(glossaryTerms([bxgd, policy]), index);
    expect(withIndex.find('中央八项规定精神')).toEqual([]);
    expect(new GlossaryMatcher(glossaryTerms([bxgd])).find('中央八项规定精神')).toHaveLength(1);
  });

  it('treats regular-expression characters in a phrase as text', () => {
    const odd = term('odd', '(a+b)', 'a b', 'a.b*');
    const m = new GlossaryMatcher([...glossaryTerms([odd])]);
    expect(m.find('x (a+b) and a.b* and axb').map((x) => x.term.entity.slug)).toEqual([
      'odd',
      'odd',
    ]);
  });

  it('prefers the longest phrase at a position, and falls back to a shorter one', () => {
    const found = (text: string) =>
      phraseMatches(
        text,
        phrasePattern(['rare earth', 'rare earths', 'rare earth magnet', '稀土', '稀土永磁'])!,
      ).map(([, found]) => found);
    expect(found('Rare earths and rare earth magnets; rare earth.')).toEqual([
      'Rare earths',
      'rare earth',
      'rare earth',
    ]);
    expect(found('rare earth magnet, 稀土永磁体与稀土')).toEqual([
      'rare earth magnet',
      '稀土永磁',
      '稀土',
    ]);
  });

  it('finds what a plain list of every phrase, longest first, finds', () => {
    // The reference: one alternative per phrase, as the matcher did before its phrase tree.
    const reference = (phrases: string[]) =>
      new RegExp(
        [...phrases]
          .sort((a, b) => b.length - a.length || a.localeCompare(b))
          .map((phrase) => {
            const body = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
            const latin = (c: string) => /[\p{L}\p{N}]/u.test(c) && !/\p{Script=Han}/u.test(c);
            return `${latin(phrase[0]!) ? '(?<![\\p{L}\\p{N}])' : ''}${body}${latin(phrase.at(-1)!) ? '(?![\\p{L}\\p{N}])' : ''}`;
          })
          .join('|'),
        'giu',
      );
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const word = (alphabet: string[], length: number) =>
      Array.from({ length }, () => alphabet[random(alphabet.length)]).join('');
    const compare = (phraseAlphabet: string[], textAlphabet: string[], textLength: number) => {
      const phrases = [
        ...new Set(
          Array.from({ length: 1 + random(6) }, () =>
            word(phraseAlphabet, 2 + random(4)).trim(),
          ).filter((p) => p.length >= 2),
        ),
      ];
      if (!phrases.length) return;
      const text = word(textAlphabet, textLength);
      const ours = phraseMatches(text, phrasePattern(phrases)!);
      const theirs = [...text.matchAll(reference(phrases))].map((m) => [m.index, m[0]]);
      expect(ours, `${JSON.stringify(phrases)} in ${JSON.stringify(text)}`).toEqual(theirs);
    };
    // A small alphabet, so that phrases share prefixes and overlap in the texts.
    const small = ['a', 'b', 'A', ' ', '-', '.', '稀', '土', 'x', 'é', '_'];
    for (let round = 0; round < 300; round++) compare(small, small, 60);
    // The places the expression is tried (PhraseSearch) skip none it matches at: letters whose
    // case does not fold into ASCII, letters that fold into ASCII (ſ, the Kelvin sign: in texts
    // only, since phrases are compared in NFKC), other spaces, digits, a letter outside the BMP.
    const phraseLetters = ['s', 'S', 'k', 'é', 'É', 'σ', 'ς', 'Σ', '1', ' ', '稀', '土', '𐐀', 'İ'];
    const textLetters = [...phraseLetters, 'ſ', '\u212a', '\u00a0', '\u3000', '𐐨', 'i', 'x', '.'];
    for (let round = 0; round < 300; round++) compare(phraseLetters, textLetters, 80);
    const cases: Array<[phrases: string[], text: string]> = [
      [['ss', 'sk'], 'sſ s\u212a ſs ſſ ss'],
      [['稀 土', 'é x', '( x'], '稀\u00a0土 稀\u3000土 É\u00a0x (\tx'],
      [['σα', 'naïve policy'], 'ςα Σα NAÏVE  policy naïvepolicy'],
      [['𐐀x', 'İi'], '𐐨x 𐐀x İi İI'],
      [['ab', 'ab cd', '5g'], 'xab ab_ab 1ab éab ab\ncd 5G'],
      [[' x', 'yy'], '  x \u00a0x\t\tx yy'],
    ];
    for (const [phrases, text] of cases) {
      const theirs = [...text.matchAll(reference(phrases))].map((m) => [m.index, m[0]]);
      expect(theirs.length, text).toBeGreaterThan(2);
      expect(phraseMatches(text, phrasePattern(phrases)!), text).toEqual(theirs);
    }
  });

  it('counts a brief that uses a term in the link graph', () => {
    const graph = buildGraph(
      withGlossary([brief('x', '2025-01-01', {}, 'The 央企 reorganisation.')], [yangqi, zuofeng]),
      [yangqi, zuofeng],
    );
    expect(graph.backlinks(yangqi).map((b) => b.slug)).toEqual(['x']);
    expect(graph.backlinks(zuofeng)).toEqual([]);
  });

  it('lists the glossary in pinyin order with counts', () => {
    const entries = glossaryEntries([zuofeng, yangqi, bxgd, policy], (e) => e.slug.length);
    expect(entries.map((e) => e.entity.slug)).toEqual(['ba-xiang-guiding', 'yangqi', 'zuofeng']);
    expect(entries[1]!.briefs).toBe(6);
    expect(pinyinKey('Zuòfēng jiànshè')).toBe('zuofeng jianshe');
  });
});
