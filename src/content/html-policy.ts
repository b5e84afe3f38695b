/**
 * What HTML a body may publish: the allowlist every Markdown body is sanitised with when it
 * is rendered (src/astro/sanitize-plugin.ts) and that the check holds MDX elements to
 * (src/content/mdx-rules.ts). The data is hast-util-sanitize's GitHub-style schema, narrowed
 * (links: http, https, mailto, relative and #; images: http, https, relative) and widened with
 * harmless formatting (abbr, figure, mark, time, …). Trusted embeds (`embeds` in site.yaml)
 * become iframes with a fixed set of attributes.
 */
import type { Element, ElementContent, Nodes, Properties } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';

/** Removed with everything inside them (their content is code, or meaningless as text). */
export const STRIPPED_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'noscript',
  'noembed',
  'noframes',
  'template',
  'textarea',
  'select',
  'title',
  'svg',
  'math',
  'xmp',
  'plaintext',
] as const;

/** Obsolete tags kept as their modern equivalent; other unknown tags keep only their text. */
export const MAPPED_TAGS: Readonly<Record<string, string>> = {
  tt: 'code',
  strike: 'del',
  acronym: 'abbr',
  big: 'strong',
};

const EXTRA_TAGS = [
  'abbr',
  'address',
  'caption',
  'cite',
  'col',
  'colgroup',
  'data',
  'dfn',
  'figcaption',
  'figure',
  'mark',
  'small',
  'time',
  'u',
  'wbr',
  'bdi',
  'bdo',
];

/** Attributes of forms: no form survives, so they have nothing to do. */
const FORM_ATTRIBUTES = new Set(['accept', 'acceptCharset', 'action', 'encType', 'method']);

export const URL_PROTOCOLS = {
  href: ['http', 'https', 'mailto'],
  src: ['http', 'https'],
  cite: ['http', 'https'],
  longDesc: ['http', 'https'],
} as const;

export const CLOBBER_PREFIX = 'user-content-';

/** The attributes a trusted embed keeps (src, title, size) and the ones it always gets. */
export const EMBED_ATTRIBUTES = ['src', 'title', 'width', 'height'] as const;
const EMBED_FIXED: Properties = {
  loading: 'lazy',
  referrerPolicy: 'strict-origin-when-cross-origin',
  sandbox: ['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-presentation'],
  allow: 'fullscreen; picture-in-picture',
  allowFullScreen: true,
};

export interface HtmlPolicy {
  schema: Schema;
  /** The same, where iframes are allowed: cleanTree() has removed every untrusted one. */
  treeSchema: Schema;
  /** Host names whose pages may be embedded as iframes, e.g. www.youtube-nocookie.com. */
  embeds: readonly string[];
}

export function htmlPolicy(embeds: readonly string[] = []): HtmlPolicy {
  const base = defaultSchema;
  const attributes = { ...base.attributes };
  attributes['*'] = (attributes['*'] ?? []).filter(
    (a) => !FORM_ATTRIBUTES.has(typeof a === 'string' ? a : a[0]),
  );
  // Wikilinks carry their kind as a class (src/astro/wikilink-plugin.ts).
  // (The first definition of an attribute wins: the footnote class is replaced, not added to.)
  attributes.a = [
    ...(attributes.a ?? []).filter((a) => (typeof a === 'string' ? a : a[0]) !== 'className'),
    ['className', /^wikilink(?:-[a-z0-9-]+)?$/, 'data-footnote-backref'],
    'dataEntity',
  ];
  attributes.data = ['value'];
  attributes.col = ['span'];
  attributes.colgroup = ['span'];
  attributes.iframe = [...EMBED_ATTRIBUTES];
  const mapped = new Set(Object.keys(MAPPED_TAGS));
  const schema: Schema = {
    ...base,
    // Context rules are for the whole-document sanitiser; elements here are already parsed
    // as HTML, so a stray <td> never reaches the tree outside a table.
    ancestors: {},
    attributes,
    protocols: Object.fromEntries(
      Object.entries(URL_PROTOCOLS).map(([key, list]) => [key, [...list]]),
    ),
    strip: [...STRIPPED_TAGS],
    clobberPrefix: CLOBBER_PREFIX,
    tagNames: [...(base.tagNames ?? []), ...EXTRA_TAGS].filter((t) => !mapped.has(t)),
  };
  const treeSchema: Schema = {
    ...schema,
    strip: [...STRIPPED_TAGS].filter((t) => t !== 'iframe'),
    tagNames: [...schema.tagNames!, 'iframe'],
  };
  return { embeds, schema, treeSchema };
}

type Verdict =
  /** Publishable as it is. */
  | { action: 'keep' }
  /** Publishable with these attributes changed (null: removed). */
  | { action: 'attributes'; changes: Record<string, Properties[string] | null> }
  /** Not publishable as an element: replace it (and what it holds) with cleanTree(). */
  | { action: 'replace' };

/**
 * Judges one element by its tag and attributes alone (its children are judged on their own):
 * the cheap path for the many elements that are fine or need an attribute dropped.
 */
