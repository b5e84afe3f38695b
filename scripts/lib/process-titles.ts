/**
 * The name the build's check process goes by in `ps` and /proc (`comm`), so that the bench can
 * tell its memory from Astro's: both would otherwise be Node's "MainThread".
 */
export const CHECK_PROCESS_TITLE = 'briefing-check';
