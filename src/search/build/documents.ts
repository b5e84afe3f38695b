/**
 * Which built pages the search index holds, and what the build already knows about them:
 * every published brief (with its date) and every profile, taken from the link graph, the
 * same data the pages were built from, never from scanning the HTML. Also the entities the
 * search page recognises by name (src/search/shared/entities.ts).
 */
import { getKind } from '../../content/registry.ts';
import { isoDay } from '../../model/dates.ts';
import type { LinkGraph } from '../../model/graph.ts';
import { entityNames } from '../../model/names.ts';
import { briefUrl, type BriefRecord, type EntityRecord, entityUrl } from '../../model/records.ts';
import { CHINESE, FILTER } from '../shared/document.ts';
import { lookupKey } from '../shared/entities.ts';
import { hasHan } from '../shared/query.ts';
import { quarterOf } from '../shared/shards.ts';

export interface PageToIndex {
  /** The page's address on the site, with the base path (`/briefing/briefs/x/`). */
  url: string;
  /** Its file in the built site (`briefs/x/index.html`). */
  file: string;
  /** ISO date of a brief; absent for profiles. */
  date?: string;
  /** Of a profile: the briefs citing it (the most cited are searched first, shards.ts). */
  weight?: number;
  /** Has Chinese text a reader may search for: indexed as Chinese too. */
  chinese: boolean;
  /** Filters the indexer adds to the page (FILTER.lang, FILTER.since in document.ts). */
  filters: Record<string, string>;
}

const withBase = (basePath: string, path: string) => `${basePath.replace(/\/$/, '')}${path}`;

export function pagesToIndex(graph: LinkGraph, basePath = '/'): PageToIndex[] {
  const page = (path: string, chinese: boolean, filters: Record<string, string> = {}) => ({
    url: withBase(basePath, path),
    file: `${path.slice(1)}index.html`,
    chinese,
    filters: chinese ? { ...filters, [FILTER.lang]: CHINESE } : filters,
  });
  return [
    ...graph.briefs.map((brief) => ({
      ...page(briefUrl(brief.slug), briefTexts(brief).some(hasHan)),
      date: isoDay(brief.date),
    })),
    ...graph.entities.map((entity) => {
      const backlinks = graph.backlinks(entity);
      const oldest = backlinks.reduce<Date | undefined>(
        (min, b) => (!min || b.date < min ? b.date : min),
        undefined,
      );
      const since = oldest ? { [FILTER.since]: quarterOf(isoDay(oldest)) } : {};
      return {
        ...page(entityUrl(entity), hasHan(entityText(entity)), since),
        weight: backlinks.length,
      };
    }),
  ];
}

/** An entity as the lookup knows it, and the keys of the names it goes by. */
export interface EntityToLookup {
  kind: string;
  label: string;
  name: string;
  url: string;
  briefs: number;
  keys: string[];
}

/**
 * Every entity with the keys of its names (src/model/names.ts), as the registry resolves
 * them: a name that the registry gives to another entity is left out.
 */
export function entitiesToLookup(graph: LinkGraph, basePath = '/'): EntityToLookup[] {
  return graph.entities.map((entity) => {
    const names = entityNames(entity).filter((name) => {
      const owner = graph.index.resolve(name);
      return !owner || owner === entity;
    });
    return {
      kind: entity.kind,
      label: getKind(entity.kind).singular,
      name: entity.name,
      url: withBase(basePath, entityUrl(entity)),
      briefs: graph.backlinks(entity).length,
      keys: [...new Set(names.map(lookupKey).filter(Boolean))],
    };
  });
}

/** The texts a brief page shows from its record. */
function briefTexts(brief: BriefRecord): string[] {
  return [
    brief.title,
    brief.summary,
    ...brief.highlights,
    brief.body,
    ...brief.sources.flatMap((s) => [s.title, s.publisher]),
  ];
}

/** The text a profile page shows from its record: names, facts and body. */
function entityText(entity: EntityRecord): string {
  const facts = Object.values(entity.data).filter((v): v is string => typeof v === 'string');
  return [entity.name, ...entity.aliases, ...facts, entity.body].join('\n');
}
