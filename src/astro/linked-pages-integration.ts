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
 */
import { promises as fs } from 'node:fs';
import { sep } from 'node:path';
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

/**
 * Makes every `fs.promises.writeFile` into a file under one of `folders` write a new file instead
 * of overwriting one that may have other names. Returns the function that undoes it.
 */
export function writeNewFilesUnder(folders: readonly string[]): () => void {
  const roots = folders.map((folder) => (folder.endsWith(sep) ? folder : folder + sep));
  const original = fs.writeFile;
  const writeFile: WriteFile = async (file, data, options) => {
    const path = pathOf(file);
    if (path !== undefined && roots.some((root) => path.startsWith(root)))
      await fs.unlink(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    return original(file, data, options);
  };
  fs.writeFile = writeFile;
  return () => {
    if (fs.writeFile === writeFile) fs.writeFile = original;
  };
}

/** In `astro build`, when `enabled` (scripts/build.ts says so): the output folder and cache. */
export function linkedPages(enabled: boolean): AstroIntegration {
  return {
    name: 'briefing-linked-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!enabled) return;
        writeNewFilesUnder([fileURLToPath(config.outDir), fileURLToPath(config.cacheDir)]);
      },
    },
  };
}
