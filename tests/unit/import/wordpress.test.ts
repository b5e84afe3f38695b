import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  archiveBase,
  autoParagraphs,
  cleanText,
  dayOf,
  exportText,
  inlineReusableBlocks,
  parseWxr,
  prepareBody,
  readWxrChannel,
  WxrError,
  wxrOf,
} from '../../../scripts/import/wordpress.ts';

const wxr = parseWxr(readFileSync('tests/fixtures/import/wordpress/export.xml', 'utf8'));
const post = (id: number) => wxr.posts.find((p) => p.id.endsWith(` ${id}`))!;

describe('parseWxr', () => {
  it('reads the site and decodes character references in titles, CDATA or not', () => {
    expect(wxr.site).toMatchObject({
      title: 'Rare Earth Watch – Archive',
      url: 'https://old.example.com',
      language: 'en-US',
    });
    expect(post(101).title).toBe('China’s export quotas & the market');
    expect(post(102).title).toBe('Magnet prices & the new normal');
    expect(post(103).title).toBe('稀土价格上涨');
    // A control character (invalid XML) is dropped, not a reason to refuse the whole file.
    expect(post(115).title).toBe('Lynas: "Malaysia" licence renewed');
  });

  it('keeps every post and page with its status, date, author and old addresses', () => {
    expect(post(101)).toMatchObject({
      kind: 'post',
      status: 'publish',
      date: '2013-01-11',
      slug: 'china-export-quotas',
      authors: ['Jane Analyst'],
      summary: 'Quotas fall for the third year & prices react.',
      oldUrls: ['/?p=101', '/2013/01/11/china-export-quotas/'],
    });
    expect(post(103).slug).toBe('稀土价格上涨');
    expect(post(120)).toMatchObject({ kind: 'page', oldUrls: ['/?page_id=120', '/about/'] });
    const statuses = Object.fromEntries(wxr.posts.map((p) => [p.id, p.status]));
    expect(statuses).toMatchObject({
      'post 108': 'draft',
      'post 109': 'future',
      'post 110': 'private',
      'post 111': 'protected',
      'post 112': 'pending',
      'post 113': 'trash',
      'post 114': 'trash',
    });
    expect(wxr).toMatchObject({ attachments: 3, otherItems: { nav_menu_item: 1 } });
    // Terms of other taxonomies are counted for the report, not dropped unseen.
    expect(wxr.otherTerms).toEqual({ post_format: 1, region: 1 });
    // A reusable block is shown where the post refers to it.
    expect(post(102).html).toContain('<p>Prices are in US dollars per kilogram, FOB China.</p>');
    expect(post(101).terms.map((t) => t.name)).not.toContain('Asia');
  });

  it('reads categories with their parents and tags with decoded names and slugs', () => {
    expect(post(101).terms).toEqual([
      {
        taxonomy: 'categories',
        name: 'Rare Earths',
        slug: 'rare-earths',
        parents: ['Minerals'],
        parentArchives: ['/category/minerals/'],
        description: 'The seventeen elements.',
        archives: ['/category/minerals/rare-earths/'],
      },
      { taxonomy: 'tags', name: 'Lynas', slug: 'lynas', archives: ['/tag/lynas/'] },
      {
        taxonomy: 'tags',
        name: 'export controls',
        slug: 'export-controls',
        archives: ['/tag/export-controls/'],
      },
    ]);
    expect(post(103).terms.map((t) => [t.name, t.slug, t.archives])).toEqual([
      ['稀土', '稀土', ['/tag/%E7%A8%80%E5%9C%9F/']],
      ['Policy & Law', 'policy', ['/category/policy/']],
    ]);
  });

  it('puts archives under the category and tag bases the old site was set to, and its blog path', () => {
    const xml = readFileSync('tests/fixtures/import/wordpress/export.xml', 'utf8').replace(
      '<wp:base_blog_url>https://old.example.com</wp:base_blog_url>',
      '<wp:base_blog_url>https://old.example.com/blog</wp:base_blog_url>',
    );
    const moved = parseWxr(xml, { category: 'topics', tag: 'news/tagged' });
    const terms = moved.posts.find((p) => p.id === 'post 101')!.terms;
    expect(terms[0]).toMatchObject({
      archives: ['/blog/topics/minerals/rare-earths/'],
      parentArchives: ['/blog/topics/minerals/'],
    });
    expect(terms[1]!.archives).toEqual(['/blog/news/tagged/lynas/']);
  });

  it('takes a category or tag base as the Permalinks settings show it, and refuses what cannot be one', () => {
    expect(archiveBase('/topics/')).toBe('topics');
    expect(archiveBase('news/topics')).toBe('news/topics');
    expect(archiveBase('主题')).toBe('主题');
    for (const bad of ['', '/', 'a b', '../x', '.', 'a?b', 'a#b'])
      expect(archiveBase(bad), bad).toBeUndefined();
  });

  it('turns shortcodes into HTML where they map, and names the post where they do not', () => {
    expect(post(101).html).toMatch(
      /<figure><img [^>]*quota-chart\.png[^>]*>\s*<figcaption>Export quotas, 2010&#8211;2013<\/figcaption>\s*<\/figure>/,
    );
    expect(post(102).html).toContain(
      '<img src="https://old.example.com/wp-content/uploads/2013/01/mine.jpg" alt="Mine">',
    );
    expect(post(102).html).toContain('<a href="https://www.youtube.com/watch?v=abc123">');
    expect(post(102).warnings).toEqual([
      'shortcode [contact-form-7 id="5" title="Contact form"] has no equivalent here: kept as text',
    ]);
    expect(post(102).html).not.toContain('wp:paragraph');
  });

  it('refuses what is not a WordPress export, with the line of an XML error', () => {
    expect(() => parseWxr('<rss><channel><title>x</channel></rss>')).toThrow(WxrError);
    let thrown: unknown;
    try {
      parseWxr('<?xml version="1.0"?>\n<rss>\n<channel>\n<item></chanel>');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WxrError);
    expect((thrown as WxrError).line).toBe(4);
    expect(() => parseWxr('<html><body>Not an export</body></html>')).toThrow(
      /not a WordPress export/,
    );
  });
});

