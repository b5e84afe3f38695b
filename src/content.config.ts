/**
 * Content collections, generated from the entity registry: `briefs` plus one
 * collection per entity kind. Schemas live in src/lib/schemas.ts; `npm run check`
 * (run before every build) reports problems with file and line first.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { BRIEFS_DIR, briefSchema, CONTENT_DIR, KINDS } from './lib/registry.ts';

const contentDir = process.env.BRIEFING_CONTENT_DIR ?? CONTENT_DIR;

/** Slugs are file names, whatever folder (year) a file sits in. */
const fileNameId = ({ entry }: { entry: string }) => entry.split('/').pop()!.replace(/\.mdx?$/, '');

const collection = (folder: string, schema: typeof briefSchema | (typeof KINDS)[number]['schema']) =>
  defineCollection({
    // Only frontmatter goes into Astro's content store: bodies are read and rendered at page
    // time (src/lib/site.ts, src/lib/markdown.ts). A store full of rendered HTML is what
    // made 10,000-brief builds slow (BENCHMARKS.md).
    loader: glob({ pattern: '**/[^_.]*.{md,mdx}', base: `${contentDir}/${folder}`, generateId: fileNameId, deferRender: true, retainBody: false }),
    schema,
  });

export const collections = {
  [BRIEFS_DIR]: collection(BRIEFS_DIR, briefSchema),
  ...Object.fromEntries(KINDS.map((kind) => [kind.id, collection(kind.id, kind.schema)])),
};
