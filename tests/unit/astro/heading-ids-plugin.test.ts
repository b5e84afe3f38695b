import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { PAGE_IDS } from '../../../src/astro/heading-ids-plugin.ts';
import { markdownOptions } from '../../../src/astro/markdown.ts';
import { EntityIndex } from '../../../src/model/resolve.ts';

const index = new EntityIndex([]);

async function render(md: string) {
  const { html } = await markdownToHtml(md, { ...markdownOptions(() => index) });
  return html;
}

const ids = (html: string) => [...html.matchAll(/<h\d id="([^"]*)"/g)].map((m) => m[1]);

describe('heading ids of a body', () => {
  it('are the slugs Astro gives, numbered when repeated', async () => {
    const html = await render('## Why it matters\n\n### Notes\n\n### Notes\n\n## 稀土 outlook');
    expect(ids(html)).toEqual(['why-it-matters', 'notes', 'notes-1', '稀土-outlook']);
  });

  it('never take an id the page around the body uses', async () => {
    const html = await render('## Sources\n\n## Related\n\n## Main\n\n## Cite\n\n## Sources');
    expect(ids(html)).toEqual(['sources-1', 'related-1', 'main-1', 'cite-1', 'sources-2']);
  });

  it('keep an id written in raw HTML, with the prefix the sanitiser gives it', async () => {
    const html = await render('<h2 id="sources">Sources</h2>\n\n## Sources');
    expect(html).toContain('<h2 id="user-content-sources">Sources</h2>');
    expect(ids(html)).toEqual(['user-content-sources', 'sources-1']);
  });
});

describe('footnotes', () => {
  it('are described by their label: the id the references name is the label’s', async () => {
    const html = await render('Text[^1] and more.\n\n[^1]: The note.');
    const described = /aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(described).toBe('user-content-footnote-label');
    expect(html).toMatch(new RegExp(`<h2 [^>]*id="${described}"[^>]*>Footnotes</h2>`));
  });
});

describe('PAGE_IDS', () => {
  it('holds every fixed id the layout, pages and components write', () => {
    const files = ['src/layouts', 'src/pages', 'src/components'].flatMap((dir) =>
      (readdirSync(dir, { recursive: true }) as string[])
        .filter((f) => f.endsWith('.astro'))
        .map((f) => join(dir, f)),
    );
    const written = new Set(
      files.flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\sid="([^"{}]+)"/g)].map((m) => m[1]!),
      ),
    );
    expect(written.size).toBeGreaterThan(10);
    expect([...written].filter((id) => !(PAGE_IDS as readonly string[]).includes(id))).toEqual([]);
  });
});
