import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  detectGenerator,
  readStaticSite,
  splitAnyFrontmatter,
} from '../../../scripts/import/static-site.ts';
import { scratchDir } from '../../helpers/scratch.ts';

const byId = (posts: ReturnType<typeof readStaticSite>['posts']) =>
  Object.fromEntries(posts.map((p) => [p.id, p]));

describe('Hugo sites', () => {
  const site = readStaticSite('tests/fixtures/import/hugo');
  const posts = byId(site.posts);

  it('are recognised, with their settings', () => {
    expect(site.generator).toBe('hugo');
    expect(site.site).toMatchObject({
      title: 'Minerals Notebook',
      url: 'https://hugo.example.com',
      language: 'en-gb',
      description: 'Notes on critical minerals',
    });
    expect(site.hosts).toEqual(['hugo.example.com']);
  });

  it('map TOML, YAML and page-bundle posts, with addresses from the permalink settings and aliases', () => {
    expect(posts['posts/gallium-controls.md']).toMatchObject({
      title: 'Gallium controls: a first look',
      date: '2023-07-04',
      summary: 'China announces licensing for gallium and germanium.',
      oldUrls: ['/2023/07/gallium-controls-a-first-look/', '/old/gallium/', '/2023/gallium.html'],
      status: 'publish',
    });
    expect(posts['posts/gallium-controls.md']!.terms.map((t) => `${t.taxonomy}:${t.name}`)).toEqual(
      ['categories:Policy', 'tags:gallium', 'tags:export controls'],
    );
    // Their archive pages, as Hugo makes them, redirect to what each term becomes.
    expect(posts['posts/gallium-controls.md']!.terms.map((t) => t.archives)).toEqual([
      ['/categories/policy/'],
      ['/tags/gallium/'],
      ['/tags/export-controls/'],
    ]);
    expect(posts['posts/germanium.md']).toMatchObject({
      slug: 'germanium-supply',
      oldUrls: ['/2023/07/germanium-supply/'],
    });
    expect(posts['posts/bundle-post/index.md']).toMatchObject({
      slug: 'bundle-post',
      title: '稀土出口管制',
      oldUrls: ['/2023/10/稀土出口管制/'],
    });
    expect(posts['posts/draft-post.md']!.status).toBe('draft');
    expect(posts['notes/about.md']!.kind).toBe('page');
    expect(posts['_index.md']).toBeUndefined();
  });

  it('convert shortcodes that map, resolve ref and relref, and report the rest', () => {
    const body = posts['posts/gallium-controls.md']!.markdown!;
    expect(body).toContain('![Chart](/images/gallium.png)\n\n*Gallium output, 2022*');
    expect(body).toContain('[Video on YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ)');
    expect(body).toContain(
      '[the germanium note](/2023/07/germanium-supply/) and /2023/10/稀土出口管制/',
    );
    expect(body).toContain('```go\nfmt.Println("licence")\n```');
    expect(body).toContain('`{{< youtube abc >}}`');
    expect(posts['posts/gallium-controls.md']!.warnings).toEqual([
      'shortcode {{< newsletter-signup list="weekly" >}} has no equivalent here: kept as text',
    ]);
  });
});

describe('Hugo sites in several languages', () => {
  const posts = byId(readStaticSite('tests/fixtures/import/hugo-languages').posts);

  it('give each translation the address Hugo served it at, in its language’s part of the site', () => {
    expect(Object.keys(posts).sort()).toEqual([
      '../content.fr/posts/etain.md',
      'posts/bundle/index.zh.md',
      'posts/tin.md',
      'posts/tin.zh.md',
    ]);
    expect(posts['posts/tin.md']!.oldUrls).toEqual(['/posts/tin/', '/old/tin/']);
    expect(posts['posts/tin.zh.md']).toMatchObject({
      slug: 'tin',
      oldUrls: ['/zh/posts/tin/', '/zh/old/tin/', '/zh/posts/%E9%94%A1%E4%BB%B7'],
    });
    expect(posts['posts/bundle/index.zh.md']!.oldUrls).toEqual(['/zh/posts/bundle/']);
    expect(posts['../content.fr/posts/etain.md']!.oldUrls).toEqual(['/fr/posts/etain/']);
  });
});

