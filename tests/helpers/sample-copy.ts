/** A copy of the sample content in a temporary project folder, for tests that edit files. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A new folder holding `content/` as the repository has it; `removeSampleCopies` deletes them. */
export function sampleCopy(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  made.push(root);
  cpSync('content', join(root, 'content'), { recursive: true });
  return root;
}

export function removeSampleCopies(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
