/**
 * Deletes a folder and everything in it, also while another process is deleting it. The build
 * leaves its previous site to a background remover (scripts/build.ts); the next build, started
 * before that remover is done, deletes the same folder. Node's recursive `rmSync` then returns
 * without an error but can leave the folder behind, part deleted (a file listed one moment is
 * gone the next), and the next step, renaming onto it, failed with ENOTEMPTY. Each pass deletes
 * what the last left; a second pass is enough in practice.
 */
import { existsSync, rmSync } from 'node:fs';

/** Passes before giving up: one, and more only when something else deletes beside it. */
const PASSES = 10;

export function removeTree(path: string): void {
  for (let pass = 0; pass < PASSES; pass++) {
    rmSync(path, { recursive: true, force: true, maxRetries: 3 });
    if (!existsSync(path)) return;
  }
  throw new Error(`could not delete ${path}: it is still there after ${PASSES} attempts`);
}
