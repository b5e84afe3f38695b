import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { entityCounts, generateCorpus, type CorpusFile } from '../../../scripts/bench/corpus.ts';
import { bodyOf } from '../../../src/content/frontmatter.ts';
import { KIND_IDS } from '../../../src/content/registry.ts';
import { type ContentFiles, validateContent } from '../../../src/content/validate.ts';
import { findWikilinks } from '../../../src/content/wikilinks.ts';

function asContentFiles(files: CorpusFile[]): ContentFiles {
  const at = (folder: string) =>
    files
      .filter((f) => f.path.startsWith(`${folder}/`))
      .map((f) => ({ path: `corpus/${f.path}`, text: f.text }));
  return {
    briefs: at('briefs'),
    entities: Object.fromEntries(KIND_IDS.map((kind) => [kind, at(kind)])),
  };
}

const HAN = /\p{Script=Han}/u;
const englishWords = (text: string) =>
  text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;

describe('the corpus generator', () => {
  it('is deterministic for a seed, and different for another seed', () => {
    const a = generateCorpus({ briefs: 50, seed: 'x' });
    const b = generateCorpus({ briefs: 50, seed: 'x' });
    const c = generateCorpus({ briefs: 50, seed: 'y' });
    expect(b).toEqual(a);
    expect(c.map((f) => f.text).join('')).not.toEqual(a.map((f) => f.text).join(''));
  });

  it('writes the same corpus as before for a seed (runs at different commits stay comparable)', () => {
    const hash = createHash('sha256');
    for (const f of generateCorpus({ briefs: 50, seed: 'x' }))
      hash.update(`${f.path}\0${f.text}\0`);
    // Change this only with a change to the corpus on purpose (and say so in BENCHMARKS.md).
    expect(hash.digest('hex')).toBe(
      'ba8c74194253827ab89e672804f7fef43f6f0818c423d27ea8e84f7056c055b0',
    );
  });

  it('writes a corpus that passes the content check, with every entity referenced', () => {
    const files = generateCorpus({ briefs: 50 });
    const result = validateContent(asContentFiles(files));
    expect(result.problems).toEqual([]);
    expect(result.briefs).toHaveLength(50);
    const referenced = new Set(
      result.briefs.flatMap((b) =>
        Object.entries(b.refs).flatMap(([kind, slugs]) => (slugs ?? []).map((s) => `${kind}/${s}`)),
      ),
    );
    for (const entity of result.entities)
      expect(referenced, `${entity.kind}/${entity.slug}`).toContain(
        `${entity.kind}/${entity.slug}`,
      );
  });

  // Generating and checking 1,000 briefs takes 3 s alone, and more on a shared machine.
  it('has the proportions the benchmark promises at 1,000 briefs', { timeout: 60_000 }, () => {
    const files = generateCorpus({ briefs: 1000 });
    const result = validateContent(asContentFiles(files));
    expect(result.problems).toEqual([]);
    const counts = entityCounts(1000);
    expect(counts).toMatchObject({ companies: 20, policies: 10, themes: 5 });
    for (const kind of KIND_IDS)
      expect(result.entities.filter((e) => e.kind === kind)).toHaveLength(
        counts[kind as keyof typeof counts],
      );

    for (const brief of result.briefs) {
      for (const kind of ['companies', 'policies', 'themes'] as const) {
        expect(brief.refs[kind]!.length).toBeGreaterThanOrEqual(1);
        expect(brief.refs[kind]!.length).toBeLessThanOrEqual(3);
      }
      const words = englishWords(brief.body.replace(/^原文摘录：.*$/m, ''));
      expect(words).toBeGreaterThanOrEqual(600);
      expect(words).toBeLessThanOrEqual(900);
    }
    const bodies = files.filter((f) => f.path.startsWith('briefs/')).map((f) => bodyOf(f.text));
    const chinese = bodies.filter((b) => HAN.test(b)).length / bodies.length;
    expect(chinese).toBeGreaterThan(0.07);
    expect(chinese).toBeLessThan(0.13);
    const links = bodies.map((b) => findWikilinks(b));
    const withLinks = links.filter((l) => l.length).length / bodies.length;
    expect(withLinks).toBeGreaterThan(0.3);
    const all = links.flat();
    expect(all.some((l) => /^[a-z]+\/[a-z0-9-]+$/.test(l.target))).toBe(true); // [[kind/slug]]
    expect(all.some((l) => l.label)).toBe(true); // [[kind/slug|text]]
    expect(all.some((l) => HAN.test(l.target))).toBe(true); // [[中文别名]]
    expect(result.entities.some((e) => e.aliases.some((a) => HAN.test(a)))).toBe(true);

    const years = new Set(result.briefs.map((b) => b.date.getUTCFullYear()));
    expect([...years].sort()).toEqual(Array.from({ length: 12 }, (_, i) => 2015 + i));
    for (const f of files.filter((x) => x.path.startsWith('briefs/')))
      expect(f.path).toMatch(/^briefs\/(20\d\d)\/[a-z0-9-]+\.md$/);
  });
});
