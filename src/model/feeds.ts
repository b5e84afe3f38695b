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

export function feedItems(
  graph: LinkGraph,
  briefs: readonly BriefRecord[],
  limit = FEED_LIMIT,
): FeedItem[] {
  return briefs.slice(0, limit).map((brief) => ({
    title: brief.title,
    link: briefUrl(brief.slug),
    pubDate: brief.date,
    description: brief.summary,
    categories: graph.entitiesOf(brief.slug).map((e) => e.name),
  }));
}

export function exportBriefs(graph: LinkGraph, site: URL) {
  return graph.briefs.map((brief) => ({
    slug: brief.slug,
    url: new URL(briefUrl(brief.slug), site).href,
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

export function exportEntities(graph: LinkGraph, site: URL) {
  return graph.entities.map((entity) => ({
    kind: entity.kind,
    slug: entity.slug,
    url: new URL(entityUrl(entity), site).href,
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
