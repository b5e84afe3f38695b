/**
 * `node scripts/bench/shape.ts [N]`: the shape of the N-brief benchmark corpus without building
 * it: the search shards (src/search/shared/shards.ts), the primary bundle, the number of
 * profiles and of their shards, the busiest profiles' brief counts and briefs per year. What BENCHMARKS.md says of
 * 100,000 briefs where no build was run.
 */
import { assignShards } from '../../src/search/shared/shards.ts';
import { generateCorpus } from './corpus.ts';

const n = Number(process.argv[2] ?? 100000);
const files = generateCorpus({ briefs: n, seed: 'briefing' });
const briefs = files.filter((f) => f.path.startsWith('briefs/'));
const refs = new Map<string, number>();
for (const f of briefs)
  for (const m of f.text.matchAll(/\n(companies|policies|themes|terms): \[([^\]]*)\]/g))
    for (const slug of m[2]!.split(', '))
      refs.set(`${m[1]}/${slug}`, (refs.get(`${m[1]}/${slug}`) ?? 0) + 1);
const pages: Array<{ url: string; date?: string; weight?: number }> = [
  ...briefs.map((f) => ({ url: f.path, date: /\ndate: (\d{4}-\d\d-\d\d)/.exec(f.text)![1]! })),
  ...files
    .filter((f) => !f.path.startsWith('briefs/'))
    .map((f) => ({ url: f.path, weight: refs.get(f.path.replace(/\.mdx?$/, '')) ?? 0 })),
];
const shards = assignShards(pages, 600);
const dated = [...shards].filter(([id]) => id.startsWith('briefs-'));
const sizes = dated.map(([, members]) => members.length);
const perYear = new Map<string, number>();
for (const p of pages)
  if (p.date) perYear.set(p.date.slice(0, 4), (perYear.get(p.date.slice(0, 4)) ?? 0) + 1);
console.log(
  JSON.stringify(
    {
      briefs: briefs.length,
      profiles: files.length - briefs.length,
      bundles: shards.size,
      primary: {
        briefs: shards.get('latest')!.filter((p) => p.date).length,
        pages: shards.get('latest')!.length,
      },
      shardBriefs: { min: Math.min(...sizes), max: Math.max(...sizes) },
      profileShards: [...shards.keys()].filter((id) => id.startsWith('profiles-')).length,
      busiest: [...refs].sort((a, b) => b[1] - a[1]).slice(0, 3),
      briefsPerYear: Object.fromEntries(perYear),
    },
    null,
    2,
  ),
);
