/**
 * The text a reader reads in a body, by the same Markdown parser as the page (Sätteri): a
 * brief without a summary gets one from its first paragraph, so headings, images, HTML blocks,
 * code and footnote marks never leak into lists, feeds and search results; and tagging
 * suggestions look for entity names in prose only, never in code, addresses or markup.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import { MARKDOWN_FEATURES, type BodyFormat } from './wikilinks.ts';

interface Node {
  type: string;
  value?: unknown;
  children?: Node[];
}

/** Raw HTML elements that publishing removes with their content (src/astro/sanitize-plugin.ts). */
const OPENS_HIDDEN = /^<(script|style|template)\b/i;

/**
 * The children a reader sees: in Markdown the text between an inline `<script>` and its
 * `</script>` is a node of its own, which the page never shows, so no summary may either.
 */
function visible(children: readonly Node[] = []): Node[] {
  const out: Node[] = [];
  let hidden: string | undefined;
  for (const child of children) {
    const html = child.type === 'html' ? String(child.value ?? '') : '';
    if (hidden) {
      if (new RegExp(`^</${hidden}\\s*>`, 'i').test(html)) hidden = undefined;
      continue;
    }
    const opened = OPENS_HIDDEN.exec(html);
    if (opened && !new RegExp(`</${opened[1]}\\s*>`, 'i').test(html)) hidden = opened[1];
    out.push(child);
  }
  return out;
}

/** What a reader would read of an inline node: text, code and link text; no images or HTML. */
function textOf(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return String(node.value ?? '');
  if (node.type === 'break') return ' ';
  if (node.type === 'image' || node.type === 'imageReference') return ' ';
  // An inline tag such as <b> adds no space to the text around it; a line break does.
  if (node.type === 'html') return /^<br\b/i.test(String(node.value ?? '')) ? ' ' : '';
  if (node.type === 'footnoteReference' || node.type.startsWith('mdx')) return '';
  return visible(node.children).map(textOf).join('');
}

function parse(body: string, format: BodyFormat): Node | undefined {
  try {
    const options = { features: MARKDOWN_FEATURES };
    return (format === 'mdx' ? mdxToMdast(body, options) : markdownToMdast(body, options)) as Node;
  } catch {
    return undefined;
  }
}

/** Every block's text (paragraphs, headings, table cells), a blank line between; no code or HTML. */
export function bodyText(body: string, format: BodyFormat = 'md'): string {
  const blocks: string[] = [];
  const walk = (node: Node) => {
    if (node.type === 'code' || node.type === 'html' || node.type.startsWith('mdx')) return;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      blocks.push(inlineText(node));
      return;
    }
    for (const child of node.children ?? []) walk(child);
  };
  const tree = parse(body, format);
  if (tree) walk(tree);
  return blocks.join('\n\n');
}

/** Inline text for matching names: like textOf, without inline code. */
function inlineText(node: Node): string {
  if (node.type === 'text') return String(node.value ?? '');
  if (node.type === 'inlineCode' || node.type === 'html' || node.type === 'image') return ' ';
  if (node.type === 'break') return ' ';
  return visible(node.children).map(inlineText).join('');
}

/** Cuts text to at most `max` characters at a sentence end or else a word, adding "…". */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  // Not between the two halves of a character outside the BMP (emoji, rare Han such as 𠮷):
  // half of one is not text, and is written as "�".
  const cut = text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '');
  const sentence = Math.max(
    cut.lastIndexOf('. '),
    cut.lastIndexOf('。'),
    cut.lastIndexOf('! '),
    cut.lastIndexOf('? '),
  );
  if (sentence > max * 0.5) return cut.slice(0, sentence + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

/**
 * The plain text of the first paragraph that has any, at most `max` characters; '' for a
 * body without one (or an MDX body that does not parse: the check reports that itself).
 */
export function firstParagraph(body: string, format: BodyFormat = 'md', max = 300): string {
  const tree = parse(body, format);
  for (const node of tree?.children ?? []) {
    if (node.type !== 'paragraph') continue;
    const text = textOf(node).replace(/\s+/g, ' ').trim();
    if (text) return shorten(text, max);
  }
  return '';
}
