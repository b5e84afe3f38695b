import { describe, expect, it } from 'vitest';
import { htmlPolicy } from '../../../src/content/html-policy.ts';
import { authorComponentOf, expressionProblem } from '../../../src/content/mdx-rules.ts';
import { readBody } from '../../../src/content/wikilinks.ts';

describe('MDX expressions that are not trusted', () => {
  it.each([
    '1',
    '"text"',
    '`plain template`',
    '[["2026-01-01", "a date"]]',
    '{ a: 1, b: [true, null] }',
    '-1',
    'frontmatter.title',
    'frontmatter["sources"][0]',
    '/* a comment */',
    '',
  ])('allow the data %s', (source) => {
    expect(expressionProblem(source)).toBeUndefined();
  });

  it.each([
    ['process.env.SECRET', 'uses process'],
    ["require('node:fs')", 'uses require'],
    ["import('node:fs')", 'uses import'],
    ["frontmatter.constructor.constructor('return process')()", 'uses constructor'],
    ["frontmatter['constructor']", 'uses constructor'],
    ['[].constructor', 'uses constructor'],
    ['`${process.env.X}`', 'uses process'],
    ["(0, eval)('1')", 'uses eval'],
    ["new Function('return 1')", 'uses Function'],
    ['globalThis', 'uses globalThis'],
    ['this', 'is code'],
    ['Math.random()', 'is code'],
    ['(() => 1)()', 'is code'],
    ['someVariable', 'is code'],
    ['{ get x() { return 1 } }', 'is code'],
    ['1; 2', 'is not a plain value'],
  ])('refuse %s', (source, what) => {
    expect(expressionProblem(source)).toContain(what);
  });
});

describe('author component imports', () => {
  it('resolve from the file that imports them', () => {
    const root = '/project';
    const file = 'content/briefs/2025/x.mdx';
    expect(authorComponentOf('../../../src/components/mdx/KeyDates.astro', file, root)).toBe(
      'KeyDates',
    );
    expect(authorComponentOf('../../../src/components/Body.astro', file, root)).toBeUndefined();
    expect(
      authorComponentOf('../../../src/components/mdx/../Body.astro', file, root),
    ).toBeUndefined();
    expect(authorComponentOf('node:fs', file, root)).toBeUndefined();
    expect(authorComponentOf('/src/components/mdx/KeyDates.astro', file, root)).toBeUndefined();
  });
});

describe('what the check says publishing removes', () => {
  const policy = htmlPolicy(['www.youtube-nocookie.com']);
  const removed = (body: string) =>
    readBody(body, 'md', { html: policy }).removed.map((r) => `${r.line} ${r.message}`);

  it('names raw HTML and bad addresses with their lines, and nothing in clean bodies', () => {
    expect(
      removed(
        [
          'Fine <abbr title="x">X</abbr> [ok](https://example.com/) [[Some: Name]] <tt>t</tt>',
          '',
          '<script>alert(1)</script>',
          '',
          '<span onclick="x">a</span> [bad](javascript:x)',
          '',
          '<iframe src="https://www.youtube-nocookie.com/embed/x" title="t"></iframe>',
        ].join('\n'),
      ),
    ).toEqual([
      '3 raw HTML: <script> is removed with its content',
      '5 raw HTML: the attribute onclick of <span> is removed',
      '5 the address "javascript:x" of a link is removed: only http, https, mailto, relative and # links',
    ]);
  });
});

describe('MDX elements that are not trusted', () => {
  const issues = (body: string) =>
    readBody(body, 'mdx', {
      mdx: {
        components: ['KeyDates'],
        policy: htmlPolicy(),
        filePath: 'content/briefs/2025/x.mdx',
        root: process.cwd(),
      },
    }).mdxIssues.map((i) => `${i.line} ${i.message}`);

  it('refuse attributes the check cannot read: nothing sanitises MDX elements when published', () => {
    expect(
      issues(
        [
          '<a {...{href: "javascript:alert(1)"}}>spread</a>',
          '',
          '<div {...{"set:html": "<img src=x onerror=alert(1)>"}} />',
          '',
          '<a href={frontmatter.title}>from the frontmatter</a>',
          '',
          '<img src={frontmatter.summary} alt="x" />',
        ].join('\n'),
      ),
    ).toEqual([
      '1 the attributes {...{href: "javascript:alert(1)"}} on <a> cannot be checked: write each attribute as name="value"',
      '3 the attributes {...{"set:html": "<img src=x onerror=alert(1)>"}} on <div> cannot be checked: write each attribute as name="value"',
      '5 the address in href={…} on <a> cannot be checked: write it as href="…"',
      '7 the address in src={…} on <img> cannot be checked: write it as src="…"',
    ]);
  });

  it('refuse ids and names without the prefix Markdown gives them, which MDX does not add', () => {
    expect(
      issues('<a id="site-search" name="cookie">x</a> <h2 id="user-content-method">Method</h2>'),
    ).toEqual([
      `1 the id "site-search" on <a> could clash with the page's own ids and names: write id="user-content-site-search"`,
      `1 the name "cookie" on <a> could clash with the page's own ids and names: write name="user-content-cookie"`,
    ]);
  });

  it('accept literal attributes, expressions that are not addresses and data spread on components', () => {
    expect(
      issues(
        [
          '<a href={"https://example.com/"} title={frontmatter.title}>fine</a>',
          '',
          '<KeyDates {...{dates: [["2025-01-01", "x"]]}} />',
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});
