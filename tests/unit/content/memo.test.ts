import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { type ContentLocation, loadContent } from '../../../src/content/load.ts';
import {
  BriefMemo,
  memoKey,
  readMemo,
  type RememberedBrief,
  writeMemo,
} from '../../../src/content/memo.ts';
import { PLACEHOLDERS } from '../../../src/content/templates.ts';
import { removeSampleCopies, sampleCopy } from '../../helpers/sample-copy.ts';

afterAll(removeSampleCopies);

/** A copy of the sample content in a folder of its own, with a memo. */
function project() {
  const root = sampleCopy('briefing-memo-');
  const memo = join(root, 'cache', 'checked-briefs');
  const location: ContentLocation = {
    root,
    contentDir: 'content',
    today: new Date('2026-06-01T00:00:00Z'),
    memo,
  };
  const path = (file: string) => join(root, file);
  return { root, location, memo, path };
}

/** Changes what the memo remembers of one brief, to tell a remembered result from a new one. */
function tamper(memo: string, file: string, change: (data: Record<string, unknown>) => void) {
  const stored = readMemo(memo)!;
  change(stored.briefs.get(file)!.data as Record<string, unknown>);
  writeMemo(memo, stored);
}

describe('the memo of checked briefs', () => {
  it('gives the same result as checking every file, and is what a second run uses', () => {
    const { location, memo } = project();
    const fresh = loadContent({ ...location, memo: undefined });
    const first = loadContent(location);
    expect(existsSync(memo)).toBe(true);
    const second = loadContent(location);
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);

    const brief = fresh.briefs[0]!;
    tamper(memo, brief.filePath!, (data) => (data.title = 'Remembered'));
    expect(loadContent(location).briefs[0]!.title).toBe('Remembered');
  });

  it('checks an edited brief again, and forgets a deleted one', () => {
    const { location, memo, path } = project();
    const [brief, other] = loadContent(location).briefs;
    tamper(memo, brief!.filePath!, (data) => (data.title = 'Remembered'));
    writeFileSync(
      path(brief!.filePath!),
      readFileSync(path(brief!.filePath!), 'utf8') + '\nMore.\n',
    );
    expect(loadContent(location).briefs[0]!.title).toBe(brief!.title);

    rmSync(path(other!.filePath!));
    loadContent(location);
    const stored = readMemo(memo)!;
    expect(stored.briefs.has(other!.filePath!)).toBe(false);
    expect(stored.briefs.has(brief!.filePath!)).toBe(true);
  });

  it('finds every error again: of a brief on its own, and across files with their lines', () => {
    const { location, path } = project();
    const [brief, other] = loadContent(location).briefs;
    const text = readFileSync(path(brief!.filePath!), 'utf8');
    // An error of the brief on its own: it is not remembered.
    writeFileSync(path(brief!.filePath!), text.replace(/^title: .*$/m, 'title: ""'));
    // An unknown reference, which only the other files tell: the brief itself is remembered.
    const otherText = readFileSync(path(other!.filePath!), 'utf8');
    writeFileSync(
      path(other!.filePath!),
      otherText.replace(/^companies:.*$/m, 'companies: [no-such-company]'),
    );
    const problems = () =>
      loadContent(location)
        .problems.map((p) => `${p.file}:${p.line}:${p.field}`)
        .sort();
    const first = problems();
    expect(first.some((p) => p.startsWith(`${brief!.filePath}:`) && p.endsWith(':title'))).toBe(
      true,
    );
    expect(first.some((p) => p.startsWith(`${other!.filePath}:`))).toBe(true);
    expect(problems()).toEqual(first);
  });

  it('remembers the placeholders of `npm run new` a brief still holds', () => {
    const { location, path } = project();
    const [brief] = loadContent(location).briefs;
    const file = path(brief!.filePath!);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n${PLACEHOLDERS.body}\n`);
    const first = loadContent(location).unfinished.get(brief!.filePath!);
    expect(first).toEqual([{ field: 'body', text: PLACEHOLDERS.body }]);
    expect(readMemo(location.memo!)!.briefs.get(brief!.filePath!)!.placeholders).toEqual(first);
    expect(loadContent(location).unfinished.get(brief!.filePath!)).toEqual(first);
  });

  it('finds the glossary terms of remembered briefs again when the glossary changes', () => {
    const { location, path } = project();
    const content = loadContent(location);
    const using = content.briefs.find((b) => b.glossary.length)!;
    expect(using).toBeDefined();
    const term = using.glossary[0]!;
    const file = path(`content/${term}.md`);
    // The term no longer glosses anything: no original phrase, no English rendering.
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(/^original: .*$/m, '')
        .replace(/^english: .*$/m, ''),
    );
    const after = loadContent(location).briefs.find((b) => b.slug === using.slug)!;
    expect(after.glossary).not.toContain(term);
  });

  it('writes a chunk of briefs another thread serialized again as it is while none of them changed', () => {
    const { root } = project();
    const file = join(root, 'cache', 'chunks');
    const brief = (n: number): RememberedBrief => ({
      ...{ digest: `d${n}`, data: { title: `Brief ${n}` }, format: 'md', links: [] },
      ...{ bodyStartLine: 5, warnings: [], summary: `Summary ${n}.`, glossary: [] },
    });
    const entries = Array.from({ length: 100 }, (_, n): [string, RememberedBrief] => [
      `b${n}.md`,
      brief(n),
    ]);
    const chunk = serialize(entries);
    const first = new BriefMemo(file, 'key');
    first.keepChunk(chunk);
    first.keep('loose.md', brief(100));
    first.save();
    expect(readFileSync(file).indexOf(chunk)).toBeGreaterThan(0);

    // Every brief taken as it is, one edited: the chunk's bytes are written again, unchanged.
    const second = new BriefMemo(file, 'key');
    for (const [path, { digest }] of entries) expect(second.take(path, digest)).toBeDefined();
    second.keep('loose.md', { ...brief(100), summary: 'Edited.' });
    second.save();
    expect(readFileSync(file).indexOf(chunk)).toBeGreaterThan(0);
    expect(readMemo(file)!.briefs.get('loose.md')!.summary).toBe('Edited.');

    // One of the chunk's briefs edited: its briefs are written anew, the others as remembered.
    const third = new BriefMemo(file, 'key');
    for (const [path, { digest }] of entries) third.take(path, digest);
    third.keep('b7.md', { ...brief(7), summary: 'Edited.' });
    third.save();
    expect(readFileSync(file).indexOf(chunk)).toBe(-1);
    const stored = readMemo(file)!.briefs;
    expect(stored.size).toBe(100);
    expect(stored.get('b7.md')!.summary).toBe('Edited.');
    expect(stored.get('b8.md')).toEqual(brief(8));
    expect(stored.has('loose.md')).toBe(false);
  });

  it('writes chunks ahead while validation goes on, and keeps only those still current', async () => {
    const { root } = project();
    const file = join(root, 'cache', 'ahead');
    const brief = (n: number, summary = `Summary ${n}.`): RememberedBrief => ({
      ...{ digest: `d${n}`, data: { title: `Brief ${n}` }, format: 'md', links: [] },
      ...{ bodyStartLine: 5, warnings: [], summary, glossary: [] },
    });
    const chunkOf = (from: number) =>
      serialize(
        Array.from({ length: 100 }, (_, n): [string, RememberedBrief] => [
          `b${from + n}.md`,
          brief(from + n),
        ]),
      );
    const [first, second] = [chunkOf(0), chunkOf(100)];
    const memo = new BriefMemo(file, 'key');
    memo.keepChunk(first);
    memo.keepChunk(second);
    memo.writeAhead();
    expect(() => memo.save()).toThrow(/being written/);
    // After the chunks went to be written: a brief of the second chunk kept again, and a new one.
    memo.keep('b150.md', brief(150, 'Edited.'));
    memo.keep('loose.md', brief(999));
    memo.glossary = 'this run';
    await memo.saveWhenWritten();
    const stored = readMemo(file)!;
    expect(stored.glossary).toBe('this run');
    expect(stored.briefs.size).toBe(201);
    expect(stored.briefs.get('b150.md')!.summary).toBe('Edited.');
    expect(stored.briefs.get('b151.md')).toEqual(brief(151));
    expect(stored.briefs.get('b3.md')).toEqual(brief(3));
    expect(readFileSync(file).indexOf(first)).toBeGreaterThan(0);
    expect(readdirSync(join(root, 'cache'))).toEqual(['ahead']);

    // Stopped: neither the file nor its partial copy is left changed.
    const again = new BriefMemo(file, 'key');
    again.keepChunk(chunkOf(500));
    again.writeAhead();
    await again.stopWriting();
    expect(readdirSync(join(root, 'cache'))).toEqual(['ahead']);
    expect(readMemo(file)!.briefs.size).toBe(201);
  });

  it('starts afresh for other settings or another day', () => {
    const { root } = project();
    const base = { settings: 'a: 1', components: ['KeyDates'], today: new Date(0) };
    const key = memoKey(root, base);
    expect(memoKey(root, base)).toBe(key);
    expect(memoKey(root, { ...base, settings: 'a: 2' })).not.toBe(key);
    expect(memoKey(root, { ...base, today: new Date(86_400_000) })).not.toBe(key);
    expect(memoKey(root, { ...base, components: [] })).not.toBe(key);
    // The code that checks is part of it: a project's src/content.
    cpSync('src/content', join(root, 'src/content'), { recursive: true });
    expect(memoKey(root, base)).not.toBe(key);
  });
});
