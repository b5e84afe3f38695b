import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedDescription, feedItems, feedTitle } from '../model/feeds.ts';
import { getSiteData } from '../astro/site-data.ts';
import { href, siteRoot } from '../astro/links.ts';
import { getConfig } from '../config.ts';

const settings = getConfig().site;

export const GET: APIRoute = async () => {
  const { graph } = await getSiteData();
  return rss({
    title: feedTitle(settings.title),
    description: feedDescription(settings.description),
    site: siteRoot().href,
    items: feedItems(graph, graph.briefs, href),
  });
};
