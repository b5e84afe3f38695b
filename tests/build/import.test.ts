/**
 * Moving in, as a new user would: a WordPress export and a Hugo site imported into an empty
 * content folder, checked with the default rules, built under a base path, and every old
 * address followed: the redirect pages and the `_redirects` rules on the built files, and the
 * meta refresh and the query map in real Chromium.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveDir, type StaticServer } from '../../scripts/lib/serve.ts';
import { readContentFiles } from '../../src/content/files.ts';
import { validateContent } from '../../src/content/validate.ts';
import { patternMatcher, redirectFile } from '../../src/model/redirects.ts';
import { scratchDir } from '../helpers/scratch.ts';

const WXR = resolve('tests/fixtures/import/wordpress/export.xml');
const HUGO = resolve('tests/fixtures/import/hugo');
const BASE = '/briefing';

const dir = scratchDir('briefing-import-');
const content = join(dir, 'content');
const site = join(dir, 'site');
const dist = join(site, 'briefing');

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, args, {
    env: { ...process.env, BRIEFING_CONTENT_DIR: content, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const importWordPress = () => run(['scripts/import/cli.ts', 'wordpress', WXR, '--into', content]);
let first: ReturnType<typeof run>;
let hugo: ReturnType<typeof run>;
let built: ReturnType<typeof run>;

beforeAll(() => {
  first = importWordPress();
  hugo = run(['scripts/import/cli.ts', 'markdown', HUGO, '--into', content]);
  // A file of the content folder's own, as --download-media saves them.
  mkdirSync(join(content, 'media/wp-content/uploads'), { recursive: true });
  writeFileSync(join(content, 'media/wp-content/uploads/chart.png'), 'PNG');
  built = run(['scripts/build.ts'], { BRIEFING_DIST: dist, BASE_PATH: `${BASE}/` });
}, 300_000);

/** Where a `_redirects` rule sends a path: its placeholders filled from the path. */
function follow(pattern: string, target: string, path: string): string {
  const names: string[] = [];
  const source = pattern
    .split(/(:[A-Za-z]\w*)/)
    .map((part) =>
      part.startsWith(':')
        ? (names.push(part), '([^/]+)')
        : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  const match = new RegExp(`^${source}$`).exec(path)!;
  return names.reduce((to, name, i) => to.replace(name, match[i + 1]!), target);
}

const records = () => validateContent(readContentFiles(dir, content));
const fileOf = (path: string) => {
  const file = join(dist, redirectFile(path.replace(/^\/briefing/, '')));
  return existsSync(file) ? file : undefined;
};

describe('importing into an empty content folder', () => {
  it('reports what it did, what it left out and what to look at', () => {
    expect(first.status).toBe(0);
    expect(first.output).toContain('Imported 11 posts');
    expect(first.output).toContain('3 drafts (draft: true, never published)');
    expect(first.output).toMatch(/Not imported, 1 item: private/);
    expect(first.output).toContain(
      'not imported, as they are neither categories nor tags: the terms of post_format (1 post), region (1 post)',
    );
    expect(first.output).toMatch(
      /Not imported, 1 item: a page, not a dated post[^\n]*\n\s+"About us"/,
    );
    expect(first.output).toContain('written as "china-export-quotas-2"');
    expect(first.output).toContain(
      '[contact-form-7 id="5" title="Contact form"] has no equivalent here',
    );
  });

  it('takes an export in several files, as WP-CLI splits a large one', () => {
    const whole = readFileSync(WXR, 'utf8');
    const head = whole.slice(0, whole.indexOf('<item>'));
    const items = whole.match(/<item>[\s\S]*?<\/item>/g)!;
    const parts = [items.slice(0, 5), items.slice(5)].map((some, i) => {
      const file = join(dir, `export.00${i}.xml`);
      writeFileSync(file, `${head}${some.join('\n')}</channel></rss>`);
      return file;
    });
    const result = run([
      'scripts/import/cli.ts',
      'wordpress',
      ...parts,
      '--into',
      join(dir, 'parts'),
      '--dry-run',
    ]);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('Would import 11 posts');
  });

  it('says what it would write with --dry-run, and writes nothing', () => {
    const into = join(dir, 'dry-run');
    const result = run(['scripts/import/cli.ts', 'wordpress', WXR, '--into', into, '--dry-run']);
    expect(result.status).toBe(0);
    expect(result.output).toContain('Would import 11 posts');
    expect(result.output).toContain("site.yaml would be written with the old site's title.");
    expect(existsSync(into)).toBe(false);
  });

  it('updates the same files when run again', () => {
    const again = importWordPress();
    expect(again.status).toBe(0);
    expect(again.output).toContain('0 new, 0 updated, 11 unchanged');
    // The themes' archive addresses are there already: none is added twice.
    expect(again.output).not.toContain('given the old addresses');
    const theme = readFileSync(join(content, 'themes/rare-earths.md'), 'utf8');
    expect(theme.match(/\/category\/minerals\/rare-earths\//g)).toHaveLength(1);
  });

  it('passes the check with the default rules, warnings counted, and fails it with --strict', () => {
    const check = run(['scripts/check.ts']);
    expect(check.status).toBe(0);
    expect(check.output).toMatch(
      /✓ content is valid, \d+ warnings: 11 briefs \(4 drafts, 0 scheduled\)/,
    );
    expect(check.output).toMatch(/ {2}\d+ {2}briefs: no key takeaways \(highlights\)/);
    const strict = run(['scripts/check.ts', '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.output).toContain('no key takeaways (highlights) (recommended');
  });

  it('takes the old site’s category and tag bases for WordPress only, and refuses a bad one', () => {
    const bad = run([
      'scripts/import/cli.ts',
      'wordpress',
      WXR,
      '--category-base',
      'a b',
      '--dry-run',
    ]);
    expect(bad.status).toBe(1);
    expect(bad.output).toContain(
      '--category-base must be the base of the old site\'s Permalinks settings, such as "topics", not "a b"',
    );
    const hugoBase = run([
      'scripts/import/cli.ts',
      'markdown',
      HUGO,
      '--tag-base',
      'x',
      '--dry-run',
    ]);
    expect(hugoBase.status).toBe(1);
    expect(hugoBase.output).toContain('--category-base and --tag-base are for a WordPress export');
  });

  it('refuses a file that is not an export, naming it, without a stack trace', () => {
    const result = run([
      'scripts/import/cli.ts',
      'wordpress',
      resolve('README.md'),
      '--into',
      join(dir, 'other'),
    ]);
    expect(result.status).toBe(1);
    expect(result.output).toContain('README.md:1: the file is not well-formed XML');
    expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });
});

describe('old files that cannot be read', () => {
  it('fail the import, each named with its line, after the readable posts are imported', () => {
    const old = join(dir, 'jekyll-bad');
    mkdirSync(join(old, '_posts'), { recursive: true });
    writeFileSync(join(old, '_posts/2020-01-01-fine.md'), '---\ntitle: Fine\n---\nBody.\n');
    writeFileSync(join(old, '_posts/2020-01-02-bad.md'), '---\ntitle: "Unclosed\n---\nBody.\n');
    const into = join(dir, 'from-jekyll-bad');
    const result = run(['scripts/import/cli.ts', 'markdown', old, '--into', into]);
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      `✗ 1 file could not be read, so its post was not imported:\n  ${join(old, '_posts/2020-01-02-bad.md')}:2: the frontmatter cannot be read`,
    );
    expect(existsSync(join(into, 'briefs/2020/fine.md'))).toBe(true);
    expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  it('refuse an export that is not UTF-8, naming its line, instead of writing "�" for its Chinese', () => {
    const xml = join(dir, 'gbk-export.xml');
    const gbk = Buffer.from([0xcf, 0xa1, 0xcd, 0xc1]);
    writeFileSync(
      xml,
      Buffer.concat([
        Buffer.from('<?xml version="1.0"?>\n<rss><channel>\n<title>'),
        gbk,
        Buffer.from('</title></channel></rss>\n'),
      ]),
    );
    const result = run(['scripts/import/cli.ts', 'wordpress', xml, '--into', join(dir, 'gbk')]);
    expect(result.status).toBe(1);
    expect(result.output).toContain(`${xml}:3: the file is not UTF-8 text`);
  });
});

describe('--download-media from a Hugo folder', () => {
  it('copies the files the folder holds (page bundles, static) instead of fetching them', () => {
    const into = join(dir, 'hugo-media');
    const result = run([
      'scripts/import/cli.ts',
      'markdown',
      resolve('tests/fixtures/import/hugo-publication'),
      '--into',
      into,
      '--download-media',
    ]);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('2 media files saved');
    expect(readFileSync(join(into, 'media/posts/bundled/chart.png'), 'utf8')).toBe('PNG chart\n');
    expect(readFileSync(join(into, 'media/images/tin.png'), 'utf8')).toBe('PNG tin\n');
    expect(readFileSync(join(into, 'briefs/2018/bundled.md'), 'utf8')).toContain(
      '![Chart](../../media/posts/bundled/chart.png), and a static one: ![Tin](../../media/images/tin.png)',
    );
  });
});

describe('the imported site, built under a base path', () => {
  it('builds, with a page for every published post and none for drafts', () => {
    expect(built.status, built.output).toBe(0);
    const { briefs } = records();
    expect(briefs.length).toBe(15);
    for (const brief of briefs) {
      expect(existsSync(join(dist, 'briefs', brief.slug, 'index.html')), brief.slug).toBe(
        !brief.draft,
      );
    }
  });

  it('publishes the content folder’s media files', () => {
    expect(readFileSync(join(dist, 'media/wp-content/uploads/chart.png'), 'utf8')).toBe('PNG');
  });

  it('shows only what a brief has, and nothing from a script in the old post', () => {
    const page = parse(readFileSync(join(dist, 'briefs/magnet-prices/index.html'), 'utf8'));
    expect(page.querySelector('.takeaways')).toBeNull();
    expect(page.querySelector('.sources')).toBeNull();
    // The summary is the first paragraph: in search results, not twice on the page.
    expect(page.querySelector('.lede')).toBeNull();
    expect(page.querySelector('[data-pagefind-meta="summary"]')!.text).toBe(
      'Magnet prices rose sharply after the quota cut.',
    );
    const withExcerpt = parse(
      readFileSync(join(dist, 'briefs/china-export-quotas/index.html'), 'utf8'),
    );
    expect(withExcerpt.querySelector('.lede')!.text).toBe(
      'Quotas fall for the third year & prices react.',
    );
    expect(page.querySelector('.site-footer p')!.text).not.toContain('cites its sources');
    expect(page.toString()).not.toContain("alert('tracking')");
    expect(page.querySelector('.article-body img')!.getAttribute('src')).toBe(
      'https://old.example.com/wp-content/uploads/2013/02/ndfeb.jpg',
    );
  });

  it('has no broken link of the importer’s making in the imported briefs', () => {
    const broken: string[] = [];
    for (const brief of records().briefs.filter((b) => !b.draft)) {
      const url = `${BASE}/briefs/${brief.slug}/`;
      const page = parse(readFileSync(join(dist, 'briefs', brief.slug, 'index.html'), 'utf8'));
      for (const a of page.querySelectorAll('.article-body a[href]')) {
        const href = a.getAttribute('href')!;
        if (/^(https?:|mailto:|#)/.test(href)) continue;
        const target = new URL(href, `http://site${url}`).pathname;
        if (!target.startsWith(`${BASE}/`) || !fileOf(target)) broken.push(`${url} → ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('has a redirect page at every old address, sending readers to the brief under the base path', () => {
    const published = records().briefs.filter((b) => !b.draft);
    let pages = 0;
    for (const brief of published) {
      for (const from of brief.redirectFrom.filter((f) => !f.includes('?'))) {
        const file = join(dist, redirectFile(from));
        expect(existsSync(file), from).toBe(true);
        const html = parse(readFileSync(file, 'utf8'));
        const to = `${BASE}/briefs/${brief.slug}/`;
        expect(html.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe(
          `0; url=${to}`,
        );
        expect(html.querySelector('link[rel="canonical"]')!.getAttribute('href')).toMatch(
          new RegExp(`${to}$`),
        );
        expect(html.querySelector('a')!.getAttribute('href')).toBe(to);
        expect(fileOf(to)).toBeDefined();
        pages++;
      }
    }
    expect(pages).toBeGreaterThanOrEqual(12);
    // Drafts are never redirected to.
    expect(existsSync(join(dist, '2030'))).toBe(false);
  });

  it('writes _redirects rules that send every old path to its brief, patterns within host limits', () => {
    const rules = readFileSync(join(dist, '_redirects'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split(/\s+/) as [string, string, string]);
    expect(rules.some(([from]) => from.includes(':slug'))).toBe(true);
    for (const brief of records().briefs.filter((b) => !b.draft)) {
      for (const from of brief.redirectFrom.filter((f) => !f.includes('?'))) {
        // As a host reads the file: the first rule that matches wins.
        const rule = rules.find(([pattern]) => patternMatcher(pattern).test(`${BASE}${from}`));
        expect(rule, from).toBeDefined();
        expect(follow(rule![0], rule![1], `${BASE}${from}`), from).toBe(
          `${BASE}/briefs/${brief.slug}/`,
        );
        expect(rule![2]).toBe('301');
      }
    }
  });
});

describe('old category and tag archive pages, built under a base path', () => {
  it('have a redirect page and a _redirects rule leading to the theme the category became', () => {
    const theme = records().entities.find((e) => e.kind === 'themes' && e.slug === 'rare-earths')!;
    expect(theme.redirectFrom).toEqual(['/category/minerals/rare-earths/']);
    const page = parse(
      readFileSync(join(dist, 'category/minerals/rare-earths/index.html'), 'utf8'),
    );
    expect(page.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe(
      `0; url=${BASE}/themes/rare-earths/`,
    );
    expect(page.querySelector('a')!.text).toBe('Rare Earths');
    expect(fileOf(`${BASE}/themes/rare-earths/`)).toBeDefined();
    // Every profile's old address, as a host reads _redirects: the first rule that matches.
    const rules = readFileSync(join(dist, '_redirects'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split(/\s+/) as [string, string, string]);
    expect(rules).toContainEqual([
      `${BASE}/category/minerals/rare-earths/`,
      `${BASE}/themes/rare-earths/`,
      '301',
    ]);
    let followed = 0;
    for (const entity of records().entities) {
      for (const from of entity.redirectFrom ?? []) {
        const rule = rules.find(([pattern]) => patternMatcher(pattern).test(`${BASE}${from}`));
        expect(rule, from).toBeDefined();
        expect(follow(rule![0], rule![1], `${BASE}${from}`), from).toBe(
          `${BASE}/${entity.kind}/${entity.slug}/`,
        );
        expect(existsSync(join(dist, redirectFile(from))), from).toBe(true);
        followed++;
      }
    }
    expect(followed).toBeGreaterThanOrEqual(6);
  });

  it('are added to a profile the folder had, the rest of its file kept: a Hugo category onto a WordPress one', () => {
    expect(hugo.output).toContain(
      // policy, export-controls and xi-tu (稀土) came from the WordPress import.
      '3 profiles given the old addresses of categories and tags that lead to them (redirect_from).',
    );
    const policy = readFileSync(join(content, 'themes/policy.md'), 'utf8');
    expect(policy).toMatch(
      /^---\nname: Policy & Law\nredirect_from:\n {2}- \/category\/policy\/\n {2}- \/categories\/policy\/\n---\n/,
    );
    expect(existsSync(join(dist, 'categories/policy/index.html'))).toBe(true);
  });
});

describe('old addresses in a browser', () => {
  let server: StaticServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    // A host that serves the site's 404 page for any missing path, as GitHub Pages does.
    copyFileSync(join(dist, '404.html'), join(site, '404.html'));
    server = await serveDir(site);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([
    [
      'a permalink',
      '/briefing/2013/01/11/china-export-quotas/',
      '/briefing/briefs/china-export-quotas/',
    ],
    [
      'a renamed duplicate',
      '/briefing/2014/01/11/china-export-quotas/',
      '/briefing/briefs/china-export-quotas-2/',
    ],
    [
      'a Chinese permalink',
      '/briefing/2013/03/05/%E7%A8%80%E5%9C%9F%E4%BB%B7%E6%A0%BC%E4%B8%8A%E6%B6%A8/',
      '/briefing/briefs/xi-tu-jia-ge-shang-zhang/',
    ],
    ['a Hugo alias', '/briefing/old/gallium/', '/briefing/briefs/gallium-controls/'],
    ['?p= on the home page', '/briefing/?p=102', '/briefing/briefs/magnet-prices/'],
    [
      '?p= with other parameters',
      '/briefing/?utm_source=x&p=115',
      '/briefing/briefs/lynas-licence/',
    ],
    [
      'index.php?p= on the 404 page',
      '/briefing/index.php?p=103',
      '/briefing/briefs/xi-tu-jia-ge-shang-zhang/',
    ],
  ])('follows %s', async (_name, from, to) => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${from}`);
    await page.waitForURL((url) => url.pathname === to, { timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe(to);
    await expect(page.locator('h1').innerText()).resolves.toBeTruthy();
    await page.close();
  });
});
