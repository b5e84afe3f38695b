/** `api/index.json`: what the JSON export holds and where (whole files, parts by year). */
import type { APIRoute } from 'astro';
import { exportIndex } from '../../model/feeds.ts';
import { siteRoot } from '../../astro/links.ts';
import { getSiteData } from '../../astro/site-data.ts';

export const GET: APIRoute = async () =>
  Response.json(exportIndex((await getSiteData()).graph, siteRoot()));
