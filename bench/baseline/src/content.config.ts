/** Plain glob loaders over the generated corpus: no reference checks, no link graph. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// Relative paths are relative to bench/baseline; by default, the project's sample content.
const contentDir = process.env.BENCH_CONTENT_DIR ?? '../../content';
const fileNameId = ({ entry }: { entry: string }) => entry.split('/').pop()!.replace(/\.mdx?$/, '');
const load = (folder: string) => glob({ pattern: '**/*.md', base: `${contentDir}/${folder}`, generateId: fileNameId });

const entitySchema = z.looseObject({ name: z.string(), summary: z.string().optional() });

export const collections = {
  briefs: defineCollection({
    loader: load('briefs'),
    schema: z.looseObject({ title: z.string(), date: z.coerce.date(), summary: z.string() }),
  }),
  companies: defineCollection({ loader: load('companies'), schema: entitySchema }),
  policies: defineCollection({ loader: load('policies'), schema: entitySchema }),
  themes: defineCollection({ loader: load('themes'), schema: entitySchema }),
  terms: defineCollection({ loader: load('terms'), schema: entitySchema }),
};
