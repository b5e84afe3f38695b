/**
 * The site's link graph from validated content: the one call that pages, the search index and
 * `npm run build` make, so that drafts and scheduled briefs are left out of every output alike
 * (src/model/publication.ts decides; the build's day comes from src/config.ts).
 */
import { relative, resolve, sep } from 'node:path';
import type { Config } from '../config.ts';
import type { GitDates } from '../content/git-dates.ts';
import type { ValidationResult } from '../content/validate.ts';
import { buildGraph, type LinkGraph } from '../model/graph.ts';

export interface SiteGraphOptions {
  /** `npm run dev`: drafts and scheduled briefs too, marked. */
  preview?: boolean;
  /** The content's git history, for "Updated" and history links (src/content/git-dates.ts). */
  git?: GitDates | undefined;
}

export function siteGraph(
  content: Pick<ValidationResult, 'briefs' | 'entities'>,
  config: Pick<Config, 'buildDay' | 'root' | 'contentDir'>,
  { preview = false, git }: SiteGraphOptions = {},
): LinkGraph {
  const briefs = git
    ? content.briefs.map((brief) => {
        if (!brief.filePath) return brief;
        const path = relative(config.contentDir, resolve(config.root, brief.filePath));
        return { ...brief, git: git.files.get(path.split(sep).join('/')) };
      })
    : content.briefs;
  return buildGraph(briefs, content.entities, { today: config.buildDay, preview });
}
