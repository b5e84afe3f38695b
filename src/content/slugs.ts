/** Slugs: file names are slugs, and slugs are URLs (`content/briefs/2025/x.md` → `/briefs/x/`). */

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The slug of a content file, whatever folder (year) it sits in. */
export function slugOfPath(path: string): string {
  return path
    .split(/[\\/]/)
    .pop()!
    .replace(/\.mdx?$/, '');
}

export function isSlug(text: string): boolean {
  return SLUG_PATTERN.test(text);
}
