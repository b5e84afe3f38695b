/**
 * MDX is code: an import, an export or an expression in `{…}` runs when the site is built, with
 * the builder's files and environment. Unless site.yaml says `trustMdx: true`, an MDX body may
 * only use the author components (src/components/mdx/), write data (text, numbers, lists,
 * objects) in expressions, and write the HTML elements and attributes the Markdown allowlist
 * keeps (src/content/html-policy.ts). The rules run inside the one parse of the body that
 * finds its wikilinks (src/content/wikilinks.ts), as a Sätteri HAST plugin.
 */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { parse as parseJs, parseExpressionAt, type Node as JsNode } from 'acorn';
import { find, html } from 'property-information';
import { defineHastPlugin, type HastPluginDefinition } from 'satteri';
import {
  CLOBBER_PREFIX,
  embedHost,
  EMBED_ATTRIBUTES,
  type HtmlPolicy,
  judgeElement,
  MAPPED_TAGS,
  URL_PROTOCOLS,
} from './html-policy.ts';

/** Where the components authors may use live, relative to the project root. */
export const AUTHOR_COMPONENTS_DIR = 'src/components/mdx';

export interface MdxRules {
  /** The author components by name (KeyDates), from AUTHOR_COMPONENTS_DIR. */
  components: readonly string[];
  policy: HtmlPolicy;
  /** The body's file, relative to the project root: imports are resolved from it. */
  filePath: string;
  /** The project root (absolute), where AUTHOR_COMPONENTS_DIR is. */
  root: string;
  /** `trustMdx: true`: only an import of a file that does not exist is reported. */
  trusted?: boolean | undefined;
}

export interface MdxIssue {
  /** 1-based line within the body. */
  line: number;
  message: string;
  hint?: string;
}

const TRUST_HINT =
  'if this site trusts every MDX author to run code, set `trustMdx: true` in site.yaml';

/** Names that reach the builder's process, files or code loader from an expression. */
const DANGEROUS = /\b(process|require|import|eval|Function|globalThis|constructor|__proto__)\b/;

/** Trusted MDX may import anything, but a relative import must lead to a file. */
function missingImportsPlugin(rules: MdxRules, issues: MdxIssue[]): HastPluginDefinition {
  return defineHastPlugin({
    name: 'briefing-mdx-imports',
    options: { position: true },
    mdxjsEsm(node) {
      const start = node.position?.start.line ?? 1;
      let program;
      try {
        program = parseJs(node.value, {
          ecmaVersion: 'latest',
          sourceType: 'module',
          locations: true,
        });
      } catch {
        return; // the MDX compiler reports what it cannot parse
      }
      for (const statement of program.body) {
        if (statement.type !== 'ImportDeclaration') continue;
        const specifier = String(statement.source.value);
        if (!specifier.startsWith('./') && !specifier.startsWith('../')) continue;
        if (existsSync(resolve(rules.root, dirname(rules.filePath), specifier))) continue;
        issues.push({
          line: start + statement.loc!.start.line - 1,
          message: `imports "${specifier}", which does not exist`,
          hint: 'the path is relative to this file',
        });
      }
    },
  });
}

/** The plugin that records every rule broken in a body into `issues`. */
export function mdxRulesPlugin(rules: MdxRules, issues: MdxIssue[]): HastPluginDefinition {
  if (rules.trusted) return missingImportsPlugin(rules, issues);
  const components = new Set(rules.components);
  const lineOf = (node: { position?: { start: { line: number } } | undefined }) =>
    node.position?.start.line ?? 1;
  const expression = (source: string, line: number, where: string) => {
    const problem = expressionProblem(source);
    if (problem) issues.push({ line, message: `${where}${problem}`, hint: TRUST_HINT });
  };
  const element = {
    filter: [],
    visit(node: JsxElement) {
      const line = lineOf(node);
      for (const message of elementProblems(node, components, rules.policy))
        issues.push({ line, message, hint: TRUST_HINT });
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxExpressionAttribute')
          expression(`({${attribute.value}})`, line, `the attributes {${attribute.value}}: `);
        else if (attribute.value && typeof attribute.value === 'object')
          expression(attribute.value.value, line, `the attribute ${attribute.name}: `);
      }
    },
  };
  return defineHastPlugin({
    name: 'briefing-mdx-rules',
    options: { position: true },
    mdxjsEsm(node) {
      const start = lineOf(node);
      let program;
      try {
        program = parseJs(node.value, {
          ecmaVersion: 'latest',
          sourceType: 'module',
          locations: true,
        });
      } catch (error) {
        issues.push({
          line: start,
          message: `the import or export cannot be read: ${(error as Error).message}`,
        });
        return;
      }
      for (const statement of program.body) {
        const line = start + statement.loc!.start.line - 1;
        if (statement.type !== 'ImportDeclaration') {
          issues.push({
            line,
            message: 'an MDX body may not export code: exports run when the site is built',
            hint: TRUST_HINT,
          });
          continue;
        }
        const specifier = String(statement.source.value);
        const component = authorComponentOf(specifier, rules.filePath, rules.root);
        if (!component || !components.has(component)) {
          issues.push({
            line,
            message: `imports "${specifier}": an MDX body may only import the author components in ${AUTHOR_COMPONENTS_DIR}/ (${[...components].join(', ') || 'none'})`,
            hint: `the author components need no import at all; ${TRUST_HINT}`,
          });
        }
      }
    },
    mdxFlowExpression(node) {
      expression(node.value, lineOf(node), '');
    },
    mdxTextExpression(node) {
      expression(node.value, lineOf(node), '');
    },
    mdxJsxFlowElement: element,
    mdxJsxTextElement: element,
  });
}

