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

/** A tree of phrases, one edge per character (case folded) or run of white space. */
interface PhraseNode {
  next: Map<string, { source: string; node: PhraseNode }>;
  /** A phrase ends here: what must follow it ('' anything; a word boundary after a letter). */
  end?: string;
}

const AFTER_WORD = '(?![\\p{L}\\p{N}])';
/** Latin words match whole words; Chinese has no spaces between words, so it matches anywhere. */
const isLatinWord = (char: string) => WORD.test(char) && !CJK.test(char);

function addPhrase(root: PhraseNode, phrase: string): void {
  let node = root;
  for (const [unit] of phrase.normalize('NFKC').matchAll(/\s+|[^]/gu)) {
    const space = /^\s/.test(unit);
    const key = space ? ' ' : unit.toLowerCase();
    let edge = node.next.get(key);
    if (!edge) {
      edge = { source: space ? '\\s+' : escape(unit), node: { next: new Map() } };
      node.next.set(key, edge);
    }
    node = edge.node;
  }
  node.end = isLatinWord(phrase.at(-1)!) ? AFTER_WORD : '';
}

/** The tree as a regular expression; a longer phrase is tried before one that ends sooner. */
function treeSource(node: PhraseNode): string {
  const branches = [...node.next.values()].map(
    ({ source, node: child }) => source + treeSource(child),
  );
  if (node.end !== undefined) branches.push(node.end);
  return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
}

/**
 * One expression for every phrase (matched through `phraseMatches`), shared prefixes factored
 * out ("state-owned enterprise" and "state-owned capital" share "state-owned "), so that each
 * position of a text costs a look at its first character rather than a try of every phrase: the
 * cost of a list of phrases grows with the glossary (230 phrases: 780 µs a brief body as a list,
 * 220 µs as a tree; 40 phrases: 90 and 110 µs). At each position the longest phrase wins
 * ("central state-owned enterprise" over a shorter phrase inside it), as it did in a list sorted
 * longest first.
 */
export function phrasePattern(phrases: readonly string[]): RegExp | undefined {
  const latin: PhraseNode = { next: new Map() };
  const other: PhraseNode = { next: new Map() };
  for (const phrase of phrases) addPhrase(isLatinWord(phrase[0]!) ? latin : other, phrase);
  const parts = [
    ...(latin.next.size ? [treeSource(latin)] : []),
    ...(other.next.size ? [treeSource(other)] : []),
  ];
  return parts.length ? new RegExp(parts.join('|'), 'giu') : undefined;
}

/** A letter or digit at the end: a Latin phrase may not start right after it. */
const WORD_BEFORE = /[\p{L}\p{N}]$/u;

/**
 * Where `pattern` (from `phrasePattern`) matches in `text`, left to right, never overlapping. A
 * phrase that starts with a Latin letter must start a word: checked here for each match rather
 * than by a lookbehind in the pattern, which was tried at every position of every body (half of
 * the matcher's time: 3.0 against 1.5 s for 30,000 bodies). A match refused for that is looked
 * for again one character on, as the lookbehind would have moved on.
 */
export function phraseMatches(text: string, pattern: RegExp): Array<[index: number, text: string]> {
  const found: Array<[number, string]> = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const at = m.index;
    if (at > 0 && isLatinWord(m[0][0]!) && WORD_BEFORE.test(text.slice(Math.max(0, at - 2), at)))
      pattern.lastIndex = at + 1;
    else found.push([at, m[0]]);
  }
  return found;
}

/** Texts this long or longer are bodies, whose matches are remembered. */
const REMEMBER_FROM = 500;

/**
 * A key for a long text: its length and two 32-bit FNV-1a-style hashes with different constants
 * (for 100,000 bodies, about one chance in a billion that two share a key).
 */
function textKey(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x3b9aca07;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return `${text.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

/** A match as remembered: the phrase (folded) instead of its term, which may have changed since. */
interface RememberedMatch {
  start: number;
  end: number;
  phrase: string;
}

/**
 * What find() answered for each long text (a body), by a hash of the text, for the latest set of
 * phrases: validation asks about every body, and the Markdown plugin asks again about the bodies
 * it renders, with a matcher of its own (the link graph's index is another than validation's).
 * A hash and not the text: the bodies are not held (src/content/load.ts).
 */
let remembered: { pattern: string; matches: Map<string, readonly RememberedMatch[]> } | undefined;

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
    this.pattern = phrasePattern(phrases);
  }

  /** What decides the matches: each phrase and the term it stands for. */
  signature(): string {
    return JSON.stringify(
      [...this.byPhrase].map(([phrase, term]) => [phrase, refKey(term.entity)]),
    );
  }

  /** Every occurrence in `text`, left to right, never overlapping. */
  find(text: string): readonly GlossaryMatch[] {
    if (!this.pattern) return [];
    // Short texts (the plugin's text nodes) are asked about once: not worth remembering.
    const key = text.length >= REMEMBER_FROM ? textKey(text) : undefined;
    if (key && remembered?.pattern !== this.pattern.source)
      remembered = { pattern: this.pattern.source, matches: new Map() };
    let found = key && remembered!.matches.get(key);
    if (!found) {
      found = this.scan(text);
      if (key) remembered!.matches.set(key, found);
    }
    return found.flatMap(({ start, end, phrase }) => {
      const term = this.byPhrase.get(phrase);
      return term ? [{ start, end, term }] : [];
    });
  }

  private scan(text: string): RememberedMatch[] {
    const matches: RememberedMatch[] = [];
    const normalized = text.normalize('NFKC');
    // NFKC can change lengths (full-width letters stay one unit, ligatures do not): match on
    // the original when nothing changed, which is the common case.
    const source = normalized.length === text.length ? normalized : text;
    for (const [start, found] of phraseMatches(source, this.pattern!))
      matches.push({ start, end: start + found.length, phrase: fold(found) });
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
