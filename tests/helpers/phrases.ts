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

/** Runs of `size` words (letters only, three or more each) within a clause. */
function wordRuns(text: string, size: number): string[] {
  const runs: string[] = [];
  for (const clause of text.split(/[^\p{L}\s]|\n/u)) {
    const words = clause.split(/\s+/).filter(Boolean);
    for (let i = 0; i + size <= words.length; i++) {
      const run = words.slice(i, i + size);
      if (run.every((w) => w.length >= 3)) runs.push(run.join(' '));
    }
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
  const lower = new Map([...pages].map(([url, text]) => [url, text.toLowerCase()]));
  const pagesWith = (needle: string) => {
    let n = 0;
    for (const text of lower.values()) if (text.includes(needle)) n++;
    return n;
  };
  const wordsOf = (run: string) => (options.chinese ? [...run] : run.split(' '));
  const found: Phrase[] = [];
  const qualifies = (run: string) =>
    pagesWith(run.toLowerCase()) === 1 &&
    wordsOf(run).every((w) =>
      options.chinese ? pagesWith(w) > 1 : pagesWith(` ${w.toLowerCase()} `) > 1,
    );
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