interface JsxAttribute {
  type: 'mdxJsxAttribute';
  name: string;
  value?: string | { type: string; value: string } | null | undefined;
}
interface JsxElement {
  name: string | null;
  attributes: Array<JsxAttribute | { type: 'mdxJsxExpressionAttribute'; value: string }>;
  position?: { start: { line: number } } | undefined;
}

function elementProblems(node: JsxElement, components: Set<string>, policy: HtmlPolicy): string[] {
  const name = node.name;
  if (!name) return []; // a fragment, <>…</>
  if (/^[A-Z]|\./.test(name)) {
    return components.has(name)
      ? []
      : [`<${name}> is not one of the author components (${[...components].join(', ') || 'none'})`];
  }
  if (MAPPED_TAGS[name]) return [`<${name}> is obsolete: write <${MAPPED_TAGS[name]}> instead`];
  // Nothing sanitises MDX elements when they are published (src/astro/sanitize-plugin.ts):
  // what the check cannot read here (a spread's onclick or set:html) would reach the page.
  const unchecked: string[] = [];
  const properties: Record<string, string | boolean> = {};
  const names = new Map<string, string>();
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') {
      unchecked.push(
        `the attributes {${short(attribute.value)}} on <${name}> cannot be checked: write each attribute as name="value"`,
      );
      continue;
    }
    const property = find(html, attribute.name).property;
    names.set(property, attribute.name);
    const value = attribute.value;
    const literal =
      value === null || value === undefined
        ? true
        : typeof value === 'string'
          ? value
          : literalString(value.value);
    // An address from an expression (`href={frontmatter.title}`) is only known at build time.
    if (literal === undefined && property in URL_PROTOCOLS)
      unchecked.push(
        `the address in ${attribute.name}={…} on <${name}> cannot be checked: write it as ${attribute.name}="…"`,
      );
    properties[property] = literal ?? '';
  }
  return [...unchecked, ...attributeProblems(name, properties, names, policy)];
}

/** What the allowlist says of an element's tag and attributes (with their values as written). */
function attributeProblems(
  name: string,
  properties: Record<string, string | boolean>,
  names: ReadonlyMap<string, string>,
  policy: HtmlPolicy,
): string[] {
  if (name === 'iframe') {
    if (!embedHost(properties.src, policy.embeds))
      return [
        `<iframe> may only embed an https page of a host listed under \`embeds\` in site.yaml (${policy.embeds.join(', ') || 'none yet'})`,
      ];
    const extra = Object.keys(properties).filter(
      (p) => !(EMBED_ATTRIBUTES as readonly string[]).includes(p),
    );
    return extra.map(
      (p) =>
        `the attribute ${names.get(p)} is not allowed on an embed (only ${EMBED_ATTRIBUTES.join(', ')})`,
    );
  }
  const verdict = judgeElement({ tagName: name, properties }, policy);
  if (verdict.action === 'replace') return [`the element <${name}> is not allowed in a body`];
  if (verdict.action === 'keep') return [];
  return Object.entries(verdict.changes)
    .filter(([, value]) => value === null || isPrefixed(value))
    .map(([property, after]) => {
      const attribute = names.get(property) ?? property;
      const value = properties[property];
      // Markdown's ids gain the prefix when published; an MDX element is published as written.
      if (after !== null)
        return `the ${attribute} "${String(value)}" on <${name}> could clash with the page's own ids and names: write ${attribute}="${[after].flat().join(' ')}"`;
      if (/^on/i.test(attribute))
        return `the event handler ${attribute} on <${name}> runs script: it is not allowed`;
      if (
        typeof value === 'string' &&
        /^\s*[a-z][a-z0-9+.-]*:/i.test(value) &&
        ['href', 'src', 'cite', 'longDesc'].includes(property)
      )
        return `the URL ${JSON.stringify(value)} in ${attribute} on <${name}> is not allowed: only http, https, mailto, relative and # links`;
      return `the attribute ${attribute} is not allowed on <${name}>`;
    });
}

