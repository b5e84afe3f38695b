/**
 * Plain records the link graph works on: no Astro types, so the logic is testable in
 * isolation. src/content/validate.ts is the one place that makes them from files.
 */
import type { KindId } from '../content/registry.ts';
import type { RevisionData, SourceData } from '../content/schemas.ts';

/** What a record keeps of the file it was read from. */
export interface FromFile {
  body: string;
  /** Markdown or MDX. */
  format: 'md' | 'mdx';
  /** The targets of the body's [[wikilinks]], in order (src/content/wikilinks.ts). */
  links: string[];
  filePath?: string | undefined;
  /** Digest of the source file, when known: part of the incremental-build cache key. */
  digest?: string | undefined;
}

export interface EntityRef {
  kind: KindId;
  slug: string;
}

export interface EntityRecord extends EntityRef, FromFile {
  name: string;
  aliases: string[];
  summary?: string | undefined;
  /** Every validated frontmatter field, for kind-specific facts. */
  data: Record<string, unknown>;
}

export interface BriefRecord extends FromFile {
  slug: string;
  title: string;
  date: Date;
  updated?: Date | undefined;
  summary: string;
  highlights: string[];
  sources: SourceData[];
  authors: string[];
  /** Dated corrections of errors, and updates with new information (both optional). */
  corrections?: RevisionData[] | undefined;
  updates?: RevisionData[] | undefined;
  draft: boolean;
  /** Frontmatter references, by kind. */
  refs: Partial<Record<KindId, string[]>>;
}

export function refKey(ref: EntityRef): string {
  return `${ref.kind}/${ref.slug}`;
}

export function entityUrl(ref: EntityRef): string {
  return `/${ref.kind}/${ref.slug}/`;
}

export function briefUrl(slug: string): string {
  return `/briefs/${slug}/`;
}

/** Newest first; equal dates fall back to slug so the order never depends on file-system order. */
export function compareBriefsNewestFirst(a: BriefRecord, b: BriefRecord): number {
  return b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug);
}

export interface Revision extends RevisionData {
  type: 'correction' | 'update';
}

/** A brief's corrections and updates, newest first (corrections before updates on one day). */
export function revisionsOf(brief: BriefRecord): Revision[] {
  return [
    ...(brief.corrections ?? []).map((r) => ({ ...r, type: 'correction' as const })),
    ...(brief.updates ?? []).map((r) => ({ ...r, type: 'update' as const })),
  ].sort((a, b) => b.date.getTime() - a.date.getTime());
}

/** When a brief last changed: its date, `updated`, or its latest correction or update. */
export function lastModified(brief: BriefRecord): Date {
  let latest = brief.updated && brief.updated > brief.date ? brief.updated : brief.date;
  for (const r of [...(brief.corrections ?? []), ...(brief.updates ?? [])])
    if (r.date > latest) latest = r.date;
  return latest;
}
