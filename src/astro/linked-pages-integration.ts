/**
 * In `astro build`, Astro writes a page and then its cached copy, from the same buffer. The copy
 * is made a hard link to the page instead of a second file: at 100,000 briefs, 3 GB less written
 * by a first build, and an unchanged page is then the same file in every later build (the search
 * indexer knows it by its digest, src/search/build/index-site.ts). On a large site,
 * `npm run build` also puts the unchanged pages of the last build into its staging folder as
 * hard links to those copies (scripts/lib/cached-pages.ts): no bytes copied.
 *
 * So the published pages share their files with the cache, and a file Astro wrote in place (a
 * page it renders again, or that page's cached copy) would also change the published page,
 * during the build and whether or not the build then succeeds. Astro writes both with
 * `fs.promises.writeFile` (astro/dist/core/build/generate.js, incremental.js), which truncates an
 * existing file. A write under the output folder or the cache therefore makes a new file, and the
 * old one lives on under its other names: it creates the file exclusively, and removes the name
 * only when one is there (removing first cost a failed call per page in a first build). Astro has
 * no option for either.
 */
import { promises as fs } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

type WriteFile = typeof fs.writeFile;

/** A path as `writeFile` takes it, as a string; undefined for a file handle. */
function pathOf(file: Parameters<WriteFile>[0]): string | undefined {
  if (typeof file === 'string') return file;
  if (file instanceof URL) return file.protocol === 'file:' ? fileURLToPath(file) : undefined;
  if (Buffer.isBuffer(file)) return file.toString();
  return undefined;
}

/** `options` with the flag that fails on an existing file; undefined if they set another flag. */
function exclusiveOptions(
  options: Parameters<WriteFile>[2],
): Exclude<Parameters<WriteFile>[2], string | null> | undefined {
  if (options === undefined || options === null) return { flag: 'wx' };
  if (typeof options === 'string') return { encoding: options, flag: 'wx' };
  return options.flag === undefined || options.flag === 'w'
    ? { ...options, flag: 'wx' }
    : undefined;
}

/** Astro's folder of cached pages in its cache (astro/dist/core/build/incremental.js). */
export const CACHED_PAGES_DIR = 'dist';

const under = (folder: string) => (folder.endsWith(sep) ? folder : folder + sep);

/**
 * Makes every `fs.promises.writeFile` into a file under one of `folders` write a new file instead
 * of overwriting one that may have other names. With `copies`, a write under `copies.in` of the
 * very buffer just written to the same relative path under `copies.of` is made a hard link to that
 * file (a write, where no link can be made). Returns the function that undoes it.
 */
export function writeNewFilesUnder(
  folders: readonly string[],
  copies?: { of: string; in: string },
): () => void {
  const roots = folders.map(under);
  const [pages, copiesRoot] = copies ? [under(copies.of), under(copies.in)] : [];
  /** The buffers last written under `copies.of`, and where (relative). */
  const written = new WeakMap<object, string>();
  const original = fs.writeFile;
  /** Removes the name, so that what is written next is a new file. */
  const unlink = (path: string) =>
    fs.unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  /** A hard link at `path` to `target`, in place of a file there; false where none can be made. */
  const linkOver = async (target: string, path: string): Promise<boolean> => {
    try {
      await fs.link(target, path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
    }
    await unlink(path);
    return fs.link(target, path).then(
      () => true,
      () => false,
    );
  };
  /**
   * Writes a new file: created exclusively, as most are (every one, in a first build); where a
   * file is there, or the options set a flag of their own, its name is removed first.
   */
  const writeNew = async (path: string, ...[file, data, options]: Parameters<WriteFile>) => {
    const exclusive = exclusiveOptions(options);
    if (exclusive) {
      try {
        return await original(file, data, exclusive);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    await unlink(path);
    await original(file, data, options);
  };
  const writeFile: WriteFile = async (file, data, options) => {
    const path = pathOf(file);
    if (path === undefined || !roots.some((root) => path.startsWith(root)))
      return original(file, data, options);
    const buffer = typeof data === 'object' && data !== null ? data : undefined;
    if (buffer && copiesRoot && pages && path.startsWith(copiesRoot)) {
      const relative = path.slice(copiesRoot.length);
      if (written.get(buffer) === relative) {
        written.delete(buffer);
        if (await linkOver(join(pages, relative), path)) return;
      }
    }
    await writeNew(path, file, data, options);
    if (buffer && pages && path.startsWith(pages)) written.set(buffer, path.slice(pages.length));
  };
  fs.writeFile = writeFile;
  return () => {
    if (fs.writeFile === writeFile) fs.writeFile = original;
  };
}

/**
 * In every `astro build` (`npm run build`'s, or one run by hand with the same cache): the output
 * folder and the cache. Not in `astro dev`, which writes neither.
 */
export function linkedPages(): AstroIntegration {
  let building = false;
  return {
    name: 'briefing-linked-pages',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config }) => {
        if (!building) return;
        const [outDir, cacheDir] = [fileURLToPath(config.outDir), fileURLToPath(config.cacheDir)];
        writeNewFilesUnder([outDir, cacheDir], {
          of: outDir,
          in: join(cacheDir, CACHED_PAGES_DIR),
        });
      },
    },
  };
}
