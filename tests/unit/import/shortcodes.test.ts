import { describe, expect, it } from 'vitest';
import {
  expandHugoShortcodes,
  expandLiquidTags,
  expandWordPressShortcodes,
  parseAttributes,
  type Shortcode,
} from '../../../scripts/import/shortcodes.ts';

const names = (code: Shortcode) =>
  `<${code.name}${Object.entries(code.attrs)
    .map(([k, v]) => ` ${k}=${v}`)
    .join(
      '',
    )}${code.args.map((a) => ` ${a}`).join('')}>${code.content === undefined ? '' : code.inner()}</${code.name}>`;

describe('WordPress shortcodes', () => {
  it('are found with their attributes, content and nesting', () => {
    const kept: string[] = [];
    const out = expandWordPressShortcodes(
      'a [caption id="x" width=300]<img src="a"> [b]text[/b][/caption] z',
      (code) => (code.name === 'unknown' ? undefined : names(code)),
      kept,
    );
    expect(out).toBe('a <caption id=x width=300><img src="a"> <b>text</b></caption> z');
    expect(kept).toEqual([]);
  });

  it('keep unknown ones as written and report them; leave [[escaped]] and plain brackets alone', () => {
    const kept: string[] = [];
    const text = 'See [contact-form-7 id="5"] and [[gallery]] and [sic] and [1].';
    expect(expandWordPressShortcodes(text, () => undefined, kept)).toBe(
      'See [contact-form-7 id="5"] and [gallery] and [sic] and [1].',
    );
    expect(kept).toEqual(['[contact-form-7 id="5"]']);
  });
});

describe('Hugo shortcodes', () => {
  it('read both delimiters, closing tags written any way, and commented-out shortcodes as text', () => {
    const kept: string[] = [];
    const out = expandHugoShortcodes(
      '{{< figure src="a.png" caption="A" >}} {{% note %}}Hi{{% /note %}} {{< highlight go >}}x{{</highlight>}} {{</* youtube x */>}}',
      (code) => names(code),
      kept,
    );
    expect(out).toBe(
      '<figure src=a.png caption=A></figure> <note>Hi</note> <highlight go>x</highlight> {{< youtube x >}}',
    );
  });
});

describe('Liquid tags', () => {
  it('leave raw and code blocks as written, and read output tags outside them only', () => {
    const seen: string[] = [];
    const out = expandLiquidTags(
      '{% highlight ruby %}puts "{{ x }}"{% endhighlight %} {% raw %}{{ y }}{% endraw %} {{ site.url }} {% include a.html %}',
      (code) => {
        seen.push(code.name === '{{' ? `{{${code.args[0]}}}` : code.name);
        if (code.name === 'highlight' || code.name === 'raw') return code.content ?? '';
        return code.name === '{{' ? '' : undefined;
      },
      [],
    );
    expect(out).toBe('puts "{{ x }}" {{ y }}  {% include a.html %}');
    expect(seen).toEqual(['highlight', 'raw', 'include', '{{site.url}}']);
  });
});

describe('parseAttributes', () => {
  it('reads quoted, bare and positional values, with or without commas', () => {
    expect(
      parseAttributes(' src="a b.png" width=300 alt=\'x\' "./img/a.jpg", "A magnet" plain'),
    ).toEqual({
      attrs: { src: 'a b.png', width: '300', alt: 'x' },
      args: ['./img/a.jpg', 'A magnet', 'plain'],
    });
  });
});
