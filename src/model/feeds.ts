/** RSS items and the JSON export, as pure functions of the link graph. */
import { isoDay } from './dates.ts';
import {
  briefUrl,
  type BriefRecord,
  entityUrl,
  lastModified,
  revisedOn,
  revisionsOf,
} from './records.ts';
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

/**
 * `link` turns a site path into the link the feed carries (with the base path). A brief
 * that was corrected or updated carries the date of that change, and comes back to the top
 * of the feed with it, so subscribers see the correction. `briefs` is newest first.
 */
export function feedItems(
  graph: LinkGraph,
  briefs: readonly BriefRecord[],
  link: (path: string) => string,
  limit = FEED_LIMIT,
): FeedItem[] {
  // Revised briefs are few: the newest `limit` by date, plus every revised one, sorted.
  const revised = briefs.slice(limit).filter((b) => revisedOn(b) > b.date);
  const candidates = [...briefs.slice(0, limit), ...revised].map((brief, i) => ({
    brief,
    i,
    modified: revisedOn(brief),
  }));
  candidates.sort((a, b) => b.modified.getTime() - a.modified.getTime() || a.i - b.i);
  return candidates.slice(0, limit).map(({ brief, modified }) => {
    const latest = revisionsOf(brief)[0];
    const note =
      latest && latest.date.getTime() === modified.getTime()
        ? ` ${latest.type === 'correction' ? 'Correction' : 'Update'}: ${latest.note}`
        : '';
    return {
      title: feedTitle(brief.title),
      link: link(briefUrl(brief.slug)),
      pubDate: modified,
      description: feedDescription(`${brief.summary}${note}`),
      categories: graph.entitiesOf(brief.slug).map((e) => feedTitle(e.name)),
    };
  });
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
  return briefs.map((brief) => exportBrief(graph, brief, root));
}

function exportBrief(graph: LinkGraph, brief: BriefRecord, root: URL) {
  const modified = lastModified(brief);
  return {
    slug: brief.slug,
    url: absolute(briefUrl(brief.slug), root),
    title: brief.title,
    date: isoDay(brief.date),
    ...(modified > brief.date ? { updated: isoDay(modified) } : {}),
    summary: brief.summary,
    highlights: brief.highlights,
    authors: brief.authors,
    sources: brief.sources.map((s) => ({ ...s, ...(s.date ? { date: isoDay(s.date) } : {}) })),
    ...(revisionsOf(brief).length
      ? {
          revisions: revisionsOf(brief).map((r) => ({
            type: r.type,
            date: isoDay(r.date),
            note: r.note,
          })),
        }
      : {}),
    entities: graph.entitiesOf(brief.slug).map((e) => `${e.kind}/${e.slug}`),
  };
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
        // Old addresses are the redirects' business, not a fact (briefs export none either).
        .filter(([key]) => !['name', 'aliases', 'summary', 'redirect_from'].includes(key))
        .map(([key, value]) => [key, withDays(value)]),
    ),
    briefs: graph.backlinks(entity).length,
  }));
}

/** A site path (`/briefs/x/`) as an absolute address under `root`. */
export function absolute(path: string, root: URL): string {
  return new URL(path.slice(1), root).href;
}

/** Dates as `YYYY-MM-DD`, also inside lists and mappings (a policy's events). */
function withDays(value: unknown): unknown {
  if (value instanceof Date) return isoDay(value);
  if (Array.isArray(value)) return value.map(withDays);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withDays(v)]));
  return value;
}
