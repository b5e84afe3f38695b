import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { describe, expect, it } from 'vitest';
import { markdownOptions } from '../../../src/astro/markdown.ts';
import { EntityIndex } from '../../../src/model/resolve.ts';
import { entity } from '../fixtures.ts';

const index = new EntityIndex([
  entity('companies', 'china-northern-rare-earth', 'China Northern Rare Earth', [
    '北方稀土',
    'Northern Rare Earth',
  ]),
  entity('policies', 'eight-provisions', 'Eight-point Regulations'),
]);
const processor = createSatteriMarkdownProcessor(markdownOptions(() => index));
const render = async (markdown: string) => (await (await processor).render(markdown)).code;

describe('the wikilink plugin, as Astro renders a body', () => {
  it('links names, aliases and kind/slug targets to entity pages, with the label as text', async () => {
    const html = await render(
      '[[Northern Rare Earth]], [[北方稀土]] and [[policies/eight-provisions|the rules]].',
    );
    expect(html).toContain(
      '<a href="/companies/china-northern-rare-earth/" class="wikilink wikilink-companies" data-entity="companies/china-northern-rare-earth">Northern Rare Earth</a>',
    );
    expect(html).toContain(
      'href="/companies/china-northern-rare-earth/" class="wikilink wikilink-companies" data-entity="companies/china-northern-rare-earth">北方稀土</a>',
    );
    expect(html).toContain(
      '<a href="/policies/eight-provisions/" class="wikilink wikilink-policies" data-entity="policies/eight-provisions">the rules</a>',
    );
  });

  it('leaves ordinary links alone, even to a relative address that names an entity', async () => {
    const html = await render('[the group](Northern Rare Earth) and [site](https://example.com/)');
    expect(html).not.toContain('wikilink');
    expect(html).toContain('href="https://example.com/"');
  });

  it('keeps an unknown target visible as a search link', async () => {
    const html = await render('[[Nobody Ltd]]');
    expect(html).toContain('class="wikilink wikilink-unresolved"');
    expect(html).toContain('href="/search/?q=Nobody%20Ltd"');
  });

  it('does not link inside code', async () => {
    expect(await render('`[[Northern Rare Earth]]`')).not.toContain('<a ');
  });
});
