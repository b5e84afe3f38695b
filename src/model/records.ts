/**
 * Plain records the link graph works on: no Astro types, so the logic is testable in
 * isolation. src/content/validate.ts is the one place that makes them from files.
 */
import type { KindId } from '../content/registry.ts';
import type { SourceData } from '../content/schemas.ts';

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
  /** The frontmatter's summary, or the first paragraph's text; '' when the body has none. */
  summary: string;
  /** The summary is the first paragraph's text (the page need not show it twice). */
  summaryFromBody?: boolean | undefined;
  /** Key takeaways; empty where the site's rules allow it. */
  highlights: string[];
  sources: SourceData[];
  authors: string[];
  draft: boolean;
  /** Old addresses (paths such as `/2013/01/11/x/`, or `/?p=123`) that redirect to the brief. */
  redirectFrom: string[];
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
