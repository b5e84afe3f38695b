/**
 * The link graph: which briefs touch which entities, computed once per build.
 * Pages ask it questions (backlinks, co-mentions, related briefs) instead of
 * scanning every brief themselves, which would be quadratic at 10,000 briefs.
 */
import {
  type BriefRecord,
  type EntityRecord,
  type EntityRef,
  compareBriefsNewestFirst,
  refKey,
} from './records.ts';
import { KIND_IDS, type KindId } from '../content/registry.ts';
import { EntityIndex } from './resolve.ts';
import { type BriefStatus, briefStatus } from './publication.ts';
import { glossaryTerms, type GlossaryTerm } from './glossary.ts';

export interface CoMention {
  entity: EntityRecord;
  count: number;
}

export interface Edge {
  brief: string;
  kind: KindId;
  entity: string;
  /** Where the brief references the entity. */
  via: Array<'frontmatter' | 'body'>;
}

export interface GraphOptions {
  /** The build's day: briefs dated after it are scheduled. Without it, no brief is. */
  today?: Date | undefined;
  /** `npm run dev`: drafts and scheduled briefs are included (pages mark them). */
  preview?: boolean;
}

export interface LinkGraph {
  /** Published briefs (with drafts and scheduled briefs in a preview), newest first. */
  briefs: BriefRecord[];
  /** Every entity, by kind (registry order) then name. */
  entities: EntityRecord[];
  index: EntityIndex;
  brief(slug: string): BriefRecord | undefined;
  /** Published, draft or scheduled: only a preview has briefs that are not published. */
  status(brief: BriefRecord): BriefStatus;
  /** The entities a brief references (frontmatter or body), in kind order then name. */
  entitiesOf(slug: string): EntityRecord[];
  /** The glossary terms a brief's body uses (its page links them), in order of first use. */
  glossaryTermsOf(slug: string): readonly GlossaryTerm[];
  /** Briefs that reference the entity, newest first. */
  backlinks(ref: EntityRef): BriefRecord[];
  /** Other entities that share briefs with this one, most shared first, per kind. */
  coMentions(ref: EntityRef, perKind?: number): Map<KindId, CoMention[]>;
  /** Briefs sharing the most (and the rarest) entities, ties broken by recency. */
  related(slug: string, limit?: number): BriefRecord[];
  /** Chronological neighbours: `older` was published before, `newer` after. */
  neighbours(slug: string): { older?: BriefRecord | undefined; newer?: BriefRecord | undefined };
  /** brief → entity edges, for the JSON export (of `only` these briefs, if given). */
  edges(only?: readonly BriefRecord[]): Edge[];
  /** The most frequent co-mention pairs across the corpus. */
  strongestPairs(limit: number): Array<{ a: EntityRecord; b: EntityRecord; count: number }>;
}

function compareEntities(a: EntityRecord, b: EntityRecord): number {
  return (
    KIND_IDS.indexOf(a.kind) - KIND_IDS.indexOf(b.kind) ||
    a.name.localeCompare(b.name, 'en') ||
    a.slug.localeCompare(b.slug)
  );
}

