import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedItems } from '../model/feeds.ts';
import { getSiteData } from '../astro/site-data.ts';
import { SITE } from '../site.config.ts';

export const GET: APIRoute = async ({ site }) => {
  const { graph } = await getSiteData();
  return rss({ title: SITE.title, description: SITE.description, site: site!, items: feedItems(graph, graph.briefs) });
};
