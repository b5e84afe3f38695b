import { describe, expect, it } from 'vitest';
import { markdownToMdast } from 'satteri';
import { oldUrlKey, resolveLink, rewriteMarkdownLinks } from '../../../scripts/import/links.ts';
import { MARKDOWN_FEATURES } from '../../../src/content/wikilinks.ts';
import { EMPTY_MAPPING, parseMapping } from '../../../scripts/import/mapping.ts';
import {
  type ExistingContent,
  planImport,
  type PlanOptions,
} from '../../../scripts/import/plan.ts';
import type { SourcePost } from '../../../scripts/import/post.ts';
import { EntityIndex } from '../../../src/model/resolve.ts';
import { entity } from '../fixtures.ts';

const post = (id: number, over: Partial<SourcePost> = {}): SourcePost => ({
  id: `post ${id}`,
  kind: 'post',
  title: `Post ${id}`,
  date: '2013-01-11',
  slug: `post-${id}`,
  markdown: `Body of ${id}.`,
  authors: [],
  status: 'publish',
  terms: [],
  oldUrls: [`/?p=${id}`, `/2013/01/11/post-${id}/`],
  warnings: [],
  ...over,
});

const nothing: ExistingContent = {
  briefsByOldUrl: new Map(),
  briefSlugs: new Map(),
  index: new EntityIndex([]),
};
const options: PlanOptions = {
  mapping: EMPTY_MAPPING,
  summaryMax: 400,
  links: { hosts: new Set(['old.example.com']), siteUrl: 'https://old.example.com' },
  htmlToMarkdown: (html) => html,
};

