/**
 * `api/briefs.json` and `api/links.json`: the whole export in one file each, for an archive of
 * up to WHOLE_EXPORT_UP_TO briefs; larger archives are exported in parts only (api/index.json).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { exportBriefs, WHOLE_EXPORT_UP_TO } from '../../model/feeds.ts';
import { siteRoot } from '../../astro/links.ts';
import { getSiteData } from '../../astro/site-data.ts';

export const getStaticPaths = (async () => {
  const { graph } = await getSiteData();
  if (graph.briefs.length > WHOLE_EXPORT_UP_TO) return [];
  return [{ params: { whole: 'briefs' } }, { params: { whole: 'links' } }];
}) satisfies GetStaticPaths;

/** brief → entity edges; `via` says whether the link is in the frontmatter, the body, or both. */
export const GET: APIRoute = async ({ params }) => {
  const { graph } = await getSiteData();
  return Response.json(params.whole === 'briefs' ? exportBriefs(graph, siteRoot()) : graph.edges());
};
