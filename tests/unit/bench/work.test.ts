import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clearCaches, emptyTrash, setAside, workspace } from '../../../scripts/bench/work.ts';

const root = mkdtempSync(join(tmpdir(), 'bench-work-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('setAside', () => {
  it('moves an old output into the trash without deleting a file, until emptyTrash', () => {
    const ws = workspace(root, join(root, 'work'));
    const page = join(ws.projectDist, 'briefs', 'a', 'index.html');
    mkdirSync(join(page, '..'), { recursive: true });
    writeFileSync(page, 'old');
    const inode = statSync(page).ino;
    setAside(ws, ws.projectDist);
    setAside(ws, join(ws.work, 'never-made'));
    expect(existsSync(ws.projectDist)).toBe(false);
    const [moved, ...others] = readdirSync(join(ws.work, 'trash'));
    expect(others).toEqual([]);
    expect(moved).toMatch(/-dist-project$/);
    // The same file, renamed with its folder: nothing freed before the measured run.
    expect(statSync(join(ws.work, 'trash', moved!, 'briefs', 'a', 'index.html')).ino).toBe(inode);

    const cache = join(ws.projectRoot, 'node_modules', '.astro');
    mkdirSync(cache, { recursive: true });
    clearCaches(ws, ws.projectRoot, ws.projectCompileCache);
    expect(existsSync(cache)).toBe(false);
    expect(readdirSync(join(ws.work, 'trash'))).toHaveLength(2);

    emptyTrash(ws);
    expect(existsSync(join(ws.work, 'trash'))).toBe(false);
  });
});
