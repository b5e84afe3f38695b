/**
 * The content folder's briefs and profiles as `astro dev` watches them: a folder at a time, told
 * to Vite's watcher as chokidar tells of a file.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  type ContentChange,
  leftToContentWatcher,
  watchContentFolder,
} from '../../../src/astro/content-watcher.ts';

const root = mkdtempSync(join(tmpdir(), 'briefing-watch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const write = (path: string, text = 'text\n') => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
write('content/briefs/2025/alpha.md');
write('content/briefs/2025/beta.md');
write('content/companies/northern.md');
write('content/media/map.png', 'png');

const seen: Array<[ContentChange, string]> = [];
const failures: Error[] = [];
let stop = () => {};
afterEach(() => {
  stop();
  seen.length = 0;
});

function start() {
  stop = watchContentFolder(
    join(root, 'content'),
    {
      changed: (event, path) => seen.push([event, path.slice(root.length + 1)]),
      failed: (e) => failures.push(e),
    },
    30,
  );
}

/** Waits until `count` events were told (or a second passed), then a little longer for strays. */
async function events(count: number) {
  for (let waited = 0; seen.length < count && waited < 2000; waited += 10)
    await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 150));
  return [...seen].sort();
}

describe('watchContentFolder', () => {
  it('tells of briefs added, changed and removed, once a burst of writes', async () => {
    start();
    write('content/briefs/2025/gamma.md');
    write('content/briefs/2025/alpha.md', 'one\n');
    write('content/briefs/2025/alpha.md', 'two\n');
    write('content/briefs/2025/alpha.md', 'three\n');
    rmSync(join(root, 'content/briefs/2025/beta.md'));
    expect(await events(3)).toEqual(
      [
        ['add', 'content/briefs/2025/gamma.md'],
        ['change', 'content/briefs/2025/alpha.md'],
        ['unlink', 'content/briefs/2025/beta.md'],
      ].sort(),
    );
  });

  it('tells of a save by renaming over the file as a change', async () => {
    start();
    write('content/companies/.northern.md.swp', 'saved\n');
    renameSync(
      join(root, 'content/companies/.northern.md.swp'),
      join(root, 'content/companies/northern.md'),
    );
    expect(await events(1)).toEqual([['change', 'content/companies/northern.md']]);
  });

  it('follows folders made and removed, and leaves media, hidden and unpublished files alone', async () => {
    start();
    write('content/briefs/2026/delta.md');
    expect(await events(1)).toEqual([['add', 'content/briefs/2026/delta.md']]);
    write('content/briefs/2026/epsilon.md');
    write('content/media/chart.png', 'png');
    write('content/briefs/2025/_draft.md');
    write('content/briefs/.hidden/zeta.md');
    expect(await events(2)).toEqual([
      ['add', 'content/briefs/2026/delta.md'],
      ['add', 'content/briefs/2026/epsilon.md'],
    ]);
    seen.length = 0;
    rmSync(join(root, 'content/briefs/2026'), { recursive: true });
    expect(await events(2)).toEqual([
      ['unlink', 'content/briefs/2026/delta.md'],
      ['unlink', 'content/briefs/2026/epsilon.md'],
    ]);
  });

  it('follows a linked folder as the content walk does, and a link back up only once', async () => {
    write('content/shared/omega.md');
    symlinkSync(join(root, 'content/shared'), join(root, 'content/briefs/linked'));
    symlinkSync(join(root, 'content'), join(root, 'content/briefs/loop'));
    try {
      start();
      write('content/shared/omega.md', 'edited\n');
      const told = await events(1);
      expect(told.length).toBe(1);
      expect(told[0]![0]).toBe('change');
      expect(told[0]![1]).toMatch(/^content\/(shared|briefs\/linked)\/omega\.md$/);
    } finally {
      rmSync(join(root, 'content/briefs/linked'));
      rmSync(join(root, 'content/briefs/loop'));
      rmSync(join(root, 'content/shared'), { recursive: true });
    }
  });

  it('tells nothing once stopped', async () => {
    start();
    stop();
    write('content/briefs/2025/alpha.md', 'four\n');
    expect(await events(1)).toEqual([]);
  });

  it('says when a folder cannot be watched', () => {
    watchContentFolder(join(root, 'missing'), {
      changed: () => {},
      failed: (e) => failures.push(e),
    })();
    expect(failures.map((e) => (e as NodeJS.ErrnoException).code)).toEqual(['ENOENT']);
  });
});

describe('leftToContentWatcher', () => {
  it('leaves Vite the folder’s other files and every file elsewhere', () => {
    const left = leftToContentWatcher(join(root, 'content'));
    expect(left(join(root, 'content/briefs/2025/alpha.md'))).toBe(true);
    expect(left(join(root, 'content/briefs/2025/x.mdx'))).toBe(true);
    expect(left(join(root, 'content/media/map.png'))).toBe(false);
    expect(left(join(root, 'content/site.yaml'))).toBe(false);
    expect(left(join(root, 'src/pages/index.md'))).toBe(false);
    expect(left(join(root, 'content-old/briefs/x.md'))).toBe(false);
  });
});
