/**
 * What `npm run build` (scripts/build.ts) tells the `astro build` it starts, through its
 * environment. A plain `astro build` has neither.
 */

/** The search index is built by scripts/build.ts, not at the end of Astro's build. */
export const INDEX_AFTER_BUILD = 'BRIEFING_INDEX_AFTER_BUILD';

/**
 * The output folder already holds the unchanged pages of the last build
 * (scripts/lib/cached-pages.ts): Astro must not empty it first.
 */
export const PAGES_IN_PLACE = 'BRIEFING_PAGES_IN_PLACE';

/**
 * When this build's check started (ms): it hands its result over to Astro's process
 * (src/content/handover.ts), and Astro's content loader waits for a result written since then
 * instead of validating every file itself beside the check.
 */
export const CHECK_HANDOVER = 'BRIEFING_CHECK_HANDOVER';
