/** RSS items and the JSON export, as pure functions of the link graph. */
import { isoDay } from './dates.ts';
import { briefUrl, type BriefRecord, entityUrl } from './records.ts';
import type { LinkGraph } from './graph.ts';

/** How many briefs a feed carries: readers want recent news, not the archive. */
const FEED_LIMIT = 50;

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

/** `link` turns a site path into the link the feed carries (with the base path). */
export function feedItems(
  graph: LinkGraph,
  briefs: readonly BriefRecord[],
  link: (path: string) => string,
  limit = FEED_LIMIT,
): FeedItem[] {
  return briefs.slice(0, limit).map((brief) => ({
    title: brief.title,
    link: link(briefUrl(brief.slug)),
    pubDate: brief.date,
    description: brief.summary,
    categories: graph.entitiesOf(brief.slug).map((e) => e.name),
  }));
}

/**
 * The JSON export is also written whole (`api/briefs.json`, `api/links.json`) up to this many
 * briefs, about 5 MB; every archive is exported in parts (`api/briefs/<part>.json`) listed
 * in `api/index.json`, so that no file grows with the archive.
 */
export const WHOLE_EXPORT_UP_TO = 5000;
/** A part is a year, or a month of a year with more briefs than this. */
export const EXPORT_PART_BRIEFS = 5000;

export interface ExportPart {
  /** `2025`, or `2025-03` in a year with more than EXPORT_PART_BRIEFS briefs. */
  id: string;
  briefs: BriefRecord[];
}

/** The archive's export parts, newest first (briefs newest first within each). */
export function exportParts(briefs: readonly BriefRecord[]): ExportPart[] {
  const perYear = new Map<string, number>();
  for (const b of briefs) {
    const year = isoDay(b.date).slice(0, 4);
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
  }
  const parts = new Map<string, BriefRecord[]>();
  for (const b of briefs) {
    const day = isoDay(b.date);
    const id =
      perYear.get(day.slice(0, 4))! > EXPORT_PART_BRIEFS ? day.slice(0, 7) : day.slice(0, 4);
    const list = parts.get(id) ?? [];
    list.push(b);
    parts.set(id, list);
  }
  return [...parts]
    .sort((a, b) => b[0].localeCompare(a[0]))
    .map(([id, list]) => ({ id, briefs: list }));
}

export const exportPartUrl = (what: 'briefs' | 'links', id: string) => `/api/${what}/${id}.json`;

/** `api/index.json`: what the export holds and where. */
export function exportIndex(graph: LinkGraph, root: URL) {
  const whole = graph.briefs.length <= WHOLE_EXPORT_UP_TO;
  const parts = exportParts(graph.briefs);
  const list = (what: 'briefs' | 'links') => ({
    whole: whole ? absolute(`/api/${what}.json`, root) : null,
    parts: parts.map((p) => ({
      id: p.id,
      briefs: p.briefs.length,
      url: absolute(exportPartUrl(what, p.id), root),
    })),
  });
  return {
    briefs: graph.briefs.length,
    entities: absolute('/api/entities.json', root),
    briefExport: list('briefs'),
    links: list('links'),
  };
}

/** `root`: the site's address with its base path (`https://org.github.io/briefing/`). */
export function exportBriefs(
  graph: LinkGraph,
  root: URL,
  briefs: readonly BriefRecord[] = graph.briefs,
) {
  return briefs.map((brief) => ({
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
function absolute(path: string, root: URL): string {
  return new URL(path.slice(1), root).href;
}
