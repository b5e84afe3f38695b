import type { APIRoute } from 'astro';
import { exportEntities } from '../../model/feeds.ts';
import { getSiteData } from '../../astro/site-data.ts';

export const GET: APIRoute = async ({ site }) =>
  Response.json(exportEntities((await getSiteData()).graph, site!));
