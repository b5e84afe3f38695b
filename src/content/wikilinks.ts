/**
 * Wikilinks in brief and profile bodies: [[Name or alias]] or [[kind/slug|shown text]].
 *
 * The one grammar: Sätteri, Astro's Markdown parser, finds them (its `wikilinks` feature),
 * both here, where the check and the link graph read a body, and when the body is rendered
 * (src/astro/wikilink-plugin.ts), so a link the check sees is exactly a link the page shows,
 * and nothing in code, in an MDX expression or behind a backslash is ever taken for one.
 */
import {
  defineMdastPlugin,
  htmlToHast,
  markdownToHtml,
  type MdastPluginDefinition,
  mdxToJs,
} from 'satteri';
import { type HtmlPolicy, removals, STRIPPED_TAGS } from './html-policy.ts';

const STRIPPED = new Set<string>(STRIPPED_TAGS);
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
export function wikilinkOf(
  node: LinkNode,
  source: string,
): Omit<Wikilink, 'line' | 'column'> | undefined {
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
  /** What the HTML allowlist will remove from the body when it is published (with `html`). */
  removed: MdxIssue[];
}

export interface BodyChecks {
  /** The MDX rules, for MDX that is not trusted. */
  mdx?: MdxRules | undefined;
  /** The HTML allowlist, to tell the author what publishing removes. */
  html?: HtmlPolicy | undefined;
}

/**
 * One parse of a body: its wikilinks; for MDX with `checks.mdx` (MDX that is not trusted),
 * every import, export, expression and element the rules refuse; with `checks.html`, the raw
 * HTML and link addresses that publishing will remove.
 */
export function readBody(
  body: string,
  format: BodyFormat = 'md',
  checks: BodyChecks = {},
): BodyReading {
  const links: Wikilink[] = [];
  const removed: MdxIssue[] = [];
  const policy = checks.html;
  const line = (node: { position?: { start: { line: number } } | undefined }) =>
    node.position?.start.line ?? 1;
  const checkUrl = (
    node: { url: string; position?: { start: { line: number } } | undefined },
    tagName: 'a' | 'img',
  ) => {
    const key = tagName === 'a' ? 'href' : 'src';
    for (const message of removals({ tagName, properties: { [key]: node.url } }, policy!))
      removed.push({
        line: line(node),
        message: message.replace(`of <${tagName}>`, tagName === 'a' ? 'of a link' : 'of an image'),
      });
  };
  const collect: MdastPluginDefinition = defineMdastPlugin({
    name: 'briefing-find-wikilinks',
    options: { position: true },
    link(node) {
      const link = wikilinkOf(node, body);
      if (link)
        links.push({
          ...link,
          line: node.position!.start.line,
          column: node.position!.start.column,
        });
      else if (policy) checkUrl(node, 'a');
    },
    ...(policy
      ? {
          image(node: { url: string; position?: { start: { line: number } } | undefined }) {
            checkUrl(node, 'img');
          },
          definition(node: { url: string; position?: { start: { line: number } } | undefined }) {
            checkUrl(node, 'a');
          },
          html(node: { value: string; position?: { start: { line: number } } | undefined }) {
            if (format !== 'md') return;
            for (const message of rawHtmlRemovals(node.value, policy))
              removed.push({ line: line(node), message: `raw HTML: ${message}` });
          },
        }
      : {}),
  });
  const options = { features: MARKDOWN_FEATURES, mdastPlugins: [collect] };
  const mdxIssues: MdxIssue[] = [];
  if (format === 'md') {
    // A Markdown body cannot fail to parse, so one with nothing to find skips the parser: every
    // wikilink starts with "[[", raw HTML and autolinks with "<", links with "](" or "]:".
    const nothingToCheck = !policy || !/<|\]\(|\]:/.test(body);
    if (!body.includes('[[') && nothingToCheck) return { links, mdxIssues, removed };
    markdownToHtml(body, options);
    return { links, mdxIssues, removed };
  }
  try {
    mdxToJs(body, {
      ...options,
      hastPlugins: checks.mdx ? [mdxRulesPlugin(checks.mdx, mdxIssues)] : [],
    });
  } catch (error) {
    // Sätteri's MDX errors start with "line:column: ".
    const message = (error as Error).message;
    const at = /^(\d+):(\d+)(?:-\d+:\d+)?: /.exec(message);
    throw new BodySyntaxError(at ? message.slice(at[0].length) : message, at ? Number(at[1]) : 1);
  }
  return { links, mdxIssues, removed };
}

/** What the allowlist removes from one piece of raw HTML (an element's start tag, or a block). */
function rawHtmlRemovals(html: string, policy: HtmlPolicy): string[] {
  const out: string[] = [];
  const walk = (node: {
    type: string;
    tagName?: string;
    properties?: Record<string, unknown>;
    children?: unknown[];
  }) => {
    if (node.type === 'element') {
      out.push(
        ...removals(
          { tagName: node.tagName!, properties: (node.properties ?? {}) as never },
          policy,
        ),
      );
      if (STRIPPED.has(node.tagName!)) return; // its content goes with it: no word on each part
    }
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(htmlToHast(html, { fragment: true }) as never);
  return out;
}
