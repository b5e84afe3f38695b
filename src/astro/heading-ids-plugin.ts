/**
 * Sätteri HAST plugin: a body's headings get their ids here, the slugs Astro would give them
 * (`## Why it matters` → `why-it-matters`), except the ids the page around the body uses
 * itself. A body heading "Sources" becomes `sources-1`, not a second `sources`: two elements
 * with one id are invalid HTML, and the page's Sources section, its label for screen readers and
 * every `#sources` link would lead to the body's heading instead. Astro's own heading-id step
 * runs after this one and keeps an id a heading already has. The footnotes' label gets the id
 * its references name.
 */
import GithubSlugger from 'github-slugger';
import { defineHastPlugin, type HastPluginEntry } from 'satteri';

/**
 * The fixed ids of the pages that show a body (the layout, briefs, profiles), which a body's
 * heading must not take; tests/unit/astro/heading-ids-plugin.test.ts checks that every literal
 * id in src/ is here. Ids made from data (`event-2025-04-04-effective-1`) are left out: no
 * heading's slug has their shape by chance.
 */
export const PAGE_IDS = [
  'main',
  'site-search',
  'takeaways',
  'sources',
  'cite',
  'mentioned',
  'related',
  'revisions-heading',
  'backlinks',
  'activity',
  'neighbourhood',
  'latest',
  'timeline-heading',
  'results-heading',
  'network-title',
  'search-query',
  'search-hint',
  'search-sort',
  'search-results',
] as const;

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const FOOTNOTE_LABEL = 'footnote-label';

export function headingIdsPlugin(): HastPluginEntry {
  return () => {
    // One slugger per body: it numbers repeats (`notes`, `notes-1`), the page's ids counted first.
    const slugger = new GithubSlugger();
    for (const id of PAGE_IDS) slugger.slug(id);
    return defineHastPlugin({
      name: 'briefing-heading-ids',
      element: {
        filter: HEADINGS,
        visit(node, ctx) {
          const id = node.properties?.id;
          // GFM footnotes: each reference is described by `user-content-footnote-label` (the
          // prefix every footnote id has), but Sätteri gives the label itself no prefix, so
          // the references' aria-describedby named nothing.
          const parent = ctx.parent(node);
          if (
            id === FOOTNOTE_LABEL &&
            parent?.type === 'element' &&
            parent.properties?.dataFootnotes !== undefined
          )
            return ctx.setProperty(node, 'id', `user-content-${FOOTNOTE_LABEL}`);
          // An id from raw HTML has passed the sanitiser, which prefixed it (user-content-…).
          if (typeof id === 'string') return;
          ctx.setProperty(node, 'id', slugger.slug(ctx.textContent(node)));
        },
      },
    });
  };
}
