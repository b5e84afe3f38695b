/**
 * WordPress exports (WXR, "Tools → Export") read into posts: the XML by fast-xml-parser,
 * titles and terms decoded from their character references by `entities`, bodies prepared
 * as WordPress itself would show them (block comments dropped, shortcodes expanded where
 * they map to HTML, paragraphs added where the editor left only blank lines) for the HTML
 * converter.
 */
import { isUtf8 } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import { decodeHTML } from 'entities';
import { defaultSchema } from 'hast-util-sanitize';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { STRIPPED_TAGS } from '../../src/content/html-policy.ts';
import { type PostStatus, type SourcePost, type Term } from './post.ts';
import { expandWordPressShortcodes, type Shortcode } from './shortcodes.ts';

export class WxrError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

export interface WxrSite {
  title: string;
  description: string;
  /** The blog's address, e.g. https://old.example.com or https://example.com/blog. */
  url: string;
  language: string;
}

interface Attachment {
  id: string;
  url: string;
  title: string;
  caption: string;
  parent: string;
}

export interface Wxr {
  site: WxrSite;
  posts: SourcePost[];
  attachments: number;
  /** Items that are neither posts, pages nor attachments (menus, revisions, blocks…), by type. */
  otherItems: Record<string, number>;
  /** Terms of taxonomies other than categories and tags (post formats, a theme's or plugin's own), by taxonomy: how many posts have one. */
  otherTerms: Record<string, number>;
  /** Host names the old site was served from, for recognising its links. */
  hosts: string[];
}

type Node = Record<string, unknown>;

const ARRAYS = new Set([
  'rss.channel.item',
  'rss.channel.item.category',
  'rss.channel.item.wp:postmeta',
  'rss.channel.wp:category',
  'rss.channel.wp:tag',
  'rss.channel.wp:author',
  'rss.channel.wp:term',
]);

/** Text of an element that may be a plain value, CDATA or an element with attributes. */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') {
    const node = value as Node;
    return text(node['#text'] ?? node['__cdata'] ?? '');
  }
  return String(value);
}

/**
 * HTML tags a title or name may hold (WordPress shows titles as HTML): removed. Anything else
 * between angle brackets is text, such as `<<书名>>` or `1 < 2 > 0`.
 */
const TAGS = new Set([
  ...(defaultSchema.tagNames ?? []),
  ...STRIPPED_TAGS,
  ...['abbr', 'big', 'center', 'cite', 'font', 'mark', 'small', 'time', 'u'],
]);

/** A title or name: character references decoded, tags and control characters removed. */
export function cleanText(value: string): string {
  return plainLine(
    decodeHTML(
      value
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/<\/?([A-Za-z][\w-]*)\b[^<>]*>/g, (tag, name: string) =>
          TAGS.has(name.toLowerCase()) ? '' : tag,
        ),
    ),
  );
}

/** A title that is plain text already: control characters removed, white space made one line. */
export function plainLine(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** HTML → plain text for excerpts. */
function plainText(html: string): string {
  return cleanText(
    html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<(?:br|\/p|\/div|\/li)\b[^>]*>/gi, ' '),
  );
}

/** `2013-01-11 09:30:00` (or an RSS date) → `2013-01-11`; undefined for WordPress's zero date. */
function isCalendarDay(day: string): boolean {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day);
}

export function dayOf(...candidates: string[]): string | undefined {
  for (const value of candidates) {
    const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
    const day = iso && `${iso[1]}-${iso[2]}-${iso[3]}`;
    // A day of the calendar: not WordPress's zero date, nor 2020-13-45.
    if (day && iso[1] !== '0000' && isCalendarDay(day)) return day;
    if (!iso && value.trim()) {
      const parsed = new Date(value);
      if (Number.isNaN(parsed.getTime())) continue;
      // The day as written: in the date's own offset if it has one, else as read (in local
      // time), never the UTC day, which is a day early east of Greenwich for a date at midnight.
      const zone = /(?:([+-])(\d{2}):?(\d{2})|\b(?:Z|GMT|UTC))$/i.exec(value.trim());
      if (zone) {
        const minutes = zone[1] ? (zone[1] === '-' ? -1 : 1) * (+zone[2]! * 60 + +zone[3]!) : 0;
        return new Date(parsed.getTime() + minutes * 60_000).toISOString().slice(0, 10);
      }
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
    }
  }
  return undefined;
}

