import type { APIRoute } from 'astro';
import { exportEntities } from '../../lib/feeds.ts';
import { getSiteData } from '../../lib/site.ts';

export const GET: APIRoute = async ({ site }) => Response.json(exportEntities((await getSiteData()).graph, site!));