export function buildGraph(
  allBriefs: Iterable<BriefRecord>,
  allEntities: Iterable<EntityRecord>,
  { today, preview = false }: GraphOptions = {},
): LinkGraph {
  const entities = [...allEntities].sort(compareEntities);
  const index = new EntityIndex(entities);
  // The one place that decides what is published: everything below sees only these briefs.
  const briefs = [...allBriefs]
    .filter((b) => preview || briefStatus(b, today) === 'published')
    .sort(compareBriefsNewestFirst);
  const position = new Map(briefs.map((b, i) => [b.slug, i]));
  const bySlug = new Map(briefs.map((b) => [b.slug, b]));

  const glossary = new Map(glossaryTerms(entities).map((term) => [refKey(term.entity), term]));
  const refsOf = new Map<string, Map<string, Edge['via']>>();
  // The terms each brief's page glosses, for its cache key.
  const termsOf = new Map<string, readonly GlossaryTerm[]>();
  const backlinkPositions = new Map<string, number[]>();

  briefs.forEach((brief, i) => {
    const refs = new Map<string, Edge['via']>();
    const add = (entity: EntityRecord | undefined, via: 'frontmatter' | 'body') => {
      if (!entity) return;
      const key = refKey(entity);
      const seen = refs.get(key);
      if (!seen) refs.set(key, [via]);
      else if (!seen.includes(via)) seen.push(via);
    };
    for (const kind of KIND_IDS)
      for (const slug of brief.refs[kind] ?? []) add(index.get({ kind, slug }), 'frontmatter');
    for (const target of brief.links) add(index.resolve(target), 'body');
    // A glossary term the text uses is linked on the page (src/astro/glossary-plugin.ts).
    const terms = brief.glossary.flatMap((key) => glossary.get(key) ?? []);
    if (terms.length) termsOf.set(brief.slug, terms);
    for (const term of terms) add(term.entity, 'body');
    refsOf.set(brief.slug, refs);
    // Briefs are visited newest first, so each backlink list comes out already sorted.
    for (const key of refs.keys()) {
      const list = backlinkPositions.get(key) ?? [];
      list.push(i);
      backlinkPositions.set(key, list);
    }
  });

  // Counted when a page first asks: the build's check process needs backlinks, not these (the
  // counting was a quarter of the graph's 22 s at 100,000 briefs).
  let coCounts: Map<string, Map<string, number>> | undefined;
  const coCountsOf = () => (coCounts ??= countCoMentions(refsOf.values()));

  const entityOrder = new Map(entities.map((e, i) => [refKey(e), i]));
  // Asked for every brief by its page and its cache key, and for every backlink of every
  // profile's cache key: computed once per brief.
  const entitiesCache = new Map<string, EntityRecord[]>();
  const entitiesOf = (slug: string) => {
    let list = entitiesCache.get(slug);
    if (!list) {
      list = [...(refsOf.get(slug)?.keys() ?? [])]
        .map((key) => index.byKey.get(key)!)
        .sort((a, b) => entityOrder.get(refKey(a))! - entityOrder.get(refKey(b))!);
      entitiesCache.set(slug, list);
    }
    return list;
  };

  // Positions of each entity's briefs as typed arrays, kept once for backlinks and `related`,
  // which walks thousands of them per brief at 100,000 briefs: with the candidates it touched in
  // one too, the related briefs of all 100,000 took 2.4 s instead of 5.6 s over plain arrays.
  const holders = new Map(
    [...backlinkPositions].map(([key, list]) => [key, Int32Array.from(list)]),
  );
  backlinkPositions.clear();
  const backlinks = (ref: EntityRef) =>
    Array.from(holders.get(refKey(ref)) ?? [], (i) => briefs[i]!);

  // Scores of candidate briefs by position, and the candidates a call touched: both reset after
  // each call. A brief sharing a common theme has a thousand candidates, and sorting them all
  // for five was most of the cost.
  const scores = new Float64Array(briefs.length);
  const touched = new Int32Array(briefs.length);
  const relatedCache = new Map<string, BriefRecord[]>();
  const related = (slug: string, limit = 5): BriefRecord[] => {
    const cacheKey = `${slug}#${limit}`;
    const cached = relatedCache.get(cacheKey);
    if (cached) return cached;
    const total = briefs.length;
    let count = 0;
    for (const key of refsOf.get(slug)?.keys() ?? []) {
      const list = holders.get(key);
      if (!list) continue;
      // Inverse document frequency: sharing a rare entity says more than sharing a common theme.
      const weight = Math.log(1 + total / list.length);
      for (let at = 0; at < list.length; at++) {
        const i = list[at]!;
        if (scores[i] === 0) touched[count++] = i;
        scores[i]! += weight;
      }
    }
    // The best `limit`, highest score first, then newest (lowest position) first.
    const self = position.get(slug) ?? -1;
    const ahead = (a: number, b: number) =>
      scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
    const best: number[] = [];
    for (let at = 0; at < count; at++) {
      const i = touched[at]!;
      if (i === self || (best.length === limit && !ahead(i, best[limit - 1]!))) continue;
      let place = best.length;
      while (place > 0 && ahead(i, best[place - 1]!)) place--;
      best.splice(place, 0, i);
      if (best.length > limit) best.pop();
    }
    for (let at = 0; at < count; at++) scores[touched[at]!] = 0;
    const result = best.map((i) => briefs[i]!);
    relatedCache.set(cacheKey, result);
    return result;
  };

  return {
    briefs,
    entities,
    index,
    brief: (slug) => bySlug.get(slug),
    glossaryTermsOf: (slug) => termsOf.get(slug) ?? [],
    status: (brief) => briefStatus(brief, today),
    entitiesOf,
    backlinks,
    coMentions(ref, perKind = 5) {
      // The first `perKind` of each kind by count, then in the entities' order, without sorting
      // every co-mention: a busy profile has thousands (the sort was 9 s of a 100,000 rebuild).
      type Ranked = CoMention & { order: number };
      const ahead = (a: Ranked, b: Ranked) =>
        a.count > b.count || (a.count === b.count && a.order < b.order);
      const best = new Map<KindId, Ranked[]>();
      for (const [key, count] of coCountsOf().get(refKey(ref)) ?? []) {
        const entity = index.byKey.get(key)!;
        const item = { entity, count, order: entityOrder.get(key)! };
        let list = best.get(entity.kind);
        if (!list) best.set(entity.kind, (list = []));
        if (list.length === perKind && !ahead(item, list[perKind - 1]!)) continue;
        let at = list.length;
        while (at > 0 && ahead(item, list[at - 1]!)) at--;
        list.splice(at, 0, item);
        if (list.length > perKind) list.pop();
      }
      // Kinds in the order of their first co-mention.
      return new Map(
        [...best]
          .sort(([, a], [, b]) => (ahead(a[0]!, b[0]!) ? -1 : 1))
          .map(([kind, list]) => [kind, list.map(({ entity, count }) => ({ entity, count }))]),
      );
    },
    related,
    neighbours(slug) {
      const i = position.get(slug);
      if (i === undefined) return {};
      return { newer: briefs[i - 1], older: briefs[i + 1] };
    },
    edges(only) {
      const edges: Edge[] = [];
      for (const brief of only ?? briefs) {
        for (const [key, via] of refsOf.get(brief.slug) ?? []) {
          const entity = index.byKey.get(key)!;
          edges.push({
            brief: brief.slug,
            kind: entity.kind,
            entity: entity.slug,
            via: [...via].sort(),
          });
        }
      }
      return edges;
    },
    strongestPairs(limit) {
      // Each pair once, as "a b" with a before b.
      const pairCounts: Array<[string, number]> = [];
      for (const [a, counts] of coCountsOf())
        for (const [b, count] of counts) if (a < b) pairCounts.push([`${a} ${b}`, count]);
      return pairCounts
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, limit)
        .map(([pair, count]) => {
          const [a, b] = pair.split(' ') as [string, string];
          return { a: index.byKey.get(a)!, b: index.byKey.get(b)!, count };
        });
    },
  };
}

/** How many briefs mention each two entities together, by refKey, both ways round. */
function countCoMentions(
  refsOfBriefs: Iterable<ReadonlyMap<string, unknown>>,
): Map<string, Map<string, number>> {
  const coCounts = new Map<string, Map<string, number>>();
  const add = (from: string, to: string) => {
    let counts = coCounts.get(from);
    if (!counts) coCounts.set(from, (counts = new Map()));
    counts.set(to, (counts.get(to) ?? 0) + 1);
  };
  for (const refs of refsOfBriefs) {
    const keys = [...refs.keys()];
    for (let x = 0; x < keys.length; x++) {
      for (let y = x + 1; y < keys.length; y++) {
        add(keys[x]!, keys[y]!);
        add(keys[y]!, keys[x]!);
      }
    }
  }
  return coCounts;
}
