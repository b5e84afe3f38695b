import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../../src/content/problems.ts';
import { briefSchema, getKind } from '../../../src/content/registry.ts';
import { stubProfile } from '../../../src/content/stubs.ts';
import { parseFrontmatter } from '../../../src/content/frontmatter.ts';
import { type ContentFiles, validateContent } from '../../../src/content/validate.ts';

const company = (slug: string, name: string, aliases = '[]') => ({
  path: `content/companies/${slug}.md`,
  text: `---\nname: ${name}\naliases: ${aliases}\ncountry: China\n---\nProfile.\n`,
});

const goodBrief = `---
title: Northern Rare Earth tightens discipline
date: 2025-03-22
summary: A summary that is long enough to pass the schema check.
highlights:
  - A takeaway.
companies: [northern]
sources:
  - title: Source
    publisher: Publisher
    url: https://example.com/source
    date: 2025-04-01
---
Body with [[北方稀土]].
`;

function files(
  briefs: Array<{ path: string; text: string }>,
  extraCompanies: Array<{ path: string; text: string }> = [],
): ContentFiles {
  return {
    briefs,
    entities: {
      companies: [
        company('northern', 'China Northern Rare Earth', '[北方稀土]'),
        ...extraCompanies,
      ],
    },
  };
}

const brief = (text: string, path = 'content/briefs/2025/x.md') => ({ path, text });

describe('validateContent', () => {
  it('accepts a valid brief and resolves its references', () => {
    const result = validateContent(files([brief(goodBrief)]));
    expect(result.problems).toEqual([]);
    expect(result.briefs[0]).toMatchObject({
      slug: 'x',
      title: 'Northern Rare Earth tightens discipline',
      refs: { companies: ['northern'] },
    });
    expect(result.briefs[0]!.date.toISOString()).toBe('2025-03-22T00:00:00.000Z');
  });

  it('finds the glossary terms a body uses, in order of first use', () => {
    const term = (slug: string, name: string, original: string, english: string) => ({
      path: `content/terms/${slug}.md`,
      text: `---\nname: ${name}\noriginal: ${original}\npinyin: ${slug}\nenglish: ${english}\n---\nProfile.\n`,
    });
    const result = validateContent({
      ...files([
        brief(goodBrief.replace('Body with', 'Central SOEs and 作风建设, then 央企 and')),
        brief(goodBrief, 'content/briefs/2025/y.md'),
      ]),
      entities: {
        companies: [company('northern', 'China Northern Rare Earth', '[北方稀土]')],
        terms: [
          term('yangqi', 'Central SOEs', '央企', 'central state-owned enterprises'),
          term('zuofeng', 'Work style', '作风建设', 'work-style building'),
        ],
      },
    });
    expect(result.problems).toEqual([]);
    expect(result.briefs.map((b) => [b.slug, b.glossary])).toEqual([
      ['x', ['terms/zuofeng', 'terms/yangqi']],
      ['y', []],
    ]);
  });

  it('names file, line and field for an impossible date', () => {
    const [problem] = validateContent(
      files([brief(goodBrief.replace('date: 2025-03-22', 'date: 2025-02-30'))]),
    ).problems;
    expect(problem).toMatchObject({ file: 'content/briefs/2025/x.md', line: 3, field: 'date' });
    expect(problem!.message).toContain('YYYY-MM-DD');
    expect(problem!.message).toContain('2025-02-30');
  });

  it('reports a missing title', () => {
    const [problem] = validateContent(
      files([brief(goodBrief.replace(/^title: .*\n/m, ''))]),
    ).problems;
    expect(problem).toMatchObject({ field: 'title' });
    expect(problem!.message).toMatch(/missing/);
  });

  it('reports broken YAML with its line', () => {
    const [problem] = validateContent(
      files([brief(goodBrief.replace('summary: A summary', 'summary: "A summary'))]),
    ).problems;
    expect(problem!.file).toBe('content/briefs/2025/x.md');
    expect(problem!.message).toMatch(/YAML/);
    expect(problem!.line).toBeGreaterThanOrEqual(4);
  });

  it('suggests the right field for a misspelt one', () => {
    const [problem] = validateContent(
      files([brief(goodBrief.replace('companies:', 'compnies:'))]),
    ).problems;
    expect(problem).toMatchObject({
      field: 'compnies',
      line: 7,
      hint: 'did you mean "companies"?',
    });
  });

  it('names an unknown slug, its line and the closest known one', () => {
    const result = validateContent(
      files([brief(goodBrief.replace('companies: [northern]', 'companies: [northen]'))]),
    );
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ line: 7, field: 'companies[0]' });
    expect(result.problems[0]!.message).toContain('"northen"');
    expect(result.problems[0]!.hint).toContain('did you mean "northern"?');
    expect(result.unknown).toEqual([{ kind: 'companies', slug: 'northen' }]);
  });

  it('reports an unresolved wikilink at its line in the file', () => {
    const [problem] = validateContent(
      files([brief(goodBrief.replace('[[北方稀土]]', '[[China Northern Rare Erth]]'))]),
    ).problems;
    expect(problem).toMatchObject({ line: 14, field: 'wikilink [[China Northern Rare Erth]]' });
    expect(problem!.hint).toContain('[[China Northern Rare Earth]]');
  });

  it('rejects two files with one slug, and an alias claimed twice', () => {
    const result = validateContent(
      files(
        [brief(goodBrief), brief(goodBrief, 'content/briefs/2024/x.md')],
        [company('other', 'Other', '[北方稀土]')],
      ),
    );
    const messages = result.problems.map((p) => p.message).join('\n');
    expect(messages).toContain('the slug "x" is already used by content/briefs/2024/x.md');
    expect(messages).toContain('"北方稀土" is also claimed by content/companies/other.md');
  });

  it('formats problems for the terminal with file:line first', () => {
    const result = validateContent(
      files([brief(goodBrief.replace('date: 2025-03-22', 'date: soon'))]),
    );
    expect(formatProblems(result.problems)).toMatch(
      /^1 content problem in 1 file:\n\n {2}content\/briefs\/2025\/x\.md:3\n {4}date: expected a date/,
    );
  });
});

