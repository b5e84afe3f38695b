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
import type { BriefRecord, GitHistory } from '../model/records.ts';

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
        return withHistory(brief, git.files.get(path.split(sep).join('/')));
      })
    : content.briefs;
  return buildGraph(briefs, content.entities, { today: config.buildDay, preview });
}

/**
 * A copy of the record with its git history. Copied with its property descriptors: a spread
 * would read the body from its file and hold it (src/content/load.ts reads bodies when asked).
 */
function withHistory(brief: BriefRecord, git: GitHistory | undefined): BriefRecord {
  const copy = Object.create(
    Object.getPrototypeOf(brief) as object,
    Object.getOwnPropertyDescriptors(brief),
  ) as BriefRecord;
  copy.git = git;
  return copy;
}
