import type { APIRoute } from 'astro';
import { exportBriefs } from '../../lib/feeds.ts';
import { getSiteData } from '../../lib/site.ts';

export const GET: APIRoute = async ({ site }) => Response.json(exportBriefs((await getSiteData()).graph, site!));
