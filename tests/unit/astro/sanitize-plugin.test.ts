import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { sanitizePlugin } from '../../../src/astro/sanitize-plugin.ts';
import { wikilinkPlugin } from '../../../src/astro/wikilink-plugin.ts';
import { htmlPolicy } from '../../../src/content/html-policy.ts';
import { EntityIndex } from '../../../src/model/resolve.ts';
import { entity } from '../fixtures.ts';

const EMBED_HOST = 'www.youtube-nocookie.com';

async function render(markdown: string, embeds: string[] = [EMBED_HOST]): Promise<string> {
  const policy = htmlPolicy(embeds);
  const processor = await createSatteriMarkdownProcessor({
    features: { wikilinks: true, rawHtml: true },
    hastPlugins: [sanitizePlugin(() => policy)],
    syntaxHighlight: false,
  });
  return (await processor.render(markdown)).code;
}

/** Every attribute of every element, as `tag attr=value`. */
function attributes(html: string): string[] {
  return parse(html)
    .querySelectorAll('*')
    .flatMap((el) =>
      Object.entries(el.attributes).map(([k, v]) => `${el.tagName.toLowerCase()} ${k}=${v}`),
    );
}

const tags = (html: string) =>
  parse(html)
    .querySelectorAll('*')
    .map((el) => el.tagName.toLowerCase());

