/** `api/briefs/<year>.json` (or `<year>-<month>.json` in a busy year): a part of the export. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { exportBriefs, exportParts, type ExportPart } from '../../../model/feeds.ts';
import { siteRoot } from '../../../astro/links.ts';
import { getSiteData } from '../../../astro/site-data.ts';
import { cacheKeyed, exportPartCacheKey } from '../../../astro/cache-keys.ts';

export const getStaticPaths = (async () => {
  const { graph, config } = await getSiteData();
  return exportParts(graph.briefs).map((part) => ({
    params: { part: part.id },
    props: { part },
    ...cacheKeyed(() => exportPartCacheKey(graph, part.briefs, config)),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  Response.json(
    exportBriefs(
      (await getSiteData()).graph,
      siteRoot(),
      (props as { part: ExportPart }).part.briefs,
    ),
  );
