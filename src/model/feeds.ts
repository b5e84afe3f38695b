/** RSS items and the JSON export, as pure functions of the link graph. */
import { isoDay } from './dates.ts';
import { briefUrl, type BriefRecord, entityUrl } from './records.ts';
import type { LinkGraph } from './graph.ts';

/** How many briefs a feed carries: readers want recent news, not the archive. */
export const FEED_LIMIT = 50;

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

/** Characters XML 1.0 does not allow; the check refuses them, and feeds never carry them. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * A title for a feed: plain text, but readers that take it for HTML must not find markup in it,
 * so angle brackets are written as entities (the XML writer then escapes the entities).
 */
export function feedTitle(text: string): string {
  return text.replace(NOT_XML, '').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A description for a feed: RSS readers render it as HTML, so the text is escaped as HTML. */
export function feedDescription(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** `link` turns a site path into the link the feed carries (with the base path). */
export function feedItems(
  graph: LinkGraph,
  briefs: readonly BriefRecord[],
  link: (path: string) => string,
  limit = FEED_LIMIT,
): FeedItem[] {
  return briefs.slice(0, limit).map((brief) => ({
    title: feedTitle(brief.title),
    link: link(briefUrl(brief.slug)),
    pubDate: brief.date,
    description: feedDescription(brief.summary),
    categories: graph.entitiesOf(brief.slug).map((e) => feedTitle(e.name)),
  }));
}

/** `root`: the site's address with its base path (`https://org.github.io/briefing/`). */
export function exportBriefs(graph: LinkGraph, root: URL) {
  return graph.briefs.map((brief) => ({
    slug: brief.slug,
    url: absolute(briefUrl(brief.slug), root),
    title: brief.title,
    date: isoDay(brief.date),
    ...(brief.updated ? { updated: isoDay(brief.updated) } : {}),
    summary: brief.summary,
    highlights: brief.highlights,
    authors: brief.authors,
    sources: brief.sources.map((s) => ({ ...s, ...(s.date ? { date: isoDay(s.date) } : {}) })),
    entities: graph.entitiesOf(brief.slug).map((e) => `${e.kind}/${e.slug}`),
  }));
}

export function exportEntities(graph: LinkGraph, root: URL) {
  return graph.entities.map((entity) => ({
    kind: entity.kind,
    slug: entity.slug,
    url: absolute(entityUrl(entity), root),
    name: entity.name,
    aliases: entity.aliases,
    ...(entity.summary ? { summary: entity.summary } : {}),
    facts: Object.fromEntries(
      Object.entries(entity.data)
        .filter(([key]) => !['name', 'aliases', 'summary'].includes(key))
        .map(([key, value]) => [key, value instanceof Date ? isoDay(value) : value]),
    ),
    briefs: graph.backlinks(entity).length,
  }));
}

/** A site path (`/briefs/x/`) as an absolute address under `root`. */
export function absolute(path: string, root: URL): string {
  return new URL(path.slice(1), root).href;
}
