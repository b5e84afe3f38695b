/**
 * Reading and validating a content folder in one call: what `npm run check`, the Astro
 * loader, the pages and the wikilink resolution of MDX all use.
 */
import { join, resolve } from 'node:path';
import type { Config } from '../config.ts';
import {
  authorComponents,
  type Bodies,
  type ContentFiles,
  fingerprintContent,
  readContentFiles,
  readSettingsFile,
} from './files.ts';
import { takeOver } from './handover.ts';
import { KnownFiles } from './known-files.ts';
import { BriefMemo, memoKey } from './memo.ts';
import { checkNewBriefs, type ParallelOptions } from './parallel.ts';
import { validateContent, type ValidationResult } from './validate.ts';

export interface ContentLocation {
  /** The folder paths in messages are relative to: the project root. */
  root: string;
  /** The content folder, relative to `root` or absolute. */
  contentDir: string;
  /** The build's day (config.buildDay): policy statuses depend on it. The clock's day by default. */
  today?: Date | undefined;
  /** Where briefs checked in one run are remembered for the next (src/content/memo.ts). */
  memo?: string | undefined;
  /** Where a build's check leaves its whole result for the next process (handover.ts). */
  handover?: string | undefined;
  /** Where the briefs' files are remembered as last read (known-files.ts). */
  known?: string | undefined;
}

/**
 * Reads and validates every file.
 * `bodies`: whether the records hold their bodies, or read them from their files when asked.
 * Astro's process reads them when asked: it keeps the content for the whole build while a page
 * asks for its body once or twice (100,000 bodies held took about 1.1 GB of its memory and
 * slowed every garbage collection), and each file is then read when validation comes to it
 * instead of all at once. A short run such as `npm run check` holds them: it asks for every body
 * again. A record copied with a spread holds its body again: copy its property descriptors
 * instead, as src/astro/site-graph.ts does.
 */
export function loadContent(location: ContentLocation, bodies: Bodies = 'held'): ValidationResult {
  const { files, memo, known } = open(location, bodies);
  return validated(files, memo, location.today, known);
}

/**
 * The same for a check, whose briefs are checked on every core when the memo holds few of them
 * (parallel.ts): `npm run check` and the build's check, not Astro's process. `options.bodies`
 * as above (held by default); `npm run check` does not hold them, since it reads none but for
 * tagging hints (at 100,000 briefs, holding them cost about 0.9 GB and 2 to 4 s of garbage
 * collection).
 */
export async function loadContentInParallel(
  location: ContentLocation,
  options: ParallelOptions = {},
): Promise<ValidationResult> {
  const { root, contentDir, today } = location;
  const memo = location.memo ? new BriefMemo(location.memo, briefsKey(location)) : undefined;
  const readBefore = memo && (await checkNewBriefs(location, memo, options));
  // What the threads found is written while validation runs.
  memo?.writeAhead();
  const known = knownFiles(location);
  let result: ValidationResult;
  try {
    const bodies = options.bodies ?? 'held';
    const files = readContentFiles(root, contentDir, bodies, { readBefore, known });
    result = validateContent(files, today, memo);
  } catch (error) {
    await memo?.stopWriting();
    throw error;
  }
  await memo?.saveWhenWritten();
  known?.save();
  return result;
}

/** The folder's files, and the memo of its briefs if the location has one. */
function open(location: ContentLocation, bodies: Bodies) {
  const known = knownFiles(location);
  const files = readContentFiles(location.root, location.contentDir, bodies, { known });
  const key = briefsKey(location, files);
  return { files, memo: location.memo ? new BriefMemo(location.memo, key) : undefined, known };
}

/** The briefs' files as last read; only beside a memo, which a digest alone is of use to. */
function knownFiles(location: ContentLocation) {
  return location.memo && location.known ? new KnownFiles(location.known) : undefined;
}

/** The memo's key (memo.ts `memoKey`), from the files read or read for it. */
function briefsKey(
  { root, contentDir, today }: ContentLocation,
  files: Pick<ContentFiles, 'settings' | 'components'> = {
    settings: readSettingsFile(root, contentDir),
    components: authorComponents(root),
  },
): string {
  return memoKey(root, { settings: files.settings?.text, components: files.components, today });
}

function validated(
  files: ContentFiles,
  memo: BriefMemo | undefined,
  today: Date | undefined,
  known: KnownFiles | undefined,
) {
  const result = validateContent(files, today, memo);
  memo?.save();
  known?.save();
  return result;
}

/** Where a project's content is, checked on its build day, with the memo of its briefs. */
export function contentLocation(
  config: Pick<Config, 'root' | 'contentDir' | 'buildDay' | 'cacheDir'>,
): ContentLocation {
  return {
    root: config.root,
    contentDir: config.contentDir,
    today: config.buildDay,
    // Beside Astro's caches: cleared with them, and kept by a CI cache of them.
    memo: join(config.cacheDir, 'briefing', 'checked-briefs'),
    handover: join(config.cacheDir, 'briefing', 'checked-content'),
    known: join(config.cacheDir, 'briefing', 'known-files'),
  };
}

