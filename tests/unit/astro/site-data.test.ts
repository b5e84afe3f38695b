import { describe, expect, it } from 'vitest';
import { siteDataOf } from '../../../src/astro/site-data.ts';
import { readConfig } from '../../../src/config.ts';
import { brief, entity } from '../fixtures.ts';

describe('siteDataOf', () => {
  const config = readConfig({});
  const content = {
    briefs: [
      brief('published', '2025-01-02', { companies: ['mp'] }),
      brief('draft', '2025-03-04', { companies: ['mp'] }, '', true),
    ],
    entities: [entity('companies', 'mp', 'MP Materials')],
  };

  it('leaves drafts out of a build, with their backlinks', () => {
    const { graph } = siteDataOf(content, config, false);
    expect(graph.briefs.map((b) => b.slug)).toEqual(['published']);
    expect(graph.backlinks({ kind: 'companies', slug: 'mp' }).map((b) => b.slug)).toEqual([
      'published',
    ]);
  });

  it('shows drafts in dev', () => {
    expect(siteDataOf(content, config, true).graph.briefs.map((b) => b.slug)).toEqual([
      'draft',
      'published',
    ]);
  });
});
