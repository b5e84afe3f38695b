/**
 * Deletes a folder and everything in it, also while another process is deleting it. The build
 * leaves its previous site to a background remover (scripts/build.ts); the next build, started
 * before that remover is done, deletes the same folder. Node's recursive `rmSync` then returns
 * without an error but can leave the folder behind, part deleted (a file listed one moment is
 * gone the next), and the next step, renaming onto it, failed with ENOTEMPTY. So it deletes
 * again, pausing a little longer each time, until the folder is gone: on an idle machine a
 * second pass is enough, on a busy one the other remover may have to end first.
 */
import { existsSync, rmSync } from 'node:fs';

/** How long to keep trying, in all. */
const GIVE_UP_MS = 60_000;

export function removeTree(path: string): void {
  const started = Date.now();
  for (let pause = 10; ; pause = Math.min(pause * 2, 1000)) {
    rmSync(path, { recursive: true, force: true, maxRetries: 3 });
    if (!existsSync(path)) return;
    if (Date.now() - started > GIVE_UP_MS)
      throw new Error(`could not delete ${path}: it is still there after ${GIVE_UP_MS / 1000} s`);
    sleep(pause);
  }
}

/** Blocks this thread: the build's publishing step is synchronous, and has nothing else to do. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