function decodeSlug(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const BLOCK_TAGS =
  'address|article|aside|blockquote|caption|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|iframe|li|map|math|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul|video|audio|object|embed|script|style|noscript';

/** Elements that start a block: a chunk that begins with one is not wrapped in a paragraph. */
const BLOCK = new RegExp(`^<(?:/?(?:${BLOCK_TAGS})\\b|!--)`, 'i');

/**
 * WordPress's automatic paragraphs, for classic-editor posts that have only blank lines:
 * each chunk between blank lines that is not already a block becomes a paragraph, and single
 * line breaks in it become `<br>`. `<pre>` blocks are left as they are.
 */
export function autoParagraphs(html: string): string {
  const kept: string[] = [];
  const guarded = html.replace(/<pre\b[\s\S]*?<\/pre>/gi, (block) => {
    kept.push(block);
    return `\uE000${kept.length - 1}\uE000`;
  });
  const chunks = guarded
    .replace(/\r\n?/g, '\n')
    // As WordPress does: block elements stand apart from the text around them.
    .replace(new RegExp(`(<(?:${BLOCK_TAGS})[\\s/>])`, 'gi'), '\n\n$1')
    .replace(new RegExp(`(</(?:${BLOCK_TAGS})>)`, 'gi'), '$1\n\n')
    // A web address alone on its line is an embed: a link here.
    .replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm, '<p><a href="$1">$1</a></p>')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean);
  const out = chunks.map((chunk) => {
    if (BLOCK.test(chunk) || /^\uE000\d+\uE000$/.test(chunk)) return chunk;
    return `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`;
  });
  return out.join('\n\n').replace(/\uE000(\d+)\uE000/g, (_m, i: string) => kept[Number(i)]!);
}

const escapeAttr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (value: string) => value.replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A link paragraph for media that has no Markdown form. */
const mediaLink = (url: string, label: string) =>
  `<p><a href="${escapeAttr(url)}">${escapeText(label)}</a></p>`;

/** WordPress shortcodes with an HTML equivalent; undefined keeps one as written. */
function shortcodeHtml(
  code: Shortcode,
  attachments: Map<string, Attachment>,
  postId: string,
): string | undefined {
  const { name, attrs, args } = code;
  switch (name) {
    case 'caption':
    case 'wp_caption': {
      const inner = code.inner();
      const image = /<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i.exec(inner)?.[0] ?? '';
      const caption = attrs.caption ?? inner.replace(image, '').trim();
      return `<figure>${image}<figcaption>${caption}</figcaption></figure>`;
    }
    case 'gallery': {
      const ids = attrs.ids
        ? attrs.ids.split(',').map((id) => id.trim())
        : [...attachments.values()].filter((a) => a.parent === postId).map((a) => a.id);
      const images = ids.map((id) => attachments.get(id)).filter((a): a is Attachment => !!a);
      if (!images.length) return undefined;
      return images
        .map(
          (a) =>
            `<figure><img src="${escapeAttr(a.url)}" alt="${escapeAttr(a.title)}">${a.caption ? `<figcaption>${escapeText(a.caption)}</figcaption>` : ''}</figure>`,
        )
        .join('\n');
    }
    case 'embed':
    case 'youtube':
    case 'vimeo':
    case 'tweet':
    case 'twitter': {
      const url = (code.content ?? '').trim() || attrs.url || attrs.src || args[0] || '';
      return /^https?:\/\//.test(url) ? mediaLink(url, url) : undefined;
    }
    case 'video':
    case 'audio': {
      const url =
        attrs.src ||
        attrs.mp4 ||
        attrs.m4v ||
        attrs.webm ||
        attrs.ogv ||
        attrs.mp3 ||
        attrs.ogg ||
        attrs.wav ||
        attrs.m4a ||
        '';
      return url
        ? mediaLink(url, `${name === 'video' ? 'Video' : 'Audio'}: ${url.split('/').pop()}`)
        : undefined;
    }
    case 'code':
    case 'sourcecode':
    case 'source': {
      const language = attrs.language || attrs.lang || args[0] || '';
      return `<pre><code${language ? ` class="language-${escapeAttr(language)}"` : ''}>${escapeText(code.content ?? '')}</code></pre>`;
    }
    default:
      return undefined;
  }
}