/**
 * What a whole validation result depends on besides the files: the folder, the day, the code
 * that checks, the settings and the MDX components (memo.ts `memoKey`).
 */
export function resultKey(location: ContentLocation): string {
  return `${locationKey(location)}\0${briefsKey(location)}`;
}

/** Which content a result is for: the folder, the root its paths are shown from, the day. */
export function locationKey(location: ContentLocation): string {
  // The loader is given Astro's root (with a trailing slash), the pages the config's.
  return `${resolve(location.root)}\0${resolve(location.root, location.contentDir)}\0${location.today?.getTime()}`;
}

interface Remembered {
  key: string;
  fingerprint: string;
  checkedAt: number;
  result: ValidationResult;
}

/**
 * Kept on globalThis, not in this module: Astro runs the content loader and the pages in one
 * process but loads this module twice (with the config, and in the pages' bundle). One memory
 * for both reads and holds the content once, not twice (at 100,000 briefs, a minute and some
 * gigabytes of records).
 */
const REMEMBERED = Symbol.for('briefing.loadContentCached');
/** A check under way (loadContentCachedInParallel), kept beside it for the same reason. */
const PENDING = Symbol.for('briefing.loadContentCachedInParallel');
/** The content folder a watcher follows (followContent), by `locationKey`. */
const FOLLOWED = Symbol.for('briefing.followContent');
const shared = globalThis as {
  [REMEMBERED]?: Remembered;
  [PENDING]?: { key: string; result: Promise<ValidationResult> };
  [FOLLOWED]?: string;
};

/**
 * Says that a watcher looks at the folder again at every change (the dev server's content
 * loader), so the result remembered is current without a look of its own: a look stats every
 * file (1.9 s at 100,000), and a dev server's page asked for one whenever a second had passed.
 * Returns what to call when the watcher can no longer be trusted (it failed).
 */
export function followContent(location: ContentLocation): () => void {
  const key = locationKey(location);
  shared[FOLLOWED] = key;
  return () => {
    if (shared[FOLLOWED] === key) delete shared[FOLLOWED];
  };
}

/** Whether a watcher follows this folder (followContent). */
export function contentFollowed(location: ContentLocation): boolean {
  return shared[FOLLOWED] === locationKey(location);
}

/**
 * The same, remembered for as long as no content file changes: a dev server asks on every
 * request, the loader once per collection, and reading 10,000 files each time would be slow.
 * The folder is looked at again at most every `maxAgeMs`.
 */
export function loadContentCached(location: ContentLocation, maxAgeMs = 0): ValidationResult {
  const look = lookAgain(location, maxAgeMs);
  return 'result' in look ? look.result : remember(look, loadContent(location, 'read when asked'));
}

/**
 * The same, with new briefs checked on every core (loadContentInParallel) while this thread
 * stays free between batches: the dev server's first look at a folder it has no memo of. Checked
 * in one go, 100,000 briefs held Astro's thread for 87 s, and Vite's module runner, which gives
 * up on a request after 60 s, never created the server's app. Callers at the same time (the
 * loaders of every collection) share one check.
 */
export async function loadContentCachedInParallel(
  location: ContentLocation,
  maxAgeMs = 0,
): Promise<ValidationResult> {
  // Joined without a look at the folder (1.7 s at 100,000): one taken since will tell a change.
  const pending = shared[PENDING];
  if (pending?.key === locationKey(location)) return pending.result;
  const look = lookAgain(location, maxAgeMs);
  if ('result' in look) return look.result;
  const result = loadContentInParallel(location, { bodies: 'read when asked' })
    .then((content) => remember(look, content))
    .finally(() => {
      if (shared[PENDING]?.result === result) delete shared[PENDING];
    });
  shared[PENDING] = { key: look.key, result };
  return result;
}

/** The remembered result if it still holds, or what a new one is to be remembered by. */
function lookAgain(
  location: ContentLocation,
  maxAgeMs: number,
): { result: ValidationResult } | { key: string; fingerprint: string } {
  const key = locationKey(location);
  const now = Date.now();
  const last = shared[REMEMBERED];
  if (last?.key === key && now - last.checkedAt < maxAgeMs) return { result: last.result };
  const fingerprint = fingerprintContent(location.root, location.contentDir);
  if (last?.key === key && last.fingerprint === fingerprint) {
    last.checkedAt = now;
    return { result: last.result };
  }
  // In a build, and in `npm run dev` after one, the build's check has validated the same files
  // (handover.ts).
  const handed =
    location.handover &&
    takeOver(location.handover, location.root, resultKey(location), fingerprint);
  if (handed) return { result: remember({ key, fingerprint }, handed) };
  return { key, fingerprint };
}

function remember(
  { key, fingerprint }: { key: string; fingerprint: string },
  result: ValidationResult,
): ValidationResult {
  // Looked at when the reading ended: at 100,000 briefs it takes half a minute, and the
  // fingerprint (taken before it) still tells a change made meanwhile at the next look.
  shared[REMEMBERED] = { key, fingerprint, checkedAt: Date.now(), result };
  return result;
}