describe('planImport', () => {
  it('imports drafts, pending and scheduled posts as drafts, and leaves out the rest with a reason', () => {
    const plan = planImport(
      [
        post(1),
        post(2, { status: 'draft' }),
        post(3, { status: 'future', date: '2030-01-01' }),
        post(4, { status: 'pending' }),
        post(5, { status: 'private' }),
        post(6, { status: 'protected' }),
        post(7, { status: 'trash' }),
        post(8, { kind: 'page' }),
        post(9, { date: undefined }),
      ],
      nothing,
      options,
    );
    expect(plan.briefs.map((b) => [b.post.id, b.fields.draft])).toEqual([
      ['post 1', false],
      ['post 2', true],
      ['post 4', true],
      ['post 3', true],
    ]);
    expect(
      Object.fromEntries(plan.skipped.map((s) => [s.post.id, s.reason.split(' (')[0]])),
    ).toEqual({
      'post 5': 'private',
      'post 6': 'password-protected',
      'post 7': 'in the trash, or an unsaved draft',
      'post 8': 'a page, not a dated post',
      'post 9': 'it has no date',
    });
    const withPrivate = planImport([post(5, { status: 'private' })], nothing, {
      ...options,
      includePrivate: true,
    });
    expect(withPrivate.briefs[0]!.fields.draft).toBe(true);
  });

  it('resolves slug collisions by date, the same whatever the order of the export', () => {
    const posts = [
      post(3, { slug: 'same', date: '2015-01-01' }),
      post(1, { slug: 'same', date: '2013-01-01' }),
      post(2, { slug: 'same', date: '2014-01-01' }),
    ];
    const forward = planImport(posts, nothing, options);
    const backward = planImport([...posts].reverse(), nothing, options);
    expect(forward.briefs.map((b) => [b.post.id, b.slug, b.path])).toEqual([
      ['post 1', 'same', 'briefs/2013/same.md'],
      ['post 2', 'same-2', 'briefs/2014/same-2.md'],
      ['post 3', 'same-3', 'briefs/2015/same-3.md'],
    ]);
    expect(backward.briefs.map((b) => b.slug)).toEqual(forward.briefs.map((b) => b.slug));
    expect(forward.collisions).toHaveLength(2);
    expect(forward.collisions[0]).toContain(
      '"Post 2" (/?p=2): the slug "same" is taken by "Post 1" (/?p=1); written as "same-2"',
    );
  });

  it('makes slugs from Chinese and odd post names, and titles for posts without one', () => {
    const plan = planImport(
      [
        post(1, {
          slug: '稀土价格',
          title: '',
          markdown: 'Prices of rare earths rose again this week after the new quota.',
        }),
        post(2, { slug: '', title: 'Ça va: l’été' }),
      ],
      nothing,
      options,
    );
    expect(plan.briefs.map((b) => [b.slug, b.fields.title])).toEqual([
      ['xi-tu-jia-ge', 'Prices of rare earths rose again this week after the…'],
      ['ca-va-l-ete', 'Ça va: l’été'],
    ]);
    expect(plan.warnings[0]).toContain('no title; titled "Prices of rare earths');
    const chinese = planImport(
      [post(3, { title: '', markdown: '𠮷'.repeat(100) })],
      nothing,
      options,
    );
    expect(chinese.briefs[0]!.fields.title).toBe(`${'𠮷'.repeat(79)}…`);
  });

  it('keeps the file and slug of a post imported before, found by its old address', () => {
    const existing: ExistingContent = {
      ...nothing,
      briefsByOldUrl: new Map([
        ['/?p=1', { path: 'briefs/2013/renamed.md', slug: 'renamed', text: '' }],
      ]),
      briefSlugs: new Map([
        ['renamed', 'briefs/2013/renamed.md'],
        ['post-2', 'briefs/2020/post-2.md'],
      ]),
    };
    const plan = planImport([post(1), post(2)], existing, options);
    expect(plan.briefs.map((b) => [b.slug, b.path, !!b.existing])).toEqual([
      ['renamed', 'briefs/2013/renamed.md', true],
      ['post-2-2', 'briefs/2013/post-2-2.md', false],
    ]);
  });

  it('turns categories and tags into themes, nested categories with their parents, and known names into references', () => {
    const index = new EntityIndex([
      entity('companies', 'lynas-rare-earths', 'Lynas Rare Earths', ['Lynas', '莱纳斯']),
    ]);
    const plan = planImport(
      [
        post(1, {
          terms: [
            {
              taxonomy: 'categories',
              name: 'Rare Earths',
              slug: 'rare-earths',
              parents: ['Minerals'],
            },
            { taxonomy: 'tags', name: 'lynas', slug: 'lynas' },
            { taxonomy: 'tags', name: '莱纳斯', slug: '%e8%8e%b1' },
            { taxonomy: 'tags', name: 'rare earths', slug: 'rare-earths-2' },
          ],
        }),
      ],
      { ...nothing, index },
      options,
    );
    expect(plan.briefs[0]!.fields.refs).toEqual({
      themes: ['rare-earths', 'minerals'],
      companies: ['lynas-rare-earths'],
    });
    expect(plan.profiles.map((p) => [p.kind, p.slug, p.name])).toEqual([
      ['themes', 'rare-earths', 'Rare Earths'],
      ['themes', 'minerals', 'Minerals'],
    ]);
  });

  it('leads each category and tag archive page to the profile it becomes, new or existing', () => {
    const lynas = {
      ...entity('companies', 'lynas-rare-earths', 'Lynas Rare Earths', ['Lynas']),
      filePath: 'companies/lynas-rare-earths.md',
    };
    const rareEarths = {
      taxonomy: 'categories' as const,
      name: 'Rare Earths',
      slug: 'rare-earths',
      parents: ['Minerals'],
      parentArchives: ['/category/minerals/'],
      archives: ['/category/minerals/rare-earths/'],
    };
    const plan = planImport(
      [
        post(1, {
          terms: [
            rareEarths,
            { taxonomy: 'tags', name: 'Lynas', slug: 'lynas', archives: ['/tag/lynas/'] },
            // Another spelling of the theme: its archive leads there too.
            {
              taxonomy: 'tags',
              name: 'rare earths',
              slug: 'rare-earths',
              archives: ['/tag/rare-earths/'],
            },
            // One address claimed twice (a broken export): the first keeps it, the report says so.
            { taxonomy: 'tags', name: 'Gallium', slug: 'gallium', archives: ['/tag/lynas/'] },
          ],
        }),
        // The same terms on another post add nothing twice.
        post(2, { terms: [rareEarths] }),
      ],
      { ...nothing, index: new EntityIndex([lynas]) },
      options,
    );
    expect(plan.profiles.map((p) => [`${p.kind}/${p.slug}`, p.redirectFrom])).toEqual([
      ['themes/rare-earths', ['/category/minerals/rare-earths/', '/tag/rare-earths/']],
      ['themes/minerals', ['/category/minerals/']],
      ['themes/gallium', []],
    ]);
    expect(plan.profileAddresses).toEqual([
      {
        kind: 'companies',
        slug: 'lynas-rare-earths',
        path: 'companies/lynas-rare-earths.md',
        redirectFrom: ['/tag/lynas/'],
      },
    ]);
    expect(plan.warnings).toEqual([
      'the tag "Gallium": its old address /tag/lynas/ already leads to companies/lynas-rare-earths, so it does not lead to themes/gallium',
    ]);
  });

  it('gives a theme an earlier import made its archive addresses again, to be merged', () => {
    const theme = {
      ...entity('themes', 'rare-earths', 'Rare Earths'),
      filePath: 'themes/rare-earths.md',
    };
    const plan = planImport(
      [
        post(1, {
          terms: [
            { taxonomy: 'categories', name: 'Rare Earths', archives: ['/category/rare-earths/'] },
          ],
        }),
      ],
      { ...nothing, index: new EntityIndex([theme]) },
      options,
    );
    expect(plan.profiles).toEqual([]);
    expect(plan.profileAddresses).toEqual([
      {
        kind: 'themes',
        slug: 'rare-earths',
        path: 'themes/rare-earths.md',
        redirectFrom: ['/category/rare-earths/'],
      },
    ]);
  });

  it('follows the mapping file, and refuses a bad one with file and line', () => {
    const mapping = parseMapping(
      'categories:\n  Rare Earths: policies/quota-system\n  News: skip\ntags:\n  lynas: companies/lynas\ndefaults:\n  tags: skip\n',
      'map.yaml',
    );
    if (Array.isArray(mapping)) throw new Error(mapping.join('\n'));
    const plan = planImport(
      [
        post(1, {
          terms: [
            { taxonomy: 'categories', name: 'Rare Earths', slug: 'rare-earths' },
            { taxonomy: 'categories', name: 'News', slug: 'news' },
            { taxonomy: 'tags', name: 'Lynas', slug: 'lynas' },
            { taxonomy: 'tags', name: 'other', slug: 'other' },
          ],
        }),
      ],
      nothing,
      { ...options, mapping },
    );
    expect(plan.briefs[0]!.fields.refs).toEqual({
      policies: ['quota-system'],
      companies: ['lynas'],
    });
    expect(plan.profiles.map((p) => `${p.kind}/${p.slug}`)).toEqual([
      'policies/quota-system',
      'companies/lynas',
    ]);
    expect(parseMapping('tags:\n  x: compnies/y\n', 'map.yaml')).toEqual([
      expect.stringMatching(/^map\.yaml:2: tags\.x: expected "skip" or kind\/slug/),
    ]);
  });

  it('makes links to imported posts links to their briefs, and other old-site links absolute', () => {
    const plan = planImport(
      [
        post(1, {
          markdown:
            '[two](https://www.old.example.com/2013/01/11/post-2/#part) [q](/?p=2) [cat](/category/x/) [ext](https://example.org/) `[code](/?p=2)`',
        }),
        post(2),
      ],
      nothing,
      options,
    );
    expect(plan.briefs[0]!.body).toBe(
      '[two](../post-2/#part) [q](../post-2/) [cat](https://old.example.com/category/x/) [ext](https://example.org/) `[code](/?p=2)`',
    );
  });
});

