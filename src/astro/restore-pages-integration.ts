/**
 * Puts the last build's reusable pages into the output folder while Astro prepares to render.
 *
 * Astro's incremental build (`experimental.incrementalBuild`) copies each page whose cache key
 * is unchanged back from its cacheDir, one page after another on its rendering loop (two
 * `existsSync`, a `mkdir` and a `copyFile` each: about 4 s of a 30 s rebuild at 10,000 briefs),
 * and skips the copy when the page is already in the output folder. Here the copies start as
 * soon as the configuration is known and run on Node's file threads while Astro syncs the
 * content, bundles and renders. Each copy is written under a temporary name and linked into
 * place only if no page is there yet, so a page Astro has already written (or restored) is
 * never replaced; Astro writes over a copy whose data changed. Copies of pages the build no
 * longer makes are removed at the end.
 *
 * For this Astro must not empty the output folder after the copies started:
 * `vite.build.emptyOutDir` is false, and this integration empties the folder itself first, as
 * Astro would (keeping `.git`).
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rm, rmdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where Astro keeps its copies of reusable pages, inside its cacheDir (its incremental.js). */
export const CACHED_PAGES_DIR = 'dist';

/** Copies in flight at once: Node runs four file operations at a time on its threads. */
const COPIES_AT_ONCE = 8;

/** Empties `dir` as Astro's build does (its `.git` stays), creating it if needed. */
export function emptyOutputFolder(dir: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    return;
  }
  for (const entry of readdirSync(dir)) {
    if (entry !== '.git') rmSync(join(dir, entry), { recursive: true, force: true });
  }
}

/**
 * Copies every file under `from` to the same place under `to`, unless a file is already there;
 * returns the paths copied, relative to both. A page appears whole or not at all (copied to a
 * temporary name, then linked): a half-written copy is never taken for a finished page.
 */
export async function copyPages(from: string, to: string): Promise<string[]> {
  if (!existsSync(from)) return [];
  const files = (await readdir(from, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(from, join(entry.parentPath, entry.name)));
  const folders = new Map<string, Promise<unknown>>();
  const copied: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const target = join(to, file);
      const folder = dirname(target);
      if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
      const temporary = `${target}.restoring-${process.pid}`;
      try {
        await folders.get(folder);
        await copyFile(join(from, file), temporary);
        await link(temporary, target); // fails if the page is there already
        copied.push(file);
      } catch {
        // Astro wrote or restored the page first, or the copy failed: Astro has it either way.
      } finally {
        await rm(temporary, { force: true });
      }
    }
  };
  await Promise.all(Array.from({ length: COPIES_AT_ONCE }, worker));
  return copied;
}

/**
 * Removes the copies in `dir` that the build did not make or keep (`kept`: absolute paths), and
 * the folders that leaves empty; returns how many were removed.
 */
export async function removeUnkept(
  dir: string,
  copied: readonly string[],
  kept: ReadonlySet<string>,
): Promise<number> {
  const stale = copied.filter((file) => !kept.has(join(dir, file)));
  for (const file of stale) {
    await rm(join(dir, file), { force: true });
    for (let folder = dirname(join(dir, file)); folder.startsWith(`${dir}${sep}`);) {
      try {
        await rmdir(folder);
      } catch {
        break; // not empty
      }
      folder = dirname(folder);
    }
  }
  return stale.length;
}

export function restorePages(): AstroIntegration {
  let building = false;
  let outDir = '';
  let restoring: Promise<string[]> = Promise.resolve([]);
  return {
    name: 'briefing-restore-pages',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        building = command === 'build';
        if (building) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        if (!building) return;
        outDir = resolve(fileURLToPath(config.outDir));
        emptyOutputFolder(outDir);
        // `astro build --force` renders every page: nothing to restore.
        if (process.argv.includes('--force')) return;
        restoring = copyPages(join(fileURLToPath(config.cacheDir), CACHED_PAGES_DIR), outDir);
      },
      'astro:build:done': async ({ assets, logger }) => {
        const kept = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        const removed = await removeUnkept(outDir, await restoring, kept);
        if (removed) logger.info(`removed ${removed} pages of the last build that are gone`);
      },
    },
  };
}
