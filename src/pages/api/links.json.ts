import type { APIRoute } from 'astro';
import { getSiteData } from '../../astro/site-data.ts';

/** brief → entity edges; `via` says whether the link is in the frontmatter, the body, or both. */
export const GET: APIRoute = async () => Response.json((await getSiteData()).graph.edges());
