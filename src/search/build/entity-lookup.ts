/**
 * Writes the entity lookup (src/search/shared/entities.ts) into the search index: files of
 * about a kilobyte under /pagefind/entities/, each holding the names whose key hashes to it,
 * with what the search page shows of each entity and its profile's result id in the bundles
 * (read from the bundles' fragments), so that the profile is shown once, as the entity.
 */
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { constants, gunzipSync } from 'node:zlib';
import { type EntityCard, ENTITIES_DIR, makeBuckets } from '../shared/entities.ts';
import type { EntityToLookup } from './documents.ts';

/**
 * Result id of every page of a bundle, by URL. A fragment is a gzipped signature and JSON that
 * starts with the page's URL, and its result id is its name; so only its first bytes are read
 * and inflated (the whole fragment only when the URL runs past them): a build reads every
 * fragment of the site here, 100,000 of them at 100,000 briefs. With `search.maxFragments`
 * Pagefind packs pages into group files instead (`<lang>_group_<hash>.pf_fragment`), JSON that
 * maps each page's result id to its fragment: those are read whole.
 */
export function resultIds(bundleDir: string): Map<string, string> {
  const ids = new Map<string, string>();
  const dir = join(bundleDir, 'fragment');
  const head = Buffer.alloc(HEAD_BYTES);
  for (const file of readdirSync(dir)) {
    const path = join(dir, file);
    if (GROUP_FILE.test(file)) {
      for (const [id, url] of groupUrls(gunzipSync(readFileSync(path)), path)) ids.set(url, id);
      continue;
    }
    const fd = openSync(path, 'r');
    let read: number;
    try {
      read = readSync(fd, head, 0, HEAD_BYTES, 0);
    } finally {
      closeSync(fd);
    }
    const url =
      fragmentUrl(gunzipSync(head.subarray(0, read), { finishFlush: constants.Z_SYNC_FLUSH })) ??
      fragmentUrl(gunzipSync(readFileSync(path)));
    if (url === undefined) throw new Error(`${path} is not a Pagefind fragment with a URL`);
    ids.set(url, file.replace(/\.pf_fragment$/, ''));
  }
  return ids;
}

/** A file of several pages' fragments (Pagefind's `maxFragments`). */
const GROUP_FILE = /^[^_]+_group_[^.]+\.pf_fragment$/;

/** The result id and URL of every page in a group file's text. */
function groupUrls(text: Buffer, path: string): [id: string, url: string][] {
  const json = text.toString('utf8').replace(/^[^{]*/, '');
  let group: unknown;
  try {
    group = JSON.parse(json);
  } catch {
    group = undefined;
  }
  const pages = group && typeof group === 'object' ? Object.entries(group) : [];
  if (!pages.length) throw new Error(`${path} is not a Pagefind fragment group`);
  return pages.map(([id, page]) => {
    const url = (page as { url?: unknown } | null)?.url;
    if (typeof url !== 'string') throw new Error(`${path} has a fragment (${id}) without a URL`);
    return [id, url];
  });
}

/** Compressed bytes read of each fragment: its URL, and more, in almost every case. */
const HEAD_BYTES = 1024;

/** The URL at the start of a fragment's (possibly cut short) text; undefined if cut inside it. */
export function fragmentUrl(text: Buffer): string | undefined {
  const match = /^[^{]*\{"url":("(?:[^"\\]|\\.)*")/.exec(text.toString('utf8'));
  return match ? (JSON.parse(match[1]!) as string) : undefined;
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
