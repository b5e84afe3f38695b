/**
 * Indexing beside a writer (Astro): bundles wait for their pages, and a page that changes after
 * its bundle was indexed has the bundle indexed again, so the index matches the published page.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { PageToIndex } from '../../../src/search/build/documents.ts';
import { documentFolder, indexSite } from '../../../src/search/build/index-site.ts';
import { searchFragmentText } from '../../helpers/dist.ts';

const dir = mkdtempSync(join(tmpdir(), 'index-beside-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><p>${text}</p></main></body></html>\n`;

function write(slug: string, html: string) {
  mkdirSync(join(dir, 'briefs', slug), { recursive: true });
  writeFileSync(join(dir, 'briefs', slug, 'index.html'), html);
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
    expect(searchFragmentText(dir)).toContain('quillwort');
    // The writer changes a page after it was indexed, then finishes.
    await new Promise((wake) => setTimeout(wake, 20));
    write('alpha', page('Alpha', 'Rewritten about zanzibar, longer than before.'));
    finish();
    const report = await indexing;
    expect(report).toContain('1 again as their pages changed');
    expect(searchFragmentText(dir)).toContain('zanzibar');
    expect(searchFragmentText(dir)).not.toContain('quillwort');
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

describe('indexSite with page digests kept between builds', () => {
  const site = mkdtempSync(join(tmpdir(), 'index-digests-'));
  const memo = join(site, '..', `${site.split('/').pop()}-digests`);
  afterAll(() => rmSync(site, { recursive: true, force: true }));
  afterAll(() => rmSync(memo, { force: true }));
  const at = new Date('2026-01-01T00:00:00Z');
  const put = (slug: string, text: string) => {
    const file = join(site, 'briefs', slug, 'index.html');
    mkdirSync(join(site, 'briefs', slug), { recursive: true });
    // A new file (another inode), as Astro writes a page it renders.
    writeFileSync(`${file}.new`, page(slug, text));
    renameSync(`${file}.new`, file);
    utimesSync(file, at, at);
  };
  const build = () =>
    indexSite(site, pages, {
      language: 'en',
      shardBriefs: 600,
      firstTierKb: 20,
      jobs: 1,
      previousDir: site,
      pageDigests: memo,
    });

  it('reads a page again only when its file is another one', async () => {
    put('alpha', 'About quillwort.');
    put('beta', 'About gallium.');
    expect(await build()).toContain('1 bundle indexed');
    expect(await build(), 'nothing changed').toContain('0 bundles indexed, 1 unchanged');

    // Rewritten in place with the same size and time: the same file to a signature, so its
    // digest is trusted and it is not read (Astro never writes a page in place in a build).
    const alpha = join(site, 'briefs', 'alpha', 'index.html');
    writeFileSync(alpha, page('alpha', 'About marmalade.'));
    utimesSync(alpha, at, at);
    expect(await build()).toContain('0 bundles indexed, 1 unchanged');

    // The same size and time in a new file: read, and the bundle indexed again.
    put('alpha', 'About marmalade.');
    expect(await build()).toContain('1 bundle indexed');
    expect(searchFragmentText(site)).toContain('marmalade');
  }, 60_000);
});

describe('indexSite with grouped fragments (search.maxFragments)', () => {
  const site = mkdtempSync(join(tmpdir(), 'index-grouped-'));
  afterAll(() => rmSync(site, { recursive: true, force: true }));
  const briefs: PageToIndex[] = ['one', 'two', 'three', 'four', 'five'].map((slug, i) => ({
    url: `/briefs/${slug}/`,
    file: `briefs/${slug}/index.html`,
    date: `2025-0${i + 1}-01`,
    chinese: false,
    filters: {},
  }));
  const profile: PageToIndex = {
    url: '/companies/lynas/',
    file: 'companies/lynas/index.html',
    chinese: false,
    filters: {},
  };

  it('dates its briefs and finds its profiles by the result ids inside the group files', async () => {
    for (const { file, url } of [...briefs, profile]) {
      mkdirSync(join(site, file, '..'), { recursive: true });
      writeFileSync(join(site, file), page(url, `About ${url}.`));
    }
    await indexSite(site, [...briefs, profile], {
      language: 'en',
      shardBriefs: 600,
      firstTierKb: 20,
      jobs: 1,
      maxFragments: 2,
      entities: [
        {
          kind: 'company',
          label: 'Company',
          name: 'Lynas',
          url: profile.url,
          briefs: 0,
          keys: ['lynas'],
        },
      ],
    });
    const fragments = readdirSync(join(site, 'pagefind', 'fragment'));
    expect(fragments.length).toBeLessThanOrEqual(2);
    expect(fragments.every((f) => f.includes('_group_'))).toBe(true);
    const grouped = fragments
      .map((f) => gunzipSync(readFileSync(join(site, 'pagefind', 'fragment', f))).toString())
      .join('');
    const dates = JSON.parse(readFileSync(join(site, 'pagefind', 'dates.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(Object.values(dates).sort()).toEqual(briefs.map((b) => b.date));
    for (const id of Object.keys(dates)) expect(grouped).toContain(`"${id}":{`);
    const lookup = readdirSync(join(site, 'pagefind', 'entities'))
      .map((f) => readFileSync(join(site, 'pagefind', 'entities', f), 'utf8'))
      .join('');
    const profileId = /"en":"([^"]+)"/.exec(lookup)?.[1];
    expect(profileId, 'the profile has its result id').toBeDefined();
    expect(grouped).toContain(`"${profileId}":{`);
  }, 60_000);
});
