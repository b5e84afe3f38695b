/**
 * Drafts are shown by `astro dev` and never by `astro build`. This decides it from the
 * Astro command itself, not from NODE_ENV (which test runners and CI set to other values).
 */
import type { AstroIntegration } from 'astro';

export function drafts(): AstroIntegration {
  return {
    name: 'briefing-drafts',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.BRIEFING_SHOW_DRAFTS': JSON.stringify(command === 'dev') } } });
      },
    },
  };
}
