/**
 * Builds the Pagefind search index as the last step of the build, so the index can never
 * be forgotten or go stale. See docs/search.md for the layout; in short:
 *
 * - `pagefind/`              the primary bundle (Pagefind's JavaScript and WebAssembly) with
 *                            the newest briefs and the most cited profiles, plus
 *                            `shards.json`, the list of bundles;
 * - `pagefind/briefs-<period>/`, `pagefind/profiles-<n>/` on a large site, the older briefs
 *                            and the less cited profiles in shards of at most 600, merged
 *                            into a search when needed (src/search/shared/shards.ts);
 * - `pagefind/zh/`, `pagefind/zh-<shard>/` every page whose readable text contains Chinese
 *                            characters, indexed as Chinese and sharded alike, every Han
 *                            character a word of its own (北方稀土 → 北 · 方 · 稀 · 土:
 *                            src/search/shared/query.ts). Queries with Chinese go here,
 *                            others to the English shards, so each page is counted once per query;
 * - `pagefind/entities/`     the entity lookup (src/search/build/entity-lookup.ts).
 *
 * Each bundle is fingerprinted by exactly what Pagefind was given. A rebuild links the
 * unchanged bundles from the previous site instead of re-indexing them, and every bundle
 * is indexed by a fresh Pagefind process, so the memory peak is one shard (per core), not the
 * site; bundles are indexed on every core at once (worker threads, see indexingPool).
 */
