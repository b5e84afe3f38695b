import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeTree } from '../../../scripts/lib/remove-tree.ts';
import { scratchDir } from '../../helpers/scratch.ts';

/** A folder of `pages` page folders, like a built site's. */
function site(dir: string, pages: number): void {
  for (let i = 0; i < pages; i++) {
    mkdirSync(join(dir, `p${i}`), { recursive: true });
    writeFileSync(join(dir, `p${i}`, 'index.html'), '<p>x</p>');
  }
}

/** What scripts/build.ts leaves behind: another process deleting `dir`; resolves when it ends. */
function backgroundRemover(dir: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ['-e', `require('node:fs').rmSync(${JSON.stringify(dir)}, { recursive: true, force: true })`],
    { stdio: 'ignore' },
  );
  return new Promise((done) => child.on('exit', () => done()));
}

describe('removeTree', () => {
  it('deletes a folder with everything in it, and a folder that is not there', () => {
    const dir = join(scratchDir('briefing-remove-'), 'site');
    site(dir, 20);
    removeTree(dir);
    expect(existsSync(dir)).toBe(false);
    expect(() => removeTree(dir)).not.toThrow();
  });

  // With Node's rmSync alone, about one time in three the folder was left, part deleted.
  it('deletes a folder that another process is deleting at the same time', async () => {
    const root = scratchDir('briefing-remove-');
    for (let round = 0; round < 8; round++) {
      const dir = join(root, `previous-${round}`);
      site(dir, 1500);
      const remover = backgroundRemover(dir);
      await new Promise((wait) => setTimeout(wait, 60));
      removeTree(dir);
      expect(existsSync(dir), `round ${round}`).toBe(false);
      await remover;
    }
  }, 60_000);
});
