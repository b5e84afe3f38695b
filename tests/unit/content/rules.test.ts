import { describe, expect, it } from 'vitest';
import { firstParagraph, shorten } from '../../../src/content/excerpt.ts';
import { type ContentFiles, validateContent } from '../../../src/content/validate.ts';

/** The sample site's rules, as its content/site.yaml writes them. */
const STRICT = `title: Strict
rules:
  briefs:
    title: { min: 3, max: 160 }
    summary: { level: required, min: 20, max: 400 }
    highlights: { level: required, min: 1, max: 5 }
    sources: { level: required, min: 1 }
  policies:
    issuer: required
    jurisdiction: required
    issued: required
    status: required
`;

const bare = `---
title: A post moved from an old blog
date: 2013-01-11
---
## Heading

![a chart](chart.png)

The first *real* paragraph, about [[北方稀土]] and [a link](https://example.com).

The second paragraph.
`;

const policy = { path: 'content/policies/p.md', text: '---\nname: A Policy\n---\nText.\n' };
const company = {
  path: 'content/companies/n.md',
  text: '---\nname: Northern\naliases: [北方稀土]\n---\n',
};

function files(briefs: string[], settings?: string): ContentFiles {
  return {
    ...(settings ? { settings: { path: 'content/site.yaml', text: settings } } : {}),
    briefs: briefs.map((text, i) => ({ path: `content/briefs/2013/b${i}.md`, text })),
    entities: { policies: [policy], companies: [company] },
  };
}

describe('editorial rules', () => {
  it('let a new site build a brief with only a title and a date, and warn about the rest', () => {
    const result = validateContent(files([bare]));
    expect(result.problems).toEqual([]);
    const warnings = result.warnings.map((w) => `${w.file}:${w.field}:${w.severity}:${w.group}`);
    expect(warnings.sort()).toEqual(
      [
        'content/briefs/2013/b0.md:highlights:warning:briefs: no key takeaways (highlights)',
        'content/briefs/2013/b0.md:sources:warning:briefs: no sources',
        'content/policies/p.md:issued:warning:policies: no issued',
        'content/policies/p.md:issuer:warning:policies: no issuer',
        'content/policies/p.md:jurisdiction:warning:policies: no jurisdiction',
        'content/policies/p.md:status:warning:policies: no status',
      ].sort(),
    );
    expect(result.briefs[0]).toMatchObject({ highlights: [], sources: [] });
  });

  it('take a missing summary from the first paragraph of text', () => {
    const [brief] = validateContent(files([bare])).briefs;
    expect(brief!.summary).toBe('The first real paragraph, about 北方稀土 and a link.');
  });

  it('make the sample site’s rules errors that name the file, line and rule', () => {
    const result = validateContent(
      files([bare.replace('date:', 'summary: Too short.\ndate:')], STRICT),
    );
    const byField = Object.fromEntries(result.problems.map((p) => [`${p.file}#${p.field}`, p]));
    expect(byField['content/briefs/2013/b0.md#highlights']!.message).toBe(
      "required field is missing: this site's rules require key takeaways (highlights)",
    );
    expect(byField['content/briefs/2013/b0.md#highlights']!.hint).toContain(
      'rules.briefs.highlights in site.yaml',
    );
    expect(byField['content/briefs/2013/b0.md#summary']).toMatchObject({
      line: 3,
      message: "summary is too short: 10 characters, this site's rules require at least 20",
    });
    expect(byField['content/policies/p.md#status']!.severity).toBe('error');
    expect(result.warnings).toEqual([]);
  });

  it('count list lengths against the bounds, as warnings where the rule only recommends', () => {
    const six = bare.replace(
      'date: 2013-01-11',
      `date: 2013-01-11\nhighlights: [a, b, c, d, e, f]`,
    );
    const relaxed = validateContent(files([six]));
    expect(relaxed.problems).toEqual([]);
    expect(relaxed.warnings.find((w) => w.field === 'highlights')).toMatchObject({
      line: 4,
      message: "highlights is too long: 6 takeaways, this site's rules recommend at most 5",
    });
    const strict = validateContent(files([six], STRICT));
    expect(strict.problems.find((p) => p.field === 'highlights')!.message).toContain(
      'allow at most 5',
    );
  });

  it('are merged over the defaults field by field, so a site can require one thing only', () => {
    const settings = 'rules:\n  briefs:\n    sources: required\n';
    const result = validateContent(files([bare], settings));
    expect(result.problems.map((p) => p.field)).toEqual(['sources']);
    expect(result.warnings.map((w) => w.field)).toContain('highlights');
  });

  it('refuse a misspelt rule in site.yaml with its line and the closest name', () => {
    const settings =
      'title: X\nrules:\n  briefs:\n    highlight: required\n  polices:\n    status: required\n  themes:\n    name: required\n';
    const result = validateContent(files([bare], settings));
    expect(result.problems.map((p) => [p.file, p.line, p.message])).toEqual([
      [
        'content/site.yaml',
        4,
        'briefs have no field "highlight" a rule can govern: did you mean "highlights"?',
      ],
      [
        'content/site.yaml',
        5,
        '"polices" is not briefs or a kind of profile: did you mean "policies"?',
      ],
      ['content/site.yaml', 8, expect.stringContaining('themes have no field "name"')],
    ]);
  });
});

