/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page is
 * reused from the previous build when its key is unchanged, so each key must cover every
 * piece of data the page shows — its own file, and what it shows of other files.
 */
import { createHash } from 'node:crypto';
import { isoDay } from '../model/dates.ts';
import { type BriefRecord, type EntityRef, refKey } from '../model/records.ts';
import type { LinkGraph } from '../model/graph.ts';
import { paginate } from '../model/pages.ts';

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
    entities: graph.entitiesOf(slug).map((e) => [refKey(e), e.name]),
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

/** Page `page` (2, 3…) of the briefs on a profile: its briefs, and the dates of every page for the pager. */
export function backlinkPageCacheKey(
  graph: LinkGraph,
  ref: EntityRef,
  page: number,
  perPage: number,
): string {
  const entity = graph.index.get(ref)!;
  const pages = paginate(graph.backlinks(ref), perPage);
  return hash({
    name: entity.name,
    briefs: pages[page - 1]!.map(briefSummary),
    pages: pages.map((p) => [isoDay(p[0]!.date), isoDay(p.at(-1)!.date)]),
  });
}
