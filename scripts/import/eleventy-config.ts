/**
 * Where an Eleventy site keeps its templates. The configuration is JavaScript, which the
 * importer does not run: it is parsed with acorn and read for the input folder, written as
 * `dir: { input: "src" }` (returned, or `export const config`) or
 * `eleventyConfig.setInputDirectory("src")`. Eleventy's addresses are paths from that folder,
 * so a site with `src/posts/x.md` serves it at `/posts/x/`.
 */
import { parse } from 'acorn';

export const ELEVENTY_CONFIGS = [
  'eleventy.config.js',
  'eleventy.config.mjs',
  'eleventy.config.cjs',
  '.eleventy.js',
];

interface JsNode {
  type: string;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is JsNode =>
  !!value && typeof value === 'object' && typeof (value as JsNode).type === 'string';

const keyName = (node: JsNode) => {
  const key = node.key as JsNode | undefined;
  return key?.type === 'Identifier' ? key.name : key?.type === 'Literal' ? key.value : undefined;
};

const stringValue = (node: unknown) =>
  isNode(node) && node.type === 'Literal' && typeof node.value === 'string'
    ? node.value
    : undefined;

/** The input folder a configuration names, or undefined (Eleventy's default: the site's folder). */
export function eleventyInputDir(source: string): string | undefined {
  let program: unknown;
  try {
    program = parse(source, { ecmaVersion: 'latest', sourceType: 'module' });
  } catch {
    try {
      program = parse(source, { ecmaVersion: 'latest', sourceType: 'script' });
    } catch {
      return undefined;
    }
  }
  let found: string | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined) return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isNode(node)) return;
    if (node.type === 'Property' && keyName(node) === 'dir' && isNode(node.value)) {
      const input = ((node.value.properties as JsNode[] | undefined) ?? []).find(
        (p) => p.type === 'Property' && keyName(p) === 'input',
      );
      found = stringValue(input?.value);
    } else if (node.type === 'CallExpression') {
      const callee = node.callee as JsNode;
      const property = callee.type === 'MemberExpression' ? (callee.property as JsNode) : undefined;
      if (property?.type === 'Identifier' && property.name === 'setInputDirectory')
        found = stringValue((node.arguments as unknown[])[0]);
    }
    for (const [key, value] of Object.entries(node))
      if (key !== 'type' && typeof value === 'object') visit(value);
  };
  visit(program);
  return found?.replace(/^\.\/?/, '').replace(/\/+$/, '') || undefined;
}