describe('schemas', () => {
  it('keep drafts as a boolean with a default, and check the form of what is there', () => {
    const base = {
      title: 'Title',
      date: '2025-01-01',
      summary: 'A summary long enough to pass.',
      highlights: ['a b c'],
      sources: [{ title: 't', publisher: 'p', url: 'https://e.com' }],
    };
    expect(briefSchema.parse(base)).toMatchObject({
      draft: false,
      companies: [],
      terms: [],
      redirect_from: [],
    });
    // How many takeaways and sources a brief needs is the site's rules (rules.test.ts), not the schema's.
    expect(briefSchema.parse({ title: 'T', date: '2025-01-01' })).toMatchObject({
      highlights: [],
      sources: [],
    });
    expect(
      briefSchema.safeParse({
        ...base,
        sources: [{ title: 't', publisher: 'p', url: 'ftp://e.com' }],
      }).success,
    ).toBe(false);
    expect(briefSchema.safeParse({ ...base, highlights: 'one' }).success).toBe(false);
    expect(
      briefSchema.safeParse({ ...base, redirect_from: ['https://old.example.com/x/'] }).success,
    ).toBe(false);
    expect(
      briefSchema.safeParse({ ...base, redirect_from: ['/2013/01/11/x/', '/?p=123'] }).success,
    ).toBe(true);
    // Its redirect page is a file named by the decoded path: none may climb out of the site.
    for (const from of ['/%2e%2e/%2e%2e/outside/', '/a%2F..%2F..%2Fb/', '/%2E./x', '/a%5c..%5cb/'])
      expect(briefSchema.safeParse({ ...base, redirect_from: [from] }).success, from).toBe(false);
    // Nor may a line of _redirects be a wildcard that hosts apply to the site's own pages.
    for (const from of ['/*', '/news/*', '/:section/', '/%2A', '/%3Asection/'])
      expect(briefSchema.safeParse({ ...base, redirect_from: [from] }).success, from).toBe(false);
    for (const from of ['/%e7%a8%80%e5%9c%9f/', '/wiki/Category:Rare_earths', '/a.b/c..d/'])
      expect(briefSchema.safeParse({ ...base, redirect_from: [from] }).success, from).toBe(true);
  });

  it('make stub profiles that the kind schema accepts', () => {
    for (const kind of ['companies', 'policies', 'themes', 'terms']) {
      const parsed = parseFrontmatter(stubProfile(kind, 'new-thing'));
      if ('message' in parsed) throw new Error(parsed.message);
      expect(getKind(kind).schema.safeParse(parsed.data).success, kind).toBe(true);
      expect(parsed.data.name).toBe('New Thing');
    }
  });
});
