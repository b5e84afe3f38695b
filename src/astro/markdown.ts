/**
 * Markdown bodies are rendered here, at page time, with the same Sätteri pipeline
 * (and wikilink plugin) that astro.config.mjs gives Astro, instead of being rendered
 * into Astro's content store. At 10,000 briefs the store's rendered HTML is what makes
 * the build slow (see BENCHMARKS.md); keeping it out makes the store small.
 */
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { htmlPolicy, type HtmlPolicy } from '../content/html-policy.ts';
import { MARKDOWN_FEATURES } from '../content/wikilinks.ts';
import { getConfig } from '../config.ts';
import { sanitizePlugin } from './sanitize-plugin.ts';
import { wikilinkPlugin } from './wikilink-plugin.ts';
import { glossaryPlugin } from './glossary-plugin.ts';
import { headingIdsPlugin } from './heading-ids-plugin.ts';
import type { EntityIndex } from '../model/resolve.ts';

let policy: HtmlPolicy | undefined;

/** The HTML allowlist of this site (its trusted embed hosts come from site.yaml). */
export function sitePolicy(): HtmlPolicy {
  policy ??= htmlPolicy(getConfig().site.embeds);
  return policy;
}

/** The Markdown features and plugins every body gets, here and in astro.config.mjs (for MDX). */
export function markdownOptions(getIndex: () => EntityIndex) {
  return {
    // Raw HTML is parsed into elements, so that the sanitiser sees what a browser would.
    features: { ...MARKDOWN_FEATURES, rawHtml: true },
    mdastPlugins: [wikilinkPlugin(getIndex)],
    // The sanitiser judges what the author wrote; the glossary's links and the headings' ids
    // (which must not be prefixed as an author's ids are) come after it.
    hastPlugins: [sanitizePlugin(sitePolicy), glossaryPlugin(getIndex), headingIdsPlugin()],
  };
}

let renderer: ReturnType<typeof createSatteriMarkdownProcessor> | undefined;
let currentIndex: EntityIndex | undefined;

/**
 * Body Markdown → HTML. One processor per build; `index` resolves the [[wikilinks]] and the
 * glossary. `filePath` (content/terms/yangqi.md) tells the plugins which file this is, as
 * Astro tells them for MDX: a term's own page does not gloss the term.
 */
export async function renderMarkdown(
  body: string,
  index: EntityIndex,
  filePath?: string,
): Promise<string> {
  currentIndex = index;
  // Shiki colours code with inline styles, which the Content-Security-Policy refuses.
  renderer ??= createSatteriMarkdownProcessor({
    ...markdownOptions(() => currentIndex!),
    syntaxHighlight: false,
  });
  const fileURL = filePath ? new URL(filePath.replace(/^\/*/, '/'), 'file://') : undefined;
  const { code } = await (await renderer).render(body, fileURL ? { fileURL } : undefined);
  return code;
}
