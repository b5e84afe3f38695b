/**
 * When each content file was first and last committed, from ONE `git log` over the content
 * folder (not a process per file: 10,000 briefs would be 10,000 processes). Outside a git
 * checkout, or without git, there are no dates and the build goes on.
 *
 * A shallow clone (CI checkouts fetch one commit by default) has no history before its
 * boundary commit, which looks as if it added every file: commits at the boundary are not
 * taken as dates, so a file unchanged since then has no git dates at all, and one changed
 * since has a last date but no first (it existed before).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dayIn } from '../model/dates.ts';
import type { GitHistory } from '../model/records.ts';

export interface GitDates {
  /** By path relative to the content folder (`briefs/2025/x.md`). */
  files: Map<string, GitHistory>;
  /** Whether the checkout is shallow (then older history is missing). */
  shallow: boolean;
}

const COMMIT = '\x01';

/**
 * Parses `git log -z --format=%x01%H %ct --name-only` (newest first). `boundary`: the
 * commits of a shallow clone's edge. `prefix`: the content folder's path in the repository.
 * `buildDay`: commits after it are left out.
 */
export function parseGitLog(
  output: string,
  {
    boundary = new Set<string>(),
    prefix = '',
    timeZone = 'UTC',
    buildDay,
  }: {
    boundary?: Set<string>;
    prefix?: string;
    timeZone?: string;
    buildDay?: Date | undefined;
  } = {},
): Map<string, GitHistory> {
  const files = new Map<string, GitHistory>();
  // Files a shallow clone's boundary commit shows: they existed before the fetched history.
  const older = new Set<string>();
  let day: Date | undefined;
  let atBoundary = false;
  for (const raw of output.split('\0')) {
    const token = raw.replace(/^\n/, '');
    if (!token) continue;
    if (token.startsWith(COMMIT)) {
      const [hash, seconds] = token.slice(1).split(' ');
      atBoundary = boundary.has(hash!);
      day = dayIn(new Date(Number(seconds) * 1000), timeZone);
      // A commit after the build's day is one that build could not have known.
      if (buildDay && day > buildDay) day = undefined;
      continue;
    }
    if (!day) continue;
    let history = files.get(token);
    if (!history) {
      history = { path: `${prefix}${token}` };
      files.set(token, history);
    }
    if (atBoundary) older.add(token);
    else {
      // Newest first: the first commit seen is the last one, each later one is earlier.
      history.last ??= day;
      history.first = day;
    }
  }
  for (const path of older) delete files.get(path)!.first;
  return files;
}

function git(cwd: string, args: string[]): string | undefined {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return result.status === 0 ? result.stdout : undefined;
}

/**
 * The git dates of every file in `contentDir`, or undefined when it is not in a git checkout.
 * `buildDay`: commits after that day are left out, so a build for a given day (BRIEFING_BUILD_DATE,
 * SOURCE_DATE_EPOCH) shows no date it could not have known, and stays the same when run later.
 */
export function readGitDates(
  contentDir: string,
  timeZone = 'UTC',
  buildDay?: Date,
): GitDates | undefined {
  const info = git(contentDir, [
    'rev-parse',
    '--is-shallow-repository',
    '--show-prefix',
    '--git-path',
    'shallow',
  ]);
  if (info === undefined) return undefined;
  const [isShallow, prefix = '', shallowFile = ''] = info.split('\n');
  const shallow = isShallow === 'true';
  let boundary = new Set<string>();
  if (shallow) {
    try {
      const text = readFileSync(resolve(contentDir, shallowFile), 'utf8');
      boundary = new Set(text.split('\n').filter(Boolean));
    } catch {
      // No list of boundary commits: every date is taken as it is.
    }
  }
  const log = git(contentDir, [
    '-c',
    'core.quotePath=false',
    'log',
    '-z',
    '--no-renames',
    '--relative',
    '--format=%x01%H %ct',
    '--name-only',
    '--',
    '.',
  ]);
  // A repository without commits yet has no dates, and is no error.
  if (log === undefined) return { files: new Map(), shallow };
  return { files: parseGitLog(log, { boundary, prefix, timeZone, buildDay }), shallow };
}