describe('Hugo publication dates', () => {
  const posts = byId(readStaticSite('tests/fixtures/import/hugo-publication').posts);

  it('keep posts not yet or no longer published on the old site unpublished, and say why', () => {
    expect(posts['posts/scheduled.md']).toMatchObject({ date: '2020-03-01', status: 'future' });
    expect(posts['posts/expired.md']).toMatchObject({ date: '2019-05-05', status: 'draft' });
    expect(posts['posts/expired.md']!.warnings).toEqual([
      'expired on 2020-01-01 (expiryDate), so no longer on the old site: a draft',
    ]);
  });

  it('resolve aliases without a leading slash against the page’s path, as Hugo does', () => {
    expect(posts['posts/relative-aliases.md']!.oldUrls).toEqual([
      '/posts/relative-aliases/',
      '/posts/tin-2018',
      '/tin-old/',
      '/tin/',
    ]);
  });

  it('know the files of the static folder and of page bundles by the paths Hugo served them at', () => {
    const { localFiles } = readStaticSite('tests/fixtures/import/hugo-publication');
    expect(Object.fromEntries(localFiles)).toEqual({
      '/images/tin.png': join('tests/fixtures/import/hugo-publication/static/images/tin.png'),
      '/posts/bundled/chart.png': join(
        'tests/fixtures/import/hugo-publication/content/posts/bundled/chart.png',
      ),
    });
  });

  it('have addresses in lower case, as Hugo writes them', () => {
    expect(posts['Notes/Tin-Outlook.md']!.oldUrls).toEqual(['/notes/tin-outlook/']);
  });

  it('have hyphens for spaces as Hugo writes them, and any other space percent-encoded', () => {
    // Written with a space, an old address cannot be redirected and stops the check.
    expect(posts['posts/Tin and Tungsten.md']!.oldUrls).toEqual([
      '/posts/tin-and-tungsten/',
      '/old%20notes/tin%20and%20tungsten/',
    ]);
  });

  it('read draft: "true" as Hugo does, a draft', () => {
    expect(posts['posts/quoted-draft.md']!.status).toBe('draft');
  });

  it('keep a page Hugo did not render unpublished, and say why', () => {
    expect(posts['posts/snippets/index.md']).toMatchObject({
      status: 'draft',
      warnings: ['build: render: never, so it had no page on the old site: a draft'],
    });
  });

  it('keep a title as written: Hugo shows it as plain text, tags and references included', () => {
    expect(posts['posts/plain-title.md']?.title).toBe(
      'Using <iframe> embeds & <b>bold</b> claims: 5 < 6 &amp; more',
    );
  });

  it('read frontmatter keys in any case, as Hugo does', () => {
    expect(posts['posts/capitalised.md']).toMatchObject({
      kind: 'post',
      title: 'Keys in capitals',
      date: '2018-04-04',
      status: 'publish',
      terms: [{ taxonomy: 'tags', name: 'tin' }],
    });
  });
});

