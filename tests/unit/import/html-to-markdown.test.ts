import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { codeLanguage, createConverter } from '../../../scripts/import/html-to-markdown.ts';
import { sanitizePlugin } from '../../../src/astro/sanitize-plugin.ts';
import { htmlPolicy } from '../../../src/content/html-policy.ts';

const convert = createConverter();

describe('HTML to Markdown', () => {
  it('keeps figures with their captions, tables and code with its language', () => {
    const md = convert(
      '<figure><img src="a.png" alt="A chart"><figcaption>Prices <em>rose</em></figcaption></figure>' +
        '<table><thead><tr><th>Year</th><th>t</th></tr></thead><tbody><tr><td>2013</td><td>31,001</td></tr></tbody></table>' +
        '<pre class="wp-block-code"><code class="language-python">print("```")\nx = 1 &lt; 2</code></pre>',
    );
    expect(md).toBe(
      '![A chart](a.png)\n\n*Prices _rose_*\n\n| Year | t   |\n| --- | --- |\n| 2013 | 31,001 |\n\n````python\nprint("```")\nx = 1 < 2\n````',
    );
  });

  it('gives a gallery its own caption and each image its own, in place', () => {
    const md = convert(
      '<figure class="wp-block-gallery"><figure class="wp-block-image"><img src="a.jpg" alt="A"><figcaption>Cap A</figcaption></figure>' +
        '<figure class="wp-block-image"><img src="b.jpg" alt="B"></figure><figcaption class="blocks-gallery-caption">稀土 gallery</figcaption></figure>',
    );
    expect(md).toBe('![A](a.jpg)\n\n*Cap A*\n\n![B](b.jpg)\n\n*稀土 gallery*');
  });

  it('makes video and audio, which the site does not publish, links to their files', () => {
    const md = convert(
      '<figure class="wp-block-video"><video controls src="/u/clip one.mp4"></video><figcaption>A clip</figcaption></figure>' +
        '<audio controls><source src="/u/talk.mp3" type="audio/mpeg"></audio>',
      { resolveUrl: (url) => `https://old.example.com${url}` },
    );
    expect(md).toBe(
      '[Video: clip one.mp4](https://old.example.com/u/clip%20one.mp4)\n\n*A clip*\n\n[Audio: talk.mp3](https://old.example.com/u/talk.mp3)',
    );
  });

  it('turns WordPress footnotes into Markdown footnotes', () => {
    const md = convert(
      '<p>Up<sup data-fn="x" class="fn"><a href="#x" id="x-link">1</a></sup>.</p><ol class="wp-block-footnotes"><li id="x">Asian Metal. <a href="#x-link">↩︎</a></li></ol>',
    );
    expect(md).toBe('Up[^1].\n\n[^1]: Asian Metal.');
    // A superscript link whose address has a stray "%" is not a footnote, nor a crash.
    expect(convert('<p>Up 5<sup><a href="#5%">5%</a></sup></p>')).toBe(
      'Up 5<sup><a href="#5%">5%</a></sup>',
    );
  });

  it('drops scripts and styles, keeps iframes of trusted hosts as HTML for the sanitiser', () => {
    const md = createConverter(['www.youtube.com'])(
      '<p>a</p><script>alert(1)</script><style>p{}</style><iframe src="//www.youtube.com/embed/x"></iframe>',
    );
    expect(md).toBe('a\n\n<iframe src="https://www.youtube.com/embed/x"></iframe>');
  });

  it('makes an iframe of a host the site does not trust, which it would not publish, a link', () => {
    expect(
      convert(
        '<iframe width="560" src="//www.youtube.com/embed/x?rel=0" title="Quota hearing [video]"></iframe>' +
          '<p><iframe src="https://maps.example.net/m"></iframe></p>',
      ),
    ).toBe(
      '[Quota hearing \\[video\\]](https://www.youtube.com/embed/x?rel=0)\n\n[Embedded from maps.example.net](https://maps.example.net/m)',
    );
  });

  it('resolves every address and escapes text that would become Markdown or a wikilink', () => {
    const md = convert(
      '<p>[[not a link]] 2*3 <a href="/2013/x/" title="T">x</a> <img src="/u/a b.png" alt="[b]"></p>',
      {
        resolveUrl: (url) => `https://old.example.com${url}`,
      },
    );
    expect(md).toBe(
      '\\[\\[not a link\\]\\] 2\\*3 [x](https://old.example.com/2013/x/ "T") ![b](https://old.example.com/u/a%20b.png)',
    );
  });

  it('keeps text that looks like HTML as text a reader sees, not as tags', async () => {
    const html =
      '<p>Use the &lt;iframe&gt; tag; &lt;script&gt;alert(1)&lt;/script&gt; is text; 5 &lt; 6; &amp;lt; and &amp;#8217; stay.</p>';
    const md = convert(html);
    const policy = htmlPolicy();
    const processor = await createSatteriMarkdownProcessor({
      features: { rawHtml: true },
      hastPlugins: [sanitizePlugin(() => policy)],
      syntaxHighlight: false,
    });
    const page = parse((await processor.render(md)).code);
    expect(page.querySelectorAll('*').map((e) => e.tagName)).toEqual(['P']);
    expect(page.text.trim()).toBe(parse(html).text);
  });

  it('reads the language of code from the usual class names', () => {
    expect(codeLanguage('brush: php; gutter: false')).toBe('php');
    expect(codeLanguage(undefined, 'language-TypeScript')).toBe('typescript');
    expect(codeLanguage('wp-block-code')).toBe('');
  });
});