/**
 * Reusable blocks (synced patterns) in place: a post holds only `<!-- wp:block {"ref":7} /-->`
 * and the export has the block's content as an item of its own. One the export lacks is
 * reported: its content would otherwise be gone without a trace.
 */
export function inlineReusableBlocks(
  html: string,
  blocks: ReadonlyMap<string, string>,
  warnings: string[],
  depth = 0,
): string {
  return html.replace(/<!--\s*wp:block\s+(\{[\s\S]*?\})\s*\/-->/g, (whole, attrs: string) => {
    let ref = '';
    try {
      ref = String((JSON.parse(attrs) as { ref?: unknown }).ref ?? '');
    } catch {
      // Not block attributes after all.
    }
    const content = blocks.get(ref);
    if (content === undefined || depth > 5) {
      warnings.push(
        content === undefined
          ? `reusable block ${ref || whole} is not in the export: its content is missing (export with "All content")`
          : `reusable block ${ref} contains itself: left out where it repeats`,
      );
      return '';
    }
    return inlineReusableBlocks(content, blocks, warnings, depth + 1);
  });
}

/** The body as WordPress would show it: blocks, shortcodes and paragraphs. */
export function prepareBody(
  html: string,
  expandShortcode: (code: Shortcode) => string | undefined,
  kept: string[],
): string {
  const withoutBlocks = html
    .replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '')
    .replace(/<!--\s*(?:more|nextpage|noteaser)\b[^>]*-->/g, '');
  return autoParagraphs(expandWordPressShortcodes(withoutBlocks, expandShortcode, kept));
}

const STATUSES: Record<string, PostStatus> = {
  publish: 'publish',
  draft: 'draft',
  'auto-draft': 'trash',
  pending: 'pending',
  future: 'future',
  private: 'private',
  trash: 'trash',
  inherit: 'trash',
};

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** The path (and query) of an address on the old site, relative to the domain. */
function pathOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return undefined;
  }
}

/** Characters XML 1.0 forbids, which WordPress exports nevertheless contain (pasted text). */
// eslint-disable-next-line no-control-regex -- the characters to remove
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * The text of an export file: gunzipped if it is compressed (`export.xml.gz`), refused if it
 * is a zip archive (WordPress.com sends one) or not UTF-8 (read anyway, its Chinese would be
 * "�"), or too large for one string.
 */
export function exportText(bytes: Buffer): string {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return exportText(gunzipSync(bytes));
    } catch (error) {
      if (error instanceof WxrError) throw error;
      throw new WxrError(
        `the file is compressed (gzip) but cannot be unpacked: ${(error as Error).message}`,
      );
    }
  }
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')))
    throw new WxrError(
      'the file is a zip archive: unzip it and import the .xml export (or each of them) inside',
    );
  if (!isUtf8(bytes)) {
    const lossy = bytes.toString('utf8');
    throw new WxrError(
      'the file is not UTF-8 text, as WordPress writes its exports: save it as UTF-8',
      lossy.slice(0, lossy.indexOf('\uFFFD')).split('\n').length,
    );
  }
  try {
    return bytes.toString('utf8');
  } catch {
    // Longer than the longest string V8 makes.
    throw new WxrError(
      `the export is too large to read at once (${Math.round(bytes.length / 1e6)} MB): export it in parts, by date range (Tools → Export)`,
    );
  }
}

/** The `<channel>` of one export file, checked to be well-formed and a WordPress export. */
export type WxrChannel = Record<string, unknown>;

export function readWxrChannel(source: string): WxrChannel {
  const xml = source.replace(INVALID_XML, '');
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new WxrError(`the file is not well-formed XML: ${valid.err.msg}`, valid.err.line);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    isArray: (_name, path) => ARRAYS.has(String(path)),
  });
  const doc = parser.parse(xml) as Node;
  const channel = (doc.rss as Node | undefined)?.channel as Node | undefined;
  if (
    !channel ||
    !('wp:wxr_version' in channel || 'wp:base_site_url' in channel || 'item' in channel)
  ) {
    throw new WxrError(
      'this is not a WordPress export (WXR): there is no <rss><channel> with WordPress items. Export it from WordPress under Tools → Export.',
    );
  }
  return channel;
}

