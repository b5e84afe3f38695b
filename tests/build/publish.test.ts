/**
 * What gets published: unusual but valid content builds; hostile raw HTML in a brief and in a
 * profile of every kind is published as harmless text (checked in the HTML and in Chromium);
 * every feed is well-formed XML with titles and summaries as text; a build that stops half-way,
 * even with exit code 0, publishes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveDir } from '../../scripts/lib/serve.ts';
import { brief, HOSTILE_INPUTS, UNUSUAL_INPUTS, writeCorpus } from '../fixtures/bad-inputs.ts';
import { distDir } from '../helpers/dist.ts';
import { run } from '../helpers/commands.ts';

const HOSTILE_PAGES = [
  '/briefs/hostile/',
  '/companies/hostile-company/',
  '/policies/hostile-policy/',
  '/themes/hostile-theme/',
  '/terms/hostile-term/',
];

/** Every XML file of a built site, parsed by a strict XML parser: the errors, by file. */
function xmlErrors(dir: string): { files: string[]; errors: string[] } {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.xml'),
  );
  const errors: string[] = [];
  for (const file of files) {
    const parser = new SaxesParser();
    parser.on('error', (error) => errors.push(`${file}: ${error.message}`));
    parser.write(readFileSync(join(dir, file), 'utf8')).close();
  }
  return { files, errors };
}

/** The text of every <title> and <description> in a feed, as a feed reader gets it. */
function feedTexts(xml: string): string[] {
  const texts: string[] = [];
  const parser = new SaxesParser();
  let inside = false;
  parser.on('opentag', (tag) => {
    inside = tag.name === 'title' || tag.name === 'description';
    if (inside) texts.push('');
  });
  parser.on('text', (text) => {
    if (inside) texts[texts.length - 1] += text;
  });
  parser.on('closetag', () => (inside = false));
  parser.write(xml).close();
  return texts;
}

