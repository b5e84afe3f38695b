/**
 * Content collections, generated from the entity registry: `briefs` plus one collection per
 * entity kind. Validation is src/content/validate.ts (the same code as `npm run check`);
 * the loader only registers what it accepted (src/astro/content-loader.ts).
 */
import { defineCollection } from 'astro:content';
import { contentLoader } from './astro/content-loader.ts';
import { BRIEFS_DIR, KIND_IDS } from './content/registry.ts';

export const collections = Object.fromEntries(
  [BRIEFS_DIR, ...KIND_IDS].map((name) => [name, defineCollection({ loader: contentLoader() })]),
);