describe('old addresses', () => {
  it('compare decoded, without trailing slash or index file', () => {
    expect(oldUrlKey('/2013/01/%E7%A8%80/')).toBe('/2013/01/稀');
    expect(oldUrlKey('/a/index.html')).toBe('/a');
    expect(oldUrlKey('/?p=1')).toBe('/?p=1');
    expect(oldUrlKey('/')).toBe('/');
  });

  it('of a site whose address is unknown are reported, not made into broken links silently', () => {
    const unresolved: string[] = [];
    const context = { slugs: new Map(), hosts: new Set<string>() };
    expect(resolveLink('/images/a.png', '/posts/x/', context, (u) => unresolved.push(u))).toBe(
      '/images/a.png',
    );
    expect(unresolved).toEqual(['/images/a.png']);
    expect(rewriteMarkdownLinks('![a](<x y.png>) [r][1]\n\n[1]: /old/', (u) => `NEW${u}`)).toBe(
      '![a](<NEWx y.png>) [r][1]\n\n[1]: NEW/old/',
    );
  });

  it('in raw HTML are resolved as Markdown links are, code left alone', () => {
    const markdown =
      'Text <img src="/a.png" alt="x"> and <a href=\'/b/?x=1&amp;y=2\'>b</a>.\n\n<figure>\n<img data-src="/lazy.png" src="c.png">\n</figure>\n\n`<img src="/code.png">`';
    expect(
      rewriteMarkdownLinks(markdown, (u) => new URL(u, 'https://old.example.com/p/').href),
    ).toBe(
      'Text <img src="https://old.example.com/a.png" alt="x"> and <a href=\'https://old.example.com/b/?x=1&amp;y=2\'>b</a>.\n\n<figure>\n<img data-src="/lazy.png" src="https://old.example.com/p/c.png">\n</figure>\n\n`<img src="/code.png">`',
    );
  });

  it('in an iframe of a host the site does not trust become a link, as publishing drops it', () => {
    const markdown =
      'Before.\n\n<iframe width="560" src="//www.youtube.com/embed/x?a=1&amp;b=2" title="Quota &amp; hearing"></iframe>\n\n<iframe src="https://www.youtube-nocookie.com/embed/y"></iframe>\n\n<iframe src="https://www.youtube.com/embed/z"></iframe>\n\n`<iframe src="https://code.example/"></iframe>`';
    expect(rewriteMarkdownLinks(markdown, (u) => u, ['www.youtube-nocookie.com'])).toBe(
      'Before.\n\n<a href="https://www.youtube.com/embed/x?a=1&amp;b=2">Quota &amp; hearing</a>\n\n<iframe src="https://www.youtube-nocookie.com/embed/y"></iframe>\n\n<a href="https://www.youtube.com/embed/z">Embedded from youtube.com</a>\n\n`<iframe src="https://code.example/"></iframe>`',
    );
  });

  it('keep text that would read here as a wikilink as the old site showed it', () => {
    // Hugo, Jekyll and Eleventy show "[[Wiki Link]]" as it is; here it would be a link to an
    // entity of that name, and an unknown name stops the build.
    const markdown =
      'A [[Wiki Link]], [[稀土|rare earths]] and `[[code]]`.\n\n```\n[[fenced]]\n```';
    const out = rewriteMarkdownLinks(markdown, (u) => u);
    expect(out).toBe(
      'A \\[[Wiki Link]], \\[[稀土|rare earths]] and `[[code]]`.\n\n```\n[[fenced]]\n```',
    );
    const links = JSON.stringify(markdownToMdast(out, { features: MARKDOWN_FEATURES })).match(
      /"type":"link"/g,
    );
    expect(links).toBeNull();
  });
});