describe('unusual and hostile content, built', () => {
  let site: ReturnType<typeof writeCorpus>;
  let build: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    site = writeCorpus({ ...UNUSUAL_INPUTS, ...HOSTILE_INPUTS });
    build = await run('scripts/build.ts', {
      BRIEFING_CONTENT_DIR: site.content,
      BRIEFING_DIST: site.dist,
    });
  });
  const page = (path: string) => readFileSync(join(site.dist, path, 'index.html'), 'utf8');

  it('builds, and tells the author what the allowlist removes, with the line', async () => {
    expect(build.output).toContain('✓ site built');
    expect(build.status).toBe(0);
    // Many warnings are counted by kind; `npm run check -- --warnings` lists each.
    expect(build.output).toMatch(
      /\d+ {2}bodies: HTML or addresses that will not be published as written/,
    );
    const check = await run('scripts/check.ts', { BRIEFING_CONTENT_DIR: site.content }, [
      '--warnings',
    ]);
    expect(check.status).toBe(0);
    expect(check.output).toMatch(
      /hostile\.md:12\n\s+raw HTML: <script> is removed with its content/,
    );
    expect(check.output).toMatch(
      /hostile\.md:22\n\s+the address "javascript:window\.pwned='link'" of a link is removed/,
    );
  });

  it('publishes a BOM, CRLF, tabs, Chinese and emoji titles and a huge body', () => {
    expect(parse(page('/briefs/with-bom/')).querySelector('h1')!.text).toBe(
      'A brief that starts with a byte-order mark',
    );
    expect(page('/briefs/crlf/')).toContain('Second paragraph.');
    expect(parse(page('/briefs/chinese-title/')).querySelector('h1')!.text).toBe(
      '北方稀土加强党的纪律 🚀',
    );
    expect(page('/briefs/huge-body/')).toContain('Paragraph 3999 about rare earths');
    expect(parse(page('/briefs/tabs/')).querySelector('h1')!.text).toBe('A brief with\ttabs');
  });

  it('shows titles with markup in them as text', () => {
    const h1 = parse(page('/briefs/html-entities/')).querySelector('h1')!;
    expect(h1.text).toContain('Tom & Jerry <b>bold</b>');
    expect(h1.querySelector('b')).toBeNull();
  });

  it.each(HOSTILE_PAGES)('publishes no live markup from the raw HTML of %s', (path) => {
    const html = page(path);
    const doc = parse(html);
    const body = doc.querySelector('.prose')!;
    expect(body.text).toContain('Hostile body text stays.');
    expect(body.querySelector('details abbr[title="rare earth element"]')).not.toBeNull();
    for (const tag of [
      'script',
      'style',
      'form',
      'input',
      'object',
      'embed',
      'base',
      'meta',
      'svg',
      'link',
    ])
      expect(body.querySelectorAll(tag).length, tag).toBe(0);
    const attributes = doc
      .querySelectorAll('*')
      .flatMap((el) =>
        Object.entries(el.attributes).map(([name, value]) => ({ tag: el.tagName, name, value })),
      );
    expect(attributes.filter((a) => /^on/i.test(a.name))).toEqual([]);
    expect(attributes.filter((a) => /^\s*(javascript|data|vbscript):/i.test(a.value))).toEqual([]);
    expect(attributes.filter((a) => a.name === 'style')).toEqual([]);
    expect(doc.querySelectorAll('meta[http-equiv="refresh"]')).toHaveLength(0);
    expect(doc.querySelectorAll('base')).toHaveLength(0);
    // The trusted embed, and no other frame.
    const frames = body.querySelectorAll('iframe');
    expect(frames.map((f) => f.getAttribute('src'))).toEqual([
      'https://www.youtube-nocookie.com/embed/abc',
    ]);
    expect(frames[0]!.getAttribute('sandbox')).toBe(
      'allow-scripts allow-same-origin allow-popups allow-presentation',
    );
    expect(/frame-src https:\/\/www\.youtube-nocookie\.com;/.test(html)).toBe(true);
  });

  it('runs none of it in Chromium: no script, no handler, no redirect', async () => {
    const server = await serveDir(site.dist, { hostHeaders: true });
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      // No request leaves the test machine, and none to evil.example is even tried.
      const offsite: string[] = [];
      await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => {
        offsite.push(route.request().url());
        return route.abort();
      });
      for (const path of HOSTILE_PAGES) {
        const tab = await context.newPage();
        const dialogs: string[] = [];
        tab.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        await tab.goto(`${server.url}${path}`);
        await tab.locator('.prose details summary').click();
        await tab.locator('.prose a', { hasText: 'raw link' }).click();
        await tab.waitForTimeout(1000);
        expect(new URL(tab.url()).pathname, path).toBe(path);
        expect(
          await tab.evaluate(() => (window as { pwned?: string }).pwned),
          path,
        ).toBeUndefined();
        expect(dialogs, path).toEqual([]);
        await tab.close();
      }
      expect(offsite.filter((url) => url.includes('evil.example'))).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);

  it('writes every feed and sitemap as well-formed XML, with titles and summaries as text', () => {
    const { files, errors } = xmlErrors(site.dist);
    expect(files.length).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    const texts = feedTexts(readFileSync(join(site.dist, 'rss.xml'), 'utf8'));
    // A reader renders descriptions as HTML: the markup in a summary arrives as escaped text.
    expect(texts).toContain(
      'A summary with &lt;script&gt;alert(1)&lt;/script&gt; &amp; ampersands ]]&gt; in it.',
    );
    expect(texts.join('\n')).not.toContain('<script>');
    expect(texts.some((t) => t.startsWith('Tom & Jerry &lt;b&gt;bold&lt;/b&gt;'))).toBe(true);
  });
});

describe('the sample site', () => {
  it('writes every feed and sitemap as well-formed XML', () => {
    const { files, errors } = xmlErrors(distDir());
    expect(files.length).toBeGreaterThan(40);
    expect(errors).toEqual([]);
  });
});

describe('a build that stops half-way', () => {
  it('publishes nothing and says why, even when Astro exits with 0', async () => {
    // Trusted MDX may run code: here it ends the build process early, with success.
    const site = writeCorpus({
      'site.yaml': 'trustMdx: true\n',
      'briefs/2025/quits.mdx': brief({ title: 'A brief that ends the build' }, '{process.exit(0)}'),
    });
    const build = await run('scripts/build.ts', {
      BRIEFING_CONTENT_DIR: site.content,
      BRIEFING_DIST: site.dist,
    });
    expect(build.status).toBe(1);
    expect(build.output).toMatch(/not complete|search indexing failed/);
    expect(build.output).toContain('was left as it was');
    expect(readFileSync(join(site.dist, 'index.html'), 'utf8')).toBe('previously published');
  });
});
