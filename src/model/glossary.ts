/**
 * The glossary in the text: which words of a body are a term's original phrase or English
 * rendering. One matcher per build, shared by the Markdown plugin (which links the first
 * occurrence), the link graph (which counts the brief for the term) and the cache keys.
 */
import type { EntityRecord } from './records.ts';
import { refKey } from './records.ts';
import type { EntityIndex } from './resolve.ts';

export interface GlossaryTerm {
  entity: EntityRecord;
  original: string;
  pinyin: string;
  english: string;
}

/** Entities that gloss a phrase: those with an original text, a pinyin and an English rendering. */
export function glossaryTerms(entities: Iterable<EntityRecord>): GlossaryTerm[] {
  const terms: GlossaryTerm[] = [];
  for (const entity of entities) {
    const { original, pinyin, english } = entity.data;
    if (typeof original === 'string' && typeof pinyin === 'string' && typeof english === 'string')
      terms.push({ entity, original, pinyin, english });
  }
  return terms;
}

export interface GlossaryMatch {
  start: number;
  end: number;
  term: GlossaryTerm;
}

const WORD = /[\p{L}\p{N}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Case and width folded, spaces collapsed: how a phrase is looked up. */
const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');

export class GlossaryMatcher {
  readonly terms: GlossaryTerm[];
  private readonly pattern: RegExp | undefined;
  private readonly byPhrase = new Map<string, GlossaryTerm>();

  /**
   * `index`, when given, drops phrases that are the name or alias of another entity (the
   * policy "Eight Provisions" is not the phrase 八项规定): an author links those explicitly.
   */
  constructor(terms: readonly GlossaryTerm[], index?: EntityIndex) {
    this.terms = [...terms];
    const phrases: string[] = [];
    for (const term of terms) {
      for (const phrase of new Set([term.original, term.english])) {
        const owner = index?.resolve(phrase);
        if (owner && refKey(owner) !== refKey(term.entity)) continue;
        const key = fold(phrase);
        if (key.length < 2 || this.byPhrase.has(key)) continue;
        this.byPhrase.set(key, term);
        phrases.push(phrase);
      }
    }
    // Longest first, so "central state-owned enterprise" wins over a shorter phrase inside it.
    phrases.sort((a, b) => b.length - a.length || a.localeCompare(b));
    const alternatives = phrases.map((phrase) => {
      const body = escape(phrase.normalize('NFKC')).replace(/\s+/g, '\\s+');
      // Latin words match whole words; Chinese has no spaces between words, so it matches anywhere.
      const before = WORD.test(phrase[0]!) && !CJK.test(phrase[0]!) ? '(?<![\\p{L}\\p{N}])' : '';
      const last = phrase.at(-1)!;
      const after = WORD.test(last) && !CJK.test(last) ? '(?![\\p{L}\\p{N}])' : '';
      return `${before}${body}${after}`;
    });
    this.pattern = alternatives.length ? new RegExp(alternatives.join('|'), 'giu') : undefined;
  }

  /** Every occurrence in `text`, left to right, never overlapping. */
  find(text: string): GlossaryMatch[] {
    if (!this.pattern) return [];
    const matches: GlossaryMatch[] = [];
    const normalized = text.normalize('NFKC');
    // NFKC can change lengths (full-width letters stay one unit, ligatures do not): match on
    // the original when nothing changed, which is the common case.
    const source = normalized.length === text.length ? normalized : text;
    for (const m of source.matchAll(this.pattern)) {
      const term = this.byPhrase.get(fold(m[0]));
      if (term) matches.push({ start: m.index, end: m.index + m[0].length, term });
    }
    return matches;
  }

  /** The terms a text uses, each once, in order of first use. */
  termsIn(text: string): GlossaryTerm[] {
    const seen = new Map<string, GlossaryTerm>();
    for (const { term } of this.find(text)) seen.set(refKey(term.entity), term);
    return [...seen.values()];
  }
}

/** One matcher per entity index (the plugin is asked for it once per document). */
const matchers = new WeakMap<EntityIndex, GlossaryMatcher>();

export function glossaryMatcher(index: EntityIndex): GlossaryMatcher {
  let matcher = matchers.get(index);
  if (!matcher) {
    matcher = new GlossaryMatcher(glossaryTerms(index.byKey.values()), index);
    matchers.set(index, matcher);
  }
  return matcher;
}

/** Toneless, lowercase pinyin: the order of a glossary, as dictionaries sort it. */
export function pinyinKey(pinyin: string): string {
  return pinyin
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface GlossaryEntry extends GlossaryTerm {
  /** Briefs that use or reference the term (the link graph's backlinks). */
  briefs: number;
}

/** Every term with its brief count, in pinyin order. */
export function glossaryEntries(
  entities: Iterable<EntityRecord>,
  briefCount: (entity: EntityRecord) => number,
): GlossaryEntry[] {
  return glossaryTerms(entities)
    .map((term) => ({ ...term, briefs: briefCount(term.entity) }))
    .sort(
      (a, b) =>
        pinyinKey(a.pinyin).localeCompare(pinyinKey(b.pinyin)) ||
        a.original.localeCompare(b.original, 'zh') ||
        a.entity.slug.localeCompare(b.entity.slug),
    );
}
