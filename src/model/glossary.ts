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
 * out ("state-owned enterprise" and "state-owned capital" share "state-owned "), so that a try at
 * a position costs a look at its first character rather than a try of every phrase: the cost of a
 * list of phrases grows with the glossary (230 phrases: 780 µs a brief body as a list, 220 µs as
 * a tree; 40 phrases: 90 and 110 µs). At each position the longest phrase wins ("central
 * state-owned enterprise" over a shorter phrase inside it), as it did in a list sorted longest
 * first.
 *
 * The expression is tried only where a phrase can start (`PhraseSearch`): searched for in a whole
 * body, it cost about 6 ns a character, most of a check's glossary time (100,000 bodies of 8 kB).
 */
export function phrasePattern(phrases: readonly string[]): PhraseSearch | undefined {
  const latin: PhraseNode = { next: new Map() };
  const other: PhraseNode = { next: new Map() };
  for (const phrase of phrases) addPhrase(isLatinWord(phrase[0]!) ? latin : other, phrase);
  const roots = [latin, other].filter((root) => root.next.size);
  if (!roots.length) return undefined;
  const pattern = new RegExp(roots.map(treeSource).join('|'), 'iuy');
  const firsts = roots.flatMap((root) => [...root.next.values()].map(({ source }) => source));
  const units = phrases.map((phrase) => phrase.normalize('NFKC'));
  return { pattern, ...startsOf(new RegExp(`^(?:${firsts.join('|')})`, 'iu'), units) };
}

/**
 * Where `phraseMatches` tries the expression, so that most of a text is passed over by a loop
 * over its code units. A phrase can start only at a unit in `first`; one that starts with an ASCII
 * letter or digit only where a word starts, with the whole ASCII word that starts it (`words`:
 * English text has letters that start a phrase everywhere, and common pairs of them, such as "co"
 * or "in", but few whole words that do); any other, when it and the next unit fold to one value
 * (`foldedUnits`), only at a pair of units a phrase starts with (`pairs`). Anywhere else that a
 * unit does not fold here (a letter with a case outside ASCII), the expression decides.
 */
export interface PhraseSearch {
  /** Every phrase, tried at one position (sticky); its source names the set of phrases. */
  readonly pattern: RegExp;
  /** By code unit: 0 no phrase starts with it; 1 a phrase may (see above); 2 try the expression. */
  readonly first: Uint8Array;
  /** A bit per hashed first ASCII word of a phrase, in lower case (`wordHash`). */
  readonly words: Uint32Array;
  /** A bit per hashed pair of folded units a phrase starts with (`pairHash`). */
  readonly pairs: Uint32Array;
}

/** Bits in `words` and `pairs` (32 kB each): few phrases set the same bit. */
const HASH_BITS = 18;
const WORD_SEED = 0x811c9dc5;
const addToWord = (hash: number, unit: number) => Math.imul(hash ^ (unit | 0x20), 0x01000193);
const wordHash = (hash: number) => hash >>> (32 - HASH_BITS);
const pairHash = (a: number, b: number) =>
  Math.imul(a * 65_599 + b, 0x9e3779b1) >>> (32 - HASH_BITS);
const hasBit = (bits: Uint32Array, bit: number) => (bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
const setBit = (bits: Uint32Array, bit: number) => {
  bits[bit >>> 5]! |= 1 << (bit & 31);
};

/** By code unit: 1 for an ASCII letter or digit. */
const ASCII_WORD = new Uint8Array(0x10000).map((_, unit) =>
  unit < 0x80 && /[a-z0-9]/i.test(String.fromCharCode(unit)) ? 1 : 0,
);

let folded: Int32Array | undefined;

/**
 * By code unit, what it matches case-insensitively as one value: white space (any run of which
 * a phrase's space matches) as a space, ASCII in lower case, a unit without case as itself; -1
 * for any other (a letter with a case outside ASCII, a surrogate), where the expression decides.
 * Outside ASCII only a unit whose upper and lower case are itself is taken as itself: such a unit
 * matches no other under the `i` flag. Made once per thread (about 10 ms).
 */
function foldedUnits(): Int32Array {
  if (folded) return folded;
  folded = new Int32Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    const char = String.fromCharCode(unit);
    const caseless =
      (unit < 0xd800 || unit > 0xdfff) &&
      char.toLowerCase() === char &&
      char.toUpperCase() === char;
    folded[unit] = /\s/u.test(char)
      ? 0x20
      : unit < 0x80
        ? char.toLowerCase().charCodeAt(0)
        : caseless
          ? unit
          : -1;
  }
  return folded;
}

/** `first`, `words` and `pairs` for phrases (NFKC) whose first units `firstUnit` matches. */
function startsOf(firstUnit: RegExp, phrases: readonly string[]): Omit<PhraseSearch, 'pattern'> {
  const fold = foldedUnits();
  const first = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0xd800; unit++)
    if (firstUnit.test(String.fromCharCode(unit))) first[unit] = fold[unit]! < 0 ? 2 : 1;
  for (let unit = 0xe000; unit < 0x10000; unit++)
    if (firstUnit.test(String.fromCharCode(unit))) first[unit] = fold[unit]! < 0 ? 2 : 1;
  // A phrase that starts outside the BMP: tried at every high surrogate.
  if (phrases.some((phrase) => phrase.codePointAt(0)! > 0xffff)) first.fill(2, 0xd800, 0xdc00);
  const words = new Uint32Array(1 << (HASH_BITS - 5));
  const pairs = new Uint32Array(1 << (HASH_BITS - 5));
  for (const phrase of phrases) {
    if (ASCII_WORD[phrase.charCodeAt(0)]) {
      let hash = WORD_SEED;
      for (let i = 0; ASCII_WORD[phrase.charCodeAt(i)]; i++)
        hash = addToWord(hash, phrase.charCodeAt(i));
      setBit(words, wordHash(hash));
      continue;
    }
    const a = fold[phrase.charCodeAt(0)]!;
    const b = phrase.length > 1 ? fold[phrase.charCodeAt(1)]! : -1;
    // A phrase that starts with a space matches at the first of any run of them.
    if (a === 0x20)
      for (let unit = 0; unit < 0x10000; unit++) if (fold[unit] === 0x20) first[unit] = 2;
    // A pair with a unit that does not fold here is not looked up in a text either: a phrase of
    // one unit (a letter that folds into two) starts with such a unit.
    if (a >= 0 && b >= 0) setBit(pairs, pairHash(a, b));
  }
  return { first, words, pairs };
}

