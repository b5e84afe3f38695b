/**
 * The site's link graph from validated content: the one call that pages, the search index and
 * `npm run build` make, so that drafts and scheduled briefs are left out of every output alike
 * (src/model/publication.ts decides; the build's day comes from src/config.ts).
 */
import type { Config } from '../config.ts';
import type { ValidationResult } from '../content/validate.ts';
import { buildGraph, type LinkGraph } from '../model/graph.ts';

export function siteGraph(
  content: Pick<ValidationResult, 'briefs' | 'entities'>,
  config: Pick<Config, 'buildDay'>,
  { preview = false } = {},
): LinkGraph {
  return buildGraph(content.briefs, content.entities, { today: config.buildDay, preview });
}
