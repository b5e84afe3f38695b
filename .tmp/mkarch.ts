import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { generateCorpus, writeCorpus } from '/work/main/scripts/bench/corpus.ts';
import { chineseArchive } from '/work/main/tests/helpers/chinese-archive.ts';
const content = '/tmp/arch/content';
const english = generateCorpus({ briefs: 600, seed: 'search-archive' });
const frontmatter = (text: string) => parseYaml(text.split('---')[1]!) as Record<string, unknown>;
const companies = english.filter((f) => f.path.startsWith('companies/')).map((f) => ({ slug: f.path.slice('companies/'.length, -3), ...(frontmatter(f.text) as { name: string }) }));
const chinese = chineseArchive({ briefs: 300, seed: 'search-archive-zh', entities: { companies: companies.slice(0, 4).map((c) => c.slug) } });
writeCorpus(content, english);
for (const brief of chinese) { mkdirSync(dirname(join(content, brief.path)), { recursive: true }); writeFileSync(join(content, brief.path), brief.text); }
