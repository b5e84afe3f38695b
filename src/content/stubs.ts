/** Stub profiles for references that have no file yet: valid against the kind's schema, marked TODO. */
import { getKind } from './registry.ts';

/** "china-northern-rare-earth" → "China Northern Rare Earth" */
function titleFromSlug(slug: string): string {
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

export function stubProfile(kind: string, slug: string): string {
  const lines = [
    '---',
    `name: ${titleFromSlug(slug)}  # TODO: check the name`,
    'aliases: []',
    ...getKind(kind).stubFields,
    '---',
    'TODO: write the profile.',
    '',
  ];
  return lines.join('\n');
}
