import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KnownFiles, RACY_MS, signatureNow } from '../../../src/content/known-files.ts';
import { type ContentLocation, loadContent } from '../../../src/content/load.ts';
import { removeSampleCopies, sampleCopy } from '../../helpers/sample-copy.ts';

afterAll(removeSampleCopies);

/** Files written by the test are seconds old by the clock, as an author's are by the next run. */
const later = () => vi.setSystemTime(Date.now() + 3 * RACY_MS);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

function project() {
  const root = sampleCopy('briefing-known-');
  const location: ContentLocation = {
    root,
    contentDir: 'content',
    today: new Date('2026-06-01T00:00:00Z'),
    memo: join(root, 'cache', 'checked-briefs'),
    known: join(root, 'cache', 'known-files'),
  };
  return { root, location, known: location.known! };
}

describe('the briefs’ files as last read', () => {
  /** A file written, read some seconds later and noted with the digest 'remembered'. */
  function noted() {
    const { root, known } = project();
    const path = join(root, 'content/briefs/a.md');
    writeFileSync(path, 'text');
    later();
    const first = new KnownFiles(known);
    first.note(path, { signature: signatureNow(path), digest: 'remembered' });
    first.save();
    return { known, path };
  }

  it('takes the digest of a file still as it was without reading it', () => {
    const { known, path } = noted();

    // The digest given is not the file's: the file was not read to give it.
    const source = new KnownFiles(known).unchanged(path, 'content/briefs/a.md');
    expect(source?.digest).toBe('remembered');
    expect(source?.path).toBe('content/briefs/a.md');
    expect(source?.text).toBe('text');
  });

  it('reads a file rewritten since, even at the same size with its old modification time', () => {
    const { known, path } = noted();

    const { atime, mtime } = statSync(path);
    writeFileSync(path, 'TEXT');
    utimesSync(path, atime, mtime);
    later();
    expect(signatureNow(path)).toBeDefined();
    expect(new KnownFiles(known).unchanged(path, 'a.md')).toBeUndefined();
  });

  it('does not trust a file changed just before it was read', () => {
    const { root } = project();
    const path = join(root, 'content/briefs/a.md');
    writeFileSync(path, 'text');
    expect(signatureNow(path)).toBeUndefined();
    later();
    expect(signatureNow(path)).toBeDefined();
  });

  it('forgets files a run did not meet', () => {
    const { root, known } = project();
    const [a, b] = ['a', 'b'].map((name) => join(root, `content/briefs/${name}.md`));
    for (const path of [a!, b!]) writeFileSync(path, 'text');
    later();
    const first = new KnownFiles(known);
    for (const path of [a!, b!]) first.note(path, { signature: signatureNow(path), digest: 'd' });
    first.save();

    rmSync(b!);
    const second = new KnownFiles(known);
    expect(second.unchanged(a!, 'a.md')).toBeDefined();
    expect(second.unchanged(b!, 'b.md')).toBeUndefined();
    second.save();
    const stored = deserialize(readFileSync(known)) as { files: Array<[string, unknown]> };
    expect(stored.files.map(([path]) => path)).toEqual([a]);
  });

  it('gives a check the same result as reading every file, and sees an edit', () => {
    const { root, location, known } = project();
    later();
    const fresh = loadContent({ ...location, memo: undefined, known: undefined });
    const first = loadContent(location, 'read when asked');
    expect(readFileSync(known).length).toBeGreaterThan(0);
    const second = loadContent(location, 'read when asked');
    const shape = (result: typeof fresh) => ({
      briefs: result.briefs.map(({ body: _, ...brief }) => brief),
      problems: result.problems,
    });
    expect(shape(first)).toEqual(shape(fresh));
    expect(shape(second)).toEqual(shape(fresh));

    const brief = fresh.briefs[0]!;
    const file = join(root, brief.filePath!);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^title: .*$/m, 'title: "Edited since"'));
    later();
    const edited = loadContent(location, 'read when asked');
    expect(edited.briefs.find((b) => b.slug === brief.slug)?.title).toBe('Edited since');
  });
});
