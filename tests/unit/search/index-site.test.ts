/**
 * Indexing beside a writer (Astro): bundles wait for their pages, and a page that changes after
 * its bundle was indexed has the bundle indexed again, so the index matches the published page.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { PageToIndex } from '../../../src/search/build/documents.ts';
import { documentFolder, indexSite } from '../../../src/search/build/index-site.ts';

const dir = mkdtempSync(join(tmpdir(), 'index-beside-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><p>${text}</p></main></body></html>\n`;

function write(slug: string, html: string) {
  mkdirSync(join(dir, 'briefs', slug), { recursive: true });
  writeFileSync(join(dir, 'briefs', slug, 'index.html'), html);
}

/** Every word Pagefind stored in the result fragments of the primary bundle. */
function fragmentText(): string {
  const fragments = join(dir, 'pagefind', 'fragment');
  return readdirSync(fragments)
    .map((f) => gunzipSync(readFileSync(join(fragments, f))).toString('utf8'))
    .join('\n');
}

const pages: PageToIndex[] = ['alpha', 'beta'].map((slug, i) => ({
  url: `/briefs/${slug}/`,
  file: `briefs/${slug}/index.html`,
  date: `2025-0${i + 1}-01`,
  chinese: false,
  filters: {},
}));

describe('indexSite beside a writer', () => {
  it('waits for the pages, and indexes a bundle again when a page changed after it', async () => {
    let finish!: () => void;
    const writing = new Promise<void>((resolve) => (finish = resolve));
    let done = 0;
    const indexing = indexSite(dir, pages, {
      language: 'en',
      shardBriefs: 600,
      firstTierKb: 20,
      jobs: 1,
      writing,
      onProgress: (n) => (done = n),
    });
    await new Promise((wake) => setTimeout(wake, 300));
    expect(done, 'nothing is indexed before its pages are written').toBe(0);
    write('alpha', page('Alpha', 'Written first about quillwort.'));
    // Half a page: not complete yet.
    write('beta', '<!doctype html><html lang="en"><head><title>Beta</title>');
    await new Promise((wake) => setTimeout(wake, 300));
    expect(done).toBe(0);
    write('beta', page('Beta', 'About gallium.'));
    for (let i = 0; i < 100 && done === 0; i++) await new Promise((w) => setTimeout(w, 100));
    expect(done, 'indexed once every page is there').toBe(1);
    expect(fragmentText()).toContain('quillwort');
    // The writer changes a page after it was indexed, then finishes.
    await new Promise((wake) => setTimeout(wake, 20));
    write('alpha', page('Alpha', 'Rewritten about zanzibar, longer than before.'));
    finish();
    const report = await indexing;
    expect(report).toContain('1 again as their pages changed');
    expect(fragmentText()).toContain('zanzibar');
    expect(fragmentText()).not.toContain('quillwort');
  }, 60_000);
});

describe('documentFolder', () => {
  it('puts a document where Pagefind reads the page URL back from its path', () => {
    expect(documentFolder('/briefs/gallium-2/')).toBe('briefs/gallium-2/');
    expect(documentFolder('/sub.path/companies/x/')).toBe('sub.path/companies/x/');
    expect(documentFolder('/')).toBe('');
  });

  it('refuses a URL that is not a plain folder path', () => {
    for (const url of ['/briefs/x', '/briefs/../x/', '/briefs/%E5%8C%97/', 'briefs/x/', '/a b/'])
      expect(() => documentFolder(url), url).toThrow(/a page URL must be a folder path/);
  });
});