/**
 * Where the old site served its category and tag archives: WordPress's defaults, or the
 * "Category base" and "Tag base" of its Permalinks settings, which the export does not carry
 * (`--category-base`, `--tag-base`). Without slashes: `topics`, `news/topics`.
 */
export interface ArchiveBases {
  category: string;
  tag: string;
}

export const DEFAULT_ARCHIVE_BASES: ArchiveBases = { category: 'category', tag: 'tag' };

/**
 * A base as given (`/topics/`), without its slashes; undefined when it cannot be one (empty, a
 * space, `?`, `#`, a `.` or `..` segment).
 */
export function archiveBase(value: string): string | undefined {
  const base = value.trim().replace(/^\/+|\/+$/g, '');
  const segments = base.split('/');
  const fine = (segment: string) =>
    /^[\p{L}\p{N}_\-.~%]+$/u.test(segment) && segment !== '.' && segment !== '..';
  return base && segments.every(fine) ? base : undefined;
}

export function parseWxr(source: string, bases: ArchiveBases = DEFAULT_ARCHIVE_BASES): Wxr {
  return wxrOf([readWxrChannel(source)], bases);
}

/**
 * An export read from its files: one, or the several a large site is exported in (WP-CLI's
 * `wp export` splits at 15 MB), each with the site's header and some of its items. Posts,
 * attachments, terms and authors are taken from all of them, so that a post finds its
 * featured image and gallery in another file.
 */
