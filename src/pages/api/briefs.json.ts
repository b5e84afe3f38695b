import type { APIRoute } from 'astro';
import { exportBriefs } from '../../model/feeds.ts';
import { getSiteData } from '../../astro/site-data.ts';

export const GET: APIRoute = async ({ site }) =>
  Response.json(exportBriefs((await getSiteData()).graph, site!));
