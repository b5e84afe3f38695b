/**
 * Phrases drawn from a built site itself, for the phrase tests: runs of words (or Chinese
 * characters) from one page's searchable text that occur in no other page, though each of
 * their words occurs in several, so that finding the page needs the words together.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';

/** The text Pagefind indexes of a built page: its <main>, without what it ignores. */
export function searchableText(dist: string, url: string): string {
  const main = parse(readFileSync(join(dist, url, 'index.html'), 'utf8')).querySelector('main');
  if (!main) throw new Error(`${url} has no <main>`);
  for (const ignored of main.querySelectorAll('[data-pagefind-ignore]')) ignored.remove();
  // Block elements end a run of words.
  for (const block of main.querySelectorAll('p, li, h1, h2, h3, td, th, div, section'))
    block.insertAdjacentHTML('afterend', '\n');
  return main.textContent;
}

export interface Phrase {
  url: string;
  phrase: string;
}

/**
 * Runs of `size` words as Pagefind reads them: letters only (a word with an apostrophe, a
 * hyphen or a digit is not one, and ends the run, as punctuation does), two of them of four
 * letters or more.
 */
function wordRuns(text: string, size: number): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  for (const token of text.split(/\s+/)) {
    const word = /^\p{L}+[.,;:!?]?$/u.test(token) ? token.replace(/[.,;:!?]$/, '') : '';
    if (word) run.push(word);
    if (run.length >= size) {
      const last = run.slice(-size);
      if (last.every((w) => w.length >= 2) && last.filter((w) => w.length >= 4).length >= 2)
        runs.push(last.join(' '));
    }
    if (!word || word !== token) run = [];
  }
  return runs;
}

/** Runs of `size` Chinese characters without punctuation. */
function hanRuns(text: string, size: number): string[] {
  const runs: string[] = [];
  for (const run of text.match(/\p{Script=Han}+/gu) ?? [])
    for (let i = 0; i + size <= run.length; i++) runs.push(run.slice(i, i + size));
  return runs;
}

/**
 * One phrase for each of `urls` (the nearest to the middle of the page that qualifies):
 * `size` words (or characters) found in that page only, among `pages` (url → searchable
 * text), whose words each occur in at least two pages.
 */
export function distinctivePhrases(
  pages: ReadonlyMap<string, string>,
  urls: readonly string[],
  options: { size: number; chinese?: boolean },
): Phrase[] {
  const runsOf = (text: string) =>
    options.chinese ? hanRuns(text, options.size) : wordRuns(text, options.size);
  const lower = [...pages.values()].map((text) => text.toLowerCase());
  /** Pages holding a text, counted up to two. */
  const pagesWith = (needle: string) => {
    let n = 0;
    for (const text of lower) if (text.includes(needle) && ++n > 1) break;
    return n;
  };
  // How many pages each word is in (English: whole words; Chinese: characters).
  const spread = new Map<string, number>();
  for (const text of lower) {
    const words = options.chinese ? text.match(/\p{Script=Han}/gu) : text.match(/\p{L}+/gu);
    for (const word of new Set(words)) spread.set(word, (spread.get(word) ?? 0) + 1);
  }
  const wordsOf = (run: string) => (options.chinese ? [...run] : run.toLowerCase().split(' '));
  const qualifies = (run: string) =>
    wordsOf(run).every((w) => (spread.get(w) ?? 0) > 1) && pagesWith(run.toLowerCase()) === 1;
  const found: Phrase[] = [];
  for (const url of urls) {
    const runs = runsOf(pages.get(url) ?? '');
    const middle = Math.floor(runs.length / 2);
    const outward = runs
      .map((run, i) => ({ run, distance: Math.abs(i - middle) }))
      .sort((a, b) => a.distance - b.distance);
    const phrase = outward.find(({ run }) => qualifies(run))?.run;
    if (phrase) found.push({ url, phrase });
  }
  return found;
}