import { createHash } from 'node:crypto';
import {
  type BigIntStats,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { close, createIndex } from 'pagefind';
import { installedVersion } from '../../content/installed-version.ts';
import { KnownFiles } from '../../content/known-files.ts';
import { plural } from '../../model/text.ts';
import { BRIEF_KIND, FILTER } from '../shared/document.ts';
import { ENTITIES_DIR } from '../shared/entities.ts';
import { BUNDLE_DIR, ZH_BUNDLE_DIR } from '../shared/query.ts';
import {
  assignShards,
  DATES_FILE,
  markFirstTier,
  PRIMARY_SHARD,
  SHARDS_FILE,
  type ShardInfo,
  type ShardManifest,
} from '../shared/shards.ts';
import type { EntityToLookup, PageToIndex } from './documents.ts';
import { resultIds, writeEntityLookup } from './entity-lookup.ts';
import { documentFor, mainOf } from './indexed-html.ts';
import { pagesWatch, runWhenReady } from './written-pages.ts';

/** What a bundle holds besides Pagefind's scripts: only these are kept in secondary bundles. */
const INDEX_FILE = /^pagefind-entry\.json$|\.pf_meta$/;
const INDEX_DIRS = ['index', 'fragment', 'filter'];
/**
 * Locations per chunk of Pagefind's word index (its default is 20,000). A search loads the
 * chunk holding each query word; smaller chunks hold fewer other words, which matters
 * when a search loads one chunk per shard. Pagefind reads this from its environment.
 */
const INDEX_CHUNK_LOCATIONS = '4000';
/** Bumped when what is handed to Pagefind changes shape, so old bundles are not reused. */
const FORMAT = 4;

interface SearchablePage extends PageToIndex {
  /** Hash of the document handed to Pagefind. */
  hash: string;
  /** What `stat` said of the file when it was hashed (see changed()). */
  signature: string;
}

export interface IndexOptions {
  /** The site published before: its unchanged bundles are linked, not indexed again. */
  previousDir?: string | undefined;
  /** The site's language (the `lang` of its pages). */
  language: string;
  shardBriefs: number;
  firstTierKb: number;
  /** The entities the search page recognises by name (documents.ts). */
  entities?: readonly EntityToLookup[];
  /** Kilobytes of metadata the fall-back tier may add (searched when the first has too few results). */
  fallbackKb?: number | undefined;
  /**
   * At most this many fragment files per bundle (Pagefind's `maxFragments`: it packs several
   * pages' result data into one file), for hosts that cap the number of files; 0: no limit.
   */
  maxFragments?: number | undefined;
  /** Bundles indexed at once, each by its own Pagefind process (default: 2, or 1 on one core). */
  jobs?: number | undefined;
  /**
   * Given while the site is still being written (Astro renders beside the indexing): resolves
   * when it is complete, rejects when it failed. Each bundle is indexed as soon as its pages
   * are written, one at a time while the site is written and on every core after; a bundle
   * whose pages change after it was indexed is indexed again at the end.
   */
  writing?: Promise<void> | undefined;
  /**
   * Whether the page file at this path is written in full, while the site is being written
   * (default: it ends its `<html>`, written-pages.ts).
   */
  written?: ((path: string) => boolean) | undefined;
  /** Called as bundles are done (indexed or reused), with their total. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /**
   * Where the digest of each page's `<main>` is kept between builds, with its file's signature
   * (pageSignature): a page still in the same file is not read again to learn whether its
   * bundle changed. None: every page is read.
   */
  pageDigests?: string | undefined;
}

/**
 * Writes every Pagefind bundle for `pages` (src/search/build/documents.ts) into the built
 * site at `outDir`, linking unchanged ones from the previous site; returns a one-line report.
 */
export async function indexSite(
  outDir: string,
  pagesToIndex: readonly PageToIndex[],
  options: IndexOptions,
): Promise<string> {
  outDir = outDir.replace(/[\\/]$/, '');
  const { previousDir } = options;
  const started = performance.now();
  const root = join(outDir, BUNDLE_DIR);
  const previousRoot = previousDir && join(previousDir, BUNDLE_DIR);
  const previous = previousRoot ? readManifest(previousRoot) : undefined;
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= INDEX_CHUNK_LOCATIONS;
  const salt = `${FORMAT}:${installedVersion('pagefind')}:${process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE}:${options.maxFragments ?? 0}`;
  let reused = 0;
  let indexed = 0;

  /**
   * Links the bundle from the previous site if its key matches, else indexes it afresh.
   * `shared`: filters every page of the bundle has, left out of it (see sharedFilters).
   */
  async function bundle(
    id: string,
    path: string,
    pages: SearchablePage[],
    key: string,
    {
      language,
      shared = {},
    }: { language?: string | undefined; shared?: Record<string, string> } = {},
  ): Promise<boolean> {
    const dir = join(root, path);
    const before = (language === 'zh' ? previous?.zh : previous?.shards)?.find((s) => s.id === id);
    if (
      previousRoot &&
      before?.key === key &&
      before.path === path &&
      linkBundle(join(previousRoot, path), dir)
    ) {
      reused++;
      return false;
    }
    await pool.index({
      pages,
      dir,
      outDir,
      siteLanguage: options.language,
      forceLanguage: language,
      without: Object.keys(shared),
      maxFragments: options.maxFragments || undefined,
    });
    // Every bundle is searched with the primary bundle's pagefind.js and WebAssembly (see
    // useEnglishWasm); the others keep only their indexes.
    const keep = (file: string) =>
      INDEX_FILE.test(file) || file === DATES_FILE || INDEX_DIRS.includes(file);
    if (path) for (const file of readdirSync(dir)) if (!keep(file)) rmSync(join(dir, file));
    if (language === 'zh') useEnglishWasm(dir);
    writeDates(dir, pages);
    indexed++;
    return true;
  }

  const digests = new KnownFiles(options.pageDigests);
  const pool = indexingPool(
    options.jobs ?? Math.min(2, availableParallelism()),
    Boolean(options.writing),
  );
  try {
    /** One index's shards: English at pagefind/ and <id>/, Chinese at zh/ and zh-<id>/. */
    const plan = (members: PageToIndex[], language?: 'zh') =>
      [...assignShards(members, options.shardBriefs)].map(([id, shardPages]) => {
        const path = language
          ? id === PRIMARY_SHARD
            ? `${ZH_BUNDLE_DIR}/`
            : `${ZH_BUNDLE_DIR}-${id}/`
          : id === PRIMARY_SHARD
            ? ''
            : `${id}/`;
        const dates = shardPages.flatMap((p) => (p.date ? [p.date] : [])).sort();
        const shared = id === PRIMARY_SHARD || !dates.length ? {} : sharedFilters(dates);
        const watch = pagesWatch(
          outDir,
          shardPages.map((p) => p.file),
          options.written,
        );
        return {
          id,
          path,
          pages: shardPages,
          members: [] as SearchablePage[],
          dates,
          shared,
          key: '',
          language,
          watch,
          /** Hashed before the site was complete: checked again at the end. */
          early: false,
          /** Indexed (not reused) before the site was complete. */
          indexedEarly: false,
        };
      });
    type Job = ReturnType<typeof plan>[number];
    const english = plan([...pagesToIndex]);
    const chinese = plan(
      pagesToIndex.filter((p) => p.chinese),
      'zh',
    ).filter((job) => job.pages.length);
    const total = english.length + chinese.length;
    let done = 0;
    let writing = Boolean(options.writing);
    let writtenAt: number | undefined;
    void options.writing?.then(
      () => {
        writing = false;
        writtenAt = performance.now();
      },
      () => {},
    );
    const hashed = (job: Job) => {
      job.members = job.pages.map((page) => withHash(outDir, page, options.language, digests));
      job.key = fingerprint(
        `${salt}:${job.language ?? ''}:${JSON.stringify(job.shared)}`,
        job.members,
      );
    };
    const index = async (job: Job) => {
      hashed(job);
      job.early = writing;
      const indexedNow = await bundle(job.id, job.path, job.members, job.key, job);
      job.indexedEarly = indexedNow && job.early;
    };
    options.onProgress?.(0, total);
    // The largest first, so that the last job to finish is a small one; while the site is
    // still being written, the first whose pages are all there. Bundles write into folders of
    // their own (the primary's files sit beside its shards' folders).
    await runWhenReady({
      tasks: [...english, ...chinese].sort((a, b) => b.pages.length - a.pages.length),
      ready: (job) => job.watch.ready(),
      run: (job) => index(job).then(() => options.onProgress?.(++done, total)),
      lanes: pool.size,
      lanesWhileWriting: pool.size - 1,
      writing: options.writing,
    });
    const whileWriting = [...english, ...chinese].filter((job) => job.indexedEarly).length;
    // A page that changed after its bundle was indexed (nothing does today) has its bundle
    // indexed again, so the index always matches the published pages.
    const stale = [...english, ...chinese].filter(
      (job) => job.early && job.members.some((page) => changed(outDir, page)),
    );
    await runWhenReady({
      tasks: stale,
      ready: () => true,
      run: (job) => {
        clearBundle(join(root, job.path));
        return index(job);
      },
      lanes: pool.size,
      lanesWhileWriting: pool.size,
    });
    const describe = (jobs: typeof english): ShardInfo[] =>
      jobs.map(({ id, path, members, dates, shared, key }) => ({
        id,
        path,
        pages: members.length,
        briefs: dates.length,
        from: dates[0],
        to: dates.at(-1),
        fixedBytes: fixedBytes(join(root, path)),
        first: false,
        key,
        ...(Object.keys(shared).length ? { filters: shared } : {}),
      }));
    const tiers = (shards: ShardInfo[]) =>
      markFirstTier(shards, options.firstTierKb * 1000, (options.fallbackKb ?? 0) * 1000);
    const shards = tiers(describe(english));
    const zh = tiers(describe(chinese));
    // Profiles are in the primary bundles and the profile shards: their result ids name them.
    const profileDirs = (list: ShardInfo[]) =>
      list.filter((s) => s.briefs < s.pages).map((s) => join(root, s.path));
    const lookupFiles = writeEntityLookup(
      root,
      options.entities ?? [],
      profileDirs(shards),
      profileDirs(zh),
    );
    const manifest: ShardManifest = {
      version: 2,
      briefs: shards.reduce((n, s) => n + s.briefs, 0),
      shards,
      zh,
      entities: { path: `${ENTITIES_DIR}/`, buckets: lookupFiles },
    };
    writeFileSync(join(root, SHARDS_FILE), `${JSON.stringify(manifest)}\n`);
    digests.save();

    const seconds = ((performance.now() - (writtenAt ?? started)) / 1000).toFixed(1);
    const first = shards.filter((s) => s.first).length;
    const fallback = shards.filter((s) => s.fallback).length;
    const zhPages = zh.reduce((n, s) => n + s.pages, 0);
    const early = options.writing
      ? ` (${whileWriting} while the pages were written${stale.length ? `, ${stale.length} again as their pages changed` : ''})`
      : '';
    const after = writtenAt === undefined ? '' : ' after the pages';
    return `Pagefind indexed ${pagesToIndex.length} pages in ${plural(shards.length, 'English bundle')} (${first} searched first, ${fallback} more when they have too few results) and ${zhPages} pages with Chinese text as Chinese in ${plural(zh.length, 'bundle')}; ${plural(indexed, 'bundle')} indexed${early}, ${reused} unchanged and reused, in ${seconds} s${after}`;
  } finally {
    await pool.close();
    await close();
  }
}

/**
 * The filters every brief of a shard has: the kind, and the year of a shard within one year.
 * Pagefind would store each as a list of every page of the shard (a kilobyte a shard, loaded by
 * every search of it); the shard is indexed without them, and the search page adds them back
 * as Pagefind's merge filter (`ShardInfo.filters`, src/search/browser/bundles.ts).
 */
function sharedFilters(dates: readonly string[]): Record<string, string> {
  const years = new Set(dates.map((d) => d.slice(0, 4)));
  return {
    [FILTER.kind]: BRIEF_KIND,
    ...(years.size === 1 ? { [FILTER.year]: [...years][0]! } : {}),
  };
}

/** What one bundle's indexing needs: plain data, so that a worker thread can do it. */
export interface IndexJob {
  pages: SearchablePage[];
  dir: string;
  outDir: string;
  siteLanguage: string;
  forceLanguage?: string | undefined;
  /** Filters every page of the bundle has, left out of it (see sharedFilters). */
  without?: string[] | undefined;
  maxFragments?: number | undefined;
}

/**
 * Bundles indexed `size` at a time. Pagefind's Node API drives one Pagefind process per
 * JavaScript module instance, so each parallel job runs in a worker thread of its own
 * (src/search/build/index-worker.ts), with its own process; with one job, in this thread.
 */
function indexingPool(size: number, background: boolean) {
  if (size <= 1)
    return {
      size: 1,
      index: (job: IndexJob) => indexPages(job.pages, job.dir, job.outDir, job.siteLanguage, job),
      close: async () => {},
    };
  const idle: Worker[] = [];
  const all: Worker[] = [];
  const take = () => {
    const worker =
      idle.pop() ??
      new Worker(new URL('./index-worker.ts', import.meta.url), { workerData: { background } });
    if (!all.includes(worker)) all.push(worker);
    return worker;
  };
  return {
    size,
    index: (job: IndexJob) =>
      new Promise<void>((done, reject) => {
        const worker = take();
        const onError = (error: Error) => reject(error);
        worker.once('error', onError);
        worker.once('message', (reply: { error?: string }) => {
          worker.off('error', onError);
          idle.push(worker);
          if (reply.error) reject(new Error(reply.error));
          else done();
        });
        worker.postMessage(job);
      }),
    close: async () => {
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}

/** One Pagefind process per bundle: ending it returns its memory before the next starts. */
export async function indexPages(
  pages: SearchablePage[],
  dir: string,
  outDir: string,
  siteLanguage: string,
  {
    forceLanguage,
    without = [],
    maxFragments,
  }: Omit<IndexJob, 'pages' | 'dir' | 'outDir' | 'siteLanguage'> = {},
): Promise<void> {
  const { index, errors } = await createIndex({
    ...(forceLanguage ? { forceLanguage } : {}),
    ...(maxFragments ? { maxFragments } : {}),
  });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // The documents go to a folder Pagefind reads itself, each at its URL's path: sent through
  // its Node API instead, every page is JSON, then Base64, then a pipe, parsed one at a time
  // (3,000 briefs: 10.5-13.8 s that way, 7.7-9.6 s this way, with less CPU; BENCHMARKS.md).
  const documents = mkdtempSync(join(tmpdir(), 'briefing-index-'));
  try {
    for (const page of pages) {
      const folder = join(documents, documentFolder(page.url));
      mkdirSync(folder, { recursive: true });
      const html = readFileSync(join(outDir, page.file), 'utf8');
      const document = documentFor(html, {
        language: siteLanguage,
        filters: page.filters,
        hanApart: forceLanguage === 'zh',
        without,
      });
      writeFileSync(join(folder, 'index.html'), document);
    }
    const added = await index.addDirectory({ path: documents });
    if (added.errors.length || added.page_count !== pages.length)
      throw new Error(
        `Pagefind indexed ${added.page_count} of ${pages.length} pages for ${dir}: ${added.errors.join('; ')}`,
      );
    const written = await index.writeFiles({ outputPath: dir });
    if (written.errors.length)
      throw new Error(`Pagefind could not write its index to ${dir}: ${written.errors.join('; ')}`);
  } finally {
    rmSync(documents, { recursive: true, force: true });
    await close();
  }
}

/**
 * The folder, relative to the documents' folder, whose `index.html` Pagefind gives the page's
 * URL: the URL's path. Pages are folders (`/briefs/x/`) named by slugs and a base path of
 * unreserved characters (src/content/slugs.ts, settings.ts), so the path is the URL as is.
 */
export function documentFolder(url: string): string {
  if (!/^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(url) || /(^|\/)\.\.?\//.test(url))
    throw new Error(`cannot index ${url}: a page URL must be a folder path of plain characters`);
  return url.slice(1);
}

/** The page with a hash of exactly what documentFor() hands to Pagefind. Read as bytes: fast. */
function withHash(
  outDir: string,
  page: PageToIndex,
  language: string,
  digests: KnownFiles,
): SearchablePage {
  const path = join(outDir, page.file);
  let signature: string;
  let main: string | undefined;
  try {
    signature = pageSignature(statSync(path, { bigint: true }));
    main = digests.recall(page.file, signature);
    if (main === undefined) {
      const bytes = readFileSync(path);
      const { start, end } = mainOf(bytes);
      main = createHash('sha1').update(bytes.subarray(start, end)).digest('hex');
      digests.note(page.file, { signature, digest: main });
    }
  } catch {
    throw new Error(`the page ${page.url} was not built (no ${page.file})`);
  }
  const hash = createHash('sha1').update(language).update(JSON.stringify(page.filters));
  return { ...page, signature, hash: hash.update(main).digest('hex') };
}

/**
 * A page file's identity for its digest: device, inode, size and modification time. Not its
 * change time, which the signature of a source file has (known-files.ts): linking an unchanged
 * page into place sets it, on every rebuild. Astro writes each page it renders as a new file
 * (src/astro/linked-pages-integration.ts), so a page's file is never rewritten in place.
 */
function pageSignature(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}`;
}

/** Whether the page's file is no longer the one hashed. */
function changed(outDir: string, page: SearchablePage): boolean {
  try {
    return pageSignature(statSync(join(outDir, page.file), { bigint: true })) !== page.signature;
  } catch {
    return true;
  }
}

/**
 * Pagefind loads one WebAssembly module per page and every instance uses the first one
 * loaded, whichever bundle's it is. The Chinese bundle's own (built without a stemmer) would
 * then leave English searches unstemmed after a Chinese one. So the Chinese bundle's entry
 * points at the primary bundle's English module instead (one file, cached once), which
 * stems the English words of a mixed query and leaves Chinese characters as they are.
 */
function useEnglishWasm(dir: string): void {
  const file = join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(file, 'utf8')) as {
    languages: Record<string, { wasm?: string }>;
  };
  // Pagefind fetches `${bundle}wasm.${name}.pagefind`: this name climbs to the primary bundle.
  for (const language of Object.values(entry.languages)) language.wasm = 'x/../../wasm.en';
  writeFileSync(file, JSON.stringify(entry));
}

function fingerprint(salt: string, pages: SearchablePage[]): string {
  const hash = createHash('sha1').update(salt);
  for (const page of pages) hash.update(`\0${page.url}\0${page.hash}`);
  return hash.digest('hex').slice(0, 16);
}

function readManifest(root: string): ShardManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(root, SHARDS_FILE), 'utf8')) as ShardManifest;
    return manifest.version === 2 ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Hard-links a bundle's files from the previous site (the primary bundle's own files only,
 * not the shard folders beside them). Links leave the previous site intact if this build
 * fails later. Returns false when the previous bundle is incomplete.
 */
function linkBundle(from: string, to: string): boolean {
  if (!existsSync(join(from, 'pagefind-entry.json'))) return false;
  const entries = readdirSync(from, { withFileTypes: true }).filter(
    (e) =>
      (e.isFile() && e.name !== SHARDS_FILE) || (e.isDirectory() && INDEX_DIRS.includes(e.name)),
  );
  mkdirSync(to, { recursive: true });
  for (const entry of entries) {
    if (entry.isFile()) {
      linkOrCopy(join(from, entry.name), join(to, entry.name));
      continue;
    }
    mkdirSync(join(to, entry.name), { recursive: true });
    for (const file of readdirSync(join(from, entry.name)))
      linkOrCopy(join(from, entry.name, file), join(to, entry.name, file));
  }
  return true;
}

/** A hard link where the file system allows one (same device), else a copy. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Writes `dates.json`: the ISO date of every dated page in the bundle, keyed by the result
 * id Pagefind gives it (its fragment's name). Pagefind can sort one bundle by date, but
 * merging bundles re-sorts by score, so the search page orders by these dates instead.
 */
function writeDates(dir: string, pages: SearchablePage[]): void {
  const dateOf = new Map(pages.flatMap((p) => (p.date ? [[p.url, p.date] as const] : [])));
  if (!dateOf.size) return;
  const dates: Record<string, string> = {};
  for (const [url, id] of resultIds(dir)) {
    const date = dateOf.get(url);
    if (date) dates[id] = date;
  }
  writeFileSync(join(dir, DATES_FILE), JSON.stringify(dates));
}

/**
 * Removes a bundle's index (its entry, metadata, word index, fragments and filters) before it is
 * indexed again: fragment files are named by their content, so old ones would stay beside the
 * new. The primary bundle's folder also holds the other bundles' folders, which stay.
 */
function clearBundle(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir))
    if (INDEX_FILE.test(entry) || INDEX_DIRS.includes(entry))
      rmSync(join(dir, entry), { recursive: true, force: true });
}

/** Metadata, entry and filter bytes: what every search of this bundle loads. */
function fixedBytes(dir: string): number {
  let bytes = 0;
  for (const file of readdirSync(dir))
    if (INDEX_FILE.test(file)) bytes += statSync(join(dir, file)).size;
  const filters = join(dir, 'filter');
  if (existsSync(filters))
    for (const file of readdirSync(filters)) bytes += statSync(join(filters, file)).size;
  return bytes;
}