export function judgeElement(
  element: Pick<Element, 'tagName' | 'properties'>,
  policy: HtmlPolicy,
): Verdict {
  const { tagName } = element;
  if (tagName === 'iframe' || tagName === 'input') return { action: 'replace' };
  const properties = unprefixed(element.properties ?? {});
  const cleaned = sanitize(
    { type: 'element', tagName, properties, children: [] },
    policy.schema,
  ) as Nodes;
  if (cleaned.type !== 'element' || cleaned.tagName !== tagName) return { action: 'replace' };
  const original = element.properties ?? {};
  const changes: Record<string, Properties[string] | null> = {};
  for (const key of new Set([...Object.keys(original), ...Object.keys(cleaned.properties)])) {
    const before = original[key];
    const after = cleaned.properties[key];
    if (!sameValue(before, after)) changes[key] = after ?? null;
  }
  return Object.keys(changes).length ? { action: 'attributes', changes } : { action: 'keep' };
}

/**
 * An element and everything in it as it may be published: stripped elements go, obsolete
 * ones are renamed, unknown ones leave their text, attributes follow the allowlist, and an
 * iframe of a trusted host becomes an embed.
 */
export function cleanTree(node: Element, policy: HtmlPolicy): ElementContent[] {
  const prepared = prepare(node, policy);
  if (!prepared) return [];
  const result = sanitize(prepared, policy.treeSchema) as Nodes;
  const out = result.type === 'root' ? result.children : [result];
  return (out as ElementContent[]).map((child) => finishEmbeds(child));
}

/** The host of a URL when it is an https URL of a trusted embed host. */
export function embedHost(src: unknown, embeds: readonly string[]): string | undefined {
  if (typeof src !== 'string' || !URL.canParse(src)) return undefined;
  const url = new URL(src);
  return url.protocol === 'https:' && embeds.includes(url.hostname) ? url.hostname : undefined;
}

/** Renames obsolete tags, drops untrusted iframes and non-checkbox inputs, before sanitising. */
function prepare(node: Element, policy: HtmlPolicy): Element | undefined {
  if (node.tagName === 'iframe') {
    if (!embedHost(node.properties?.src, policy.embeds)) return undefined;
    return { ...node, children: [] };
  }
  if (node.tagName === 'input' && node.properties?.type !== 'checkbox') return undefined;
  const children: ElementContent[] = [];
  for (const child of node.children ?? []) {
    if (child.type !== 'element') {
      children.push(child);
      continue;
    }
    const kept = prepare(child, policy);
    if (kept) children.push(kept);
  }
  const tagName = MAPPED_TAGS[node.tagName] ?? node.tagName;
  return { ...node, tagName, properties: unprefixed(node.properties ?? {}), children };
}

/** A trusted iframe keeps its source, title and size, and always gets the same sandbox. */
function finishEmbeds(node: ElementContent): ElementContent {
  if (node.type !== 'element') return node;
  if (node.tagName === 'iframe') {
    const kept = Object.fromEntries(
      EMBED_ATTRIBUTES.flatMap((key) =>
        node.properties[key] === undefined ? [] : [[key, node.properties[key]]],
      ),
    );
    return { ...node, properties: { ...kept, ...EMBED_FIXED }, children: [] };
  }
  return { ...node, children: node.children.map(finishEmbeds) };
}

/**
 * Ids that are already in the user namespace (footnotes: `user-content-fn-1`) lose the prefix
 * before sanitising adds it again, so they are not prefixed twice.
 */
function unprefixed(properties: Properties): Properties {
  let out: Properties | undefined;
  for (const key of ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy']) {
    const value = properties[key];
    const strip = (v: unknown) =>
      typeof v === 'string' && v.startsWith(CLOBBER_PREFIX) ? v.slice(CLOBBER_PREFIX.length) : v;
    const next = Array.isArray(value) ? value.map(strip) : strip(value);
    if (next !== value && !(Array.isArray(value) && sameValue(value, next))) {
      out ??= { ...properties };
      out[key] = next as Properties[string];
    }
  }
  return out ?? properties;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/**
 * What publishing does to an element written in a body, for the author: one message per element
 * or attribute removed (a renamed obsolete tag or a prefixed id needs no word).
 */
export function removals(
  element: Pick<Element, 'tagName' | 'properties'>,
  policy: HtmlPolicy,
): string[] {
  const { tagName } = element;
  if (MAPPED_TAGS[tagName]) return [];
  if (tagName === 'iframe') {
    return embedHost(element.properties?.src, policy.embeds)
      ? []
      : [
          'an <iframe> is removed: only https pages of the hosts under `embeds` in site.yaml may be embedded',
        ];
  }
  if (tagName === 'input' && element.properties?.type !== 'checkbox')
    return ['an <input> is removed'];
  const verdict = judgeElement(element, policy);
  if (verdict.action === 'keep') return [];
  if (verdict.action === 'replace') {
    return (STRIPPED_TAGS as readonly string[]).includes(tagName)
      ? [`<${tagName}> is removed with its content`]
      : [`<${tagName}> is removed (its text stays)`];
  }
  return Object.entries(verdict.changes)
    .filter(([, value]) => value === null)
    .map(([property]) => {
      const value = element.properties?.[property];
      const attribute = find(html, property).attribute;
      return property in URL_PROTOCOLS && typeof value === 'string'
        ? `the address ${JSON.stringify(value)} of <${tagName}> is removed: only http, https, mailto, relative and # links`
        : `the attribute ${attribute} of <${tagName}> is removed`;
    });
}
