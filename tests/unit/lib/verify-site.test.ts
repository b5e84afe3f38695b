import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedFiles, SITE_FILES, verifySite } from '../../../scripts/lib/verify-site.ts';
import { buildGraph } from '../../../src/model/graph.ts';
import { brief, entity } from '../fixtures.ts';
import { scratchDir } from '../../helpers/scratch.ts';

const graph = buildGraph(
  [brief('one', '2025-01-01', { companies: ['mp'] }), brief('draft', '2025-01-02', {}, '', true)],
  [entity('companies', 'mp', 'MP Materials')],
);

/** A staged site with every file a complete build writes. */
function completeSite(): string {
  const dir = scratchDir('briefing-verify-');
  const files = [
    ...SITE_FILES,
    'api/briefs.json',
    'api/links.json',
    'sitemap-0.xml',
    'briefs/one/index.html',
    'companies/mp/index.html',
    'companies/mp/rss.xml',
  ];
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), 'x');
  }
  writeFileSync(
    join(dir, 'sitemap-index.xml'),
    '<sitemapindex><sitemap><loc>https://x.org/sitemap-0.xml</loc></sitemap></sitemapindex>',
  );
  return dir;
}

describe('verifySite', () => {
  it('passes a complete site (drafts have no page)', () => {
    expect(verifySite(completeSite(), expectedFiles(graph))).toEqual([]);
  });

  it('names a missing brief page, an empty feed and a missing sitemap', () => {
    const dir = completeSite();
    rmSync(join(dir, 'briefs/one/index.html'));
    writeFileSync(join(dir, 'companies/mp/rss.xml'), '');
    rmSync(join(dir, 'sitemap-0.xml'));
    const problems = verifySite(dir, expectedFiles(graph)).join('\n');
    expect(problems).toContain('briefs/one/index.html');
    expect(problems).toContain('companies/mp/rss.xml');
    expect(problems).toContain('sitemap-0.xml, which is missing');
  });

  it('refuses build internals', () => {
    const dir = completeSite();
    mkdirSync(join(dir, '.prerender'));
    writeFileSync(join(dir, 'entry.mjs'), '');
    expect(verifySite(dir, expectedFiles(graph)).join('\n')).toContain(
      'build internals are in the site: .prerender, entry.mjs',
    );
  });

  it('expects the redirect pages of old addresses, of profiles as of briefs, not of drafts', () => {
    const old = buildGraph(
      [
        { ...brief('one', '2025-01-01'), redirectFrom: ['/2025/01/01/one/', '/?p=1'] },
        { ...brief('draft', '2025-01-02', {}, '', true), redirectFrom: ['/2025/01/02/draft/'] },
      ],
      [
        {
          ...entity('themes', 'rare-earths', 'Rare Earths'),
          redirectFrom: ['/category/rare-earths/'],
        },
      ],
    );
    const expected = expectedFiles(old);
    expect(expected).toEqual(
      expect.arrayContaining([
        '_redirects',
        'old-addresses.json',
        '2025/01/01/one/index.html',
        'category/rare-earths/index.html',
      ]),
    );
    expect(expected).not.toContain('2025/01/02/draft/index.html');
    const dir = completeSite();
    expect(verifySite(dir, expected).join('\n')).toContain('_redirects, old-addresses.json');
  });
});
