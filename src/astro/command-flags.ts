/**
 * Flags that depend on the Astro command itself, not on NODE_ENV (which test runners and CI
 * set to other values, so `import.meta.env.DEV` is true in a build run by Vitest):
 * - BRIEFING_SHOW_DRAFTS: drafts and scheduled briefs are shown by `astro dev`, never by `astro build`;
 * - BRIEFING_SEARCH_INDEX: only `astro build` makes a Pagefind index for the search page;
 * - BRIEFING_CACHE_KEYS: only `astro build` reads the pages' cache keys (cache-keys.ts).
 */
import type { AstroIntegration } from 'astro';

export function commandFlags(): AstroIntegration {
  return {
    name: 'briefing-command-flags',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({
          vite: {
            define: {
              'import.meta.env.BRIEFING_SHOW_DRAFTS': JSON.stringify(command === 'dev'),
              'import.meta.env.BRIEFING_SEARCH_INDEX': JSON.stringify(command === 'build'),
              'import.meta.env.BRIEFING_CACHE_KEYS': JSON.stringify(command === 'build'),
            },
          },
        });
      },
    },
  };
}