describe('WordPress bodies', () => {
  it('add paragraphs where the classic editor left blank lines, and leave blocks and <pre> alone', () => {
    expect(
      autoParagraphs(
        'One\nline two.\n\nTwo.\n<table><tr><td>x</td></tr></table>\n\n<pre>a\n\nb</pre>',
      ),
    ).toBe(
      '<p>One<br>\nline two.</p>\n\n<p>Two.</p>\n\n<table>\n\n<tr>\n\n<td>x</td>\n\n</tr>\n\n</table>\n\n<pre>a\n\nb</pre>',
    );
  });

  it('drop block comments and the more tag, and make a lone address a link', () => {
    const kept: string[] = [];
    const html = prepareBody(
      '<!-- wp:paragraph -->\n<p>A</p>\n<!-- /wp:paragraph -->\n<!--more-->\n\nhttps://example.com/video\n',
      () => undefined,
      kept,
    );
    expect(html).toBe(
      '<p>A</p>\n\n<p><a href="https://example.com/video">https://example.com/video</a></p>',
    );
  });

  it('clean titles of tags, references and control characters', () => {
    expect(cleanText('A <em>b</em> &amp; c&#8217;s\u0007 \n d')).toBe('A b & c’s d');
  });
});

describe('inlineReusableBlocks', () => {
  it('puts each reusable block’s content where a post refers to it, and reports one it lacks', () => {
    const blocks = new Map([
      ['7', '<!-- wp:paragraph --><p>Sign up for 稀土 weekly.</p><!-- /wp:paragraph -->'],
      ['8', '<p>Outer</p><!-- wp:block {"ref":7} /-->'],
      ['9', '<!-- wp:block {"ref":9} /-->'],
    ]);
    const warnings: string[] = [];
    expect(
      inlineReusableBlocks(
        '<p>Text.</p>\n<!-- wp:block {"ref":8} /-->\n<!-- wp:block {"ref":42} /-->',
        blocks,
        warnings,
      ),
    ).toBe(
      '<p>Text.</p>\n<p>Outer</p><!-- wp:paragraph --><p>Sign up for 稀土 weekly.</p><!-- /wp:paragraph -->\n',
    );
    expect(warnings).toEqual([
      'reusable block 42 is not in the export: its content is missing (export with "All content")',
    ]);
    inlineReusableBlocks('<!-- wp:block {"ref":9} /-->', blocks, warnings);
    expect(warnings[1]).toBe('reusable block 9 contains itself: left out where it repeats');
  });
});

