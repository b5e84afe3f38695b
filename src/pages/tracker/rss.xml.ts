/** The tracker's feed: every recorded policy event, newest first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSiteData } from '../../astro/site-data.ts';
import { href, siteRoot } from '../../astro/links.ts';
import { getConfig } from '../../config.ts';
import { FEED_LIMIT, feedTitle } from '../../model/feeds.ts';
import { trackerFeedItems } from '../../model/policy-feed.ts';

const settings = getConfig().site;

export const GET: APIRoute = async () => {
  const { graph, today } = await getSiteData();
  return rss({
    title: feedTitle(`${settings.title}: policy status changes`),
    description:
      'Dated changes to the policies the tracker follows: announced, in force, amended, suspended, resumed, repealed, expired.',
    site: siteRoot().href,
    // Links end in an #event anchor, so they are given whole: the feed writer would add a slash
    // after the anchor of a path.
    items: trackerFeedItems(
      graph.entities,
      today,
      (path) => new URL(href(path), siteRoot()).href,
      FEED_LIMIT,
    ),
  });
};
