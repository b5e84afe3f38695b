/**
 * Wikilinks in brief and profile bodies: [[Name or alias]] or [[kind/slug|shown text]].
 *
 * The one grammar: Sätteri, Astro's Markdown parser, finds them (its `wikilinks` feature),
 * both here, where the check and the link graph read a body, and when the body is rendered
 * (src/astro/wikilink-plugin.ts), so a link the check sees is exactly a link the page shows,
 * and nothing in code, in an MDX expression or behind a backslash is ever taken for one.
 */
import { defineMdastPlugin, markdownToHtml, type MdastPluginDefinition, mdxToJs } from 'satteri';
import { type MdxIssue, type MdxRules, mdxRulesPlugin } from './mdx-rules.ts';

export interface Wikilink {
  /** What is inside the brackets before any `|`, trimmed. */
  target: string;
  /** The text after `|`, if any. */
  label?: string;
  /** 1-based line and column within the body passed in. */
  line: number;
  column: number;
}

/** What every body is parsed with, here and by Astro (src/astro/markdown.ts). */
export const MARKDOWN_FEATURES = { wikilinks: true } as const;

export type BodyFormat = 'md' | 'mdx';

interface LinkNode {
  position?: { start: { offset?: number | undefined; line: number; column: number } } | undefined;
}

/**
 * The wikilink a parsed link node stands for, or undefined for an ordinary link. Sätteri
 * gives wikilinks and `[text](url)` links the same node: the source at its start tells.
 * Plugins that call this must ask Sätteri for positions (`options: { position: true }`).
 */
export function wikilinkOf(node: LinkNode, source: string): Omit<Wikilink, 'line' | 'column'> | undefined {
  const start = node.position?.start.offset;
  if (start === undefined || !source.startsWith('[[', start)) return undefined;
  const end = source.indexOf(']]', start);
  if (end < 0) return undefined;
  const inside = source.slice(start + 2, end);
  const bar = inside.indexOf('|');
  const target = (bar < 0 ? inside : inside.slice(0, bar)).trim();
  const label = bar < 0 ? '' : inside.slice(bar + 1).trim();
  if (!target) return undefined;
  return label ? { target, label } : { target };
}

/** Raised for a body that does not parse (only MDX can fail): `line` is within the body. */
export class BodySyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

/** Every wikilink of a body, in document order. */
export function findWikilinks(body: string, format: BodyFormat = 'md'): Wikilink[] {
  return readBody(body, format).links;
}

export interface BodyReading {
  links: Wikilink[];
  /** What an MDX body does that untrusted MDX may not (empty without `rules`). */
  mdxIssues: MdxIssue[];
}

/**
 * One parse of a body: its wikilinks and, for MDX with `rules` (MDX that is not trusted),
 * every import, export, expression and element the rules refuse.
 */
export function readBody(body: string, format: BodyFormat = 'md', rules?: MdxRules): BodyReading {
  const links: Wikilink[] = [];
  const collect: MdastPluginDefinition = defineMdastPlugin({
    name: 'briefing-find-wikilinks',
    options: { position: true },
    link(node) {
      const link = wikilinkOf(node, body);
      if (link) links.push({ ...link, line: node.position!.start.line, column: node.position!.start.column });
    },
  });
  const options = { features: MARKDOWN_FEATURES, mdastPlugins: [collect] };
  const mdxIssues: MdxIssue[] = [];
  if (format === 'md') {
    markdownToHtml(body, options);
    return { links, mdxIssues };
  }
  try {
    mdxToJs(body, { ...options, hastPlugins: rules ? [mdxRulesPlugin(rules, mdxIssues)] : [] });
  } catch (error) {
    // Sätteri's MDX errors start with "line:column: ".
    const message = (error as Error).message;
    const at = /^(\d+):(\d+)(?:-\d+:\d+)?: /.exec(message);
    throw new BodySyntaxError(at ? message.slice(at[0].length) : message, at ? Number(at[1]) : 1);
  }
  return { links, mdxIssues };
}
