/**
 * The kinds' colours come from the registry only: this integration serves them to the
 * site's CSS as a virtual stylesheet (`import 'virtual:briefing/kinds.css'` in the layout),
 * bundled with the rest of the CSS, so adding a kind adds its colours.
 */
import type { AstroIntegration } from 'astro';
import { KINDS } from '../content/registry.ts';
import { kindStylesheet } from '../model/kind-styles.ts';

const ID = 'virtual:briefing/kinds.css';
const RESOLVED = `\0${ID}`;

export function kindStyles(): AstroIntegration {
  return {
    name: 'briefing-kind-styles',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'briefing-kind-styles',
                resolveId: (id: string) => (id === ID ? RESOLVED : undefined),
                load: (id: string) => (id === RESOLVED ? kindStylesheet(KINDS) : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
