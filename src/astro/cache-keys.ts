/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page is
 * reused from the previous build when its key is unchanged, so each key must cover every
 * piece of data the page shows — its own file, and what it shows of other files.
 */
import { createHash } from 'node:crypto';
import { isoDay } from '../model/dates.ts';
import { type BriefRecord, type EntityRef, refKey } from '../model/records.ts';
import type { LinkGraph } from '../model/graph.ts';
import { entityNames } from '../model/names.ts';

function hash(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url');
}

const briefSummary = (b: BriefRecord | undefined) => b && [b.slug, b.title, isoDay(b.date)];

/** Where each [[wikilink]] of a body points now: an alias moved to another entity changes the page. */
function wikilinkTargets(graph: LinkGraph, links: readonly string[]): Array<string | null> {
  return links.map((target) => {
    const entity = graph.index.resolve(target);
    return entity ? refKey(entity) : null;
  });
}

export function briefCacheKey(graph: LinkGraph, slug: string): string {
  const brief = graph.brief(slug)!;
  const { older, newer } = graph.neighbours(slug);
  return hash({
    file: brief.digest ?? [brief.title, brief.body],
    // Its search metadata lists every name of every entity it references.
    entities: graph.entitiesOf(slug).map((e) => [refKey(e), entityNames(e)]),
    links: wikilinkTargets(graph, brief.links),
    related: graph.related(slug, 5).map(briefSummary),
    older: briefSummary(older),
    newer: briefSummary(newer),
  });
}

export function entityCacheKey(graph: LinkGraph, ref: EntityRef): string {
  const entity = graph.index.get(ref)!;
  return hash({
    file: entity.digest ?? [entity.name, entity.body],
    links: wikilinkTargets(graph, entity.links),
    backlinks: graph
      .backlinks(ref)
      .map((b) => [...briefSummary(b)!, b.summary, graph.entitiesOf(b.slug).map((e) => e.name)]),
    coMentions: [...graph.coMentions(ref, 5)].map(([kind, list]) => [
      kind,
      list.map((c) => [c.entity.slug, c.entity.name, c.count]),
    ]),
  });
}
