/**
 * The one place pages get their data: the validated content (the same reading as
 * `npm run check`), turned into a link graph once per build and memoised for every page.
 * In `astro dev` it follows the files: an edit is picked up on the next request, and a
 * content problem is thrown, so Astro's error overlay shows it with file and line.
 */
import { resolve } from 'node:path';
import { type Config, getConfig } from '../config.ts';
import { contentFollowed, contentLocation, loadContentCached } from '../content/load.ts';
import { formatProblems, type Problem } from '../content/problems.ts';
import { type GitDates, readGitDates } from '../content/git-dates.ts';
import type { ValidationResult } from '../content/validate.ts';
import type { LinkGraph } from '../model/graph.ts';
import { siteGraph } from './site-graph.ts';

export interface SiteData {
  graph: LinkGraph;
  config: Config;
  /** The day the build treats as today (policy statuses and next events depend on it). */
  today: Date;
}

/**
 * Drafts and scheduled briefs are shown (marked) by `astro dev` and never by a build (see
 * src/astro/command-flags.ts).
 */
const dev = import.meta.env.BRIEFING_SHOW_DRAFTS === true;

let cached: { content: ValidationResult; data: SiteData } | undefined;

export async function getSiteData(): Promise<SiteData> {
  const config = getConfig();
  // A build reads the content once; the dev server looks for changes at most once a second,
  // unless its content loader's watcher keeps the content current (load.ts `followContent`).
  const location = contentLocation(config);
  const look = dev && !contentFollowed(location) ? 1000 : Infinity;
  const content = loadContentCached(location, look);
  if (content.problems.length) throw contentError(content.problems, config.root);
  if (cached?.content !== content) {
    // One `git log` for the whole content folder, read again only when the content changes.
    const git = readGitDates(config.contentDir, config.site.timeZone, config.buildDay);
    cached = { content, data: siteDataOf(content, config, dev, git) };
  }
  return cached.data;
}

/** The site's data from validated content: pure, so tests can call it without Astro. */
export function siteDataOf(
  content: Pick<ValidationResult, 'briefs' | 'entities'>,
  config: Config,
  preview: boolean,
  git?: GitDates,
): SiteData {
  return { graph: siteGraph(content, config, { preview, git }), config, today: config.buildDay };
}

/** An error Astro shows as it shows a compile error: every problem, and the first one's place. */
function contentError(problems: Problem[], root: string): Error {
  const error = new Error(
    `${formatProblems(problems)}\n\nFix the files above; the page reloads when they are saved.`,
  ) as Error & { loc?: object };
  const [first] = problems;
  if (first?.line) error.loc = { file: resolve(root, first.file), line: first.line, column: 1 };
  return error;
}
