/**
 * The Astro content loader: registers every brief and profile that src/content/validate.ts
 * accepted, with its digest, so that Astro tracks changes (the dev server reloads, unchanged
 * MDX is not recompiled). Records themselves come to pages from the same validation
 * (src/astro/site-data.ts): the store holds no copy of them.
 *
 * Why not Astro's glob() loader: it renders every Markdown body into the content store (which
 * Astro compiles as one huge module: superlinear at 10,000 briefs) or, with `deferRender`,
 * turns every file into a Vite module (slow to bundle). Markdown bodies are rendered at page
 * time instead (src/astro/markdown.ts); MDX needs Astro's compiler, so it alone is deferred.
 */
import type { Loader } from 'astro/loaders';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig } from '../config.ts';
import { handedOver } from '../content/handover.ts';
import {
  contentLocation,
  followContent,
  loadContentCached,
  loadContentCachedInParallel,
} from '../content/load.ts';
import type { ValidationResult } from '../content/validate.ts';
import { CHECK_HANDOVER } from './build-env.ts';
import { watchContentFolder } from './content-watcher.ts';
import { formatProblems } from '../content/problems.ts';
import { BRIEFS_DIR } from '../content/registry.ts';

const FIRST_SYNC_MAX_AGE_MS = 2000;
/** How long the loader waits for the build's check (which stops the build if it fails). */
const HANDOVER_WAIT_MS = 10 * 60_000;

type Watcher = NonNullable<Parameters<Loader['load']>[0]['watcher']>;

/** The folders watched for each dev server's watcher: every collection's loader asks. */
const watched = new WeakMap<Watcher, Set<string>>();

/**
 * Vite's watcher is left the other files of the folder (media, and stray files the check
 * reports); briefs and profiles are watched a folder at a time (content-watcher.ts) and told to
 * it, as chokidar tells of a file, so that Vite reloads an edited MDX body.
 */
function watchContent(watcher: Watcher, dir: string): void {
  const dirs = watched.get(watcher) ?? new Set();
  watched.set(watcher, dirs);
  if (dirs.has(dir)) return;
  dirs.add(dir);
  watcher.add(dir);
  const stop = watchContentFolder(dir, {
    changed: (event, path) => {
      // A server restarted (its configuration changed) has a new watcher, and this one is closed.
      // (chokidar's `closed`, which its types do not declare.)
      if ((watcher as { closed?: boolean }).closed) return stop();
      watcher.emit(event, path);
      watcher.emit('all', event, path);
    },
    // As chokidar tells of a folder it cannot watch: Vite logs it, and the loaders stop trusting.
    failed: (error) => watcher.emit('error', error),
  });
}

export function contentLoader(): Loader {
  return {
    name: 'briefing-content',
    load: async ({ store, collection, config, watcher, logger }) => {
      const root = fileURLToPath(config.root);
      const location = { ...contentLocation(getConfig()), root };
      // In `npm run build`, the check beside this process hands its result over: waited for
      // rather than validating every file again (it is taken if the files are as it read them).
      const since = Number(process.env[CHECK_HANDOVER]);
      if (since && location.handover) await handedOver(location.handover, since, HANDOVER_WAIT_MS);
      let reported = '';
      let warned = 0;

      const sync = (content: ValidationResult) => {
        // Every collection sees the same problems: the briefs' loader tells the author.
        const problems = content.problems.length ? formatProblems(content.problems) : '';
        if (collection === BRIEFS_DIR && problems !== reported) {
          if (problems) logger.error(`\n${problems}\n`);
          else if (reported) logger.info('content problems fixed');
          reported = problems;
        }
        // Warnings (the site's recommendations) never stop the server: a count, once per change.
        if (collection === BRIEFS_DIR && content.warnings.length !== warned) {
          warned = content.warnings.length;
          if (warned) logger.warn(`${warned} content warnings: \`npm run check\` lists them`);
        }
        const records =
          collection === BRIEFS_DIR
            ? content.briefs
            : content.entities.filter((e) => e.kind === collection);
        const untouched = new Set(store.keys());
        for (const record of records) {
          untouched.delete(record.slug);
          const existing = store.get(record.slug);
          if (
            existing &&
            existing.digest === record.digest &&
            existing.filePath === record.filePath
          ) {
            // Unchanged MDX must stay in Astro's list of modules to compile, as glob() does.
            if (existing.deferredRender) store.addModuleImport(record.filePath!);
            continue;
          }
          store.set({
            id: record.slug,
            data: {},
            ...(record.filePath ? { filePath: record.filePath } : {}),
            ...(record.digest ? { digest: record.digest } : {}),
            ...(record.format === 'mdx' ? { deferredRender: true } : {}),
          });
        }
        for (const id of untouched) store.delete(id);
      };

      // In `astro dev`, pick up added, edited and deleted files. The watcher is listened to
      // before the first look, which takes half a minute at 100,000 briefs: a file changed
      // meanwhile is looked at again as soon as it ends, not at the next change.
      const dir = resolve(root, location.contentDir);
      let looking = true;
      let changedWhileLooking = false;
      let unfollow = () => {};
      const lookAgain = () => {
        try {
          sync(loadContentCached(location));
        } catch (error) {
          unfollow();
          logger.error((error as Error).message);
        }
      };
      let watchFailed = false;
      if (watcher) {
        // Listened to first: a folder that cannot be watched is told of at once.
        watcher.on('error', () => {
          watchFailed = true;
          unfollow();
        });
        watchContent(watcher, dir);
        watcher.on('all', (_event, changed) => {
          if (!changed.startsWith(dir)) return;
          if (looking) changedWhileLooking = true;
          else lookAgain();
        });
      }
      // Every collection's loader starts at once: one look at the folder serves all (a
      // fingerprint stats every file: 1.7 s at 100,000), and new briefs are checked on every core.
      sync(await loadContentCachedInParallel(location, FIRST_SYNC_MAX_AGE_MS));
      looking = false;
      if (!watcher) return;
      // Pages take what this watcher keeps current, until it fails: then they look for changes
      // themselves again (src/astro/site-data.ts).
      if (!watchFailed) unfollow = followContent(location);
      if (changedWhileLooking) lookAgain();
    },
  };
}
