import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { glossaryPlugin, profileOfFile } from '../../../src/astro/glossary-plugin.ts';
import { markdownOptions } from '../../../src/astro/markdown.ts';
import { EntityIndex } from '../../../src/model/resolve.ts';
import { entity } from '../fixtures.ts';

function term(slug: string, original: string, pinyin: string, english: string) {
  const record = entity('terms', slug, english);
  record.data = { ...record.data, original, pinyin, english };
  return record;
}
const index = new EntityIndex([
  term('yangqi', '央企', 'yāngqǐ', 'Central state-owned enterprise'),
  term('zuofeng', '作风', 'zuòfēng', 'Work style'),
  entity('companies', 'northern', 'Northern Rare Earth'),
]);

async function render(md: string, file?: string) {
  const { html } = await markdownToHtml(md, {
    ...markdownOptions(() => index),
    ...(file ? { fileURL: new URL(`file:///${file}`) } : {}),
  });
  return html;
}

describe('glossary plugin', () => {
  it('links the first occurrence only, with the original, pinyin and English in the link', async () => {
    const html = await render(
      'A central state-owned enterprise (央企) is one kind of 央企.\n\nAnother 央企.',
    );
    expect(html.match(/class="gloss"/g)).toHaveLength(1);
    expect(html).toContain(
      '<a href="/terms/yangqi/" class="gloss" data-entity="terms/yangqi">central state-owned enterprise<span class="gloss-tip"',
    );
    expect(html).toContain(
      '<span lang="zh">央企</span>, <span lang="zh-Latn-pinyin">yāngqǐ</span>: Central state-owned enterprise)',
    );
  });

  it('leaves links, code and headings alone, and counts an explicit link as the first occurrence', async () => {
    const html = await render(
      '# 作风 heading\n\n`作风` in code, [作风](https://example.com) in a link.\n\n[[terms/zuofeng|The work style]] term, then 作风 again.\n\nPlain 央企.',
    );
    expect(html).toContain('<h1 id="作风-heading">作风 heading</h1>');
    expect(html).toContain('<code>作风</code>');
    expect(html).not.toContain('data-entity="terms/zuofeng">作风');
    expect(html.match(/class="gloss"/g)).toHaveLength(1);
    expect(html).toContain('data-entity="terms/yangqi"');
  });

  it('does not gloss a term on its own page', async () => {
    const html = await render('央企 are central SOEs.', 'content/terms/yangqi.md');
    expect(html).not.toContain('gloss');
    expect(profileOfFile(new URL('file:///x/content/terms/yangqi.mdx'))).toBe('terms/yangqi');
  });

  it('skips a body with no term', async () => {
    expect(glossaryPlugin(() => index)).toBeTypeOf('function');
    expect((await render('Nothing to see.')).trim()).toBe('<p>Nothing to see.</p>');
  });
});
