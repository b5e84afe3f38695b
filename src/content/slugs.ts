/** Slugs: file names are slugs, and slugs are URLs (`content/briefs/2025/x.md` → `/briefs/x/`). */
import { createRequire } from 'node:module';
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

/** Longest slug made from a title: long enough to tell posts apart, short enough for a URL. */
export const MAX_TITLE_SLUG = 80;

let pinyinOf: ((text: string) => string[]) | undefined;

/**
 * Chinese text as pinyin syllables (pinyin-pro, loaded on first use: its dictionary takes
 * a third of a second to load, and only titles with Chinese need it).
 */
function toPinyin(text: string): string[] {
  if (!pinyinOf) {
    const { pinyin } = createRequire(import.meta.url)('pinyin-pro') as { pinyin: typeof Pinyin };
    pinyinOf = (t) => pinyin(t, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  }
  return pinyinOf(text);
}

/**
 * A slug from a title or name: "China's Rare-Earth Quotas, 2025" → "chinas-rare-earth-quotas-2025",
 * "稀土价格上涨" → "xi-tu-jia-ge-shang-zhang", accents dropped ("Société" → "societe"). Cut at a
 * hyphen to at most MAX_TITLE_SLUG characters; '' when nothing is left (the caller then needs
 * another name, such as the post's id).
 */
export function slugFromTitle(title: string): string {
  const latin = /[\u3400-\u9fff\uf900-\ufaff]/.test(title) ? toPinyin(title).join(' ') : title;
  const slug = latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_TITLE_SLUG) return slug;
  const cut = slug.slice(0, MAX_TITLE_SLUG + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : MAX_TITLE_SLUG).replace(/-+$/, '');
}
