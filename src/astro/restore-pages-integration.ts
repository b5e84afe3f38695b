/**
 * Puts the last build's reusable pages into the output folder before Astro renders anything.
 *
 * Astro's incremental build (`experimental.incrementalBuild`) copies each page whose cache key
 * is unchanged back from its cacheDir, one page after another on its rendering loop (two
 * `existsSync`, a `mkdir` and a `copyFile` each: about 5 s of a 30 s rebuild at 10,000 briefs),
 * and skips the copy when the page is already in the output folder. Here the copies start as
 * soon as the configuration is known and run on Node's file threads while Astro syncs the
 * content and bundles the site; rendering starts once they are done. Astro then writes over the
 * pages whose data changed, and the copies of pages it no longer makes are removed at the end.
 *
 * For that Astro must not empty the output folder after the copies: `vite.build.emptyOutDir` is
 * false, and this integration empties the folder itself first, as Astro would (keeping `.git`).
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { copyFile, mkdir, readdir, rm, rmdir } from 'node:fs/promises';
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
 * Copies every file under `from` to the same place under `to`; returns the paths copied,
 * relative to both. A copy that fails is removed, so that a half-written page is never taken
 * for a finished one (Astro then restores or renders that page itself).
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
      try {
        await folders.get(folder);
        await copyFile(join(from, file), target);
        copied.push(file);
      } catch {
        await rm(target, { force: true });
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
      // Before Vite bundles and Astro renders: no page is written while copies are landing.
      'astro:build:setup': async () => {
        await restoring;
      },
      'astro:build:done': async ({ assets, logger }) => {
        const kept = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        const removed = await removeUnkept(outDir, await restoring, kept);
        if (removed) logger.info(`removed ${removed} pages of the last build that are gone`);
      },
    },
  };
}
