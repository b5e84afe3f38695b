/**
 * Markdown bodies are rendered here, at page time, with the same Sätteri pipeline
 * (and wikilink plugin) that astro.config.mjs gives Astro, instead of being rendered
 * into Astro's content store. At 10,000 briefs the store's rendered HTML is what makes
 * the build slow (see BENCHMARKS.md); keeping it out makes the store small.
 */
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { MARKDOWN_FEATURES } from '../content/wikilinks.ts';
import { wikilinkPlugin } from './wikilink-plugin.ts';
import { glossaryPlugin } from './glossary-plugin.ts';
import type { EntityIndex } from '../model/resolve.ts';

/** The Markdown features every body gets, here and in astro.config.mjs (for MDX). */
export function markdownOptions(getIndex: () => EntityIndex) {
  return {
    features: MARKDOWN_FEATURES,
    mdastPlugins: [wikilinkPlugin(getIndex)],
    hastPlugins: [glossaryPlugin(getIndex)],
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
  renderer ??= createSatteriMarkdownProcessor(markdownOptions(() => currentIndex!));
  const fileURL = filePath ? new URL(filePath.replace(/^\/*/, '/'), 'file://') : undefined;
  const { code } = await (await renderer).render(body, fileURL ? { fileURL } : undefined);
  return code;
}
