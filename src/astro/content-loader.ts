/**
 * An Astro content loader that stores only validated frontmatter.
 *
 * Astro's glob() loader either renders every Markdown body into the content store
 * (which Astro then compiles as one huge module: superlinear at 10,000 briefs) or, with
 * `deferRender`, turns every file into a Vite module (slow to bundle). Bodies here are read
 * and rendered at page time instead (src/astro/site-data.ts, src/astro/markdown.ts). MDX files still
 * need Astro's compiler, so they alone are marked for deferred rendering.
 */
import type { Loader } from 'astro/loaders';
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { listContentFiles } from '../content/files.ts';

/** Slugs are file names, whatever folder (year) a file sits in. */
export function slugOfFile(path: string): string {
  return path.split(/[\\/]/).pop()!.replace(/\.mdx?$/, '');
}

export function frontmatterLoader(base: string): Loader {
  return {
    name: 'briefing-frontmatter-loader',
    load: async ({ store, parseData, generateDigest, config, watcher, logger }) => {
      const root = fileURLToPath(config.root);
      const dir = resolve(root, base);

      const sync = async () => {
        const untouched = new Set(store.keys());
        for (const file of listContentFiles(dir)) {
          const id = slugOfFile(file);
          const filePath = relative(root, file).split(sep).join('/');
          const text = readFileSync(file, 'utf8');
          const digest = generateDigest(text);
          untouched.delete(id);
          const existing = store.get(id);
          if (existing?.digest === digest && existing.filePath === filePath) {
            // Unchanged MDX must stay in Astro's list of modules to compile, as glob() does.
            if (existing.deferredRender) store.addModuleImport(filePath);
            continue;
          }
          const parts = splitFrontmatter(text);
          // `npm run check` has already reported malformed files with their line numbers.
          if (!parts) throw new Error(`${filePath}: no frontmatter block (run \`npm run check\`)`);
          const data = (parse(parts.yaml, { schema: 'core' }) ?? {}) as Record<string, unknown>;
          const parsed = await parseData({ id, data, filePath });
          store.set({ id, data: parsed, filePath, digest, ...(file.endsWith('.mdx') ? { deferredRender: true } : {}) });
        }
        for (const id of untouched) store.delete(id);
      };

      await sync();
      // In `astro dev`, pick up added, edited and deleted files.
      watcher?.add(dir);
      watcher?.on('all', (_event, changed) => {
        if (!changed.startsWith(dir)) return;
        sync().catch((error: Error) => logger.error(error.message));
      });
    },
  };
}
