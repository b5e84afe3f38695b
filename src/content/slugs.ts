/** Slugs: file names are slugs, and slugs are URLs (`content/briefs/2025/x.md` → `/briefs/x/`). */
import { createRequire } from 'node:module';
import slugify from '@sindresorhus/slugify';
import type { pinyin as Pinyin } from 'pinyin-pro';

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

/** Slugs made from titles stop at a word boundary near this length: URLs stay readable. */
export const MAX_DERIVED_SLUG = 72;

const HAN = /\p{Script=Han}/u;

let pinyinOf: ((text: string) => string[]) | undefined;

/**
 * Chinese text as toneless pinyin syllables. pinyin-pro reads polyphonic characters in
 * context (银行 is yin-hang, 行长 hang-zhang); it is loaded on first use because its
 * dictionary takes a third of a second to load and only Chinese titles need it.
 */
function toPinyin(text: string): string[] {
  if (!pinyinOf) {
    const { pinyin } = createRequire(import.meta.url)('pinyin-pro') as { pinyin: typeof Pinyin };
    pinyinOf = (t) => pinyin(t, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: 'u' });
  }
  return pinyinOf(text);
}

/**
 * A slug from a title or a name: Chinese becomes toneless pinyin, other scripts and accents
 * are transliterated (@sindresorhus/slugify: Société → societe). Empty when nothing in the
 * text can be written in slug letters (emoji, punctuation): the caller then needs another name.
 */
export function slugFromTitle(title: string): string {
  let text = title.normalize('NFKC');
  if (HAN.test(text)) text = toPinyin(text).join(' ');
  return shorten(slugify(text, { decamelize: false }), MAX_DERIVED_SLUG);
}

function shorten(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return (at > 0 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/, '');
}

/**
 * `slug`, or `slug-2`, `slug-3`… : the first that `taken` does not hold, so a new file never
 * shares a slug (two files with one slug stop the build).
 */
export function uniqueSlug(slug: string, taken: (candidate: string) => boolean): string {
  if (!taken(slug)) return slug;
  for (let n = 2; ; n++) {
    const candidate = `${slug}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
