/** The stylesheet of the entity kinds' colours, from the registry (chips, picture marks). */
import type { EntityKind } from '../content/registry.ts';

export function kindStylesheet(kinds: readonly Pick<EntityKind, 'id' | 'colours'>[]): string {
  const vars = (mode: 'light' | 'dark') =>
    kinds.map((k) => `--kind-${k.id}: ${k.colours[mode]};`).join(' ');
  return [
    `:root { ${vars('light')} ${kinds.map((k) => `--kind-${k.id}-mark: ${k.colours.mark};`).join(' ')} }`,
    `@media (prefers-color-scheme: dark) { :root { ${vars('dark')} } }`,
    ...kinds.map((k) => `.chip-${k.id} { background: var(--kind-${k.id}); }`),
    ...kinds.map((k) => `.mark-${k.id} { fill: var(--kind-${k.id}-mark); }`),
    '',
  ].join('\n');
}
