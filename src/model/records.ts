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
  /** Old addresses (an imported category's `/category/x/`) that redirect to the profile. */
  redirectFrom?: string[] | undefined;
  /** Every validated frontmatter field, for kind-specific facts. */
  data: Record<string, unknown>;
}

/** A file's place in the content's git history (src/content/git-dates.ts). */
export interface GitHistory {
  /** The file's path in its repository, for a link to its history on the forge. */
  path: string;
  /** Days of its first and last commits; no first when it is older than a shallow clone's history. */
  first?: Date | undefined;
  last?: Date | undefined;
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
  /** Dated corrections of errors, and updates with new information (both optional). */
  corrections?: RevisionData[] | undefined;
  updates?: RevisionData[] | undefined;
  draft: boolean;
  /** Its git history, when the site is built from a git checkout. */
  git?: GitHistory | undefined;
  /** Old addresses (paths such as `/2013/01/11/x/`, or `/?p=123`) that redirect to the brief. */
  redirectFrom: string[];
  /** Frontmatter references, by kind. */
  refs: Partial<Record<KindId, string[]>>;
  /**
   * The glossary terms its body uses (`terms/slug`), in order of first use: found when the file
   * is validated, as its wikilinks are (src/model/glossary.ts).
   */
  glossary: string[];
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

/**
 * The day a brief shows as "Updated": its `updated` field, else its last commit when that is
 * later than its date and than its first commit (a brief committed the day after its event,
 * and never changed since, was not updated).
 */
export function updatedDay(brief: Pick<BriefRecord, 'updated' | 'date' | 'git'>): Date | undefined {
  if (brief.updated) return brief.updated;
  const last = brief.git?.last;
  if (!last || last <= brief.date) return undefined;
  const first = brief.git?.first;
  return first && last <= first ? undefined : last;
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

/**
 * The day of a brief's latest published change: its date, or its newest correction or update.
 * Feeds order and date briefs by it: an edit readers are told of brings a brief back to the top,
 * a commit that fixes a typo does not.
 */
export function revisedOn(brief: BriefRecord): Date {
  const latest = revisionsOf(brief)[0];
  return latest && latest.date > brief.date ? latest.date : brief.date;
}

/**
 * When a brief last changed, as its page and citations say: the later of revisedOn and its
 * "Updated" day (`updated`, or its last commit: updatedDay).
 */
export function lastModified(brief: BriefRecord): Date {
  const revised = revisedOn(brief);
  const updated = updatedDay(brief);
  return updated && updated > revised ? updated : revised;
}
