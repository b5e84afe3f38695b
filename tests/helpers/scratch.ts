/**
 * Scratch folders for tests: made in the system's temporary folder and deleted once the test
 * file is done (tests/helpers/scratch-cleanup.ts, a setup file of every project), so that test
 * runs leave nothing behind.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeTree } from '../../scripts/lib/remove-tree.ts';

const made: string[] = [];

/** A new, empty folder named `<prefix>XXXXXX`, deleted after the test file. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * Deletes every folder scratchDir() made so far; also a built site's previous copy that the
 * build's background remover is still deleting (scripts/lib/remove-tree.ts).
 */
export function removeScratchDirs(): void {
  for (const dir of made.splice(0)) removeTree(dir);
}
