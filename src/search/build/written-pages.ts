/**
 * Which built pages are written in full, so that search bundles can be indexed while Astro is
 * still rendering the rest of the site (scripts/build.ts). Astro writes each page once, in one
 * `writeFile`, ending with `</html>`: a page is complete when its file ends so. Whatever this
 * cannot see (a page rewritten later) is caught at the end by comparing each file's size and
 * modification time with those it had when it was indexed (index-site.ts).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

/** Whether the last bytes of a page close its `<html>` element (trailing white space allowed). */
export function endsPage(tail: string): boolean {
  return /<\/html>\s*$/i.test(tail);
}

/** Whether the page at `path` is written in full: it exists and its last bytes close it. */
export function pageWritten(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const { size } = fstatSync(fd);
    const length = Math.min(size, 64);
    const tail = Buffer.alloc(length);
    readSync(fd, tail, 0, length, size - length);
    return endsPage(tail.toString('latin1'));
  } finally {
    closeSync(fd);
  }
}

/**
 * Watches one bundle's pages: `ready()` says whether all are written, remembering how far it
 * got, so that polling costs one check per page plus one per poll.
 */
export function pagesWatch(
  outDir: string,
  files: readonly string[],
  written: (path: string) => boolean = pageWritten,
): { ready(): boolean } {
  let next = 0;
  return {
    ready() {
      while (next < files.length && written(join(outDir, files[next]!))) next++;
      return next === files.length;
    },
  };
}

export interface Lanes<T> {
  /** Tasks in the order preferred when several are ready. */
  tasks: readonly T[];
  run(task: T): Promise<void>;
  /** Whether the task can start while the writer is still at work. */
  ready(task: T): boolean;
  /** Tasks at once once the writer is done. */
  lanes: number;
  /** Tasks at once while it writes (it has a core of its own); at least 1. */
  lanesWhileWriting: number;
  /** Resolves when the writer is done, rejects when it failed; absent: it is done. */
  writing?: Promise<void> | undefined;
  /** Milliseconds between looks for ready tasks. */
  pollMs?: number;
}

/**
 * Runs tasks as they become ready: while the writer works, `lanesWhileWriting` at a time, each
 * the first ready one; once it is done, `lanes` at a time, in order. The first failure (of a
 * task or of the writer) fails the whole, once the running tasks have ended.
 */
export async function runWhenReady<T>({
  tasks,
  run,
  ready,
  lanes,
  lanesWhileWriting,
  writing,
  pollMs = 200,
}: Lanes<T>): Promise<void> {
  const pending = [...tasks];
  let done = !writing;
  let failure: unknown;
  let failed = false;
  const stop = (error: unknown) => {
    if (!failed) [failed, failure] = [true, error];
  };
  const settled = writing?.then(
    () => {
      done = true;
    },
    (error: unknown) => stop(error),
  );
  const lane = async () => {
    while (pending.length && !failed) {
      const at = done ? 0 : pending.findIndex(ready);
      if (at < 0) {
        await Promise.race([settled, new Promise((wake) => setTimeout(wake, pollMs))]);
        continue;
      }
      const [task] = pending.splice(at, 1);
      try {
        await run(task!);
      } catch (error) {
        stop(error);
      }
      // A task that ends at once (a bundle reused after hashing its pages) would otherwise run
      // the next in the same turn: at 100,000 briefs, 13 s in which this process read nothing,
      // neither the log that tells which pages are ready nor the writer's exit.
      await new Promise(setImmediate);
    }
  };
  const early = Math.max(1, Math.min(lanesWhileWriting, lanes));
  const running = Array.from({ length: early }, lane);
  const late = (async () => {
    await settled;
    await Promise.all(Array.from({ length: Math.max(0, lanes - early) }, lane));
  })();
  await Promise.all([...running, late]);
  if (failed) throw failure;
}
