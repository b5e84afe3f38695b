/**
 * Search queries: which Pagefind bundle answers them, and how their words are split.
 * Pure and dependency-free: used by the build (src/search/build/index-site.ts) and shipped
 * to the browser (src/search/browser/search-page.ts).
 */

/** Where the search bundles live in the built site (`/pagefind/` and `/pagefind/zh/`). */
export const BUNDLE_DIR = 'pagefind';
export const ZH_BUNDLE_DIR = 'zh';

export type BundleId = 'en' | 'zh';

const HAN = /\p{Script=Han}/u;
const HAN_CHAR = /\p{Script=Han}/gu;
const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * Every Han character is at U+2E80 or above (or a surrogate, for those beyond U+FFFF): a scan
 * for such a code unit, without Unicode property tables, is twice as fast, and most English
 * text has none (the build asks for every brief's whole text).
 */
const HIGH = /[\u2e80-\uffff]/;

/** Does the text contain Chinese characters (Han script)? */
export function hasHan(text: string): boolean {
  return HIGH.test(text) && HAN.test(text);
}

/**
 * The Chinese bundle indexes every Han character as a word of its own (the build separates
 * them with zero-width spaces, see src/search/build/index-site.ts), so that a phrase search
 * is a search for the characters in a row: a substring search, whatever words the text is
 * made of. Word segmentation, at index time in Pagefind and at query time in the browser,
 * splits the same text differently often enough that a remembered phrase would not be found.
 */
export const HAN_SEPARATOR = '\u200b';

/** Puts a zero-width space (or `separator`) between every two adjacent Han characters. */
export function separateHan(text: string, separator = HAN_SEPARATOR): string {
  return text.replace(/(\p{Script=Han})(?=\p{Script=Han})/gu, `$1${separator}`);
}

export interface PreparedQuery {
  /** The bundle that answers this query: Chinese when the query contains Han characters. */
  bundle: BundleId;
  /** The term handed to Pagefind: Chinese characters separated by spaces. */
  term: string;
  /**
   * The same words as one exact phrase (`"…"`), searched beside the term so that pages with
   * the phrase come first; '' when that adds nothing (a single English word, or quotes).
   */
  phrase: string;
  /** The reader put the whole query in quotes: only pages with the phrase match. */
  quoted: boolean;
  /** The words of the query, for highlighting titles and summaries (Chinese: each run). */
  words: string[];
  /** The query as typed, without the quotes: for names and titles. */
  text: string;
  /**
   * Long enough to be a phrase remembered from a brief: three words or more, or four Chinese
   * characters (about two words). If no page searched first has it, every page is searched.
   */
  recalled: boolean;
}

/** Words (English) and characters (Chinese) from which a query counts as a remembered phrase. */
const RECALLED = { en: 3, zh: 4 };

/**
 * Splits a query into words. English goes to the English bundle as typed (Pagefind stems
 * it). A query with Han characters goes to the Chinese bundle, every character a word of
 * its own, as the bundle was indexed: 北方稀土 → 北 方 稀 土. Every word must then occur
 * on a page for it to match; pages where they occur in a row are ranked first.
 */
export function prepareQuery(raw: string): PreparedQuery {
  const query = raw.replace(/\s+/g, ' ').trim();
  const quoted = /^".+"$/.test(query);
  const text = query.replace(/"/g, ' ').replace(/\s+/g, ' ').trim();
  if (!hasHan(text)) {
    const words = text.split(' ').filter(Boolean);
    return {
      bundle: 'en',
      term: quoted ? `"${text}"` : query,
      phrase: !quoted && words.length > 1 ? `"${text}"` : '',
      quoted,
      words,
      text,
      recalled: words.length >= RECALLED.en,
    };
  }
  // Han characters apart; other words as typed; punctuation dropped.
  const tokens = text
    .replace(HAN_CHAR, ' $& ')
    .split(' ')
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
  const term = tokens.join(' ');
  const words = [
    ...(text.match(HAN_RUN) ?? []),
    ...text
      .replace(HAN_RUN, ' ')
      .split(' ')
      .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
      .filter(Boolean),
  ];
  // Runs of characters apart (稀土 出口, 标题：副标题) are words of their own, not one phrase:
  // the longest is the phrase a page should hold in a row.
  const runs = text.match(HAN_RUN) ?? [];
  const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
  const phrase = runs.length > 1 ? [...longest].join(' ') : term;
  return {
    bundle: 'zh',
    term: quoted ? `"${term}"` : term,
    phrase: !quoted && phrase.includes(' ') ? `"${phrase}"` : '',
    quoted,
    words,
    text,
    recalled: tokens.length >= RECALLED.zh,
  };
}
