/**
 * Which built pages the search index holds, and what the build already knows about them:
 * every published brief (with its date) and every profile, taken from the link graph, the
 * same data the pages were built from, never from scanning the HTML.
 */
import { isoDay } from '../../model/dates.ts';
import type { LinkGraph } from '../../model/graph.ts';
import { briefUrl, type BriefRecord, type EntityRecord, entityUrl } from '../../model/records.ts';
import { hasHan } from '../shared/query.ts';

export interface PageToIndex {
  /** The page's address on the site, with the base path (`/briefing/briefs/x/`). */
  url: string;
  /** Its file in the built site (`briefs/x/index.html`). */
  file: string;
  /** ISO date of a brief; absent for profiles. */
  date?: string;
  /** Has Chinese text a reader may search for: indexed as Chinese too. */
  chinese: boolean;
}

export function pagesToIndex(graph: LinkGraph, basePath = '/'): PageToIndex[] {
  const page = (path: string) => ({
    url: `${basePath.replace(/\/$/, '')}${path}`,
    file: `${path.slice(1)}index.html`,
  });
  return [
    ...graph.briefs.map((brief) => ({
      ...page(briefUrl(brief.slug)),
      date: isoDay(brief.date),
      chinese: hasHan(briefText(brief)),
    })),
    ...graph.entities.map((entity) => ({
      ...page(entityUrl(entity)),
      chinese: hasHan(entityText(entity)),
    })),
  ];
}

/** The text a brief page shows from its record. */
function briefText(brief: BriefRecord): string {
  return [
    brief.title,
    brief.summary,
    ...brief.highlights,
    brief.body,
    ...brief.sources.flatMap((s) => [s.title, s.publisher]),
  ].join('\n');
}

/** The text a profile page shows from its record: names, facts and body. */
function entityText(entity: EntityRecord): string {
  const facts = Object.values(entity.data).filter((v): v is string => typeof v === 'string');
  return [entity.name, ...entity.aliases, ...facts, entity.body].join('\n');
}
