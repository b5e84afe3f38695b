/**
 * Sätteri HAST plugin: the first time a body uses a glossary term's original phrase or its
 * English rendering, the words link to the term's page, with the original, pinyin and
 * English in a tooltip that CSS shows on hover and keyboard focus (no JavaScript). The
 * tooltip is part of the link's text, clipped out of sight until then, so screen readers
 * read the gloss with the link. Text already inside a link, code or a heading is left alone.
 * Self-contained: it reads only the entity index, and a body without any term skips it.
 */
import type { Element, ElementContent, Text } from 'hast';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';
import { glossaryMatcher, type GlossaryTerm } from '../model/glossary.ts';
import { entityUrl, refKey } from '../model/records.ts';
import type { EntityIndex } from '../model/resolve.ts';
import { href } from './links.ts';

/** Where a gloss would be out of place or break the markup. */
const SKIP = new Set([
  'a',
  'code',
  'pre',
  'kbd',
  'samp',
  'script',
  'style',
  'svg',
  'math',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'abbr',
  'dfn',
  'button',
  'textarea',
  'select',
  'option',
  'title',
]);

const HAN = /\p{Script=Han}/u;

/** `…/content/terms/yangqi.md` → `terms/yangqi`: the profile a body belongs to, if any. */
export function profileOfFile(fileURL: URL | undefined): string | undefined {
  const match = fileURL && /\/([a-z][a-z0-9-]*)\/([^/]+)\.mdx?$/.exec(fileURL.pathname);
  return match ? `${match[1]}/${decodeURIComponent(match[2]!)}` : undefined;
}

export function glossaryPlugin(getIndex: () => EntityIndex): HastPluginEntry {
  return (factory) => {
    const matcher = glossaryMatcher(getIndex());
    // A cheap look at the source: most bodies use no term at all.
    if (!matcher.terms.length || matcher.find(factory.source).length === 0) return null;
    const self = profileOfFile(factory.fileURL);
    const linked = new Set<string>();
    return defineHastPlugin({
      name: 'briefing-glossary',
      element: {
        filter: ['a'],
        // An explicit link to a term counts as its first occurrence.
        visit(node) {
          const entity = node.properties?.dataEntity;
          if (typeof entity === 'string') linked.add(entity);
        },
      },
      text(node, ctx) {
        for (
          let parent = ctx.parent(node);
          parent && parent.type === 'element';
          parent = ctx.parent(parent)
        ) {
          if (SKIP.has(parent.tagName)) return;
        }
        const matches = matcher.find(node.value).filter(({ term }) => {
          const key = refKey(term.entity);
          if (key === self || linked.has(key)) return false;
          linked.add(key);
          return true;
        });
        if (!matches.length) return;
        const parts: ElementContent[] = [];
        let at = 0;
        for (const { start, end, term } of matches) {
          if (start > at) parts.push(text(node.value.slice(at, start)));
          parts.push(glossLink(node.value.slice(start, end), term));
          at = end;
        }
        if (at < node.value.length) parts.push(text(node.value.slice(at)));
        ctx.replaceNode(node, parts);
      },
    });
  };
}

const text = (value: string): Text => ({ type: 'text', value });

function glossLink(words: string, term: GlossaryTerm): Element {
  const zh = (value: string): ElementContent =>
    HAN.test(value)
      ? { type: 'element', tagName: 'span', properties: { lang: 'zh' }, children: [text(value)] }
      : text(value);
  return {
    type: 'element',
    tagName: 'a',
    properties: {
      href: href(entityUrl(term.entity)),
      className: ['gloss'],
      dataEntity: refKey(term.entity),
    },
    children: [
      zh(words),
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['gloss-tip'], dataPagefindIgnore: '' },
        children: [
          text(' ('),
          zh(term.original),
          text(', '),
          {
            type: 'element',
            tagName: 'span',
            properties: { lang: 'zh-Latn-pinyin' },
            children: [text(term.pinyin)],
          },
          text(`: ${term.english})`),
        ],
      },
    ],
  };
}
