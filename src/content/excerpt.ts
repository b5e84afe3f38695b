/**
 * A brief without a summary gets one from its first paragraph of text, read by the same
 * Markdown parser as the page (Sätteri), so headings, images, HTML blocks, code and footnote
 * marks never leak into lists, feeds and search results.
 */
import { markdownToMdast, type MdastNode, mdxToMdast } from 'satteri';
import { MARKDOWN_FEATURES, type BodyFormat } from './wikilinks.ts';

interface Node {
  type: string;
  value?: unknown;
  children?: Node[];
}

/** What a reader would read of an inline node: text, code and link text; no images or HTML. */
function textOf(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return String(node.value ?? '');
  if (node.type === 'break') return ' ';
  if (node.type === 'image' || node.type === 'imageReference' || node.type === 'html') return ' ';
  if (node.type === 'footnoteReference' || node.type.startsWith('mdx')) return '';
  return (node.children ?? []).map(textOf).join('');
}

/** Cuts text to at most `max` characters at a sentence end or else a word, adding "…". */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const sentence = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('。'), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  if (sentence > max * 0.5) return cut.slice(0, sentence + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

/**
 * The plain text of the first paragraph that has any, at most `max` characters; '' for a
 * body without one (or an MDX body that does not parse: the check reports that itself).
 */
export function firstParagraph(body: string, format: BodyFormat = 'md', max = 300): string {
  let tree: MdastNode;
  try {
    const options = { features: MARKDOWN_FEATURES };
    tree = format === 'mdx' ? mdxToMdast(body, options) : markdownToMdast(body, options);
  } catch {
    return '';
  }
  for (const node of (tree as Node).children ?? []) {
    if (node.type !== 'paragraph') continue;
    const text = textOf(node).replace(/\s+/g, ' ').trim();
    if (text) return shorten(text, max);
  }
  return '';
}
