import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import type { EntityRecord } from '../../../model/records.ts';
import { feedItems } from '../../../model/feeds.ts';
import { entityPaths } from '../../../astro/kind-pages.ts';
import { getKind } from '../../../content/registry.ts';
import { getSiteData } from '../../../astro/site-data.ts';
import { getConfig } from '../../../config.ts';

export const getStaticPaths = entityPaths;

const settings = getConfig().site;

export const GET: APIRoute = async ({ props, site }) => {
  const { entity } = props as { entity: EntityRecord };
  const { graph } = await getSiteData();
  return rss({
    title: `${settings.title}: ${entity.name}`,
    description: `Briefs on ${entity.name} (${getKind(entity.kind).singular.toLowerCase()}).`,
    site: site!,
    items: feedItems(graph, graph.backlinks(entity)),
  });
};
