import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  downloadMedia,
  mediaAddresses,
  mediaPath,
  useLocalMedia,
} from '../../../scripts/import/media.ts';
import { serveDir, type StaticServer } from '../../../scripts/lib/serve.ts';
import { scratchDir } from '../../helpers/scratch.ts';

describe('media of the old site', () => {
  const old = scratchDir('briefing-old-site-');
  let server: StaticServer;
  beforeAll(async () => {
    mkdirSync(join(old, 'wp-content/uploads/2013/02'), { recursive: true });
    writeFileSync(join(old, 'wp-content/uploads/2013/02/ndfeb.jpg'), 'JPEG bytes');
    server = await serveDir(old);
  });
  afterAll(() => server?.close().catch(() => {}));

  it('are found in bodies: files on the old site only', () => {
    const body = `![a](https://old.example.com/wp-content/uploads/a.png) [pdf](https://www.old.example.com/x/report.pdf) [page](https://old.example.com/2013/01/x/) ![b](https://elsewhere.org/b.png)`;
    expect(mediaAddresses(body, new Set(['old.example.com']))).toEqual([
      'https://old.example.com/wp-content/uploads/a.png',
      'https://www.old.example.com/x/report.pdf',
    ]);
    // A stray "%" is a character of the name, not a reason to stop the import.
    expect(mediaPath('https://old.example.com/uploads/100%-pure.png')).toBe(
      'media/uploads/100--pure.png',
    );
    expect(mediaPath('https://old.example.com/wp-content/uploads/%E7%A8%80 a.png')).toBe(
      'media/wp-content/uploads/稀-a.png',
    );
    expect(mediaPath('https://old.example.com/../../etc/passwd.png')).toBe('media/etc/passwd.png');
  });

  it('are downloaded, and the body points at the copies relative to the brief page; failures are reported', async () => {
    const into = scratchDir('briefing-media-');
    const good = `${server.url}/wp-content/uploads/2013/02/ndfeb.jpg`;
    const missing = `${server.url}/wp-content/uploads/2013/02/missing.jpg`;
    const { saved, failed } = await downloadMedia([good, missing], into);
    expect(readFileSync(join(into, 'media/wp-content/uploads/2013/02/ndfeb.jpg'), 'utf8')).toBe(
      'JPEG bytes',
    );
    expect(failed).toEqual([{ address: missing, reason: 'HTTP 404' }]);
    expect(useLocalMedia(`![m](${good}) ![x](${missing})`, saved)).toBe(
      `![m](../../media/wp-content/uploads/2013/02/ndfeb.jpg) ![x](${missing})`,
    );
    // A second import does not fetch what it has.
    await server.close();
    const again = await downloadMedia([good], into);
    expect(again.saved.get(good)).toBe('media/wp-content/uploads/2013/02/ndfeb.jpg');
    expect(existsSync(join(into, 'media/wp-content/uploads/2013/02/missing.jpg'))).toBe(false);
  });
});
