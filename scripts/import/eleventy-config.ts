/**
 * Where an Eleventy site keeps its templates. The configuration is JavaScript, which the
 * importer does not run: it is parsed with acorn and read for the input folder, written as
 * `dir: { input: "src" }` (returned, or `export const config`) or
 * `eleventyConfig.setInputDirectory("src")`. Eleventy's addresses are paths from that folder,
 * so a site with `src/posts/x.md` serves it at `/posts/x/`; a post's own permalink template is
 * filled in where it uses only the file's name and the title.
 */
import slugify from '@sindresorhus/slugify';
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

/** What a post's permalink template may use, from its file and frontmatter. */
export interface PermalinkValues {
  /** The file's name without its date prefix (`2022-01-05-hello.md` → `hello`), or its folder's for index.md. */
  fileSlug: string;
  /** Its path from the input folder without the extension: `/posts/hello`. */
  filePathStem: string;
  title: string;
}

const slugifyLikeEleventy = (text: string) => slugify(text, { decamelize: false });

/**
 * A permalink template (`/blog/{{ page.fileSlug }}/`) filled in with the values Eleventy
 * gives it, as it writes the page; undefined when it uses anything else (a date filter, data
 * of the site), which only running Eleventy would tell.
 */
export function fillPermalink(template: string, values: PermalinkValues): string | undefined {
  let known = true;
  const filled = template.replace(/\{\{-?\s*([\s\S]*?)\s*-?\}\}/g, (_whole, expression: string) => {
    const [name = '', ...filters] = expression.split('|').map((part) => part.trim());
    let value =
      name === 'page.fileSlug'
        ? values.fileSlug
        : name === 'page.filePathStem'
          ? values.filePathStem
          : name === 'title'
            ? values.title
            : undefined;
    for (const filter of filters) {
      if (value !== undefined && (filter === 'slugify' || filter === 'slug'))
        value = slugifyLikeEleventy(value);
      else value = undefined;
    }
    if (value === undefined) known = false;
    return value ?? '';
  });
  return known ? filled : undefined;
}

/**
 * The data files Eleventy gives a template, lowest priority first: each folder's from the
 * input folder down (`posts/posts.json`, `posts/posts.11tydata.json`), then the template's
 * own (`posts/x.11tydata.json`). Paths relative to the input folder; only JSON ones, as a
 * JavaScript data file would have to be run.
 */
export function dataFilesOf(rel: string): string[] {
  const parts = rel.split('/');
  const name = parts.pop()!.replace(/\.[^.]+$/, '');
  const files: string[] = [];
  for (let depth = 1; depth <= parts.length; depth++) {
    const dir = parts.slice(0, depth).join('/');
    const base = parts[depth - 1]!;
    files.push(`${dir}/${base}.json`, `${dir}/${base}.11tydata.json`);
  }
  const here = parts.length ? `${parts.join('/')}/` : '';
  files.push(`${here}${name}.json`, `${here}${name}.11tydata.json`);
  return files;
}

/** Layers of data merged as Eleventy's cascade does: later ones win, lists (tags) are joined. */
export function mergeData(layers: ReadonlyArray<Record<string, unknown>>): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      const before = merged[key];
      merged[key] =
        Array.isArray(before) && Array.isArray(value) ? [...new Set([...before, ...value])] : value;
    }
  }
  return merged;
}
