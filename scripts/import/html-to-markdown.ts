/**
 * HTML → Markdown for imported posts: turndown with the GFM plugin (tables, strikethrough,
 * task lists) and a few rules of our own for what blogs are made of: figures with captions,
 * code blocks with their language, footnotes (WordPress's footnotes block and the common
 * `#fn` pattern) as Markdown footnotes, video and audio as links to their files, and links
 * and images resolved against the old site, and iframes as links unless the site trusts
 * their host. HTML that Markdown cannot express (trusted iframes, complex tables) is kept as
 * HTML, for the site's sanitiser to judge; scripts and styles are dropped.
 */
import { gfm } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';
import { embedHost } from '../../src/content/html-policy.ts';

export interface ConvertOptions {
  /** An address in the post (href or src, maybe relative) → the address to write. */
  resolveUrl?: (url: string) => string;
}

/** The DOM of turndown's parser, as much of it as these rules use. */
interface Element {
  nodeName: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
  parentNode: Element | null;
  ownerDocument: { getElementById(id: string): Element | null };
  className: string;
  textContent: string | null;
  innerHTML: string;
  outerHTML: string;
  childNodes: ArrayLike<Element>;
}

const el = (node: TurndownService.Node) => node as unknown as Element;

const LANGUAGE = /(?:^|\s)(?:language|lang|brush)[-:]\s*([\w#+-]+)/i;

/** The language of a code block from its classes (`language-js`, `brush: php`, `lang:python`). */
export function codeLanguage(...classNames: Array<string | null | undefined>): string {
  for (const name of classNames) {
    const match = name ? LANGUAGE.exec(name) : null;
    if (match) return match[1]!.toLowerCase();
  }
  return '';
}

/** A fence longer than any run of backticks in the code. */
function fence(code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

/** The footnote list item a `<sup><a href="#id">` points to, if it is one. */
function footnoteTarget(node: Element): Element | undefined {
  const anchor = node.nodeName === 'SUP' ? node.querySelector('a[href^="#"]') : null;
  if (!anchor || (node.textContent ?? '').trim() !== (anchor.textContent ?? '').trim())
    return undefined;
  let id = anchor.getAttribute('href')!.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // A stray "%" (`#5%`): the id as written.
  }
  const target = id ? node.ownerDocument.getElementById(id) : null;
  if (!target || target.nodeName !== 'LI') return undefined;
  const list = target.parentNode;
  return list && isFootnoteList(list) ? target : undefined;
}

function isFootnoteList(node: Element): boolean {
  if (node.nodeName !== 'OL') return false;
  const classes = ` ${node.className} `;
  const parent = node.parentNode;
  return (
    classes.includes(' wp-block-footnotes ') ||
    classes.includes(' footnotes ') ||
    (!!parent && / footnotes /.test(` ${parent.className ?? ''} `))
  );
}

const listItems = (list: Element) => Array.from(list.childNodes).filter((n) => n.nodeName === 'LI');

/** Footnote labels by list item, numbered in list order. */
function footnoteLabel(item: Element): string {
  return String(listItems(item.parentNode!).indexOf(item) + 1);
}

/**
 * A converter; each call of `toMarkdown` may resolve addresses its own way. `embeds` are the
 * site's trusted embed hosts (`embeds` in site.yaml): only their iframes are published.
 */
export function createConverter(
  embeds: readonly string[] = [],
): (html: string, options?: ConvertOptions) => string {
  let resolveUrl: (url: string) => string = (url) => url;
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
    strongDelimiter: '**',
  });
  service.use(gfm);
  // Text that reads as HTML once in Markdown (a post about the `&lt;iframe&gt;` tag, a
  // literal `&amp;lt;`) would be parsed as a tag or a character reference, and the sanitiser
  // would drop it: escaped, it stays the text it was.
  const escapeMarkdown = service.escape.bind(service);
  service.escape = (text) =>
    escapeMarkdown(text)
      .replace(/<(?=[A-Za-z/!?])/g, '\\<')
      .replace(/&(?=#?\w+;)/g, '\\&');
  service.remove(['script', 'style', 'noscript', 'link', 'meta', 'title', 'template']);
  // What Markdown cannot say is kept as HTML; the site's sanitiser decides what survives.
  service.keep(['object', 'embed', 'details', 'summary', 'abbr', 'sub', 'sup', 'mark']);

  service.addRule('links', {
    filter: (node) => node.nodeName === 'A' && !!el(node).getAttribute('href'),
    replacement: (content, node) => {
      const element = el(node);
      const href = resolveUrl(element.getAttribute('href')!.trim());
      const text = content.trim() || href;
      const title = element.getAttribute('title');
      const safeHref = href.replace(/[()\s]/g, (c) => encodeURIComponent(c));
      return `[${text}](${safeHref}${title ? ` "${title.replace(/"/g, '\\"')}"` : ''})`;
    },
  });

  service.addRule('images', {
    filter: 'img',
    replacement: (_content, node) => {
      const element = el(node);
      const src = element.getAttribute('src');
      if (!src) return '';
      const alt = (element.getAttribute('alt') ?? '').replace(/[[\]\n]/g, ' ').trim();
      const url = resolveUrl(src.trim()).replace(/[()\s]/g, (c) => encodeURIComponent(c));
      const title = element.getAttribute('title');
      return `![${alt}](${url}${title ? ` "${title.replace(/"/g, '\\"')}"` : ''})`;
    },
  });

  // A figure: its image (or other content), then its own caption as a line of its own. Only
  // a child figcaption is the figure's: a gallery's images are figures with captions of theirs.
  const ownCaption = (figure: Element) =>
    Array.from(figure.childNodes).find((child) => child.nodeName === 'FIGCAPTION');
  service.addRule('figures', {
    filter: 'figure',
    replacement: (content, node) => {
      const caption = ownCaption(el(node));
      const text = caption ? service.turndown(caption.innerHTML).replace(/\n+/g, ' ').trim() : '';
      const styled = text && !text.includes('*') ? `*${text}*` : text;
      return `\n\n${content.trim()}${styled ? `\n\n${styled}` : ''}\n\n`;
    },
  });
  service.addRule('figureCaptions', {
    filter: 'figcaption',
    replacement: (content, node) => (el(node).parentNode?.nodeName === 'FIGURE' ? '' : content),
  });

  // An iframe of a host the site does not trust is removed on publishing, with what it showed:
  // a link to it keeps that (a re-import after adding the host to `embeds` keeps the iframe).
  service.addRule('iframes', {
    filter: 'iframe',
    replacement: (_content, node) => {
      const element = el(node);
      // Old embeds often leave out the scheme (`//www.youtube.com/embed/…`).
      const src = (element.getAttribute('src') ?? '').trim().replace(/^\/\//, 'https://');
      // Anything but a web page (srcdoc, no src) is the sanitiser's to judge and report.
      if (embedHost(src, embeds) || !/^https?:\/\//i.test(src) || !URL.canParse(src)) {
        if (src) element.setAttribute('src', src);
        return `\n\n${element.outerHTML}\n\n`;
      }
      const host = new URL(src).hostname;
      // Without "www.", which Markdown would make a link of its own inside this one.
      const label =
        (element.getAttribute('title') ?? '').trim() ||
        `Embedded from ${host.replace(/^www\./, '')}`;
      return `\n\n[${service.escape(label)}](${src.replace(/[()\s]/g, (c) => encodeURIComponent(c))})\n\n`;
    },
  });

  // The site publishes no <video> or <audio> (its HTML allowlist has neither), so a video or
  // audio block becomes a link to its file, as the [video] and [audio] shortcodes do.
  service.addRule('media', {
    filter: ['video', 'audio'],
    replacement: (_content, node) => {
      const element = el(node);
      const src =
        element.getAttribute('src') ?? element.querySelector('source[src]')?.getAttribute('src');
      if (!src) return '';
      const url = resolveUrl(src.trim());
      const file =
        url
          .replace(/[?#].*$/, '')
          .split('/')
          .pop() ?? url;
      const label = `${node.nodeName === 'VIDEO' ? 'Video' : 'Audio'}: ${service.escape(file)}`;
      return `[${label}](${url.replace(/[()\s]/g, (c) => encodeURIComponent(c))})`;
    },
  });

  service.addRule('codeBlocks', {
    filter: (node) => node.nodeName === 'PRE',
    replacement: (_content, node) => {
      const element = el(node);
      const code = element.querySelector('code');
      const text = (code ?? element).textContent ?? '';
      const language = codeLanguage(
        element.className,
        code?.className,
        element.getAttribute('data-language') ?? undefined,
      );
      const marks = fence(text);
      return `\n\n${marks}${language}\n${text.replace(/\n$/, '')}\n${marks}\n\n`;
    },
  });

  service.addRule('footnoteReferences', {
    filter: (node) => !!footnoteTarget(el(node)),
    replacement: (_content, node) => `[^${footnoteLabel(footnoteTarget(el(node))!)}]`,
  });
  service.addRule('footnoteLists', {
    filter: (node) => isFootnoteList(el(node)),
    replacement: (_content, node) => {
      const items = listItems(el(node));
      const notes = items.map((item, i) => {
        // The note without its "back to the text" link.
        const html = item.innerHTML.replace(
          /<a\b[^>]*href="#[^"]*"[^>]*>\s*(?:↩︎?|↑|\^|&#8617;(?:&#65038;)?)\s*<\/a>/g,
          '',
        );
        const text = service.turndown(html).replace(/\n+/g, ' ').trim();
        return `[^${i + 1}]: ${text}`;
      });
      return `\n\n${notes.join('\n')}\n\n`;
    },
  });
  // The footnotes block's own wrapper adds nothing.
  service.addRule('footnoteSections', {
    filter: (node) =>
      (node.nodeName === 'DIV' || node.nodeName === 'SECTION') &&
      / footnotes /.test(` ${el(node).className} `),
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  });

  return (html, options = {}) => {
    resolveUrl = options.resolveUrl ?? ((url) => url);
    const markdown = service.turndown(html);
    return markdown.replace(/\n{3,}/g, '\n\n').trim();
  };
}