describe('cleanText', () => {
  it('removes HTML tags from a title but keeps angle brackets that are text', () => {
    expect(cleanText('A <em>new</em> normal<br/> <script>x</script>')).toBe('A new normal x');
    expect(cleanText('Yields < 5% but > 3%')).toBe('Yields < 5% but > 3%');
    expect(cleanText('<<稀土管理条例>> 解读')).toBe('<<稀土管理条例>> 解读');
    expect(cleanText('x <- y -> z')).toBe('x <- y -> z');
  });
});

describe('dayOf', () => {
  it('gives the day as written, wherever the import runs', () => {
    const tz = process.env.TZ;
    try {
      for (const zone of ['Asia/Shanghai', 'America/Los_Angeles', 'UTC']) {
        process.env.TZ = zone;
        expect(dayOf('2021-3-4'), zone).toBe('2021-03-04');
        expect(dayOf('March 4, 2021'), zone).toBe('2021-03-04');
        expect(dayOf('Thu, 04 Mar 2021 03:30:00 +0800'), zone).toBe('2021-03-04');
        expect(dayOf('Thu, 04 Mar 2021 23:30:00 -0500'), zone).toBe('2021-03-04');
        expect(dayOf('Thu, 04 Mar 2021 23:30:00 GMT'), zone).toBe('2021-03-04');
        expect(dayOf('0000-00-00 00:00:00', 'Mon, 30 Nov -0001 00:00:00 +0000'), zone).toBe(
          undefined,
        );
      }
    } finally {
      process.env.TZ = tz;
    }
  });
});

describe('exportText', () => {
  const xml = '<?xml version="1.0"?>\n<rss><channel><title>稀土</title></channel></rss>';

  it('reads an export, compressed or not', () => {
    expect(exportText(Buffer.from(xml))).toBe(xml);
    expect(exportText(gzipSync(xml))).toBe(xml);
  });

  it('refuses a zip archive and text that is not UTF-8, saying what to do', () => {
    expect(() => exportText(Buffer.from('PK\x03\x04rest', 'latin1'))).toThrow(
      'the file is a zip archive: unzip it and import the .xml export (or each of them) inside',
    );
    const gbk = Buffer.concat([
      Buffer.from('<?xml?>\n<title>'),
      Buffer.from([0xcf, 0xa1, 0xcd, 0xc1]),
    ]);
    expect(() => exportText(gbk)).toThrow(expect.objectContaining({ line: 2 }));
  });
});

describe('an export split in several files', () => {
  it('reads as the whole: posts find their featured images and galleries in another file', () => {
    // As WP-CLI splits a large export: every file has the site's header and some items.
    const whole = readFileSync('tests/fixtures/import/wordpress/export.xml', 'utf8');
    const head = whole.slice(0, whole.indexOf('<item>'));
    const items = whole.match(/<item>[\s\S]*?<\/item>/g)!;
    const isAttachment = (item: string) => item.includes('<![CDATA[attachment]]>');
    const part = (keep: (item: string) => boolean) =>
      readWxrChannel(`${head}${items.filter(keep).join('\n')}</channel></rss>`);
    const split = wxrOf([part((i) => !isAttachment(i)), part(isAttachment)]);
    expect(split.attachments).toBe(3);
    expect(split.posts).toEqual(wxr.posts);
    // Overlapping files (an export of posts and one of all content) do not double a post.
    const twice = wxrOf([part(() => true), part((i) => !isAttachment(i))]);
    expect(twice.posts).toEqual(wxr.posts);
  });
});
