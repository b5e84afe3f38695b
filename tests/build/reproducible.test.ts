/**
 * Two builds of the same content produce the same site, byte for byte: nothing random or
 * time-dependent reaches a page (which would also defeat reusing unchanged search bundles).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers/scratch.ts';

function build(content: string, dist: string, cache: string) {
  const env = {
    ...process.env,
    BRIEFING_CONTENT_DIR: content,
    BRIEFING_DIST: dist,
    BRIEFING_CACHE_DIR: cache,
  };
  const result = spawnSync(process.execPath, ['scripts/build.ts'], { env, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

const files = (dir: string) =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

describe('two builds of the same content', () => {
  it('write identical files, each from a cold cache', { timeout: 180_000 }, () => {
    const dir = scratchDir('briefing-reproducible-');
    const content = join(dir, 'content');
    cpSync(resolve('tests/fixtures/mini/content'), content, { recursive: true });
    build(content, join(dir, 'a'), join(dir, 'cache-a'));
    build(content, join(dir, 'b'), join(dir, 'cache-b'));
    const a = files(join(dir, 'a'));
    expect(a.length).toBeGreaterThan(30);
    expect(files(join(dir, 'b'))).toEqual(a);
    const differ = a.filter(
      (f) => !readFileSync(join(dir, 'a', f)).equals(readFileSync(join(dir, 'b', f))),
    );
    expect(differ).toEqual([]);
  });
});