describe('the body sanitiser', () => {
  it.each([
    ['a script element', '<script>alert(1)</script>', 'script'],
    ['a style element', '<style>body{display:none}</style>', 'style'],
    ['an iframe of an untrusted host', '<iframe src="https://evil.example/"></iframe>', 'iframe'],
    ['a javascript: iframe', '<iframe src="javascript:alert(1)"></iframe>', 'iframe'],
    ['an object', '<object data="x.swf"></object>', 'object'],
    ['an embed', '<embed src="x.swf">', 'embed'],
    ['a form', '<form action="https://evil.example/"><input name="q"></form>', 'form'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">', 'meta'],
    ['a base element', '<base href="https://evil.example/">', 'base'],
    ['a stylesheet link', '<link rel="stylesheet" href="https://evil.example/x.css">', 'link'],
    ['an SVG with a script', '<svg><script>alert(1)</script></svg>', 'svg'],
  ])('removes %s', async (_name, html, tag) => {
    const out = await render(`Text before.\n\n${html}\n\nText after.`);
    expect(tags(out)).not.toContain(tag);
    expect(out).not.toContain('alert(1)');
    expect(out).toContain('Text after.');
  });

  it('drops event handlers, srcdoc and style wherever they appear, nested or not', async () => {
    const out = await render(
      [
        '<span onclick="alert(1)">a</span> <img src="a.png" alt="x" onerror="alert(1)">',
        '',
        '<div onmouseover="alert(1)" style="position:fixed"><p><b onfocus="alert(1)">deep</b></p></div>',
        '',
        '<center><font color="red" onclick="alert(1)"><i onclick="alert(1)">old</i></font></center>',
        '',
        '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      ].join('\n'),
    );
    expect(attributes(out).filter((a) => /\son\w+=|srcdoc|style=/.test(a))).toEqual([]);
    expect(out).toContain('deep');
    expect(out).toContain('old');
  });

  it('keeps only http, https, mailto, relative and # URLs in raw HTML and in Markdown links', async () => {
    const out = await render(
      [
        '[a](javascript:alert(1)) <javascript:alert(1)> [b][ref] ![c](javascript:alert(1))',
        '[d](data:text/html,x) [e](vbscript:x) <a href="jav&#x09;ascript:alert(1)">f</a>',
        '<a href=" javascript:alert(1)">g</a> <img src="data:image/svg+xml,x"> <a href="irc://x">h</a>',
        '',
        '[ok1](https://example.com/) [ok2](mailto:a@example.com) [ok3](../x/) [ok4](#top)',
        '<a href="http://example.com/">ok5</a> <img src="/img/x.png" alt="ok6">',
        '',
        '[ref]: javascript:alert(2)',
      ].join('\n'),
    );
    const urls = attributes(out).filter((a) => /\s(href|src)=/.test(a));
    expect(urls).toEqual([
      'a href=https://example.com/',
      'a href=mailto:a@example.com',
      'a href=../x/',
      'a href=#top',
      'a href=http://example.com/',
      'img src=/img/x.png',
    ]);
  });

  it('keeps harmless formatting: tables, sup, abbr, details, figure; maps obsolete tags', async () => {
    const out = await render(
      [
        '<table><caption>T</caption><tr><th scope="col">h</th></tr><tr><td>1</td></tr></table>',
        '',
        '<p>x<sup>2</sup> <abbr title="rare earth element">REE</abbr> <mark>m</mark> <time datetime="2025-01-01">d</time></p>',
        '',
        '<details><summary>More</summary>Hidden <kbd>K</kbd></details>',
        '',
        '<figure><img src="a.png" alt="a"><figcaption>Caption</figcaption></figure>',
        '',
        '<p><tt>mono</tt> <strike>gone</strike> <acronym title="t">AC</acronym> <blink>text</blink></p>',
      ].join('\n'),
    );
    const kept = new Set(tags(out));
    for (const tag of [
      'table',
      'caption',
      'th',
      'td',
      'sup',
      'abbr',
      'mark',
      'time',
      'details',
      'summary',
      'kbd',
      'figure',
      'figcaption',
      'img',
      'code',
      'del',
    ])
      expect(kept, tag).toContain(tag);
    for (const tag of ['tt', 'strike', 'acronym', 'blink']) expect(kept, tag).not.toContain(tag);
    expect(out).toContain('<abbr title="rare earth element">REE</abbr>');
    expect(out).toContain('<code>mono</code>');
    expect(out).toContain('text');
  });

  it('makes a trusted embed an iframe with a fixed set of attributes', async () => {
    const out = await render(
      `<iframe src="https://${EMBED_HOST}/embed/abc" title="A talk" width="560" height="315" onload="alert(1)" name="x" allow="camera" sandbox="allow-top-navigation"></iframe>`,
    );
    const iframe = parse(out).querySelector('iframe')!;
    expect(iframe.getAttribute('src')).toBe(`https://${EMBED_HOST}/embed/abc`);
    expect(Object.keys(iframe.attributes).sort()).toEqual(
      [
        'allow',
        'allowfullscreen',
        'height',
        'loading',
        'referrerpolicy',
        'sandbox',
        'src',
        'title',
        'width',
      ].sort(),
    );
    expect(iframe.getAttribute('sandbox')).not.toContain('allow-top-navigation');
    expect(iframe.getAttribute('allow')).not.toContain('camera');
  });

  it('refuses an embed over http, or from a host that is only similar', async () => {
    for (const src of [
      `http://${EMBED_HOST}/embed/abc`,
      `https://${EMBED_HOST}.evil.example/`,
      `https://evil.example/?${EMBED_HOST}`,
    ]) {
      expect(tags(await render(`<iframe src="${src}"></iframe>`))).not.toContain('iframe');
    }
    expect(tags(await render(`<iframe src="https://${EMBED_HOST}/x"></iframe>`, []))).not.toContain(
      'iframe',
    );
  });

  it('keeps footnotes working and prefixes ids from raw HTML', async () => {
    const out = await render('Text[^1] <span id="site-search">x</span>\n\n[^1]: The note.');
    const html = parse(out);
    const ref = html.querySelector('sup a')!;
    const target = ref.getAttribute('href')!.slice(1);
    expect(html.getElementById(target)).not.toBeNull();
    expect(html.querySelector('span')!.getAttribute('id')).toBe('user-content-site-search');
  });

  it('keeps the classes and entity of wikilinks, with or without raw HTML in the body', async () => {
    const index = new EntityIndex([entity('companies', 'mp', 'MP Materials')]);
    const policy = htmlPolicy([]);
    const processor = await createSatteriMarkdownProcessor({
      features: { wikilinks: true, rawHtml: true },
      mdastPlugins: [wikilinkPlugin(() => index)],
      hastPlugins: [sanitizePlugin(() => policy)],
      syntaxHighlight: false,
    });
    for (const body of ['About [[MP Materials]].', 'About [[MP Materials]] <sup>1</sup>.']) {
      const a = parse((await processor.render(body)).code).querySelector('a')!;
      expect(a.getAttribute('class'), body).toBe('wikilink wikilink-companies');
      expect(a.getAttribute('data-entity'), body).toBe('companies/mp');
    }
  });

  it('leaves a body without raw HTML exactly as Markdown renders it', async () => {
    const markdown =
      '# Title\n\nSome *text* with [a link](https://example.com/) and a list:\n\n- one\n- two\n';
    const plain = await createSatteriMarkdownProcessor({ syntaxHighlight: false });
    expect(await render(markdown)).toBe((await plain.render(markdown)).code);
  });
});
