import { describe, expect, it } from 'vitest';
import { generateWxr } from '../../../scripts/bench/wxr.ts';
import { parseWxr } from '../../../scripts/import/wordpress.ts';

describe('the benchmark export', () => {
  // Generating the corpus takes a few seconds on a busy machine.
  it(
    'is a WordPress export of the asked number of posts, with the mess the importer meets',
    { timeout: 30_000 },
    () => {
      const xml = generateWxr(60, 'test');
      expect(generateWxr(60, 'test')).toBe(xml);
      const wxr = parseWxr(xml);
      expect(wxr.posts).toHaveLength(60);
      expect(new Set(wxr.posts.map((p) => p.slug)).size).toBe(59);
      expect(xml).toContain('<!-- wp:paragraph -->');
      expect(wxr.posts.some((p) => p.status === 'draft')).toBe(true);
      expect(wxr.posts.every((p) => p.date && p.title && !p.title.includes('&#'))).toBe(true);
    },
  );
});
