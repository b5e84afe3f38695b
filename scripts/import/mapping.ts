/**
 * The optional mapping file (`--map import-map.yaml`): where each category or tag of the old
 * site goes. Without it, categories and tags become themes, except those whose name is the
 * name or alias of a profile the site already has, which become references to it.
 *
 *   categories:
 *     Rare earths: themes/rare-earths      # a theme, company, policy or term, by kind/slug
 *     Company news: skip                   # not imported
 *   tags:
 *     Lynas: companies/lynas-rare-earths
 *   defaults:
 *     categories: themes                   # themes (the default) or skip
 *     tags: skip
 */
import { z } from 'astro/zod';
import { isFrontmatterError, parseYamlFile } from '../../src/content/frontmatter.ts';
import { fieldPath } from '../../src/content/problems.ts';
import { isKindId, KIND_IDS, type KindId } from '../../src/content/registry.ts';
import { SLUG_PATTERN } from '../../src/content/slugs.ts';
import { nameKey } from '../../src/model/text.ts';

export type Target = { kind: KindId; slug: string } | 'skip';

export interface Mapping {
  /** By taxonomy, then by the term's name (as nameKey) or slug. */
  terms: Record<'categories' | 'tags', Map<string, Target>>;
  defaults: Record<'categories' | 'tags', 'themes' | 'skip'>;
}

export const EMPTY_MAPPING: Mapping = {
  terms: { categories: new Map(), tags: new Map() },
  defaults: { categories: 'themes', tags: 'themes' },
};

const target = z.string().refine(
  (value) => {
    if (value === 'skip') return true;
    const [kind, slug, ...rest] = value.split('/');
    return !rest.length && !!kind && isKindId(kind) && !!slug && SLUG_PATTERN.test(slug);
  },
  {
    error: (issue) =>
      `expected "skip" or kind/slug such as "themes/rare-earths" (kinds: ${KIND_IDS.join(', ')}), got ${JSON.stringify(issue.input)}`,
  },
);

const schema = z.strictObject({
  categories: z.record(z.string(), target).default({}),
  tags: z.record(z.string(), target).default({}),
  defaults: z
    .strictObject({
      categories: z.enum(['themes', 'skip']).default('themes'),
      tags: z.enum(['themes', 'skip']).default('themes'),
    })
    .default({ categories: 'themes', tags: 'themes' }),
});

/** The mapping, or the problems with file:line. */
export function parseMapping(text: string, file: string): Mapping | string[] {
  const parsed = parseYamlFile(text);
  if (isFrontmatterError(parsed))
    return [`${file}:${parsed.line}: ${parsed.message.replace('frontmatter', 'mapping file')}`];
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    return result.error.issues.map(
      (issue) =>
        `${file}:${parsed.lineOf(issue.path as PropertyKey[])}: ${fieldPath(issue.path as PropertyKey[])}: ${issue.message}`,
    );
  }
  const toMap = (entries: Record<string, string>) =>
    new Map(
      Object.entries(entries).map(([name, value]): [string, Target] => {
        if (value === 'skip') return [nameKey(name), 'skip'];
        const [kind, slug] = value.split('/') as [KindId, string];
        return [nameKey(name), { kind, slug }];
      }),
    );
  return {
    terms: { categories: toMap(result.data.categories), tags: toMap(result.data.tags) },
    defaults: result.data.defaults,
  };
}
