import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  promises,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cachedOutputFiles,
  copiedPagesWatch,
  placeCachedPages,
  outputPath,
  removeUnclaimed,
} from '../../../scripts/lib/cached-pages.ts';
import { writeNewFilesUnder } from '../../../src/astro/linked-pages-integration.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const page = (text: string) => `<!doctype html><html><body>${text}</body></html>\n`;

/** An Astro cache as its incremental build leaves it: a manifest and the pages' copies. */
function astroCache(pages: Record<string, string>, extra: Record<string, unknown> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'cached-pages-'));
  dirs.push(root);
  const cache = join(root, 'cache');
  const paths: Record<string, { cacheKey: string; outputFile: string }> = {};
  for (const [file, text] of Object.entries(pages)) {
    paths[`/${dirname(file)}`] = { cacheKey: 'k', outputFile: file };
    mkdirSync(dirname(join(cache, 'dist', file)), { recursive: true });
    writeFileSync(join(cache, 'dist', file), page(text));
  }
  const manifest = { version: 1, routes: { 'src/pages/briefs/[slug].astro': { paths } }, ...extra };
  writeFileSync(join(cache, 'incremental-build.json'), JSON.stringify(manifest));
  return { cache, out: join(root, 'staging') };
}

describe('placeCachedPages', () => {
  it('copies every page the last build keyed into the output folder', async () => {
    const { cache, out } = astroCache({
      'briefs/a/index.html': 'A',
      'briefs/b/index.html': 'B',
    });
    const copied = await placeCachedPages(cache, out);
    expect(copied.map((c) => c.outputFile).sort()).toEqual([
      'briefs/a/index.html',
      'briefs/b/index.html',
    ]);
    expect(readFileSync(join(out, 'briefs/a/index.html'), 'utf8')).toBe(page('A'));
  });

  it('copies many pages at once, into folders they share, each once', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`briefs/${2000 + (i % 4)}/p${i}/index.html`, `${i}`]),
    );
    const { cache, out } = astroCache(files);
    const copied = await placeCachedPages(cache, out);
    expect(copied.map((c) => c.outputFile)).toEqual(Object.keys(files));
    for (const [file, title] of Object.entries(files))
      expect(readFileSync(join(out, file), 'utf8')).toBe(page(title));
  });

  it('links the pages: no bytes copied, and a page Astro writes again is a new file', async () => {
    const { cache, out } = astroCache({ 'briefs/a/index.html': 'A' });
    await placeCachedPages(cache, out);
    const [placed, cached] = [out, join(cache, 'dist')].map((dir) =>
      join(dir, 'briefs/a/index.html'),
    ) as [string, string];
    expect(statSync(placed).ino).toBe(statSync(cached).ino);
    // As in Astro's process under `npm run build` (src/astro/linked-pages-integration.ts).
    const undo = writeNewFilesUnder([out]);
    try {
      await promises.writeFile(placed, page('new'));
    } finally {
      undo();
    }
    expect(readFileSync(placed, 'utf8')).toBe(page('new'));
    expect(readFileSync(cached, 'utf8')).toBe(page('A'));
  });

  it('copies nothing without a readable manifest, and skips pages whose copy is gone', async () => {
    const { cache, out } = astroCache({ 'briefs/a/index.html': 'A', 'briefs/b/index.html': 'B' });
    rmSync(join(cache, 'dist/briefs/b/index.html'));
    expect((await placeCachedPages(cache, out)).map((c) => c.outputFile)).toEqual([
      'briefs/a/index.html',
    ]);
    writeFileSync(join(cache, 'incremental-build.json'), '{ not json');
    expect(cachedOutputFiles(cache)).toEqual([]);
    rmSync(join(cache, 'incremental-build.json'));
    expect(cachedOutputFiles(cache)).toEqual([]);
  });

  it('never writes outside the output folder', async () => {
    expect(outputPath('/site/staging', '../elsewhere/index.html')).toBeUndefined();
    expect(outputPath('/site/staging', '/etc/passwd')).toBeUndefined();
    expect(outputPath('/site/staging', '')).toBeUndefined();
    expect(outputPath('/site/staging', 'briefs/a%20b/index.html')).toBe(
      '/site/staging/briefs/a b/index.html',
    );
  });
});

describe('removeUnclaimed', () => {
  it('deletes the copies this build neither keyed nor wrote, with their empty folders', async () => {
    const { cache, out } = astroCache({
      'briefs/kept/index.html': 'kept',
      'briefs/gone/index.html': 'gone',
      'briefs/unkeyed/index.html': 'old',
    });
    const copied = await placeCachedPages(cache, out);
    // This build keys only `kept`, and writes `unkeyed` again without a key.
    const next = {
      'src/pages/briefs/[slug].astro': {
        paths: { '/briefs/kept': { cacheKey: 'k', outputFile: 'briefs/kept/index.html' } },
      },
    };
    writeFileSync(
      join(cache, 'incremental-build.json'),
      JSON.stringify({ version: 1, routes: next }),
    );
    writeFileSync(join(out, 'briefs/unkeyed/index.html'), page('written by this build'));
    expect(removeUnclaimed(cache, copied)).toBe(1);
    expect(existsSync(join(out, 'briefs/gone'))).toBe(false);
    expect(existsSync(join(out, 'briefs/kept/index.html'))).toBe(true);
    expect(readFileSync(join(out, 'briefs/unkeyed/index.html'), 'utf8')).toBe(
      page('written by this build'),
    );
  });
});

describe('copiedPagesWatch', () => {
  it('takes a copied page for written once Astro kept it or wrote it again', async () => {
    const { cache, out } = astroCache({
      'briefs/a/index.html': 'A',
      'briefs/b/index.html': 'B',
    });
    const watch = copiedPagesWatch(await placeCachedPages(cache, out));
    const [a, b, c] = ['a', 'b', 'c'].map((s) => join(out, `briefs/${s}/index.html`)) as [
      string,
      string,
      string,
    ];
    expect(watch.written(a)).toBe(false);
    expect(watch.written(b)).toBe(false);
    watch.kept(a);
    expect(watch.written(a)).toBe(true);
    // Rewritten by Astro: another size or time.
    writeFileSync(b, page('B, edited'));
    expect(watch.written(b)).toBe(true);
    // A page that was not copied is written when it ends its html element.
    expect(watch.written(c)).toBe(false);
    mkdirSync(dirname(c), { recursive: true });
    writeFileSync(c, '<!doctype html><html><body>half');
    expect(watch.written(c)).toBe(false);
    writeFileSync(c, page('C'));
    expect(watch.written(c)).toBe(true);
  });

  it('does not take a rewrite still in progress for written', async () => {
    const { cache, out } = astroCache({ 'briefs/a/index.html': 'A' });
    const watch = copiedPagesWatch(await placeCachedPages(cache, out));
    const a = join(out, 'briefs/a/index.html');
    writeFileSync(a, '<!doctype html><html><body>half');
    utimesSync(a, new Date(), new Date(Date.now() + 5000));
    expect(watch.written(a)).toBe(false);
  });
});
