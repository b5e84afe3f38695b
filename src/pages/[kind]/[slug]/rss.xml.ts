import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import type { EntityRecord } from '../../../model/records.ts';
import { feedDescription, feedItems, feedTitle } from '../../../model/feeds.ts';
import { entityPaths } from '../../../astro/kind-pages.ts';
import { getKind } from '../../../content/registry.ts';
import { getSiteData } from '../../../astro/site-data.ts';
import { href, siteRoot } from '../../../astro/links.ts';
import { getConfig } from '../../../config.ts';

export const getStaticPaths = entityPaths;

const settings = getConfig().site;

export const GET: APIRoute = async ({ props }) => {
  const { entity } = props as { entity: EntityRecord };
  const { graph } = await getSiteData();
  return rss({
    title: feedTitle(`${settings.title}: ${entity.name}`),
    description: feedDescription(
      `Briefs on ${entity.name} (${getKind(entity.kind).singular.toLowerCase()}).`,
    ),
    site: siteRoot().href,
    items: feedItems(graph, graph.backlinks(entity), href),
  });
};
