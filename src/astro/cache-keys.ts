/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page is
 * reused from the previous build when its key is unchanged, so each key must cover every
 * piece of data the page shows — its own file, and what it shows of other files.
 */
import { createHash } from 'node:crypto';
import { isoDay } from '../model/dates.ts';
import { type BriefRecord, type EntityRef, refKey, updatedDay } from '../model/records.ts';
import type { LinkGraph } from '../model/graph.ts';
import type { Config } from '../config.ts';

/**
 * The settings every page shows (site title, language, address, base path, repository…):
 * a change to content/site.yaml or to SITE_URL/BASE_PATH renders every page again.
 */
export type SiteContext = Pick<Config, 'site' | 'siteUrl' | 'basePath'>;
const siteOf = (context: SiteContext | undefined) =>
  context && [context.site, context.siteUrl, context.basePath];

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

export function briefCacheKey(graph: LinkGraph, slug: string, context?: SiteContext): string {
  const brief = graph.brief(slug)!;
  const { older, newer } = graph.neighbours(slug);
  const updated = updatedDay(brief);
  return hash({
    site: siteOf(context),
    file: brief.digest ?? [brief.title, brief.body],
    updated: updated && isoDay(updated),
    history: context?.site.repository && [
      context.site.repository,
      brief.git?.path ?? brief.filePath,
    ],
    entities: graph.entitiesOf(slug).map((e) => [refKey(e), e.name]),
    links: wikilinkTargets(graph, brief.links),
    related: graph.related(slug, 5).map(briefSummary),
    older: briefSummary(older),
    newer: briefSummary(newer),
  });
}

export function entityCacheKey(graph: LinkGraph, ref: EntityRef, context?: SiteContext): string {
  const entity = graph.index.get(ref)!;
  return hash({
    site: siteOf(context),
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
