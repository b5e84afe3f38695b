/**
 * `node scripts/screenshots.ts [out-dir] [paths…]`: screenshots of the built site
 * (desktop and phone, light and dark) in headless Chromium, to look at pages.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchBrowser } from './lib/browser.ts';
import { serveDir } from './lib/serve.ts';

const [outArg, ...pathArgs] = process.argv.slice(2);
const out = resolve(outArg ?? '.briefing/screenshots');
const paths = pathArgs.length
  ? pathArgs
  : [
      '/',
      '/briefs/northern-rare-earth-party-discipline/',
      '/companies/china-northern-rare-earth/',
      '/companies/',
      '/network/',
      '/timeline/',
    ];
mkdirSync(out, { recursive: true });

const server = await serveDir(resolve(process.env.BRIEFING_DIST ?? 'dist'));
const browser = await launchBrowser();
try {
  for (const [device, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport, colorScheme, deviceScaleFactor: 1 });
      for (const path of paths) {
        await page.goto(server.url + path);
        const name = `${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${device}-${colorScheme}.png`;
        await page.screenshot({ path: `${out}/${name}`, fullPage: true });
      }
      await page.close();
    }
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server.close();
}
