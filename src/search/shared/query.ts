/**
 * Search queries: which Pagefind bundle answers them, and how their words are split.
 * Pure and dependency-free: used by the build (src/search/build/pagefind.ts) and shipped
 * to the browser (src/search/browser/search-page.ts).
 */

/** Where the search bundles live in the built site (`/pagefind/` and `/pagefind/zh/`). */
export const BUNDLE_DIR = 'pagefind';
export const ZH_BUNDLE_DIR = 'zh';

export type BundleId = 'en' | 'zh';

const HAN = /\p{Script=Han}/u;

/** Does the text contain Chinese characters (Han script)? */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

export interface PreparedQuery {
  /** The bundle that answers this query: Chinese when the query contains Han characters. */
  bundle: BundleId;
  /** The term handed to Pagefind: Chinese words separated by spaces. */
  term: string;
  /** The words of the query, for highlighting titles and summaries. */
  words: string[];
}

let segmenter: Intl.Segmenter | undefined;

/**
 * Splits a query into words. Chinese is written without spaces, so a query containing
 * Han characters is segmented with the browser's dictionary (`Intl.Segmenter`), the
 * same way Pagefind segments Chinese pages at index time: 北方稀土 → 北方 稀土.
 * Every word must then occur on a page for it to match, as for English queries.
 */
export function prepareQuery(raw: string): PreparedQuery {
  const query = raw.replace(/\s+/g, ' ').trim();
  if (!hasHan(query)) {
    return { bundle: 'en', term: query, words: query.replace(/"/g, '').split(' ').filter(Boolean) };
  }
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words = [...segmenter.segment(query)].filter((s) => s.isWordLike).map((s) => s.segment);
  const exact = /^".+"$/.test(query);
  const term = exact ? `"${words.join(' ')}"` : words.join(' ');
  return { bundle: 'zh', term, words };
}
