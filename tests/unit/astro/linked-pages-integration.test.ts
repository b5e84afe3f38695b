import {
  linkSync,
  mkdirSync,
  statSync,
  mkdtempSync,
  promises,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { writeNewFilesUnder } from '../../../src/astro/linked-pages-integration.ts';

const dirs: string[] = [];
const undos: Array<() => void> = [];
afterEach(() => {
  for (const undo of undos.splice(0)) undo();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A published page and its hard link in the staging folder, as a rebuild places it. */
function linkedPage() {
  const root = mkdtempSync(join(tmpdir(), 'linked-pages-'));
  dirs.push(root);
  const [published, staging, elsewhere] = ['dist', 'staging', 'elsewhere'].map((d) => {
    mkdirSync(join(root, d));
    return join(root, d);
  }) as [string, string, string];
  writeFileSync(join(published, 'index.html'), 'published');
  linkSync(join(published, 'index.html'), join(staging, 'index.html'));
  linkSync(join(published, 'index.html'), join(elsewhere, 'index.html'));
  return { published: join(published, 'index.html'), staging, elsewhere };
}

describe('writeNewFilesUnder', () => {
  it('writes a new file under the folders, by path or file URL, leaving the linked one alone', async () => {
    const { published, staging } = linkedPage();
    undos.push(writeNewFilesUnder([staging]));
    await promises.writeFile(join(staging, 'index.html'), 'rendered again');
    expect(readFileSync(join(staging, 'index.html'), 'utf8')).toBe('rendered again');
    expect(readFileSync(published, 'utf8')).toBe('published');
    await promises.writeFile(pathToFileURL(join(staging, 'new.html')), 'a new page');
    expect(readFileSync(join(staging, 'new.html'), 'utf8')).toBe('a new page');
  });

  it('leaves writes elsewhere as they were, and is undone', async () => {
    const { published, staging, elsewhere } = linkedPage();
    const undo = writeNewFilesUnder([staging]);
    await promises.writeFile(join(elsewhere, 'index.html'), 'in place');
    expect(readFileSync(published, 'utf8'), 'outside the folders: in place, as usual').toBe(
      'in place',
    );
    undo();
    await promises.writeFile(join(staging, 'index.html'), 'after undo');
    expect(readFileSync(published, 'utf8')).toBe('after undo');
  });

  it("makes a page's cached copy, written right after it from the same buffer, a link to it", async () => {
    const root = mkdtempSync(join(tmpdir(), 'linked-copies-'));
    dirs.push(root);
    const [out, copies] = [join(root, 'out'), join(root, 'cache', 'dist')];
    for (const dir of [join(out, 'a'), join(copies, 'a')]) mkdirSync(dir, { recursive: true });
    undos.push(writeNewFilesUnder([out, join(root, 'cache')], { of: out, in: copies }));
    const body = Buffer.from('<html>a</html>');
    await promises.writeFile(pathToFileURL(join(out, 'a', 'index.html')), body);
    await promises.writeFile(pathToFileURL(join(copies, 'a', 'index.html')), body);
    expect(statSync(join(copies, 'a', 'index.html')).ino).toBe(
      statSync(join(out, 'a', 'index.html')).ino,
    );
    // The page rendered again later: a new file, and the copy left as it was.
    await promises.writeFile(join(out, 'a', 'index.html'), Buffer.from('<html>again</html>'));
    expect(readFileSync(join(copies, 'a', 'index.html'), 'utf8')).toBe('<html>a</html>');
    // Other bytes, or the same bytes at another path: a file of its own.
    await promises.writeFile(join(out, 'b.html'), body);
    await promises.writeFile(join(copies, 'a', 'index.html'), Buffer.from('<html>a</html>'));
    await promises.writeFile(join(copies, 'c.html'), body);
    for (const file of [join(copies, 'a', 'index.html'), join(copies, 'c.html')]) {
      expect(statSync(file).nlink).toBe(1);
      expect(readFileSync(file, 'utf8')).toBe('<html>a</html>');
    }
  });

  it('links a page rendered again over the copy the last build left, which stays published', async () => {
    const root = mkdtempSync(join(tmpdir(), 'linked-again-'));
    dirs.push(root);
    const [out, copies, published] = [
      join(root, 'out'),
      join(root, 'cache', 'dist'),
      join(root, 'site'),
    ];
    for (const dir of [join(out, 'a'), join(copies, 'a'), join(published, 'a')])
      mkdirSync(dir, { recursive: true });
    // The last build: the published page and its cached copy are one file, linked into staging.
    writeFileSync(join(published, 'a', 'index.html'), 'last build');
    linkSync(join(published, 'a', 'index.html'), join(copies, 'a', 'index.html'));
    linkSync(join(published, 'a', 'index.html'), join(out, 'a', 'index.html'));
    undos.push(writeNewFilesUnder([out, join(root, 'cache')], { of: out, in: copies }));
    const body = Buffer.from('<html>edited</html>');
    await promises.writeFile(join(out, 'a', 'index.html'), body);
    await promises.writeFile(join(copies, 'a', 'index.html'), body);
    expect(statSync(join(copies, 'a', 'index.html')).ino).toBe(
      statSync(join(out, 'a', 'index.html')).ino,
    );
    expect(readFileSync(join(copies, 'a', 'index.html'), 'utf8')).toBe('<html>edited</html>');
    expect(readFileSync(join(published, 'a', 'index.html'), 'utf8')).toBe('last build');
  });

  it('keeps the encoding given as a string, and a flag of its own', async () => {
    const { published, staging } = linkedPage();
    undos.push(writeNewFilesUnder([staging]));
    await promises.writeFile(join(staging, 'hex.txt'), '6869', 'hex');
    expect(readFileSync(join(staging, 'hex.txt'), 'utf8')).toBe('hi');
    await promises.writeFile(join(staging, 'index.html'), ' and more', { flag: 'a' });
    expect(readFileSync(join(staging, 'index.html'), 'utf8')).toBe(' and more');
    expect(readFileSync(published, 'utf8')).toBe('published');
  });
});
