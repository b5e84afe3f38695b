/**
 * How to cite a brief: a plain-text reference, a BibTeX entry and the citation_* meta tags
 * reference managers (Zotero, Mendeley, Google Scholar) read. Written here because the few
 * fields a web brief has do not need a citation library (citation-js pulls in CSL engines
 * and style files for formats we do not print).
 */
import { formatLongDate, isoDay } from './dates.ts';
import type { BriefRecord } from './records.ts';
import { lastModified } from './records.ts';

export interface CitationContext {
  /** The brief's absolute address. */
  url: string;
  /** The site's title: the publisher, and the author when the brief names none. */
  publisher: string;
  language: string;
  keywords: string[];
}

/** `Author, Author. "Title." Publisher, 22 March 2025 (updated 3 May 2025). https://…` */
export function plainCitation(brief: BriefRecord, ctx: CitationContext): string {
  const who = brief.authors.length ? `${listAuthors(brief.authors)}. ` : '';
  const modified = lastModified(brief);
  const revised = modified > brief.date ? ` (updated ${formatLongDate(modified)})` : '';
  const title = /[.?!]$/.test(brief.title) ? brief.title : `${brief.title}.`;
  return `${who}“${title}” ${ctx.publisher}, ${formatLongDate(brief.date)}${revised}. ${ctx.url}`;
}

function listAuthors(authors: readonly string[]): string {
  if (authors.length <= 2) return authors.join(' and ');
  return `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
}

/** Characters BibTeX treats as commands or grouping, escaped so a title survives as written. */
export function bibtexEscape(text: string): string {
  // One pass, so the braces of an inserted command are not escaped again.
  return text.replace(/[\\{}%&$#_~^]/g, (ch) =>
    ch === '\\'
      ? '\\textbackslash{}'
      : ch === '~'
        ? '\\textasciitilde{}'
        : ch === '^'
          ? '\\textasciicircum{}'
          : `\\${ch}`,
  );
}

/** A biblatex `@online` entry (also read by Zotero, JabRef and BibDesk). */
export function bibtexEntry(brief: BriefRecord, ctx: CitationContext): string {
  const key = `${ctx.publisher.toLowerCase().replace(/[^a-z0-9]+/g, '') || 'brief'}-${isoDay(brief.date).slice(0, 4)}-${brief.slug}`;
  const author = brief.authors.length
    ? brief.authors.map(bibtexEscape).join(' and ')
    : `{${bibtexEscape(ctx.publisher)}}`;
  const modified = lastModified(brief);
  const fields: Array<[string, string]> = [
    ['title', `{${bibtexEscape(brief.title)}}`],
    ['author', author],
    ['organization', bibtexEscape(ctx.publisher)],
    ['date', isoDay(brief.date)],
    ['year', isoDay(brief.date).slice(0, 4)],
    ...(modified > brief.date ? [['note', `Updated ${isoDay(modified)}`] as [string, string]] : []),
    ['url', ctx.url],
    ['langid', bibtexEscape(ctx.language)],
  ];
  return `@online{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}`;
}

/** `<meta name content>` pairs: Highwire Press tags as Google Scholar and Zotero read them. */
export function citationMeta(brief: BriefRecord, ctx: CitationContext): Array<[string, string]> {
  const slashDate = (d: Date) => isoDay(d).replace(/-/g, '/');
  const modified = lastModified(brief);
  return [
    ['citation_title', brief.title],
    // Reference managers need an author: a brief without a byline is the publisher's.
    ...(brief.authors.length ? brief.authors : [ctx.publisher]).map((a): [string, string] => [
      'citation_author',
      a,
    ]),
    ['citation_publication_date', slashDate(brief.date)],
    ['citation_date', slashDate(brief.date)],
    ['citation_online_date', slashDate(brief.date)],
    ...(modified > brief.date
      ? [['citation_lastmod', slashDate(modified)] as [string, string]]
      : []),
    ['citation_publisher', ctx.publisher],
    ['citation_public_url', ctx.url],
    ['citation_abstract_html_url', ctx.url],
    ['citation_language', ctx.language],
    ...(ctx.keywords.length
      ? [['citation_keywords', ctx.keywords.join('; ')] as [string, string]]
      : []),
    ['citation_abstract', brief.summary],
  ];
}