describe('Jekyll sites', () => {
  const site = readStaticSite('tests/fixtures/import/jekyll');
  const posts = byId(site.posts);

  it('take dates and slugs from file names and addresses from the permalink style', () => {
    expect(site.generator).toBe('jekyll');
    expect(posts['_posts/2012-03-15-wto-case.md']).toMatchObject({
      date: '2012-03-15',
      slug: 'wto-case',
      oldUrls: ['/trade/policy/2012/03/15/wto-case.html', '/wto/'],
    });
    expect(posts['_posts/2014-03-26-wto-ruling.markdown']).toMatchObject({
      summary: 'The panel found the quotas inconsistent with China’s obligations.'.replace(
        '’',
        "'",
      ),
      oldUrls: ['/trade/2014/03/26/wto-ruling.html'],
    });
    expect(posts['_posts/2014-04-01-unpublished.md']!.status).toBe('draft');
    expect(posts['_drafts/idea.md']!.status).toBe('draft');
    // An undated draft is dated by its file, as Jekyll does, not left out as a page.
    expect(posts['_drafts/undated.md']).toMatchObject({
      kind: 'post',
      status: 'draft',
      date: statSync('tests/fixtures/import/jekyll/_drafts/undated.md')
        .mtime.toISOString()
        .slice(0, 10),
    });
    expect(posts['about.md']).toMatchObject({ kind: 'page', oldUrls: ['/about/'] });
  });

  it('file a post in a folder’s _posts under the folder as a category, in its address too', () => {
    expect(posts['prices/_posts/2015-01-20-oxide-prices.md']).toMatchObject({
      kind: 'post',
      oldUrls: ['/prices/2015/01/20/oxide-prices.html'],
      terms: [{ taxonomy: 'categories', name: 'prices' }],
    });
  });

  it('list the files in a markup they do not read, instead of leaving them out unseen', () => {
    expect(site.otherMarkup).toEqual(['_posts/2011-05-05-old-textile.textile']);
  });

  it('make addresses as Jekyll does: categories in lower case, names slugged, both escaped', () => {
    expect(posts['_posts/2015-02-03-稀土 价格.md']).toMatchObject({
      oldUrls: ['/rare%20earths/2015/02/03/%E7%A8%80%E5%9C%9F-%E4%BB%B7%E6%A0%BC.html'],
      terms: [{ taxonomy: 'categories', name: 'Rare Earths' }],
    });
  });

  it('fill in the placeholders of a post’s own permalink, as Jekyll does', () => {
    // Left as written, "/notes/:year/:title/" would be a _redirects pattern catching every post.
    expect(posts['_posts/2014-05-02-own-permalink.md']!.oldUrls).toEqual([
      '/notes/2014/own-permalink/',
    ]);
  });

  it('convert Liquid tags: code, raw, post_url, the site address; keep includes', () => {
    const body = posts['_posts/2012-03-15-wto-case.md']!.markdown!;
    expect(body).toContain('```ruby\nputs "{{ not a tag }}"\n```');
    expect(body).toContain('[follow-up](/trade/2014/03/26/wto-ruling.html)');
    expect(body).toContain('[the same](/2014/03/26/wto-ruling.html)');
    expect(body).toContain('Liquid shown as text: {{ page.title }}');
    expect(posts['_posts/2012-03-15-wto-case.md']!.warnings).toEqual([
      'template tag {% include newsletter.html %} has no equivalent here: kept as text',
    ]);
  });
});

describe('Eleventy sites', () => {
  it('use folder addresses or the permalink, and drop the collection tag "post"', () => {
    const site = readStaticSite(
      'tests/fixtures/import/eleventy',
      undefined,
      'https://eleventy.example.com',
    );
    const posts = byId(site.posts);
    expect(site.generator).toBe('eleventy');
    expect(posts['posts/first-post.md']).toMatchObject({
      oldUrls: ['/posts/first-post/'],
      terms: [{ taxonomy: 'tags', name: 'magnets' }],
    });
    expect(posts['posts/second-post.md']).toMatchObject({ oldUrls: ['/blog/second/'], terms: [] });
    expect(posts['posts/first-post.md']!.markdown).toContain('![A magnet](./img/magnet.jpg)');
  });
});

describe('Eleventy sites with an input folder', () => {
  it('are recognised by their configuration, with addresses from the input folder', () => {
    const site = readStaticSite('tests/fixtures/import/eleventy-input');
    expect(site.generator).toBe('eleventy');
    expect(byId(site.posts)['blog/2024/tin-prices.md']!.oldUrls).toEqual([
      '/blog/2024/tin-prices/',
    ]);
  });

  it('take the data of the folders’ JSON data files, and list the JavaScript ones', () => {
    const site = readStaticSite('tests/fixtures/import/eleventy-input');
    expect(byId(site.posts)['notes/lithium.md']).toMatchObject({
      oldUrls: ['/n/lithium/'],
      terms: [
        { taxonomy: 'tags', name: 'notes' },
        { taxonomy: 'tags', name: 'lithium' },
      ],
    });
    expect(site.otherMarkup).toEqual(['content/notes/notes.11tydata.js']);
  });

  it('fill in permalink templates of the file’s name, and say which they cannot', () => {
    const posts = byId(readStaticSite('tests/fixtures/import/eleventy-input').posts);
    expect(posts['blog/2024/2024-03-05-cobalt.md']).toMatchObject({
      oldUrls: ['/notes/cobalt/'],
      status: 'publish',
      warnings: [],
    });
    expect(posts['blog/2024/nickel.md']!.warnings).toEqual([
      `its permalink "/{{ page.date | date: '%Y' }}/{{ title | slugify }}/" needs Eleventy to work out: its old address is taken to be its folder's; put the real one in redirect_from`,
    ]);
    // permalink: false is a template Eleventy writes no page for.
    expect(posts['blog/2024/unlisted.md']).toMatchObject({
      status: 'draft',
      warnings: ['permalink: false, so it had no page on the old site: a draft'],
    });
  });
});

