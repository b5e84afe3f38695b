import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedItems } from '../model/feeds.ts';
import { getSiteData } from '../astro/site-data.ts';
import { getConfig } from '../config.ts';

const settings = getConfig().site;

export const GET: APIRoute = async ({ site }) => {
  const { graph } = await getSiteData();
  return rss({
    title: settings.title,
    description: settings.description,
    site: site!,
    items: feedItems(graph, graph.briefs),
  });
};
