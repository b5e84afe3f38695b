import { describe, expect, it } from 'vitest';
import { hugoArchives, jekyllArchives, noArchives } from '../../../scripts/import/archives.ts';

describe('hugoArchives', () => {
  it('are /categories/ and /tags/ by default, urlized, under a translation’s language', () => {
    const of = hugoArchives({});
    expect(of('categories', 'Rare Earths')).toEqual(['/categories/rare-earths/']);
    expect(of('tags', 'MP Materials', '/zh')).toEqual(['/zh/tags/mp-materials/']);
    // Hugo keeps Chinese in the path; the address is sent percent-encoded.
    expect(of('tags', '稀土')).toEqual(['/tags/%E7%A8%80%E5%9C%9F/']);
    expect(of('tags', '!!!')).toEqual([]);
  });

  it('follow the taxonomies, permalinks, case and disableKinds settings', () => {
    const tagsOnly = hugoArchives({ taxonomies: { tag: 'tags' } });
    expect(tagsOnly('categories', 'Policy')).toEqual([]);
    expect(tagsOnly('tags', 'Policy')).toEqual(['/tags/policy/']);
    expect(
      hugoArchives({ permalinks: { term: { tags: '/topics/:slug/' } } })('tags', 'Lynas'),
    ).toEqual(['/topics/lynas/']);
    expect(
      hugoArchives({ permalinks: { categories: '/sections/:slug' } })('categories', 'X'),
    ).toEqual(['/sections/x/']);
    expect(hugoArchives({ disablePathToLower: true })('tags', 'Lynas')).toEqual(['/tags/Lynas/']);
    expect(hugoArchives({ disableKinds: ['term'] })('tags', 'Lynas')).toEqual([]);
  });
});

describe('jekyllArchives', () => {
  it('exist only with jekyll-archives, for the kinds it enables, under baseurl', () => {
    expect(jekyllArchives({})('tags', 'Lynas')).toEqual([]);
    const plugin = { plugins: ['jekyll-archives'], baseurl: '/notes' };
    expect(
      jekyllArchives({ ...plugin, 'jekyll-archives': { enabled: ['tags'] } })('categories', 'X'),
    ).toEqual([]);
    const all = jekyllArchives({ ...plugin, 'jekyll-archives': { enabled: 'all' } });
    expect(all('categories', 'Rare Earths')).toEqual(['/notes/category/rare-earths/']);
    expect(all('tags', 'MP Materials')).toEqual(['/notes/tag/mp-materials/']);
    const custom = jekyllArchives({
      gems: ['jekyll-archives'],
      'jekyll-archives': { enabled: ['categories'], permalinks: { category: '/topics/:name/' } },
    });
    expect(custom('categories', 'Policy & Law')).toEqual(['/topics/policy-law/']);
  });
});

describe('noArchives', () => {
  it('knows none (Eleventy)', () => {
    expect(noArchives('tags', 'x')).toEqual([]);
  });
});