export function wxrOf(
  channels: readonly WxrChannel[],
  bases: ArchiveBases = DEFAULT_ARCHIVE_BASES,
): Wxr {
  const channel = channels[0]!;
  const all = (key: string) => channels.flatMap((c) => (c[key] as Node[] | undefined) ?? []);
  const url = (
    text(channel['wp:base_blog_url']) ||
    text(channel.link) ||
    text(channel['wp:base_site_url'])
  ).replace(/\/+$/, '');
  const site: WxrSite = {
    title: cleanText(text(channel.title)),
    description: cleanText(text(channel.description)),
    url,
    language: text(channel.language) || 'en',
  };
  const hosts = [
    ...new Set(
      [url, ...channels.flatMap((c) => [text(c.link), text(c['wp:base_site_url'])])]
        .map(hostOf)
        .filter((h): h is string => !!h),
    ),
  ];
  const blogPath = pathOf(url)?.replace(/\/+$/, '') ?? '';

  // Terms: names and parents of categories (nested), for the categories posts name.
  const parents = new Map<string, string>();
  const names = new Map<string, string>();
  const descriptions = new Map<string, string>();
  for (const category of all('wp:category')) {
    const slug = decodeSlug(text(category['wp:category_nicename']));
    names.set(slug, cleanText(text(category['wp:cat_name'])));
    const parent = decodeSlug(text(category['wp:category_parent']));
    if (parent) parents.set(slug, parent);
    const description = cleanText(text(category['wp:category_description']));
    if (description) descriptions.set(slug, description);
  }
  // Parents' names and slugs, nearest first (a loop in a broken export ends at its first repeat).
  const ancestry = (slug: string): { names: string[]; slugs: string[] } => {
    const out = { names: [] as string[], slugs: [] as string[] };
    for (let p = parents.get(slug); p && !out.slugs.includes(p); p = parents.get(p)) {
      out.names.push(names.get(p) ?? p);
      out.slugs.push(p);
    }
    return out;
  };
  // An archive's address as WordPress makes it: a nested category's path holds its parents'
  // slugs, outermost first (`/category/minerals/rare-earths/`).
  const archive = (base: string, slugs: readonly string[]) =>
    `${blogPath}/${base}/${slugs.map((s) => encodeURIComponent(s)).join('/')}/`;

  const authors = new Map<string, string>();
  for (const author of all('wp:author')) {
    authors.set(
      text(author['wp:author_login']),
      cleanText(text(author['wp:author_display_name'])) || text(author['wp:author_login']),
    );
  }

  // An item in two of the files given (overlapping exports) is one post, not two with one address.
  const seen = new Set<string>();
  const items = all('item').filter((item) => {
    const id = text(item['wp:post_id']);
    if (id && seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const attachments = new Map<string, Attachment>();
  const otherItems: Record<string, number> = {};
  const otherTerms: Record<string, number> = {};
  const blocks = new Map<string, string>();
  for (const item of items) {
    if (text(item['wp:post_type']) === 'wp_block')
      blocks.set(text(item['wp:post_id']), text(item['content:encoded']));
    if (text(item['wp:post_type']) !== 'attachment') continue;
    attachments.set(text(item['wp:post_id']), {
      id: text(item['wp:post_id']),
      url: text(item['wp:attachment_url']) || text(item.guid),
      title: cleanText(text(item.title)),
      caption: plainText(text(item['excerpt:encoded'])),
      parent: text(item['wp:post_parent']),
    });
  }

  const posts: SourcePost[] = [];
  for (const item of items) {
    const type = text(item['wp:post_type']) || 'post';
    if (type === 'attachment') continue;
    if (type !== 'post' && type !== 'page') {
      otherItems[type] = (otherItems[type] ?? 0) + 1;
      continue;
    }
    const id = text(item['wp:post_id']);
    const warnings: string[] = [];
    const kept: string[] = [];
    const meta = new Map(
      ((item['wp:postmeta'] as Node[] | undefined) ?? []).map((m) => [
        text(m['wp:meta_key']),
        text(m['wp:meta_value']),
      ]),
    );
    let html = prepareBody(
      inlineReusableBlocks(text(item['content:encoded']), blocks, warnings),
      (code) => shortcodeHtml(code, attachments, id),
      kept,
    );
    for (const code of kept)
      warnings.push(`shortcode ${code} has no equivalent here: kept as text`);
    const featured = attachments.get(meta.get('_thumbnail_id') ?? '');
    if (featured && !html.includes(featured.url)) {
      html = `<figure><img src="${escapeAttr(featured.url)}" alt="${escapeAttr(featured.title)}">${featured.caption ? `<figcaption>${escapeText(featured.caption)}</figcaption>` : ''}</figure>\n\n${html}`;
    }
    const wpStatus = text(item['wp:status']);
    const status: PostStatus =
      text(item['wp:post_password']) && wpStatus !== 'trash'
        ? 'protected'
        : (STATUSES[wpStatus] ?? 'draft');
    const link = text(item.link);
    const linkPath = hostOf(link) && hosts.includes(hostOf(link)!) ? pathOf(link) : undefined;
    const query = `${blogPath}/?${type === 'page' ? 'page_id' : 'p'}=${id}`;
    const other = new Set<string>();
    const terms: Term[] = ((item.category as Node[] | undefined) ?? []).flatMap(
      (category): Term[] => {
        const domain = String(category['@domain'] ?? 'category');
        if (domain !== 'category' && domain !== 'post_tag') {
          other.add(domain);
          return [];
        }
        const slug = decodeSlug(String(category['@nicename'] ?? ''));
        const name = cleanText(text(category));
        if (!name) return [];
        if (domain === 'post_tag')
          return [
            { taxonomy: 'tags', name, slug, archives: slug ? [archive(bases.tag, [slug])] : [] },
          ];
        const up = ancestry(slug);
        const path = [...up.slugs].reverse();
        return [
          {
            taxonomy: 'categories',
            name,
            slug,
            parents: up.names,
            parentArchives: up.slugs.map((_, i) =>
              archive(bases.category, path.slice(0, path.length - i)),
            ),
            description: descriptions.get(slug),
            archives: slug ? [archive(bases.category, [...path, slug])] : [],
          },
        ];
      },
    );
    for (const taxonomy of other) otherTerms[taxonomy] = (otherTerms[taxonomy] ?? 0) + 1;
    const login = text(item['dc:creator']);
    posts.push({
      id: `${type} ${id}`,
      kind: type as 'post' | 'page',
      title: cleanText(text(item.title)),
      date: dayOf(
        text(item['wp:post_date']),
        text(item['wp:post_date_gmt']),
        text(item.pubDate),
        text(item['wp:post_modified']),
      ),
      slug: decodeSlug(text(item['wp:post_name'])),
      summary: plainText(text(item['excerpt:encoded'])) || undefined,
      html,
      authors: login ? [authors.get(login) ?? login] : [],
      status,
      terms,
      // The ?p= address first: it never changes, so it is the post's identity on a re-import.
      oldUrls: [...new Set([query, ...(linkPath && !linkPath.includes('?') ? [linkPath] : [])])],
      baseUrl: link || url,
      warnings,
    });
  }
  return { site, posts, attachments: attachments.size, otherItems, otherTerms, hosts };
}
