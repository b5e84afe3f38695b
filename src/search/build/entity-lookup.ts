/**
 * Writes the entity lookup (src/search/shared/entities.ts) into the search index: files of
 * about a kilobyte under /pagefind/entities/, each holding the names whose key hashes to it,
 * with what the search page shows of each entity and its profile's result id in the bundles
 * (read from the bundles' fragments), so that the profile is shown once, as the entity.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type EntityCard, ENTITIES_DIR, makeBuckets } from '../shared/entities.ts';
import type { EntityToLookup } from './documents.ts';

/** Result id (the fragment's name) of every page of a bundle, by URL. */
export function resultIds(bundleDir: string): Map<string, string> {
  const ids = new Map<string, string>();
  const dir = join(bundleDir, 'fragment');
  for (const file of readdirSync(dir)) {
    const text = gunzipSync(readFileSync(join(dir, file))).toString('utf8');
    const { url } = JSON.parse(text.slice(text.indexOf('{'))) as { url: string };
    ids.set(url, file.replace(/\.pf_fragment$/, ''));
  }
  return ids;
}

/**
 * Writes the lookup into `root` (/pagefind/) from the result ids of the English and the
 * Chinese bundles that hold profiles; returns the number of files.
 */
export function writeEntityLookup(
  root: string,
  entities: readonly EntityToLookup[],
  enDirs: readonly string[],
  zhDirs: readonly string[] = [],
): number {
  const idsIn = (dirs: readonly string[]) => new Map(dirs.flatMap((dir) => [...resultIds(dir)]));
  const [en, zh] = [idsIn(enDirs), idsIn(zhDirs)];
  const named = entities.map(({ keys, ...entity }) => {
    const ids: EntityCard['ids'] = {};
    const [enId, zhId] = [en.get(entity.url), zh.get(entity.url)];
    if (enId) ids.en = enId;
    if (zhId) ids.zh = zhId;
    return { card: { ...entity, ids }, keys };
  });
  const buckets = makeBuckets(named);
  const dir = join(root, ENTITIES_DIR);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  buckets.forEach((bucket, i) => writeFileSync(join(dir, `${i}.json`), JSON.stringify(bucket)));
  return buckets.length;
}
