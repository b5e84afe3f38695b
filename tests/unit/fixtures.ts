/** Small in-memory records for unit tests of the link graph. */
import { glossaryMatcher } from '../../src/model/glossary.ts';
import { type BriefRecord, type EntityRecord, refKey } from '../../src/model/records.ts';
import { EntityIndex } from '../../src/model/resolve.ts';
import { findWikilinks } from '../../src/content/wikilinks.ts';
import type { KindId } from '../../src/content/registry.ts';

export function entity(
  kind: KindId,
  slug: string,
  name: string,
  aliases: string[] = [],
): EntityRecord {
  return { kind, slug, name, aliases, data: { name, aliases }, body: '', format: 'md', links: [] };
}

export function brief(
  slug: string,
  date: string,
  refs: Partial<Record<KindId, string[]>> = {},
  body = '',
  draft = false,
): BriefRecord {
  return {
    slug,
    title: `Title of ${slug}`,
    date: new Date(`${date}T00:00:00Z`),
    summary: `Summary of ${slug}`,
    highlights: ['A takeaway.'],
    sources: [{ title: 'S', publisher: 'P', url: 'https://example.com/' }],
    authors: [],
    draft,
    redirectFrom: [],
    refs,
    body,
    format: 'md',
    links: findWikilinks(body).map((l) => l.target),
    glossary: [],
  };
}

/** The briefs with the glossary terms their bodies use, found as validation finds them. */
export function withGlossary(briefs: BriefRecord[], entities: EntityRecord[]): BriefRecord[] {
  const matcher = glossaryMatcher(new EntityIndex(entities));
  return briefs.map((b) => ({
    ...b,
    glossary: matcher.termsIn(b.body).map((t) => refKey(t.entity)),
  }));
}
