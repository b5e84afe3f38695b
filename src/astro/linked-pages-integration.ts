/**
 * On a large site, `npm run build` puts the unchanged pages of the last build into its staging
 * folder as hard links to Astro's cached copies (scripts/lib/cached-pages.ts): no bytes copied.
 * Once published, those pages share their files with the cache, so a file Astro writes in place
 * (a page it renders again, or that page's cached copy) would also change the published page,
 * during the build and whether or not the build then succeeds.
 *
 * Astro writes both with `fs.promises.writeFile` (astro/dist/core/build/generate.js,
 * incremental.js), which truncates an existing file. In `npm run build`'s Astro process, a write
 * under the output folder or the cache's copies therefore removes the name first, so that it makes
 * a new file and the old one lives on under its other names. Astro has no option for this.
 *
 * Astro writes a page's cached copy right after the page, from the same buffer. That copy is made
 * a hard link to the page instead of a second file: at 100,000 briefs, 3 GB less written by a
 * first build, and an unchanged page is then the same file in every later build (the search
 * indexer knows it by its digest, src/search/build/index-site.ts).
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

/** Astro's folder of cached pages in its cache (astro/dist/core/build/incremental.js). */
const CACHED_PAGES_DIR = 'dist';

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
  const writeFile: WriteFile = async (file, data, options) => {
    const path = pathOf(file);
    if (path !== undefined && roots.some((root) => path.startsWith(root)))
      await fs.unlink(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    const buffer = typeof data === 'object' && data !== null ? data : undefined;
    if (path && buffer && copiesRoot && pages && path.startsWith(copiesRoot)) {
      const relative = path.slice(copiesRoot.length);
      if (written.get(buffer) === relative) {
        written.delete(buffer);
        const linked = await fs.link(join(pages, relative), path).then(
          () => true,
          () => false,
        );
        if (linked) return;
      }
    }
    await original(file, data, options);
    if (path && buffer && pages && path.startsWith(pages))
      written.set(buffer, path.slice(pages.length));
  };
  fs.writeFile = writeFile;
  return () => {
    if (fs.writeFile === writeFile) fs.writeFile = original;
  };
}

/** In `astro build`, when `enabled` (`npm run build` says so): the output folder and cache. */
export function linkedPages(enabled: boolean): AstroIntegration {
  return {
    name: 'briefing-linked-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!enabled) return;
        const [outDir, cacheDir] = [fileURLToPath(config.outDir), fileURLToPath(config.cacheDir)];
        writeNewFilesUnder([outDir, cacheDir], {
          of: outDir,
          in: join(cacheDir, CACHED_PAGES_DIR),
        });
      },
    },
  };
}
