/**
 * Relevance order on top of Pagefind's. Pagefind scores a page by how often and where the
 * query's words occur, not by whether they occur together, nor by how well the page's title
 * matches. Readers expect both, so results are put in tiers, each in Pagefind's order:
 *
 *   1. pages whose title is the query, then pages whose title is nearly the query;
 *   2. pages that contain the query as a phrase (its words in a row);
 *   3. every other match.
 *
 * The entity a query names comes before all of them (src/search/shared/entities.ts). Pure and
 * dependency-free: shipped to the browser.
 */

export type TitleMatch = 'exact' | 'near';

/** Titles at least this similar to the query (Dice coefficient of their words) match nearly. */
export const NEAR_TITLE = 0.8;

const HAN = /\p{Script=Han}/u;

/** Plurals as singulars, enough for titles: `controls` and `control`, `policies` and `policy`. */
function stem(word: string): string {
  if (word.length <= 3 || HAN.test(word)) return word;
  return word.replace(/ies$/u, 'y').replace(/([^s])s$/u, '$1');
}

/** Words of a title or query: lower case, no accents, Han characters one by one. */
export function titleWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}|\u200b/gu, '')
      .toLowerCase()
      .replace(/['’]s\b/gu, '')
      .match(/\p{Script=Han}|[\p{L}\p{N}]+/gu) ?? []
  ).map(stem);
}

/** Dice coefficient of two lists of words, as multisets: 1 when they hold the same words. */
function dice(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/**
 * Does a title match the query: `exact` (the same words in the same order, ignoring case,
 * accents, punctuation and plurals), `near` (nearly the same words: a word more or less, or
 * one different, in a title of several), or not at all.
 */
export function titleMatch(query: string, title: string): TitleMatch | null {
  const q = titleWords(query);
  const t = titleWords(title);
  if (!q.length || !t.length) return null;
  if (q.length === t.length && q.every((w, i) => w === t[i])) return 'exact';
  return q.length > 1 && dice(q, t) >= NEAR_TITLE ? 'near' : null;
}

/** What is known about one result when it is ranked. */
export interface Ranked {
  id: string;
  /** The page contains the query as a phrase. */
  phrase?: boolean;
  title?: TitleMatch | null;
}

const tier = (r: Ranked) => (r.title === 'exact' ? 0 : r.title === 'near' ? 1 : r.phrase ? 2 : 3);

/** Results in tiers (title, phrase, the rest), each tier in the order given. */
export function rankResults<T extends Ranked>(results: readonly T[]): T[] {
  return results
    .map((r, i) => ({ r, i, t: tier(r) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ r }) => r);
}

/**
 * The results whose titles are worth comparing with the query: the first page of results
 * (shown anyway), and the best few beyond it whose title holds some of the query's words
 * (Pagefind says which metadata matched), so that a page titled with the query is found even
 * when Pagefind ranks it low. Their fragments are fetched with the first page's.
 */
export function titleCandidates<T extends { id: string; titleWords?: boolean }>(
  ordered: readonly T[],
  pageSize: number,
  extra: number,
): T[] {
  const first = ordered.slice(0, pageSize);
  const more = ordered.slice(pageSize).filter((r) => r.titleWords);
  return [...first, ...more.slice(0, extra)];
}
