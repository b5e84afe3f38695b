import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import {
  BodySyntaxError,
  findWikilinks,
  MARKDOWN_FEATURES,
} from '../../../src/content/wikilinks.ts';
import { splitQualifiedTarget } from '../../../src/model/resolve.ts';

describe('findWikilinks', () => {
  it('finds names, qualified targets and labels with their lines', () => {
    const md =
      'Intro [[Northern Rare Earth]] here.\n\nThen [[companies/mp-materials|the miner]] and [[北方稀土]].';
    expect(findWikilinks(md)).toEqual([
      { target: 'Northern Rare Earth', line: 1, column: 7 },
      { target: 'companies/mp-materials', label: 'the miner', line: 3, column: 6 },
      { target: '北方稀土', line: 3, column: 47 },
    ]);
  });

  it('ignores wikilinks inside inline code, fenced code and behind a backslash', () => {
    const md =
      'Use `[[Name]]` syntax, or \\[[Escaped]].\n\n```md\n[[Inside fence]]\n```\n\n[[Real]]';
    expect(findWikilinks(md).map((l) => l.target)).toEqual(['Real']);
  });

  it('does not take an ordinary link to a relative address for a wikilink', () => {
    expect(
      findWikilinks('[[Real]] and [text](Real) and [x](companies/apple)').map((l) => l.target),
    ).toEqual(['Real']);
  });

  it('finds labels with formatting, and links that a reference definition would otherwise take', () => {
    expect(findWikilinks('[[companies/apple|the *iPhone* maker]]')).toEqual([
      { target: 'companies/apple', label: 'the *iPhone* maker', line: 1, column: 1 },
    ]);
    expect(findWikilinks('[Foo]: /somewhere\n\n[[Foo]]').map((l) => l.target)).toEqual(['Foo']);
  });

  it('ignores empty brackets, and reads a link wrapped onto the next line as rendering does', () => {
    expect(findWikilinks('[[ ]] and [[wrapped\nlink]]').map((l) => l.target)).toEqual([
      'wrapped\nlink',
    ]);
  });

  it('in MDX, ignores nested arrays in expressions and reports syntax errors with their line', () => {
    expect(
      findWikilinks('<KeyDates dates={[["2025-10-01", "Something"]]} /> and [[Real]]', 'mdx').map(
        (l) => l.target,
      ),
    ).toEqual(['Real']);
    expect(() => findWikilinks('Fine.\n\nAn unclosed <Component tag.', 'mdx')).toThrow(
      BodySyntaxError,
    );
    try {
      findWikilinks('Fine.\n\nAn unclosed <Component tag.', 'mdx');
    } catch (error) {
      expect((error as BodySyntaxError).line).toBe(3);
    }
  });

  it('finds exactly the links that rendering turns into links', () => {
    const md = 'A [[x]] b `[[y]]` \\[[z]] [w](v) {[[p]]} <b>[[q]]</b>\n\n    [[indented code]]\n';
    const rendered = markdownToHtml(md, { features: MARKDOWN_FEATURES }).html;
    const hrefs = [...rendered.matchAll(/<a href="([^"]+)"/g)]
      .map((m) => decodeURIComponent(m[1]!))
      .filter((h) => h !== 'v');
    expect(findWikilinks(md).map((l) => l.target)).toEqual(hrefs);
  });
});

describe('splitQualifiedTarget', () => {
  it('splits kind/slug and rejects plain names', () => {
    expect(splitQualifiedTarget('companies/mp-materials')).toEqual({
      kind: 'companies',
      slug: 'mp-materials',
    });
    expect(splitQualifiedTarget('MP Materials')).toBeUndefined();
    expect(splitQualifiedTarget('companies/Not A Slug')).toBeUndefined();
  });
});
