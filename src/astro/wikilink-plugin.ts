/**
 * Sätteri MDAST plugin: turns [[Name]] and [[kind/slug|text]] into links to entity pages.
 * Sätteri parses the syntax (features.wikilinks) into ordinary link nodes whose URL is
 * the raw target; this plugin resolves that target against the entity registry.
 * Unknown targets never reach a production build (scripts/check.ts stops it first);
 * in dev they render as a search link marked `wikilink-unresolved`.
 */
import { defineMdastPlugin } from 'satteri';
import { entityUrl, refKey } from '../model/records.ts';
import type { EntityIndex } from '../model/resolve.ts';

const ABSOLUTE_OR_LOCAL = /^(?:[a-z][a-z0-9+.-]*:|\/|#|\.|\?)/i;

export function wikilinkPlugin(getIndex: () => EntityIndex) {
  return defineMdastPlugin({
    name: 'briefing-wikilinks',
    link(node, ctx) {
      const target = node.url;
      if (!target || ABSOLUTE_OR_LOCAL.test(target)) return;
      // Only links written as [[...]] in the source: a plain [text](relative) link is left alone.
      if (!ctx.source.includes(`[[${target}`)) return;
      const entity = getIndex().resolve(target);
      if (entity) {
        ctx.setProperty(node, 'url', entityUrl(entity));
        ctx.setProperty(node, 'data', { hProperties: { className: ['wikilink', `wikilink-${entity.kind}`], dataEntity: refKey(entity) } });
      } else {
        ctx.setProperty(node, 'url', `/search/?q=${encodeURIComponent(target)}`);
        ctx.setProperty(node, 'data', { hProperties: { className: ['wikilink', 'wikilink-unresolved'] } });
      }
    },
  });
}
