/**
 * The content check on several threads. At 100,000 briefs, reading, parsing and checking each
 * brief on its own is most of a minute on one core, and none of it needs another file. The
 * briefs are split among worker threads by their shard of the frontmatter memo (so each thread
 * reads and writes its own memo files); each thread runs parseOne, the same checks as on one
 * thread. The profiles and everything that compares files with each other stay on this
 * thread (startValidation, finishValidation), so the result is that of validateContent.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { listContent, readOrReport, shown } from './files.ts';
import { briefShard, frontmatterMemoDir, openContentMemo } from './frontmatter-memo.ts';
import { reopenFrontmatter } from './frontmatter.ts';
import type { ContentLocation } from './load.ts';
import type { Problem } from './problems.ts';
import { briefSchema } from './registry.ts';
import type { SiteSettings } from './settings.ts';
import {
  type BriefData,
  claimSlugs,
  finishValidation,
  type Parsed,
  startValidation,
  utcToday,
  validateContent,
  type ValidationResult,
} from './validate.ts';
import type { BodyFormat, Wikilink } from './wikilinks.ts';

/** Below this many briefs per thread, starting a thread (about half a second) costs more. */
export const BRIEFS_PER_THREAD = 2_500;

export interface ThreadOptions {
  /** At most this many threads (one per core by default). */
  threads?: number | undefined;
  /** At least this many briefs for each thread, or fewer threads (BRIEFS_PER_THREAD). */
  briefsPerThread?: number;
}

/** What a thread is asked to check. */
export interface BriefChecksRequest {
  root: string;
  /** Absolute paths of its briefs. */
  paths: string[];
  settings: SiteSettings;
  components: string[];
  /** The build's day, in ms. */
  today: number;
  memoDir: string;
}

/**
 * Briefs that passed their own checks, as a thread sends them. Copying between threads is
 * what costs here (structured cloning a record of a hundred small objects costs more than
 * checking it), so a batch is two strings: the texts one after another, and a JSON text of
 * the rest, each brief's frontmatter as YAML gave it, read by the schema again on arrival.
 */
export interface CheckedBriefs {
  /** The texts of the batch's briefs, one after another. */
  texts: string;
  /** JSON of CheckedBriefRest[]. */
  rest: string;
  problems: Problem[];
  warnings: Problem[];
  /** Set on a thread's last message. */
  done: boolean;
}

export interface CheckedBriefRest {
  path: string;
  /** Where its text ends in `texts`. */
  end: number;
  digest: string | undefined;
  frontmatter: Record<string, unknown>;
  format: BodyFormat;
  links: Wikilink[];
}

/**
 * A thread sends its briefs this many at a time: they are received while it goes on, and no
 * message is large (fresh memory for a large one is what copying costs most, measured).
 */
export const BATCH = 100;

/**
 * loadContent's result, the briefs checked on up to `threads` threads (one per core by
 * default); with few briefs, on this thread alone.
 */
export async function loadContentInParallel(
  { root, contentDir, today = utcToday() }: ContentLocation,
  { threads = availableParallelism(), briefsPerThread = BRIEFS_PER_THREAD }: ThreadOptions = {},
): Promise<ValidationResult> {
  const memoDir = frontmatterMemoDir(root, resolve(root, contentDir));
  const memo = openContentMemo(memoDir);
  const { briefPaths, ...listing } = listContent(root, contentDir);
  const count = Math.min(threads, Math.floor(briefPaths.length / briefsPerThread));
  if (count < 2) {
    const briefs = briefPaths.flatMap((path) => readOrReport(root, path, listing.problems));
    const result = validateContent({ ...listing, briefs }, memo.forFile, today);
    memo.save();
    return result;
  }
  const started = startValidation(listing, memo.forFile, today);
  memo.save();
  const claimed = claimSlugs(
    briefPaths.map((absolute) => ({ path: shown(root, absolute), absolute })),
    started.problems,
  );
  const shares: string[][] = Array.from({ length: count }, () => []);
  for (const { path, absolute } of claimed) shares[briefShard(path) % count]!.push(absolute);
  const batches = await Promise.all(
    shares.map((paths) =>
      checkInThread({
        root: resolve(root),
        paths,
        settings: started.settings,
        components: listing.components ?? [],
        today: today.getTime(),
        memoDir,
      }),
    ),
  );
  const checked: Array<Parsed<BriefData>> = [];
  for (const batch of batches.flat()) {
    started.problems.push(...batch.problems);
    started.context.warnings.push(...batch.warnings);
    let start = 0;
    for (const { path, end, digest, frontmatter, format, links } of JSON.parse(
      batch.rest,
    ) as CheckedBriefRest[]) {
      const text = batch.texts.slice(start, end);
      start = end;
      checked.push({
        file: { path, text, digest },
        parsed: reopenFrontmatter(text, frontmatter),
        // The thread's schema check passed: the same schema gives the same record here.
        data: briefSchema.parse(frontmatter),
        format,
        links,
      });
    }
  }
  checked.sort((a, b) => a.file.path.localeCompare(b.file.path));
  return finishValidation(started, checked);
}

/** Runs a thread of the check; its batches as they come. */
function checkInThread(request: BriefChecksRequest): Promise<CheckedBriefs[]> {
  return new Promise((done, fail) => {
    const worker = new Worker(new URL('./brief-checks-worker.ts', import.meta.url), {
      workerData: request,
    });
    const batches: CheckedBriefs[] = [];
    worker.on('message', (batch: CheckedBriefs) => batches.push(batch));
    worker.once('error', fail);
    worker.once('exit', (code) =>
      batches.at(-1)?.done
        ? done(batches)
        : fail(new Error(`a thread of the content check stopped (exit ${code})`)),
    );
  });
}
