import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  endsPage,
  pageWritten,
  pagesWatch,
  runWhenReady,
} from '../../../src/search/build/written-pages.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'written-'));
  dirs.push(dir);
  return dir;
}

describe('pageWritten', () => {
  it('is true only for a file that ends its html element', () => {
    const dir = tempDir();
    const page = join(dir, 'index.html');
    expect(pageWritten(page)).toBe(false);
    writeFileSync(page, '<!doctype html><html><body><main>half');
    expect(pageWritten(page)).toBe(false);
    writeFileSync(page, `<!doctype html><html><body>${'x'.repeat(5000)}</body></HTML>\n`);
    expect(pageWritten(page)).toBe(true);
    writeFileSync(page, '');
    expect(pageWritten(page)).toBe(false);
  });

  it('reads only the end of the page', () => {
    expect(endsPage('</body></html>')).toBe(true);
    expect(endsPage('</html> \n')).toBe(true);
    expect(endsPage('</html><p>')).toBe(false);
  });
});

describe('pagesWatch', () => {
  it('says ready once every file is written, and does not look at a file twice once seen', () => {
    const seen: string[] = [];
    const written = new Set<string>();
    const watch = pagesWatch('/site', ['a.html', 'b.html'], (path) => {
      seen.push(path);
      return written.has(path);
    });
    expect(watch.ready()).toBe(false);
    written.add('/site/a.html');
    expect(watch.ready()).toBe(false);
    written.add('/site/b.html');
    expect(watch.ready()).toBe(true);
    expect(watch.ready()).toBe(true);
    expect(seen).toEqual(['/site/a.html', '/site/a.html', '/site/b.html', '/site/b.html']);
  });
});

/** A writer that can be finished or failed by the test. */
function writer() {
  let finish!: () => void;
  let failWith!: (error: Error) => void;
  const writing = new Promise<void>((resolve, reject) => {
    finish = resolve;
    failWith = reject;
  });
  return { writing, finish, failWith };
}
const tick = () => new Promise((wake) => setTimeout(wake, 15));

describe('runWhenReady', () => {
  it('lets the process read its input between tasks that end at once', async () => {
    const log: string[] = [];
    setImmediate(() => log.push('input'));
    await runWhenReady({
      tasks: ['a', 'b', 'c'],
      ready: () => true,
      run: (task) => {
        log.push(task);
        return Promise.resolve();
      },
      lanes: 1,
      lanesWhileWriting: 1,
    });
    expect(log.indexOf('input')).toBeGreaterThan(-1);
    expect(log.indexOf('input')).toBeLessThan(log.indexOf('c'));
  });

  it('runs ready tasks one at a time while the writer works, then every lane in order', async () => {
    const ready = new Set<string>(['c']);
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const { writing, finish } = writer();
    const done = runWhenReady({
      tasks: ['a', 'b', 'c', 'd'],
      ready: (task) => ready.has(task),
      run: async (task) => {
        running++;
        most = Math.max(most, running);
        log.push(task);
        await tick();
        running--;
      },
      lanes: 2,
      lanesWhileWriting: 1,
      writing,
      pollMs: 5,
    });
    await tick();
    await tick();
    expect(log).toEqual(['c']);
    expect(most).toBe(1);
    ready.add('b');
    await tick();
    await tick();
    expect(log).toEqual(['c', 'b']);
    expect(most).toBe(1);
    finish();
    await done;
    expect(log).toEqual(['c', 'b', 'a', 'd']);
    expect(most).toBe(2);
  });

  it('without a writer, runs every task on every lane', async () => {
    const log: number[] = [];
    await runWhenReady({
      tasks: [1, 2, 3],
      ready: () => false,
      run: async (task) => {
        log.push(task);
      },
      lanes: 2,
      lanesWhileWriting: 1,
    });
    expect(log.sort()).toEqual([1, 2, 3]);
  });

  it('fails when the writer fails, starting nothing more', async () => {
    const log: string[] = [];
    const { writing, failWith } = writer();
    const done = runWhenReady({
      tasks: ['a', 'b'],
      ready: () => false,
      run: async (task) => {
        log.push(task);
      },
      lanes: 2,
      lanesWhileWriting: 1,
      writing,
      pollMs: 5,
    });
    failWith(new Error('astro build failed (exit 1)'));
    await expect(done).rejects.toThrow('astro build failed');
    expect(log).toEqual([]);
  });

  it('fails with the first failing task', async () => {
    await expect(
      runWhenReady({
        tasks: ['a', 'b', 'c'],
        ready: () => true,
        run: async (task) => {
          if (task === 'b') throw new Error('Pagefind could not index b');
        },
        lanes: 1,
        lanesWhileWriting: 1,
      }),
    ).rejects.toThrow('could not index b');
  });
});
