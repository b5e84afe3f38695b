/**
 * Unchanged pages put in place before Astro renders, so that a rebuild does not wait for Astro
 * to restore them one by one.
 *
 * Astro's incremental build (`experimental.incrementalBuild`) keeps a copy of every page it
 * renders with a cache key in `<cacheDir>/dist/`, listed in `<cacheDir>/incremental-build.json`.
 * A page whose key is unchanged is not rendered again: Astro copies it from there into the
 * output folder, or leaves it alone if the output folder already holds it. `npm run build`
 * renders into an empty staging folder (scripts/build.ts), so Astro copied every page, one
 * after another, with a thread-pool round trip for each folder and each file: 230 s for 107,396
 * files at 100,000 briefs. Placed here first, several at once, they take a fraction of that, and
 * Astro finds them in place.
 *
 * Hard links to the cached copies, not copies (at 100,000 briefs, 3 GB less to write on every
 * rebuild): Astro's process then writes each page it renders again, and each cached copy, as a
 * new file, never into one that may be linked (src/astro/linked-pages-integration.ts), so the
 * published page and the cached copy keep what they held. Copies where a link cannot be made (the
 * cache on another file system).
 *
 * A copied page that Astro neither keyed nor wrote this time (a brief deleted since) must not
 * be published: `removeUnclaimed` deletes it once Astro is done. Nor may the search index take a
 * copied page for this build's before Astro has kept or rewritten it (`copiedPagesWatch`).
 */
import { existsSync, readFileSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { copyFile, link, mkdir, stat } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { CACHED_PAGES_DIR } from '../../src/astro/linked-pages-integration.ts';
import { pageWritten } from '../../src/search/build/written-pages.ts';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Astro's name, from astro/dist/core/build/incremental.js. */
const MANIFEST_FILE = 'incremental-build.json';

interface AstroManifest {
  routes?: Record<string, { paths?: Record<string, { outputFile?: unknown }> }>;
}

const manifestFile = (cacheDir: string) => join(cacheDir, MANIFEST_FILE);

/** The output files (relative, as Astro records them) of every keyed page of the last build. */
export function cachedOutputFiles(cacheDir: string): string[] {
  const file = manifestFile(cacheDir);
  if (!existsSync(file)) return [];
  let manifest: AstroManifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as AstroManifest;
  } catch {
    // Astro reads it the same way: a manifest it cannot read means a full build.
    return [];
  }
  const files: string[] = [];
  for (const route of Object.values(manifest.routes ?? {}))
    for (const path of Object.values(route.paths ?? {}))
      if (typeof path.outputFile === 'string') files.push(path.outputFile);
  return files;
}

/**
 * Where Astro puts `outputFile` under `dir`: it resolves the recorded name as a URL. Undefined
 * for a name that would land outside `dir`.
 */
export function outputPath(dir: string, outputFile: string): string | undefined {
  const base = pathToFileURL(dir.endsWith(sep) ? dir : dir + sep);
  const path = fileURLToPath(new URL(outputFile, base));
  return path.startsWith(fileURLToPath(base)) && path.length > fileURLToPath(base).length
    ? path
    : undefined;
}

/** A page copied into the staging folder, with its size and time as copied. */
export interface CopiedPage {
  outputFile: string;
  path: string;
  mtimeMs: number;
  size: number;
}

/** Pages placed at once: each waits on the file system, in the kernel, most of its time. */
const PLACED_AT_ONCE = 4;

/**
 * Links each cached page of the last build into `outDir` (empty but for what this places), or
 * copies it. A page whose cached copy is missing is left to Astro. Several at once, on the thread
 * pool: each makes a folder and a file, which on a slow file system cost far more in the kernel
 * than the bytes (at 100,000 briefs, copies took about 0.7 ms a page here, one at a time: 78 s).
 */
export async function placeCachedPages(cacheDir: string, outDir: string): Promise<CopiedPage[]> {
  const cached = join(cacheDir, CACHED_PAGES_DIR);
  const pages = cachedOutputFiles(cacheDir).flatMap((outputFile) => {
    const from = outputPath(cached, outputFile);
    const to = outputPath(outDir, outputFile);
    return from && to ? [{ outputFile, from, to }] : [];
  });
  const folders = new Map<string, Promise<unknown>>();
  const copied: Array<CopiedPage | undefined> = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < pages.length; i = next++) {
      const { outputFile, from, to } = pages[i]!;
      const folder = dirname(to);
      let made = folders.get(folder);
      if (!made) folders.set(folder, (made = mkdir(folder, { recursive: true })));
      try {
        await made;
        await link(from, to).catch(() => copyFile(from, to));
        const { mtimeMs, size } = await stat(to);
        copied[i] = { outputFile, path: to, mtimeMs, size };
      } catch {
        // Left to Astro.
      }
    }
  };
  await Promise.all(Array.from({ length: PLACED_AT_ONCE }, lane));
  return copied.filter((page) => page !== undefined);
}

/**
 * Deletes every copied page that Astro neither keyed in this build (its new manifest) nor
 * wrote again: a page of the last build that this one does not make. Returns how many.
 */
export function removeUnclaimed(cacheDir: string, copied: readonly CopiedPage[]): number {
  if (!copied.length) return 0;
  const claimed = new Set(cachedOutputFiles(cacheDir));
  let removed = 0;
  for (const page of copied) {
    if (claimed.has(page.outputFile)) continue;
    let now: { mtimeMs: number; size: number };
    try {
      now = statSync(page.path);
    } catch {
      continue;
    }
    if (now.mtimeMs !== page.mtimeMs || now.size !== page.size) continue;
    unlinkSync(page.path);
    removed++;
    // Its folder (briefs/<slug>/) too, when nothing else is in it.
    try {
      rmdirSync(dirname(page.path));
    } catch {
      // not empty
    }
  }
  return removed;
}

/**
 * When a page of the staging folder is this build's (for the search indexer, which indexes
 * pages while Astro renders): a page not copied when it is written in full; a copied page once
 * Astro has said it kept it (`kept`, from its log) or has written it again.
 */
export function copiedPagesWatch(copied: readonly CopiedPage[]) {
  const byPath = new Map(copied.map((page) => [page.path, page]));
  const kept = new Set<string>();
  return {
    /** Astro kept the page at `path` as it was. */
    kept(path: string) {
      if (byPath.has(path)) kept.add(path);
    },
    written(path: string): boolean {
      const page = byPath.get(path);
      if (!page || kept.has(path)) return pageWritten(path);
      const now = statSync(path, { throwIfNoEntry: false });
      return (
        now !== undefined &&
        (now.mtimeMs !== page.mtimeMs || now.size !== page.size) &&
        pageWritten(path)
      );
    },
  };
}
