/**
 * Content collections, generated from the entity registry: `briefs` plus one
 * collection per entity kind. Schemas live in src/content/schemas.ts; `npm run check`
 * (run before every build) reports problems with file and line first.
 */
import { defineCollection } from 'astro:content';
import { frontmatterLoader } from './astro/content-loader.ts';
import { BRIEFS_DIR, briefSchema, CONTENT_DIR, KINDS } from './content/registry.ts';

const contentDir = process.env.BRIEFING_CONTENT_DIR ?? CONTENT_DIR;

const collection = (folder: string, schema: typeof briefSchema | (typeof KINDS)[number]['schema']) =>
  defineCollection({ loader: frontmatterLoader(`${contentDir}/${folder}`), schema });

export const collections = {
  [BRIEFS_DIR]: collection(BRIEFS_DIR, briefSchema),
  ...Object.fromEntries(KINDS.map((kind) => [kind.id, collection(kind.id, kind.schema)])),
};
