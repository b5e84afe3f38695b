/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page is
 * reused from the previous build when its key is unchanged, so each key must cover every
 * piece of data the page shows — its own file, and what it shows of other files.
 */
import { createHash } from 'node:crypto';
import { isoDay } from '../model/dates.ts';
import {
  type BriefRecord,
  type EntityRef,
  lastModified,
  refKey,
  updatedDay,
} from '../model/records.ts';
import type { LinkGraph } from '../model/graph.ts';
import type { Config } from '../config.ts';
import { glossaryMatcher, type GlossaryTerm } from '../model/glossary.ts';
import { policyEvents, type TrackerRow } from '../model/policy.ts';
import { entityNames } from '../model/names.ts';
import { LIST_PAGE_SIZE, paginate, pagerLinks } from '../model/pages.ts';
import { chartBars, countByQuarter } from '../model/grouping.ts';
import { type ArchiveYear, yearUrl } from '../model/archive.ts';

/**
 * The settings every page shows (site title, language, address, base path, repository…):
 * a change to content/site.yaml or to SITE_URL/BASE_PATH renders every page again.
 */
export type SiteContext = Pick<Config, 'site' | 'siteUrl' | 'basePath' | 'archive'>;
const siteOf = (context: SiteContext | undefined) =>
  context && [context.site, context.siteUrl, context.basePath, context.archive];

/**
 * A path's `cacheKey` for getStaticPaths, computed only where Astro reads it: `astro build`,
 * which reuses an unchanged page. `astro dev` renders each page it serves and never asks (the
 * keys of 100,000 briefs took 11.6 s before it served its first brief page).
 */
export function cacheKeyed(key: () => string): { cacheKey?: string } {
  return import.meta.env.BRIEFING_CACHE_KEYS === false ? {} : { cacheKey: key() };
}

function hash(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url');
}

/**
 * A brief's day, and a brief as other pages show it (its link, date and title), kept per record:
 * every brief is shown on the pages of its neighbours, its related briefs and its entities, and
 * making these again was about a tenth of the keys' time at 100,000 briefs. A slug has no space
 * and a day has ten characters, so the summary is unambiguous.
 */
const days = new WeakMap<BriefRecord, string>();
const summaries = new WeakMap<BriefRecord, string>();
function dayOf(b: BriefRecord): string {
  let day = days.get(b);
  if (day === undefined) days.set(b, (day = isoDay(b.date)));
  return day;
}
function briefSummary(b: BriefRecord | undefined): string | undefined {
  if (!b) return undefined;
  let summary = summaries.get(b);
  if (summary === undefined) summaries.set(b, (summary = `${b.slug} ${dayOf(b)} ${b.title}`));
  return summary;
}
/** The first and last day of each page of a list of briefs (a pager shows them). */
const pageDays = (pages: readonly (readonly BriefRecord[])[]) =>
  pages.map((p) => [dayOf(p[0]!), dayOf(p.at(-1)!)]);

/** Glossary terms as a page shows them (link and tooltip). */
const glossed = (terms: readonly GlossaryTerm[]) =>
  terms.map((t) => [refKey(t.entity), t.original, t.pinyin, t.english]);

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
    // Its search metadata lists every name of every entity it references.
    entities: graph.entitiesOf(slug).map((e) => [refKey(e), entityNames(e)]),
    links: wikilinkTargets(graph, brief.links),
    // As the link graph found them, instead of reading the body again.
    glossary: glossed(graph.glossaryTermsOf(slug)),
    related: graph.related(slug, 5).map(briefSummary),
    older: briefSummary(older),
    newer: briefSummary(newer),
  });
}

function backlinksShown(backlinks: readonly BriefRecord[], perPage: number) {
  const pages = paginate(backlinks, perPage);
  return {
    count: backlinks.length,
    first: (pages[0] ?? []).map(briefSummary),
    pages: backlinks.length ? pageDays(pages) : [],
    chart: chartBars(backlinks),
  };
}

