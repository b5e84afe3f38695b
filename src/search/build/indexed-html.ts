/**
 * The document Pagefind indexes for a page: its `<main>` element (where the page keeps its
 * meta and filter attributes, src/search/shared/document.ts), plus the filters the indexer
 * adds (src/search/build/documents.ts). The header, footer, styles and scripts around it would
 * only be parsed and thrown away.
 *
 * Two changes to what Pagefind sees, none to what readers see:
 * - `id` attributes are dropped: Pagefind would store every heading with an id in the page's
 *   fragment for "sub-results", which the search page does not show (bytes of every result);
 * - for the Chinese bundle, Han characters are set apart by zero-width spaces, so Pagefind
 *   indexes each as a word (src/search/shared/query.ts, HAN_SEPARATOR). Hidden metadata
 *   (the names a page goes by or mentions) is split at spaces only, so there they are set
 *   apart by spaces; filter values are left alone: they must stay the names the search page
 *   filters by.
 */
import { HAN_SEPARATOR, separateHan } from '../shared/query.ts';

/** Where the page's `<main>` element starts and ends (the whole page if none). */
export function mainOf(html: string | Buffer): { start: number; end: number } {
  const start = html.indexOf('<main');
  const close = html.lastIndexOf('</main>');
  return start >= 0 && close > start
    ? { start, end: close + '</main>'.length }
    : { start: 0, end: html.length };
}

const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Tags and the text between them. */
const PARTS = /(<[^>]*>)|([^<]+)/g;

export interface IndexedAs {
  /** The page's language, as the site declares it. */
  language: string;
  /** Filters to add (name → value). */
  filters?: Record<string, string>;
  /** Set Han characters apart (the Chinese bundle). */
  hanApart?: boolean;
  /** Filters to leave out (every page of a shard has them: index-site.ts, sharedFilters). */
  without?: readonly string[];
}

export function documentFor(
  html: string,
  { language, filters = {}, hanApart, without = [] }: IndexedAs,
): string {
  const { start, end } = mainOf(html);
  const dropped = without.length
    ? new RegExp(
        `<([a-z]+)[^>]*\\sdata-pagefind-filter="(?:${without.join('|')})"[^>]*>[^<]*</\\1>`,
        'g',
      )
    : undefined;
  let separator: string | undefined;
  let main = html.slice(start, end);
  if (dropped) main = main.replace(dropped, '');
  main = main.replace(PARTS, (part, tag?: string, text?: string) => {
    if (tag) {
      separator = /\sdata-pagefind-filter=/.test(tag)
        ? undefined
        : /\sdata-pagefind-meta=/.test(tag) && /\sdata-pagefind-ignore/.test(tag)
          ? ' '
          : HAN_SEPARATOR;
      return tag.replace(/\sid="[^"]*"/, '');
    }
    return hanApart && separator ? separateHan(text!, separator) : part;
  });
  const added = Object.entries(filters)
    .map(
      ([name, value]) =>
        `<span data-pagefind-ignore data-pagefind-filter="${name}">${escapeText(value)}</span>`,
    )
    .join('');
  const body = main.endsWith('</main>') ? `${main.slice(0, -7)}${added}</main>` : main + added;
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"></head><body>${body}</body></html>`;
}
