/**
 * `npm run dev` tells the author what `npm run check` tells them: a broken brief shows its
 * file:line problem on the page (Astro's error page and overlay) and in the terminal, and
 * the page comes back once the file is fixed; a warning never stops it. It also shows drafts
 * and scheduled briefs, marked as such.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { scratchDir } from '../helpers/scratch.ts';

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

/** Polls `url` until `test` accepts the page's text (the dev server picks changes up in the background). */
async function until(url: string, test: (text: string) => boolean, ms = 30_000): Promise<string> {
  const end = Date.now() + ms;
  let last = '';
  while (Date.now() < end) {
    try {
      last = await (await fetch(url)).text();
      if (test(last)) return last;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`timed out waiting for ${url}; last response:\n${last.slice(0, 2000)}`);
}

const withoutVitest = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(
    Object.entries(env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(name)),
  );

let dev: ChildProcess | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  dev?.kill();
  await browser?.close();
});

describe('npm run dev', () => {
  it(
    'shows a content problem with file and line, and recovers when it is fixed',
    { timeout: 120_000 },
    async () => {
      const content = join(scratchDir('briefing-dev-'), 'content');
      cpSync(resolve('tests/fixtures/mini/content'), content, { recursive: true });
      const scheduled = readFileSync(join(content, 'briefs/2025/beta.md'), 'utf8')
        .replace('title: Beta brief about MP Materials', 'title: Epsilon, written ahead')
        .replace('date: 2025-07-10', 'date: 2025-12-01');
      writeFileSync(join(content, 'briefs/2025/epsilon.md'), scheduled);
      const port = await freePort();
      let terminal = '';
      dev = spawn(
        process.execPath,
        ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'],
        {
          // As a reader's terminal would run it: Astro changes its dev server under Vitest.
          env: {
            ...withoutVitest(process.env),
            BRIEFING_CONTENT_DIR: content,
            BRIEFING_BUILD_DATE: '2025-11-01',
            FORCE_COLOR: '0',
          },
        },
      );
      dev.stdout!.on('data', (chunk: Buffer) => (terminal += chunk.toString()));
      dev.stderr!.on('data', (chunk: Buffer) => (terminal += chunk.toString()));
      const page = `http://127.0.0.1:${port}/briefs/alpha/`;
      await until(page, (t) => t.includes('Alpha brief about Northern Rare Earth'));

      // Drafts and scheduled briefs are shown, and marked, on their pages and in lists.
      const base = `http://127.0.0.1:${port}`;
      expect(await until(`${base}/briefs/epsilon/`, (t) => t.includes('Epsilon'))).toContain(
        'Scheduled brief: shown by npm run dev only, published by the first build on or after 1 December 2025',
      );
      expect(await until(`${base}/briefs/gamma-draft/`, (t) => t.includes('Gamma'))).toContain(
        'Draft brief: shown by npm run dev only',
      );
      const list = await until(`${base}/briefs/`, (t) => t.includes('Epsilon'));
      expect(list).toMatch(/Scheduled for <time datetime="2025-12-01"/);
      expect(list).toMatch(/status-mark[^>]*>Draft</);

      const beta = join(content, 'briefs/2025/beta.md');
      const good = readFileSync(beta, 'utf8');
      writeFileSync(beta, good.replace('companies: [mp-materials]', 'companies: [mp-material]'));
      await until(page, (t) => t.includes('<title>Error</title>'));
      expect(terminal).toMatch(/beta\.md:6[\s\S]*unknown companies slug "mp-material"/);
      // In the browser, Astro's error overlay shows the same problem.
      browser = await launchBrowser();
      const tab = await browser.newPage();
      await tab.goto(page);
      const overlay = tab.locator('vite-error-overlay');
      await overlay.waitFor({ state: 'attached' });
      await expect
        .poll(() => overlay.evaluate((el) => el.shadowRoot?.textContent ?? ''))
        .toMatch(/beta\.md:6[\s\S]*did you mean "mp-materials"/);

      writeFileSync(beta, good);
      await until(
        page,
        (t) => t.includes('Alpha brief about Northern Rare Earth') && !t.includes('beta.md:6'),
      );

      // A recommendation of the site's rules not followed is a warning: the page still
      // renders, without the parts the brief lacks, and the terminal counts it.
      writeFileSync(beta, good.replace('highlights: [Two.]\n', '').replace(/^sources:\n.*\n/m, ''));
      const betaPage = await until(
        `http://127.0.0.1:${port}/briefs/beta/`,
        (t) => t.includes('Beta brief about MP Materials') && !t.includes('Key takeaways'),
      );
      expect(betaPage).not.toContain('<title>Error</title>');
      expect(betaPage).not.toContain('id="sources"');
      // Counted by the content loader when the watcher tells it of the change, which may come
      // after the page has been served from the new content.
      await expect
        .poll(() => terminal, { timeout: 15_000 })
        .toMatch(/2 content warnings: `npm run check` lists them/);
    },
  );
});
