import { describe, expect, it } from 'vitest';
import { KINDS } from '../../../src/content/registry.ts';
import { kindStylesheet } from '../../../src/model/kind-styles.ts';

describe('kindStylesheet', () => {
  it('gives every registered kind its chip and mark colours, light and dark', () => {
    const css = kindStylesheet(KINDS);
    for (const kind of KINDS) {
      expect(css).toContain(`--kind-${kind.id}: ${kind.colours.light};`);
      expect(css).toContain(`--kind-${kind.id}: ${kind.colours.dark};`);
      expect(css).toContain(`.chip-${kind.id} { background: var(--kind-${kind.id}); }`);
      expect(css).toContain(`.mark-${kind.id} { fill: var(--kind-${kind.id}-mark); }`);
    }
  });

  it('follows the registry: a new kind gets its colours', () => {
    const css = kindStylesheet([
      { id: 'countries', colours: { light: '#eee', dark: '#111', mark: '#f00' } },
    ]);
    expect(css).toContain('.chip-countries');
    expect(css).toMatch(/prefers-color-scheme: dark[^}]*--kind-countries: #111/);
  });
});
