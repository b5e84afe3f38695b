import { launchBrowser } from '../scripts/lib/browser.ts';
import { serveDir } from '../scripts/lib/serve.ts';
const server = await serveDir('/tmp/ls/dist');
const browser = await launchBrowser();
for (const [name, width, q] of [['desk', 1280, 'rare earth'], ['phone', 390, 'rare earth'], ['zh', 1280, '征求意见稿']] as const) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${server.url}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => /result/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: false });
  console.log(name, await page.locator('[data-search-status]').innerText(), '|', await page.locator('[data-search-scope]').innerText().catch(() => ''));
}
await browser.close();
await server.close();
