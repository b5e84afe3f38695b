/**
 * The one place pages get their data: the collections, turned into plain records
 * and a link graph, built once per build (memoised for every page that asks).
 */
import type { z } from 'astro/zod';
import { type CollectionEntry, getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import type { BriefRecord, EntityRecord } from '../model/records.ts';
import { bodyOf } from '../content/frontmatter.ts';
import { buildGraph, type LinkGraph } from '../model/graph.ts';
import { BRIEFS_DIR, type briefSchema, KINDS, type KindId } from '../content/registry.ts';

type BriefEntry = CollectionEntry<'briefs'>;
type AnyEntry = { id: string; data: Record<string, unknown>; filePath?: string | undefined; digest?: string | undefined };

export interface SiteData {
  graph: LinkGraph;
  briefEntry(slug: string): BriefEntry;
  entityEntry(kind: KindId, slug: string): AnyEntry;
}

let cached: Promise<SiteData> | undefined;

/** Bodies are not kept in Astro's store (see content.config.ts): read them from the file. */
function readBody(entry: { filePath?: string | undefined }): string {
  return entry.filePath ? bodyOf(readFileSync(entry.filePath, 'utf8')) : '';
}

/** Drafts are shown by `astro dev` and never by a build (see src/astro/command-flags.ts). */
const includeDrafts = import.meta.env.BRIEFING_SHOW_DRAFTS === true;

export function getSiteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

async function load(): Promise<SiteData> {
  const briefEntries = (await getCollection(BRIEFS_DIR as 'briefs')) as BriefEntry[];
  const briefs: BriefRecord[] = briefEntries.map((entry) => {
    // Collections are generated from the registry, so Astro types every entry as any kind's data.
    const data = entry.data as z.output<typeof briefSchema>;
    const { title, date, updated, summary, highlights, sources, authors, draft } = data;
    const refs = Object.fromEntries(KINDS.map((k) => [k.id, (data as Record<string, unknown>)[k.id] as string[]]));
    return { slug: entry.id, title, date, updated, summary, highlights, sources, authors, draft, refs, body: readBody(entry), filePath: entry.filePath, digest: entry.digest === undefined ? undefined : String(entry.digest) };
  });
  const entityEntries = new Map<string, AnyEntry>();
  const entities: EntityRecord[] = [];
  for (const kind of KINDS) {
    const entries = (await getCollection(kind.id as never)) as unknown as AnyEntry[];
    for (const entry of entries) {
      const data = entry.data as { name: string; aliases: string[]; summary?: string };
      entityEntries.set(`${kind.id}/${entry.id}`, entry);
      entities.push({ kind: kind.id, slug: entry.id, name: data.name, aliases: data.aliases, summary: data.summary, data: entry.data, body: readBody(entry), filePath: entry.filePath, digest: entry.digest });
    }
  }
  const briefById = new Map(briefEntries.map((e) => [e.id, e]));
  return {
    graph: buildGraph(briefs, entities, { includeDrafts }),
    briefEntry: (slug) => briefById.get(slug)!,
    entityEntry: (kind, slug) => entityEntries.get(`${kind}/${slug}`)!,
  };
}
