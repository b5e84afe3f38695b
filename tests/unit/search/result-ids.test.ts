import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fragmentUrl, resultIds } from '../../../src/search/build/entity-lookup.ts';

const dir = mkdtempSync(join(tmpdir(), 'result-ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fragment as Pagefind writes it: a signature, then JSON that starts with the URL. */
function fragment(bundle: string, id: string, url: string, content: string): void {
  mkdirSync(join(bundle, 'fragment'), { recursive: true });
  const json = JSON.stringify({ url, content, meta: { title: 'T' } });
  writeFileSync(join(bundle, 'fragment', `${id}.pf_fragment`), gzipSync(`pagefind_dcd${json}`));
}

/** Text no compressor shrinks much: the URL then lies past the first bytes read. */
function noise(length: number): string {
  let seed = 7;
  let text = '';
  while (text.length < length) {
    seed = (seed * 48271) % 2147483647;
    text += String.fromCharCode(0x4e00 + (seed % 20000));
  }
  return text;
}

describe('fragmentUrl', () => {
  it('reads the URL at the start of a fragment, escapes and Chinese included', () => {
    const text = 'pagefind_dcd{"url":"/briefs/\\u5317\\"x\\"/","content":"…';
    expect(fragmentUrl(Buffer.from(text))).toBe('/briefs/北"x"/');
  });

  it('says nothing when the text ends inside the URL', () => {
    expect(fragmentUrl(Buffer.from('pagefind_dcd{"url":"/briefs/a-very-lo'))).toBeUndefined();
    expect(fragmentUrl(Buffer.from('pagefind_dcd{"url":"/briefs/ends-in-\\'))).toBeUndefined();
  });
});

describe('resultIds', () => {
  it('maps every page URL to its fragment, short URLs and URLs past the first kilobyte', () => {
    const bundle = join(dir, 'bundle');
    const long = `/briefs/${encodeURIComponent(noise(2000))}/`;
    fragment(bundle, 'en_1', '/briefs/a/', noise(5000));
    fragment(bundle, 'en_2', long, 'short');
    // The long URL is not in the first kilobyte: the whole fragment must be read.
    const head = readFileSync(join(bundle, 'fragment', 'en_2.pf_fragment')).subarray(0, 1024);
    expect(fragmentUrl(gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH }))).toBeUndefined();
    fragment(bundle, 'en_3', '/companies/北方稀土/', '');
    expect(Object.fromEntries(resultIds(bundle))).toEqual({
      '/briefs/a/': 'en_1',
      [long]: 'en_2',
      '/companies/北方稀土/': 'en_3',
    });
  });

  it('names a file that is not a fragment', () => {
    const bundle = join(dir, 'broken');
    mkdirSync(join(bundle, 'fragment'), { recursive: true });
    writeFileSync(
      join(bundle, 'fragment', 'en_x.pf_fragment'),
      gzipSync('pagefind_dcd{"content":1}'),
    );
    expect(() => resultIds(bundle)).toThrow(/en_x\.pf_fragment is not a Pagefind fragment/);
  });
});

describe('resultIds of grouped fragments (search.maxFragments)', () => {
  /** A group file as Pagefind writes it: a signature, then JSON of result id → fragment. */
  function group(bundle: string, name: string, pages: Record<string, string>): void {
    mkdirSync(join(bundle, 'fragment'), { recursive: true });
    const json = JSON.stringify(
      Object.fromEntries(
        Object.entries(pages).map(([id, url]) => [id, { anchors: [], content: 'x', url }]),
      ),
    );
    writeFileSync(join(bundle, 'fragment', `${name}.pf_fragment`), gzipSync(`pagefind_dcd${json}`));
  }

  it('maps every page of a group file to its own result id, beside single fragments', () => {
    const bundle = join(dir, 'grouped');
    group(bundle, 'en_group_a1', { en_11: '/briefs/a/', en_12: '/briefs/b/' });
    group(bundle, 'en_group_b2', { en_13: '/companies/北方稀土/' });
    fragment(bundle, 'en_14', '/briefs/c/', 'alone');
    expect(Object.fromEntries(resultIds(bundle))).toEqual({
      '/briefs/a/': 'en_11',
      '/briefs/b/': 'en_12',
      '/companies/北方稀土/': 'en_13',
      '/briefs/c/': 'en_14',
    });
  });

  it('names a group file with a page that has no URL', () => {
    const bundle = join(dir, 'bad-group');
    mkdirSync(join(bundle, 'fragment'), { recursive: true });
    writeFileSync(
      join(bundle, 'fragment', 'en_group_c3.pf_fragment'),
      gzipSync('pagefind_dcd{"en_1":{"content":"x"}}'),
    );
    expect(() => resultIds(bundle)).toThrow(/en_group_c3\.pf_fragment has a fragment \(en_1\)/);
  });
});
