import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDir, type StaticServer } from '../../../scripts/lib/serve.ts';

const work = mkdtempSync(join(tmpdir(), 'briefing-serve-'));
const site = join(work, 'site');
const css = 'body { color: black; }\n'.repeat(200);
let plain: StaticServer;
let compressing: StaticServer;
let gzipOnly: StaticServer;

beforeAll(async () => {
  mkdirSync(join(site, 'pagefind'), { recursive: true });
  mkdirSync(join(work, 'site-other'));
  writeFileSync(join(site, 'index.html'), '<p>home</p>');
  writeFileSync(join(site, '404.html'), '<p>lost</p>');
  writeFileSync(join(site, 'style.css'), css);
  writeFileSync(join(site, 'pagefind/en.pf_meta'), 'already gzipped');
  writeFileSync(join(work, 'site-other/secret.txt'), 'secret');
  plain = await serveDir(site);
  compressing = await serveDir(site, {
    compression: { brotli: 11, gzip: 9 },
    headers: { 'cache-control': 'no-store' },
    pages: { '/blank/': '<p>blank</p>' },
  });
  gzipOnly = await serveDir(site, { compression: { gzip: 6 } });
});

afterAll(async () => {
  await plain?.close();
  await compressing?.close();
  await gzipOnly?.close();
  rmSync(work, { recursive: true, force: true });
});

const get = (server: StaticServer, path: string, encoding = 'identity') =>
  fetch(server.url + path, { headers: { 'accept-encoding': encoding } });

describe('serveDir', () => {
  it('serves files and folders’ index.html, and records what it sent', async () => {
    const home = await get(plain, '/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toBe('<p>home</p>');
    const style = await get(plain, '/style.css', 'br');
    expect(style.headers.get('content-encoding')).toBeNull();
    expect(plain.sent).toEqual([
      { path: '/', encoding: 'identity', bytes: 11, rawBytes: 11 },
      { path: '/style.css', encoding: 'identity', bytes: css.length, rawBytes: css.length },
    ]);
  });

  it('answers a missing file with the site’s 404 page, and refuses paths outside the site', async () => {
    const missing = await get(plain, '/no/such/page/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('<p>lost</p>');
    expect((await get(plain, '/..%2Fsite-other/secret.txt')).status).toBe(403);
  });

  it('compresses text as the browser asks, counting the bytes on the wire', async () => {
    compressing.sent.length = 0;
    for (const encoding of ['br', 'gzip, deflate', 'identity']) {
      const response = await get(compressing, '/style.css', encoding);
      expect(await response.text()).toBe(css);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    const [br, gzip, identity] = compressing.sent;
    expect(br).toMatchObject({ encoding: 'br', rawBytes: css.length });
    expect(br!.bytes).toBeLessThan(100);
    expect(br!.brotliBytes).toBe(br!.bytes);
    expect(gzip).toMatchObject({ encoding: 'gzip', brotliBytes: br!.bytes });
    expect(gzip!.bytes).toBeLessThan(css.length);
    expect(identity).toMatchObject({ encoding: 'identity', bytes: css.length });
  });

  it('offers gzip only when no brotli level is given, as GitHub Pages does', async () => {
    const response = await get(gzipOnly, '/style.css', 'gzip, deflate, br, zstd');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toBe(css);
    expect(gzipOnly.sent.at(-1)).toMatchObject({ encoding: 'gzip', rawBytes: css.length });
    expect(gzipOnly.sent.at(-1)).not.toHaveProperty('brotliBytes');
  });

  it('sends Pagefind’s own files as they are, and pages from memory', async () => {
    compressing.sent.length = 0;
    const meta = await get(compressing, '/pagefind/en.pf_meta', 'br');
    expect(meta.headers.get('content-encoding')).toBeNull();
    expect(compressing.sent).toEqual([
      {
        path: '/pagefind/en.pf_meta',
        encoding: 'identity',
        bytes: 15,
        rawBytes: 15,
        brotliBytes: 15,
      },
    ]);
    expect(await (await get(compressing, '/blank/')).text()).toBe('<p>blank</p>');
  });

  it('serves a site under a sub-path, as a project site of GitHub Pages', async () => {
    const sub = await serveDir(site, { base: '/briefing/' });
    try {
      expect(sub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/briefing$/);
      const origin = new URL(sub.url).origin;
      expect(await (await fetch(`${sub.url}/`)).text()).toBe('<p>home</p>');
      expect((await fetch(`${sub.url}/style.css`)).status).toBe(200);
      const bare = await fetch(sub.url, { redirect: 'manual' });
      expect([bare.status, bare.headers.get('location')]).toEqual([301, '/briefing/']);
      for (const outside of ['/', '/style.css', '/briefingstyle.css']) {
        const response = await fetch(origin + outside);
        expect(response.status, outside).toBe(404);
        expect(await response.text()).toBe('<p>lost</p>');
      }
      expect((await fetch(`${sub.url}/no/such/page/`)).status).toBe(404);
    } finally {
      await sub.close();
    }
  });
});
