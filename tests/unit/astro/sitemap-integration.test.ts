import { describe, expect, it } from 'vitest';
import { inSitemapOrder } from '../../../src/astro/sitemap-integration.ts';

describe('pages in the sitemap order', () => {
  it('orders pages as @astrojs/sitemap sorts their addresses, under a sub-path too', () => {
    const paths = ['briefs/b10/', '', 'briefs/b9/', 'companies/z/', 'briefs/a/', 'Zeta/', '404/'];
    for (const site of [new URL('https://example.org/'), new URL('https://example.org/sub/')]) {
      const pages = paths.map((pathname) => ({ pathname }));
      const ordered = inSitemapOrder(pages, site).map((p) => new URL(p.pathname, site).href);
      const theirs = paths
        .map((p) => new URL(p, site).href)
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      expect(ordered).toEqual(theirs);
      expect(ordered.indexOf(new URL('briefs/b9/', site).href)).toBeLessThan(
        ordered.indexOf(new URL('briefs/b10/', site).href),
      );
    }
  });
});
