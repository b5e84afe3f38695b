/** Small text helpers shared by pages, feeds and the search index. */

const WORDS_PER_MINUTE = 230;
const CJK_CHARS_PER_MINUTE = 400;

/** Minutes to read a Markdown body; Chinese characters count at their own pace. */
export function readingMinutes(markdown: string): number {
  const { words, cjk } = countWords(stripMarkdown(markdown));
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE + cjk / CJK_CHARS_PER_MINUTE));
}

const isCjk = (c: number) =>
  (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const SPACE = /\s/;
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE.test(String.fromCharCode(c)));
const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * Chinese characters, and words: runs between white space and Chinese characters that hold a
 * letter or digit of `\w`. One pass over the text, without the arrays of words a split would
 * make (every brief page counts its body).
 */
export function countWords(plain: string): { words: number; cjk: number } {
  let words = 0;
  let cjk = 0;
  // Whether the current run (since the last space or Chinese character) was counted already.
  let counted = false;
  for (let i = 0; i < plain.length; i++) {
    const c = plain.charCodeAt(i);
    if (isCjk(c)) {
      cjk++;
      counted = false;
    } else if (isSpace(c)) counted = false;
    else if (!counted && isWordChar(c)) {
      words++;
      counted = true;
    }
  }
  return { words, cjk };
}

/** Markdown → rough plain text, for counts and feed excerpts (not for display of the body). */
export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/[*_`>]/g, '');
}

/** Does the text contain Chinese characters? */
export function hasCjk(text: string): boolean {
  return /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(text);
}

/** Case- and width-insensitive key for matching names and aliases. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** Levenshtein distance, for "did you mean" suggestions. */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest candidates to `wanted`, best first; substring matches count as close. */
export function closest(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
  const key = nameKey(wanted);
  const scored: Array<[string, number]> = [];
  for (const candidate of new Set(candidates)) {
    const other = nameKey(candidate);
    let score = editDistance(key, other) / Math.max(key.length, other.length, 1);
    if (other.includes(key) || key.includes(other)) score = Math.min(score, 0.3);
    if (score <= 0.5) scored.push([candidate, score]);
  }
  return scored
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([candidate]) => candidate);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A short, stable id for a piece of text (FNV-1a): for element ids that must not change between builds. */
export function hashId(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * A copy with strings of their own. In V8 a substring of 13 characters or more points into the
 * string it was cut from, so a record keeping a value cut from its file (a title from the YAML
 * parser, a wikilink's target) kept the whole file's text alive: about 1 GB at 100,000 briefs in
 * Astro's process, which otherwise does not hold the bodies (src/content/load.ts).
 */
export const ownStrings = <T>(value: T): T => structuredClone(value);

/** A character beyond Latin-1 (or a control character below tab, which is left alone too). */
const BEYOND_LATIN1 = /[^\t-\u00ff]/;

/**
 * The text as a string of one byte per character, when every character fits in one. V8 keeps a
 * string two bytes a character when any character of the string it was cut from needs two: the
 * frontmatter of an English brief with a Chinese quotation in its body gave every title, summary
 * and source two bytes a character, in memory and in the memo of checked briefs (which fell from
 * 330 to 212 MB at 100,000 such briefs). Node's Latin-1 decoder makes a one-byte string.
 */
export function compactString(text: string): string {
  return BEYOND_LATIN1.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}
