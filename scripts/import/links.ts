/**
 * Links inside imported posts. A link to another imported post becomes a link to its brief
 * (relative, `../new-slug/`, so it works under any base path); any other link to the old
 * site becomes an absolute address on the old site, so it never turns into a broken link
 * of the new one; links elsewhere are left alone.
 */
import { decodeHTML } from 'entities';
import { markdownToMdast } from 'satteri';
import { embedHost } from '../../src/content/html-policy.ts';
import { MARKDOWN_FEATURES } from '../../src/content/wikilinks.ts';

/** An old address as a lookup key: decoded, without a trailing slash or index file. */
export function oldUrlKey(path: string): string {
  const [rawPath = '', query = ''] = path.split(/\?(.*)/s, 2);
  let decoded = rawPath;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    // Keep a malformed escape as written.
  }
  const clean = `/${decoded.replace(/^\/+/, '')}`
    .replace(/\/index\.(?:html?|php)$/i, '/')
    .replace(/\/+$/, '');
  return `${clean || '/'}${query ? `?${query}` : ''}`;
}

export interface LinkContext {
  /** Old address key → brief slug, for every imported post. */
  slugs: ReadonlyMap<string, string>;
  /** Host names of the old site (without `www.`). */
  hosts: ReadonlySet<string>;
  /** The old site's address, when known, to keep other links to it working. */
  siteUrl?: string | undefined;
}

const PLACEHOLDER_HOST = 'old-site.invalid';

/** Resolves one link of a post whose old address is `postUrl` (absolute or a path). */
export function resolveLink(
  raw: string,
  postUrl: string,
  context: LinkContext,
  unresolved?: (url: string) => void,
): string {
  if (!raw || raw.startsWith('#') || /^(?!https?:)[a-z][a-z0-9+.-]*:/i.test(raw)) return raw;
  let url: URL;
  try {
    const base = /^https?:/.test(postUrl)
      ? postUrl
      : new URL(postUrl, context.siteUrl ?? `https://${PLACEHOLDER_HOST}`).href;
    url = new URL(raw, base);
  } catch {
    return raw;
  }
  const host = url.host.replace(/^www\./, '');
  const onOldSite = host === PLACEHOLDER_HOST || context.hosts.has(host);
  if (!onOldSite) return raw;
  const slug = context.slugs.get(oldUrlKey(`${url.pathname}${url.search}`));
  if (slug) return `../${slug}/${url.hash}`;
  if (host !== PLACEHOLDER_HOST) return url.href;
  // A path of an old site whose address is unknown: it would be a broken link here.
  unresolved?.(raw);
  return raw;
}

/** A src or href attribute in a tag, its value quoted: group 1 what precedes the quote. */
const HTML_URL = /(<[a-z][^<>]*?\s(?:src|href)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi;

/** A whole iframe within one piece of raw HTML (an embed code on its own line). */
const IFRAME = /<iframe\b([^<>]*)>[\s\S]*?<\/iframe\s*>/gi;

/** An attribute's value in a tag's attribute text. */
const attribute = (attrs: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i')
    .exec(attrs)
    ?.slice(1)
    .find((v) => v !== undefined);

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

interface MdNode {
  type: string;
  url?: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: MdNode[];
}

/**
 * Rewrites the URL of every link, image and link definition of a Markdown body, and of every
 * src and href of its raw HTML (an iframe of a host not in `embeds` becoming a link), found by
 * the Markdown parser (so nothing in code is touched),
 * and escapes text that would read here as a `[[wikilink]]`: the old site showed it as
 * written, and here an unknown name stops the build. The rest of the text is left as written.
 */
export function rewriteMarkdownLinks(
  markdown: string,
  resolve: (url: string) => string,
  embeds: readonly string[] = [],
): string {
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const visit = (node: MdNode) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'html' && start !== undefined && end !== undefined) {
      // Raw HTML (`<img src="/assets/a.png">`): its addresses are the post's as much as its
      // Markdown links are. The parser has isolated the tags; their src and href are read here.
      const source = markdown.slice(start, end);
      // An iframe of a host the site does not trust is removed on publishing, with what it
      // showed: a link to it keeps that, as for WordPress posts (html-to-markdown.ts).
      const replaced: Array<[number, number]> = [];
      for (const m of source.matchAll(IFRAME)) {
        const src = attribute(m[1]!, 'src');
        const url = src && resolve(decodeHTML(src)).replace(/^\/\//, 'https://');
        if (!url || !/^https?:\/\//i.test(url) || !URL.canParse(url) || embedHost(url, embeds))
          continue;
        const label =
          decodeHTML(attribute(m[1]!, 'title') ?? '') ||
          // Without "www.", which Markdown would make a link of its own inside this one.
          `Embedded from ${new URL(url).hostname.replace(/^www\./, '')}`;
        const link = `<a href="${escapeAttribute(url)}">${label.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</a>`;
        edits.push({ start: start + m.index, end: start + m.index + m[0].length, text: link });
        replaced.push([m.index, m.index + m[0].length]);
      }
      for (const m of source.matchAll(HTML_URL)) {
        if (replaced.some(([from, to]) => m.index >= from && m.index < to)) continue;
        const written = m[2] ?? m[3] ?? '';
        const next = resolve(decodeHTML(written));
        if (next === decodeHTML(written)) continue;
        const at = start + m.index + m[1]!.length + 1;
        edits.push({ start: at, end: at + written.length, text: escapeAttribute(next) });
      }
    }
    if (
      (node.type === 'link' || node.type === 'image' || node.type === 'definition') &&
      node.url !== undefined
    ) {
      if (start !== undefined && markdown.startsWith('[[', start))
        edits.push({ start, end: start, text: '\\' });
      else if (start !== undefined && end !== undefined) {
        const source = markdown.slice(start, end);
        const next = resolve(node.url);
        // The URL as written: in (…) or after "]: ", possibly in <…>.
        const written = [
          `(${node.url}`,
          `(<${node.url}>`,
          `]: ${node.url}`,
          `]: <${node.url}>`,
        ].find((w) => source.includes(w));
        if (next !== node.url && written) {
          const at = start + source.lastIndexOf(written) + written.indexOf(node.url);
          edits.push({ start: at, end: at + node.url.length, text: next });
        }
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(markdownToMdast(markdown, { features: MARKDOWN_FEATURES }) as MdNode);
  let out = markdown;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
