/**
 * @astrojs/sitemap, handed its pages already in the order it sorts them into.
 *
 * It sorts every address with `localeCompare(b, 'en', { numeric: true })`, which builds a
 * collator for each comparison: 10 s of a 100,000-brief build, in every rebuild. Sorted first
 * here with one collator of the same locale and options, its own sort finds them in order and
 * compares each address once. The sitemap it writes is the same.
 */
import sitemap, { type SitemapOptions } from '@astrojs/sitemap';
import type { AstroConfig, AstroIntegration } from 'astro';

type BuildDone = NonNullable<AstroIntegration['hooks']['astro:build:done']>;

/** The pages in the sitemap's order: by their full address, as it compares them. */
export function inSitemapOrder<P extends { pathname: string }>(
  pages: readonly P[],
  site: URL,
): P[] {
  const collator = new Intl.Collator('en', { numeric: true });
  const base = site.pathname.endsWith('/') ? site.pathname : `${site.pathname}/`;
  const address = (page: P) => new URL(base + page.pathname.replace(/^\//, ''), site).href;
  return pages
    .map((page) => ({ page, key: address(page) }))
    .sort((a, b) => collator.compare(a.key, b.key))
    .map(({ page }) => page);
}

export function sortedSitemap(options: SitemapOptions): AstroIntegration {
  const inner = sitemap(options);
  const done = inner.hooks['astro:build:done'] as BuildDone;
  let config: AstroConfig | undefined;
  return {
    ...inner,
    hooks: {
      ...inner.hooks,
      'astro:config:done': async (params) => {
        config = params.config;
        await inner.hooks['astro:config:done']?.(params);
      },
      'astro:build:done': (params) => {
        const site = config?.site && new URL(config.base, config.site);
        return done(site ? { ...params, pages: inSitemapOrder(params.pages, site) } : params);
      },
    },
  };
}