describe('files that cannot be read', () => {
  it('are named with the line and why, and not imported', () => {
    const dir = scratchDir('briefing-unreadable-');
    mkdirSync(join(dir, '_posts'));
    const write = (name: string, text: string | Buffer) => writeFileSync(join(dir, name), text);
    write('_posts/2020-01-01-yaml.md', '---\ntitle: ok\ntags: [a, b\n---\nBody.\n');
    write('_posts/2020-01-02-toml.md', '+++\ntitle = "a"\ndate = \n+++\nBody.\n');
    write('_posts/2020-01-04-date.md', '---\ntitle: ok\ndate: 2020-13-45\n---\nBody.\n');
    // 稀土 in GBK: read as UTF-8, it would become "����".
    write(
      '_posts/2020-01-03-gbk.md',
      Buffer.concat([Buffer.from('---\ntitle: '), Buffer.from([0xcf, 0xa1, 0xcd, 0xc1, 0x0a])]),
    );
    const site = readStaticSite(dir, 'jekyll');
    expect(site.posts).toEqual([]);
    expect(site.unreadable).toEqual([
      expect.stringMatching(/^_posts\/2020-01-01-yaml\.md:3: the frontmatter cannot be read: /),
      expect.stringMatching(/^_posts\/2020-01-02-toml\.md:3: the frontmatter cannot be read: /),
      '_posts/2020-01-03-gbk.md:2: not UTF-8 text (it may be GBK, Big5 or Windows-1252): save it as UTF-8',
      // Not the file name's date instead, in silence.
      '_posts/2020-01-04-date.md:3: date: "2020-13-45" is not a date',
    ]);
  });
});

describe('frontmatter of any kind', () => {
  it('reads YAML, TOML and JSON', () => {
    expect(splitAnyFrontmatter('---\na: 1\n---\nbody').data).toEqual({ a: 1 });
    expect(splitAnyFrontmatter('+++\na = "x"\n+++\nbody')).toEqual({
      data: { a: 'x' },
      body: 'body',
    });
    expect(splitAnyFrontmatter('{\n"a": [1]\n}\nbody')).toEqual({ data: { a: [1] }, body: 'body' });
    expect(splitAnyFrontmatter('no frontmatter')).toEqual({ data: {}, body: 'no frontmatter' });
    // JSON ending the file, and text that only starts with a brace.
    expect(splitAnyFrontmatter('{\n"title": "x {y}"\n}').data).toEqual({ title: 'x {y}' });
    expect(splitAnyFrontmatter('{{< youtube x >}}\n')).toEqual({
      data: {},
      body: '{{< youtube x >}}\n',
    });
  });

  it('names frontmatter without its closing line, instead of reading the file as a body', () => {
    expect(() => splitAnyFrontmatter('---\ntitle: x\ndate: 2020-01-01\n\nBody.\n')).toThrow(
      'the frontmatter opened by "---" on line 1 has no closing "---" line',
    );
    expect(() => splitAnyFrontmatter('+++\ntitle = "x"\nBody.\n')).toThrow(
      expect.objectContaining({ line: 1 }),
    );
  });

  it('names frontmatter that is not fields, instead of reading the post as untitled', () => {
    expect(() => splitAnyFrontmatter('---\n- a\n- b\n---\nBody.\n')).toThrow(
      'it is not a list of fields such as "title: …"',
    );
    expect(splitAnyFrontmatter('---\n---\nBody.\n')).toEqual({ data: {}, body: 'Body.\n' });
  });

  it('names the line of JSON frontmatter that does not parse, instead of reading none', () => {
    expect(() =>
      splitAnyFrontmatter('{\n"title": "x",\n"date": 2020-01-01\n}\nBody {a}\n'),
    ).toThrow(expect.objectContaining({ line: 3 }));
  });

  it('tells the generator from the folder', () => {
    expect(detectGenerator('tests/fixtures/import/hugo')).toBe('hugo');
    expect(detectGenerator('tests/fixtures/import/jekyll')).toBe('jekyll');
    expect(detectGenerator('tests/fixtures/import/eleventy')).toBe('eleventy');
  });
});
