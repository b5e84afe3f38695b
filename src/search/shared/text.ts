/**
 * Text for search results: escaping, highlighting the query's words, and the sentence
 * announced to screen readers. Pure and dependency-free (it runs in the browser).
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Pagefind's excerpts are page text with `<mark>` around matched words (and the text's
 * own `<` and `>` already escaped). Keep exactly that: any other tag is dropped.
 */
export function safeExcerpt(html: string): string {
  return (
    html
      .replace(/<(?!\/?mark>)[^>]*>?/gi, '')
      // Pagefind marks whole space-separated tokens: keep punctuation outside the mark.
      .replace(/<mark>([([“‘«（]+)/g, '$1<mark>')
      .replace(/([.,:!?)\]”’»、。，：！？）]+)<\/mark>/g, '</mark>$1')
      .replace(/<mark><\/mark>/g, '')
      // Chinese is marked character by character (query.ts): one mark per run.
      .replace(/<\/mark><mark>/g, '')
  );
}

const HAN = /\p{Script=Han}/u;

/**
 * A light English stem, so that a title says "controls" where the query said "control"
 * and the other way round; Pagefind's own matching is the real stemmer.
 */
function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(?:ies|es|s|ed|ing|ation)$/i, '') || word;
}

/**
 * Escapes `text` and wraps the query's words in `<mark>`: English words at the start of
 * a word (`control` marks "Controls"), Chinese words anywhere (Chinese has no spaces).
 */
export function highlightWords(text: string, words: readonly string[]): string {
  const patterns = [...new Set(words.map((w) => w.trim()).filter(Boolean))]
    .map((w) =>
      HAN.test(w) ? escapeRegExp(w) : `(?<![\\p{L}\\p{N}])${escapeRegExp(stem(w))}[\\p{L}\\p{N}]*`,
    )
    .sort((a, b) => b.length - a.length);
  if (!patterns.length) return escapeHtml(text);
  const pattern = new RegExp(patterns.join('|'), 'giu');
  let html = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (!match[0]) continue;
    html += `${escapeHtml(text.slice(last, match.index))}<mark>${escapeHtml(match[0])}</mark>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function markedWords(html: string): number {
  return new Set([...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!.toLowerCase())).size;
}

/**
 * What a result shows under its title: the page's summary with the query's words marked,
 * unless Pagefind's excerpt (the passage where the words occur) has more of them; an
 * excerpt is cut from the page, and says so with ellipses.
 */
export function chooseSnippet(markedSummary: string, excerpt: string): string {
  if (markedSummary && markedWords(excerpt) <= markedWords(markedSummary)) return markedSummary;
  return excerpt.trim() ? `…${excerpt.trim()}…` : markedSummary;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The sentence in the live region: "12 results for “rare earth”, filtered by 2 choices." */
export function resultSentence(count: number, q: string, filterCount: number, scope = ''): string {
  const what = q ? ` for “${q}”` : '';
  const filtered = filterCount ? `, with ${plural(filterCount, 'filter')}` : '';
  const within = scope ? ` ${scope}` : '';
  return count
    ? `${plural(count, 'result')}${what}${within}${filtered}.`
    : `No results${what}${within}${filtered}.`;
}

/** "2026", or "2024–2026", from two ISO dates. */
function years(from?: string, to?: string): string {
  const [a, b] = [from?.slice(0, 4), to?.slice(0, 4)];
  return a === b ? `${a}` : `${a}–${b}`;
}

/**
 * Where a search looked when it did not load every brief shard (src/search/shared/shards.ts):
 * "in briefs from 2026 and the profiles", "in briefs from 2024–2026 and the profiles".
 */
export function scopePhrase(from?: string, to?: string, someProfiles = false): string {
  const profiles = someProfiles ? 'the most cited profiles' : 'the profiles';
  if (!from || !to) return `in ${profiles} only`;
  return `in briefs from ${years(from, to)} and ${profiles}`;
}

/**
 * The button that extends such a search: "Also search the 9,160 briefs from 2015–2025",
 * "… and 2,940 more profiles", "Also search 2,940 more profiles".
 */
export function searchAllLabel(missing: number, from?: string, to?: string, profiles = 0): string {
  const more = profiles
    ? `${profiles.toLocaleString('en')} more ${profiles === 1 ? 'profile' : 'profiles'}`
    : '';
  if (!missing) return `Also search ${more}`;
  const count = missing === 1 ? 'the 1 brief' : `the ${missing.toLocaleString('en')} briefs`;
  const briefs = from && to ? `${count} from ${years(from, to)}` : `${count} not searched yet`;
  return `Also search ${briefs}${more ? ` and ${more}` : ''}`;
}