describe('firstParagraph', () => {
  it('skips headings, images and HTML blocks, and keeps link text', () => {
    expect(
      firstParagraph(
        '<figure><img src="x"></figure>\n\n# T\n\n![](a.png)\n\nText with `code`[^1] and [[a|b]].\n\n[^1]: note',
      ),
    ).toBe('Text with code and b.');
  });

  it('leaves out what publishing removes with its content, such as an inline script', () => {
    expect(firstParagraph('Body with <script>alert(1)</script> text <b>kept</b>.')).toBe(
      'Body with text kept.',
    );
    expect(firstParagraph('A <STYLE>p { color: red }</STYLE>styled line.')).toBe('A styled line.');
  });

  it('is empty for a body without text, or MDX that does not parse', () => {
    expect(firstParagraph('')).toBe('');
    expect(firstParagraph('```\ncode\n```')).toBe('');
    expect(firstParagraph('An <Unclosed tag', 'mdx')).toBe('');
  });

  it('cuts long text at a sentence, else at a word', () => {
    expect(shorten('One sentence here. Another sentence that runs on and on.', 30)).toBe(
      'One sentence here.',
    );
    expect(shorten('words '.repeat(20).trim(), 30)).toBe('words words words words…');
    expect(shorten('short', 30)).toBe('short');
    // Chinese has no spaces: the cut falls between characters, never inside one.
    expect(shorten('𠮷'.repeat(20), 30)).toBe(`${'𠮷'.repeat(14)}…`);
  });
});

describe('slugFromTitle', () => {
  it('makes ASCII slugs from any title, Chinese as pinyin', async () => {
    const { slugFromTitle } = await import('../../../src/content/slugs.ts');
    expect(slugFromTitle('China’s Rare-Earth Quotas, 2025 & After')).toBe(
      'chinas-rare-earth-quotas-2025-and-after',
    );
    expect(slugFromTitle('稀土价格上涨')).toBe('xi-tu-jia-ge-shang-zhang');
    expect(slugFromTitle('北方稀土 Q3 results')).toBe('bei-fang-xi-tu-q3-results');
    expect(slugFromTitle('Société Générale: Ça va')).toBe('societe-generale-ca-va');
    expect(slugFromTitle('!!!')).toBe('');
    const long = slugFromTitle('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^word(-word)*$/);
  });
});

describe('redirect_from', () => {
  const withRedirect = (slug: string, from: string) => ({
    path: `content/briefs/2013/${slug}.md`,
    text: `---\ntitle: ${slug}\ndate: 2013-01-11\nredirect_from: ["${from}"]\n---\nText.\n`,
  });

  it('is refused for a page of the site or an address another brief has, allowed for a renamed brief', () => {
    const result = validateContent({
      briefs: [
        withRedirect('a', '/briefs/b/'),
        withRedirect('b', '/2013/01/11/x/'),
        withRedirect('c', '/2013/01/11/x/'),
        withRedirect('d', '/briefs/old-name/'),
      ],
      entities: {},
    });
    expect(result.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'content/briefs/2013/c.md: the old address "/2013/01/11/x/" already redirects to content/briefs/2013/b.md',
      'content/briefs/2013/a.md: the old address "/briefs/b/" is a page of this site, so it cannot redirect',
    ]);
    expect(result.briefs.find((b) => b.slug === 'd')!.redirectFrom).toEqual(['/briefs/old-name/']);
  });
  it('is accepted on every kind of profile, with the same checks as on briefs', () => {
    const profile = (kind: string, slug: string, from: string[]) => ({
      path: `content/${kind}/${slug}.md`,
      text: `---\nname: ${slug}\nredirect_from:\n${from.map((f) => `  - "${f}"`).join('\n')}\n---\nText.\n`,
    });
    const result = validateContent({
      briefs: [withRedirect('a', '/category/rare-earths/')],
      entities: {
        themes: [
          profile('themes', 'rare-earths', ['/category/minerals/rare-earths/', '/?cat=7']),
          profile('themes', 'gallium', ['/category/rare-earths/', '/tag/x/', '/briefs/a/']),
        ],
        companies: [profile('companies', 'lynas', ['/tag/lynas/'])],
        policies: [profile('policies', 'p', ['https://old.example.com/tag/p/'])],
        terms: [profile('terms', 't', ['/tag/x/'])],
      },
    });
    expect(result.problems.map((p) => `${p.file}:${p.line ?? ''}: ${p.message}`)).toEqual([
      'content/policies/p.md:4: "https://old.example.com/tag/p/" is not a path: write the old address without its domain, starting with "/"',
      'content/terms/t.md:4: the old address "/tag/x/" already redirects to content/themes/gallium.md',
      'content/briefs/2013/a.md:4: the old address "/category/rare-earths/" already redirects to content/themes/gallium.md',
      'content/themes/gallium.md:: the old address "/briefs/a/" is a page of this site, so it cannot redirect',
    ]);
    const lynas = result.entities.find((e) => e.slug === 'lynas')!;
    expect(lynas.redirectFrom).toEqual(['/tag/lynas/']);
  });
});
