import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  copyPages,
  emptyOutputFolder,
  removeUnkept,
} from '../../../src/astro/restore-pages-integration.ts';

const root = mkdtempSync(join(tmpdir(), 'briefing-restore-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

describe('restoring the last build before Astro renders', () => {
  it('copies every cached page to the same place in the output folder', async () => {
    const cache = join(root, 'cache');
    const out = join(root, 'out');
    write(join(cache, 'briefs/a/index.html'), '<html>a</html>');
    write(join(cache, 'briefs/稀土/index.html'), '<html>稀土</html>');
    write(join(cache, 'companies/x/rss.xml'), '<rss/>');
    write(join(out, 'companies/x/rss.xml'), '<rss>rendered by Astro first</rss>');
    const copied = await copyPages(cache, out);
    expect(copied.sort()).toEqual(['briefs/a/index.html', 'briefs/稀土/index.html']);
    expect(readFileSync(join(out, 'briefs/稀土/index.html'), 'utf8')).toBe('<html>稀土</html>');
    expect(readFileSync(join(out, 'companies/x/rss.xml'), 'utf8'), 'not replaced').toBe(
      '<rss>rendered by Astro first</rss>',
    );
    expect(readdirSync(join(out, 'companies/x')), 'no temporary file left').toEqual(['rss.xml']);
    expect(await copyPages(join(root, 'no-cache-yet'), out)).toEqual([]);
  });

  it('removes the copies the build did not keep, and the folders left empty', async () => {
    const out = join(root, 'sweep');
    for (const file of [
      'briefs/kept/index.html',
      'briefs/gone/index.html',
      'briefs/new/index.html',
    ])
      write(join(out, file), '<html></html>');
    const removed = await removeUnkept(
      out,
      ['briefs/kept/index.html', 'briefs/gone/index.html'],
      new Set([join(out, 'briefs/kept/index.html'), join(out, 'briefs/new/index.html')]),
    );
    expect(removed).toBe(1);
    expect(existsSync(join(out, 'briefs/gone'))).toBe(false);
    expect(existsSync(join(out, 'briefs/kept/index.html'))).toBe(true);
    expect(existsSync(join(out, 'briefs/new/index.html')), 'not a copy: left alone').toBe(true);
  });

  it('empties the output folder as Astro does, keeping .git', () => {
    const out = join(root, 'empty');
    write(join(out, 'old/index.html'), 'old');
    write(join(out, '.git/HEAD'), 'ref');
    emptyOutputFolder(out);
    expect(existsSync(join(out, 'old'))).toBe(false);
    expect(existsSync(join(out, '.git/HEAD'))).toBe(true);
    emptyOutputFolder(join(root, 'not-yet'));
    expect(existsSync(join(root, 'not-yet'))).toBe(true);
  });
});