/** A letter or digit at the end: a Latin phrase may not start right after it. */
const WORD_BEFORE = /[\p{L}\p{N}]$/u;

/**
 * Where `search` (from `phrasePattern`) matches in `text`, left to right, never overlapping. A
 * phrase that starts with a Latin letter must start a word: checked here for each match rather
 * than by a lookbehind in the pattern, which was tried at every position of every body (half of
 * the matcher's time: 3.0 against 1.5 s for 30,000 bodies). A match refused for that is looked
 * for again one character on, as the lookbehind would have moved on.
 */
export function phraseMatches(
  text: string,
  { pattern, first, words, pairs }: PhraseSearch,
): Array<[index: number, text: string]> {
  const fold = foldedUnits();
  const units = codeUnits(text);
  const length = units.length;
  const found: Array<[number, string]> = [];
  for (let at = 0; at < length; at++) {
    const unit = units[at]!;
    if (ASCII_WORD[unit]) {
      // A phrase that starts with an ASCII letter or digit starts a word, and with all of the
      // word: the rest of a word no phrase starts with is passed over at once. Unless a letter
      // that the expression folds into ASCII (ſ, the Kelvin sign) ends the word.
      if (at > 0 && ASCII_WORD[units[at - 1]!]) continue;
      let hash = WORD_SEED;
      let end = at;
      for (; end < length && ASCII_WORD[units[end]!]; end++) hash = addToWord(hash, units[end]!);
      const known = hasBit(words, wordHash(hash));
      if (first[unit] === 0 || (!known && (end === length || fold[units[end]!]! >= 0))) {
        at = end - 1;
        continue;
      }
    } else {
      const start = first[unit];
      if (start === 0) continue;
      const next = start === 1 && at + 1 < length ? fold[units[at + 1]!]! : -1;
      if (next >= 0 && !hasBit(pairs, pairHash(fold[unit]!, next))) continue;
    }
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (!m || m.index !== at) continue;
    if (at > 0 && isLatinWord(m[0][0]!) && WORD_BEFORE.test(text.slice(Math.max(0, at - 2), at)))
      continue;
    found.push([at, m[0]]);
    at = pattern.lastIndex - 1;
  }
  return found;
}

/** Whether this machine stores a UTF-16 code unit low byte first, as Node's `utf16le` writes it. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
let unitBuffer = Buffer.alloc(0);

/**
 * A text's UTF-16 code units, in a buffer shared by every call (valid until the next): read from
 * a typed array, a body's units cost a third of what `charCodeAt` costs on a two-byte string.
 */
function codeUnits(text: string): Uint16Array {
  if (unitBuffer.length < text.length * 2)
    unitBuffer = Buffer.allocUnsafeSlow(Math.max(1 << 16, text.length * 4));
  const units = new Uint16Array(unitBuffer.buffer, unitBuffer.byteOffset, text.length);
  if (LITTLE_ENDIAN) unitBuffer.write(text, 0, 'utf16le');
  else for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

export class GlossaryMatcher {
  readonly terms: GlossaryTerm[];
  private readonly search: PhraseSearch | undefined;
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
    this.search = phrasePattern(phrases);
  }

  /** What decides the matches: each phrase and the term it stands for. */
  signature(): string {
    return JSON.stringify(
      [...this.byPhrase].map(([phrase, term]) => [phrase, refKey(term.entity)]),
    );
  }

  /**
   * Every occurrence in `text`, left to right, never overlapping. Not remembered by text: a
   * body's hash cost about what finding its phrases now costs.
   */
  find(text: string): GlossaryMatch[] {
    if (!this.search) return [];
    const normalized = text.normalize('NFKC');
    // NFKC can change lengths (full-width letters stay one unit, ligatures do not): match on
    // the original when nothing changed, which is the common case.
    const source = normalized.length === text.length ? normalized : text;
    return phraseMatches(source, this.search).flatMap(([start, found]) => {
      const term = this.byPhrase.get(fold(found));
      return term ? [{ start, end: start + found.length, term }] : [];
    });
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
