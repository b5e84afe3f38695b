import { afterEach, describe, expect, it, vi } from 'vitest';
import { searchBundles } from '../../../src/search/browser/bundles.ts';
import type { ShardManifest } from '../../../src/search/shared/shards.ts';

const manifest: ShardManifest = { version: 2, briefs: 0, shards: [], zh: [] };

describe('the search bundles of a site without Chinese text', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('answers a Chinese query with no results, loading nothing but the shard list', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      fetched.push(url);
      return Promise.resolve(new Response(JSON.stringify(manifest)));
    });
    const bundles = searchBundles('/pagefind/');
    const found = await bundles.forQuery('zh', { years: [], oldestFirst: false, all: false }, [
      'kind',
    ]);
    expect(await found.pagefind.search('稀 土')).toMatchObject({ results: [] });
    expect(found).toMatchObject({ bundle: 'zh', paths: [], missingBriefs: 0, missingProfiles: 0 });
    expect(fetched).toEqual(['/pagefind/shards.json']);
  });
});
