/**
 * Sätteri MDAST plugin: turns [[Name]] and [[kind/slug|text]] into links to entity pages.
 * Sätteri parses the syntax (features.wikilinks) into ordinary link nodes; wikilinkOf()
 * (src/content/wikilinks.ts, the same grammar the check reads) tells them from other
 * links, and the entity index resolves the target. Unknown targets stop `npm run check`
 * and show as a problem in `astro dev`; should one reach here, it stays visible as a
 * search link marked `wikilink-unresolved`.
 */
import { defineMdastPlugin } from 'satteri';
import { wikilinkOf } from '../content/wikilinks.ts';
import { entityUrl, refKey } from '../model/records.ts';
import type { EntityIndex } from '../model/resolve.ts';
import { href } from './links.ts';

export function wikilinkPlugin(getIndex: () => EntityIndex) {
  return defineMdastPlugin({
    name: 'briefing-wikilinks',
    options: { position: true },
    link(node, ctx) {
      const link = wikilinkOf(node, ctx.source);
      if (!link) return;
      const entity = getIndex().resolve(link.target);
      // `setProperty`, which Sätteri 0.11 deprecates for `setField`: @astrojs/mdx 8.1 still runs
      // MDX bodies through Sätteri 0.10, which has no `setField`.
      if (entity) {
        ctx.setProperty(node, 'url', href(entityUrl(entity)));
        ctx.setProperty(node, 'data', {
          hProperties: {
            className: ['wikilink', `wikilink-${entity.kind}`],
            dataEntity: refKey(entity),
          },
        });
      } else {
        ctx.setProperty(node, 'url', href(`/search/?q=${encodeURIComponent(link.target)}`));
        ctx.setProperty(node, 'data', {
          hProperties: { className: ['wikilink', 'wikilink-unresolved'] },
        });
      }
    },
  });
}
