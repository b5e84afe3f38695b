import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize } from 'node:v8';
import { MessageChannel, Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { listBriefFiles } from '../../../src/content/files.ts';
import {
  type ContentLocation,
  loadContent,
  loadContentCached,
  loadContentCachedInParallel,
  loadContentInParallel,
} from '../../../src/content/load.ts';
import { readMemo, type RememberedBrief } from '../../../src/content/memo.ts';
import type { BatchDone, WorkerTask } from '../../../src/content/parallel.ts';
import { removeSampleCopies, sampleCopy } from '../../helpers/sample-copy.ts';

afterAll(removeSampleCopies);

/** A copy of the sample content with a brief broken on its own and one broken across files. */
function brokenProject() {
  const root = sampleCopy('briefing-parallel-');
  const location: ContentLocation = {
    root,
    contentDir: 'content',
    today: new Date('2026-06-01T00:00:00Z'),
    memo: join(root, 'cache', 'checked-briefs'),
  };
  const [own, across] = listBriefFiles(root, 'content');
  const edit = (file: string, from: RegExp, to: string) =>
    writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  edit(own!, /^title: .*$/m, 'title: ""');
  edit(across!, /^companies:.*$/m, 'companies: [no-such-company]');
  writeFileSync(join(root, 'content/briefs/2024/not-text.md'), 'A NUL\u0000 byte.\n');
  const shown = (file: string) => file.slice(root.length + 1);
  return { root, location, own: shown(own!), across: shown(across!) };
}

describe('checking briefs on every core', () => {
  it('gives the result of checking them on one, and fills the memo with what passed', async () => {
    const { location, own, across } = brokenProject();
    const alone = loadContent({ ...location, memo: undefined });
    expect(alone.problems.map((p) => p.file)).toEqual(
      expect.arrayContaining([own, across, 'content/briefs/2024/not-text.md']),
    );
    // A batch of one brief each: both threads take some, whichever starts first.
    const options = { threads: 2, from: 0, batch: 1 };
    expect(await loadContentInParallel(location, options)).toEqual(alone);

    // The same briefs remembered as by the check on one core, of another copy.
    const remembered = readMemo(location.memo!)!.briefs;
    const other = brokenProject();
    loadContent(other.location);
    const rememberedAlone = readMemo(other.location.memo!)!.briefs;
    expect([...remembered.keys()].sort()).toEqual([...rememberedAlone.keys()].sort());
    expect(remembered.has(own)).toBe(false);
    expect(remembered.has(across)).toBe(true);
    expect(remembered.get(across)).toEqual(rememberedAlone.get(across));
    // Again, from the memo.
    expect(await loadContentInParallel(location, options)).toEqual(alone);
  });

  it('can leave the bodies in the files, as `npm run check` does: each is read when asked', async () => {
    const { location, across } = brokenProject();
    const options = { threads: 2, from: 0, batch: 1, bodies: 'read when asked' } as const;
    const alone = loadContent({ ...location, memo: undefined }, 'read when asked');
    const result = await loadContentInParallel(location, options);
    expect(result).toEqual(alone);
    const brief = result.briefs.find((b) => b.filePath === across)!;
    expect(Object.getOwnPropertyDescriptor(brief, 'body')!.get).toBeTypeOf('function');
    const file = join(location.root, across);
    expect(brief.body).toBe(
      readFileSync(file, 'utf8').split(/^---$/m).slice(2).join('---').slice(1),
    );
  });

  it('a worker thread reads and checks batches, and sends the files and what passed', async () => {
    const { root, own, across } = brokenProject();
    const files = listBriefFiles(root, 'content');
    const { port1, port2 } = new MessageChannel();
    const task: WorkerTask = {
      ...{ root: resolve(root), contentDir: 'content', today: Date.parse('2026-06-01') },
      ...{
        files,
        batch: 5,
        bodies: 'held',
        next: new Int32Array(new SharedArrayBuffer(4)),
        port: port2,
      },
    };
    const sent: BatchDone[] = [];
    port1.on('message', (done: BatchDone) => sent.push(done));
    const worker = new Worker(new URL('../../../src/content/parallel-worker.ts', import.meta.url), {
      workerData: task,
      transferList: [port2],
    });
    const code = await new Promise((done) => worker.once('exit', done));
    await new Promise((wait) => setTimeout(wait, 50));
    port1.close();
    expect(code).toBe(0);
    expect(sent).toHaveLength(Math.ceil(files.length / 5));
    expect(sent.flatMap((done) => done.read.map(([file]) => file))).toEqual(files);
    const passed = new Map(
      sent.flatMap((done) => deserialize(done.chunk) as Array<[string, RememberedBrief]>),
    );
    expect(passed.has(own)).toBe(false);
    expect(passed.has(across)).toBe(true);
    const brief = loadContent({ root, contentDir: 'content' }).briefs.find(
      (b) => b.filePath === across,
    )!;
    expect((passed.get(across)!.data as { title: string }).title).toBe(brief.title);
  });

  it('is one check for the callers of a dev server’s first look at once, remembered after', async () => {
    const { location } = brokenProject();
    const alone = loadContent({ ...location, memo: undefined }, 'read when asked');
    const [first, second] = await Promise.all([
      loadContentCachedInParallel(location),
      loadContentCachedInParallel(location),
    ]);
    expect(second).toBe(first);
    expect(first).toEqual(alone);
    expect(loadContentCached(location)).toBe(first);
  });
});
