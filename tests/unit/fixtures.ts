/** Small in-memory records for unit tests of the link graph. */
import type { BriefRecord, EntityRecord } from '../../src/model/records.ts';
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
  };
}
