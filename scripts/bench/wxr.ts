/**
 * A WordPress export of N posts for measuring the importer: the benchmark corpus's briefs
 * (real-sized bodies, English and Chinese, companies named in the text) written as WordPress
 * would export them, with the usual mess mixed in deterministically: classic-editor posts
 * without paragraphs, block comments, captions and galleries, unknown shortcodes, nested
 * categories, tags, character references in titles, drafts and duplicate post names.
 */
import { markdownToHtml } from 'satteri';
import { isFrontmatterError, parseFrontmatter } from '../../src/content/frontmatter.ts';
import { generateCorpus } from './corpus.ts';
import { Random } from './random.ts';

const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const CATEGORIES = [
  ['minerals', 'Minerals', ''],
  ['rare-earths', 'Rare Earths', 'minerals'],
  ['battery-metals', 'Battery Metals', 'minerals'],
  ['policy', 'Policy &amp; Law', ''],
  ['markets', 'Markets', ''],
] as const;

/** The export's XML; `posts` briefs of the benchmark corpus become posts. */
export function generateWxr(posts: number, seed = 'wxr'): string {
  const random = new Random(seed);
  const briefs = generateCorpus({ briefs: posts, seed }).filter((f) =>
    f.path.startsWith('briefs/'),
  );
  const items = briefs.map((file, i) => {
    const parsed = parseFrontmatter(file.text);
    if (isFrontmatterError(parsed)) throw new Error(`${file.path}: ${parsed.message}`);
    const { data, body } = parsed;
    const id = 1000 + i;
    const date = String(data.date);
    const [year, month, day] = date.split('-');
    // Every 50th post shares its name with the one before: a slug collision.
    const name =
      i % 50 === 49
        ? String(
            briefs[i - 1]!.path.split('/')
              .pop()!
              .replace(/\.mdx?$/, ''),
          )
        : file.path
            .split('/')
            .pop()!
            .replace(/\.mdx?$/, '');
    const classic = random.chance(0.4);
    let html = markdownToHtml(
      body.replace(
        /\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g,
        (_m, target: string, label?: string) => label ?? target.split('/').pop()!,
      ),
    ).html;
    if (classic) html = html.replace(/<\/?p>/g, '').replace(/\n/g, '\n\n');
    else
      html = html
        .replace(/<p>/g, '<!-- wp:paragraph -->\n<p>')
        .replace(/<\/p>/g, '</p>\n<!-- /wp:paragraph -->');
    if (random.chance(0.2))
      html += `\n\n[caption id="attachment_${id}" width="600"]<img src="https://old.example.com/wp-content/uploads/${year}/${month}/chart-${id}.png" alt="Chart" /> A chart[/caption]`;
    if (random.chance(0.05)) html += '\n\n[gallery ids="1,2"]';
    if (random.chance(0.05)) html += '\n\n[newsletter_signup list="weekly"]';
    const category = random.pick(CATEGORIES);
    const status = random.chance(0.03) ? 'draft' : 'publish';
    const title = String(data.title)
      .replace(/'/g, '&#8217;')
      .replace(/&(?!#)/g, '&amp;');
    return `<item>
<title>${escapeXml(title)}</title>
<link>https://old.example.com/${year}/${month}/${day}/${name}/</link>
<dc:creator>${cdata('analyst')}</dc:creator>
<content:encoded>${cdata(html)}</content:encoded>
<excerpt:encoded>${cdata(random.chance(0.5) ? String(data.summary) : '')}</excerpt:encoded>
<wp:post_id>${id}</wp:post_id>
<wp:post_date>${cdata(`${date} 09:00:00`)}</wp:post_date>
<wp:post_name>${cdata(name)}</wp:post_name>
<wp:status>${cdata(status)}</wp:status>
<wp:post_type>${cdata('post')}</wp:post_type>
<wp:post_password>${cdata('')}</wp:post_password>
<category domain="category" nicename="${category[0]}">${cdata(category[1])}</category>
${((data.themes as string[] | undefined) ?? []).map((t) => `<category domain="post_tag" nicename="${t}">${cdata(t.replace(/-/g, ' '))}</category>`).join('\n')}
</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Benchmark archive</title>
<link>https://old.example.com</link>
<language>en</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://old.example.com</wp:base_site_url>
<wp:author><wp:author_login>${cdata('analyst')}</wp:author_login><wp:author_display_name>${cdata('An Analyst')}</wp:author_display_name></wp:author>
${CATEGORIES.map(([slug, name, parent]) => `<wp:category><wp:category_nicename>${cdata(slug)}</wp:category_nicename><wp:category_parent>${cdata(parent)}</wp:category_parent><wp:cat_name>${cdata(name)}</wp:cat_name></wp:category>`).join('\n')}
${items.join('\n')}
</channel>
</rss>
`;
}
