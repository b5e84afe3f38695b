import type { APIRoute } from 'astro';
import { exportEntities } from '../../model/feeds.ts';
import { siteRoot } from '../../astro/links.ts';
import { getSiteData } from '../../astro/site-data.ts';

export const GET: APIRoute = async () =>
  Response.json(exportEntities((await getSiteData()).graph, siteRoot()));