function isPrefixed(value: unknown): boolean {
  return [value].flat().some((v) => typeof v === 'string' && v.startsWith(CLOBBER_PREFIX));
}

/** The string an attribute expression stands for, when it is a plain string literal. */
function literalString(source: string): string | undefined {
  try {
    const node = parseExpressionAt(source, 0, { ecmaVersion: 'latest' }) as JsNode & {
      value?: unknown;
      quasis?: Array<{ value: { cooked: string } }>;
      expressions?: unknown[];
    };
    if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
    if (node.type === 'TemplateLiteral' && !node.expressions?.length)
      return node.quasis?.[0]?.value.cooked;
  } catch {
    // Not a literal: the expression rule reports it.
  }
  return undefined;
}

/** Why an expression is not plain data, or undefined when it is. */
export function expressionProblem(source: string): string | undefined {
  if (!source.trim() || /^\s*\/\*[\s\S]*\*\/\s*$/.test(source) || /^\s*\/\/[^\n]*\s*$/.test(source))
    return undefined;
  let node: JsNode;
  try {
    const program = parseJs(`(${source}\n)`, { ecmaVersion: 'latest', sourceType: 'module' });
    const statement = program.body[0];
    if (program.body.length !== 1 || statement?.type !== 'ExpressionStatement')
      throw new Error('not one expression');
    node = statement.expression;
  } catch {
    return `{${short(source)}} is not a plain value`;
  }
  if (isData(node)) return undefined;
  const named = DANGEROUS.exec(source)?.[1];
  if (named)
    return `{${short(source)}} uses ${named}: MDX expressions run when the site is built and could read its files and secrets`;
  return `{${short(source)}} is code: an MDX expression may only hold data (text, numbers, lists, objects, frontmatter fields)`;
}

function isData(node: JsNode | null | undefined): boolean {
  if (!node) return true;
  const n = node as JsNode & Record<string, unknown>;
  switch (node.type) {
    case 'Literal':
      return !(n.regex as unknown);
    case 'TemplateLiteral':
      return (n.expressions as JsNode[]).length === 0;
    case 'ArrayExpression':
      return (n.elements as Array<JsNode | null>).every((e) => isData(e));
    case 'ObjectExpression':
      return (n.properties as JsNode[]).every((p) => {
        const prop = p as JsNode & Record<string, unknown>;
        if (p.type === 'SpreadElement') return isData(prop.argument as JsNode);
        return (
          prop.kind === 'init' && !prop.method && !prop.computed && isData(prop.value as JsNode)
        );
      });
    case 'SpreadElement':
      return isData(n.argument as JsNode);
    case 'UnaryExpression':
      return ['-', '+', '!'].includes(n.operator as string) && isData(n.argument as JsNode);
    case 'Identifier':
      return n.name === 'undefined' || n.name === 'frontmatter';
    case 'MemberExpression': {
      const property = n.property as JsNode & Record<string, unknown>;
      const key = n.computed
        ? property.type === 'Literal'
          ? property.value
          : undefined
        : property.type === 'Identifier'
          ? property.name
          : undefined;
      const plain =
        (typeof key === 'string' || typeof key === 'number') && !DANGEROUS.test(String(key));
      return plain && !n.optional && rootedInFrontmatter(n.object as JsNode);
    }
    default:
      return false;
  }
}

function rootedInFrontmatter(node: JsNode): boolean {
  const n = node as JsNode & Record<string, unknown>;
  if (node.type === 'Identifier') return n.name === 'frontmatter';
  return node.type === 'MemberExpression' && isData(node);
}

/** `KeyDates` for an import of src/components/mdx/KeyDates.astro from `filePath`, else undefined. */
export function authorComponentOf(
  specifier: string,
  filePath: string,
  root: string,
): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const target = relative(root, resolve(root, dirname(filePath), specifier))
    .split(sep)
    .join('/');
  return new RegExp(`^${AUTHOR_COMPONENTS_DIR}/([A-Z][A-Za-z0-9]*)\\.astro$`).exec(target)?.[1];
}

function short(source: string): string {
  const one = source.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}
