/** The glossary as JSON: every term with original, pinyin, English, address and brief count. */
import type { APIRoute } from 'astro';
import { siteRoot } from '../astro/links.ts';
import { getSiteData } from '../astro/site-data.ts';
import { absolute } from '../model/feeds.ts';
import { glossaryEntries } from '../model/glossary.ts';
import { entityUrl } from '../model/records.ts';

export const GET: APIRoute = async () => {
  const { graph } = await getSiteData();
  const root = siteRoot();
  return Response.json(
    glossaryEntries(graph.entities, (e) => graph.backlinks(e).length).map((e) => ({
      slug: e.entity.slug,
      url: absolute(entityUrl(e.entity), root),
      original: e.original,
      pinyin: e.pinyin,
      english: e.english,
      aliases: e.entity.aliases,
      ...(e.entity.summary ? { summary: e.entity.summary } : {}),
      briefs: e.briefs,
    })),
  );
};