export function entityCacheKey(
  graph: LinkGraph,
  ref: EntityRef,
  context?: SiteContext,
  today?: Date,
): string {
  const entity = graph.index.get(ref)!;
  const events = policyEvents(entity);
  return hash({
    site: siteOf(context),
    // A timeline shows what is scheduled as of today, and the titles of the briefs it cites.
    timeline: events.length
      ? {
          today: today && isoDay(today),
          briefs: events.map((e) => (e.brief ? briefSummary(graph.brief(e.brief)) : null)),
        }
      : null,
    file: entity.digest ?? [entity.name, entity.body],
    links: wikilinkTargets(graph, entity.links),
    glossary: glossed(glossaryMatcher(graph.index).termsIn(entity.body)),
    // What the page shows of its briefs: the first page of them, the dates of the pager's pages,
    // their count and the chart. Not every backlink, which hashed every brief once per entity it
    // mentions (pages 2, 3… have keys of their own).
    backlinks: backlinksShown(graph.backlinks(ref), context?.archive.pageSize ?? LIST_PAGE_SIZE),
    coMentions: [...graph.coMentions(ref, 5)].map(([kind, list]) => [
      kind,
      list.map((c) => [c.entity.slug, c.entity.name, c.count]),
    ]),
  });
}

/** Every view of the tracker shows every policy's row (the filter links carry counts). */
export function trackerCacheKey(rows: readonly TrackerRow[], today: Date): string {
  return hash({
    today: isoDay(today),
    rows: rows.map((r) => [
      refKey(r.entity),
      r.entity.name,
      r.jurisdiction,
      r.status,
      r.lastChange && [isoDay(r.lastChange.date), r.lastChange.type],
      r.next && [isoDay(r.next.date), r.next.label, r.next.overdue],
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
    pages: pageDays(pages),
  });
}

/**
 * A brief as a file shows it: its digest, or without one (a record made in memory, in tests) the
 * record itself without its body.
 */
function fileOf(brief: BriefRecord): unknown {
  if (brief.digest) return brief.digest;
  const { body: _body, ...rest } = Object.getOwnPropertyDescriptors(brief);
  return Object.fromEntries(Object.entries(rest).map(([key, d]) => [key, d.value]));
}

/**
 * A part of the JSON export (`api/briefs/<part>.json`): each brief's fields come from its file,
 * its `updated` from its dates (git's too), its entities from the link graph, its address from
 * the site's. Rendering 288 parts at 100,000 briefs took about half a minute of every rebuild.
 */
export function exportPartCacheKey(
  graph: LinkGraph,
  briefs: readonly BriefRecord[],
  context?: SiteContext,
): string {
  return hash({
    site: siteOf(context),
    briefs: briefs.map((b) => [
      b.slug,
      fileOf(b),
      isoDay(lastModified(b)),
      graph.entitiesOf(b.slug).map(refKey),
    ]),
  });
}

/**
 * A part of the link export (`api/links/<part>.json`): each brief's edges, from its frontmatter
 * (its file), its wikilinks as they resolve now, and the glossary terms it uses.
 */
export function linksPartCacheKey(graph: LinkGraph, briefs: readonly BriefRecord[]): string {
  return hash(
    briefs.map((b) => [
      b.slug,
      fileOf(b),
      wikilinkTargets(graph, b.links),
      graph.glossaryTermsOf(b.slug).map((t) => refKey(t.entity)),
    ]),
  );
}

/**
 * Page `page` of a year on the timeline: its briefs by month, the year's count (and, on its
 * first page, the chart), the dates of the pager's pages and the years either side.
 */
export function timelinePageCacheKey(
  entry: ArchiveYear,
  page: number,
  around: { newer?: number | undefined; older?: number | undefined },
  context?: SiteContext,
): string {
  return hash({
    site: siteOf(context),
    year: entry.year,
    page,
    around: [around.newer, around.older],
    count: entry.briefs.length,
    chart: page === 1 ? countByQuarter(entry.briefs) : null,
    pager: pagerLinks(
      yearUrl(entry.year),
      entry.pages.map((months) => months.flatMap((m) => m.briefs)),
      dayOf,
    ).map((link) => link.label),
    months: entry.pages[page - 1]!.map(({ month, briefs, continued }) => [
      month.id,
      month.label,
      month.briefs.length,
      continued,
      briefs.map(briefSummary),
    ]),
  });
}
