/** `api/links/<year>.json`: the brief → entity edges of one part of the export. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { exportParts, type ExportPart } from '../../../model/feeds.ts';
import { getSiteData } from '../../../astro/site-data.ts';
import { cacheKeyed, linksPartCacheKey } from '../../../astro/cache-keys.ts';

export const getStaticPaths = (async () => {
  const { graph } = await getSiteData();
  return exportParts(graph.briefs).map((part) => ({
    params: { part: part.id },
    props: { part },
    ...cacheKeyed(() => linksPartCacheKey(graph, part.briefs)),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  Response.json((await getSiteData()).graph.edges((props as { part: ExportPart }).part.briefs));
