/**
 * The briefs and profiles of the content folder, watched for `astro dev` with one watch per
 * folder. Vite's watcher (chokidar) watched every file on its own: at 100,000 briefs it stat-ed
 * and watched each at the dev server's start (9 of the 35 s to its first page, measured in
 * BENCHMARKS.md), and one watch a file can pass the system's limit of watches. So Vite leaves the
 * folder's Markdown and MDX files alone (`leftToContentWatcher`, in astro.config.mjs), and this
 * watches each folder (a folder's watch tells of every file in it), then tells Vite's watcher
 * what changed as chokidar would have: `add`, `change` or `unlink`, once per file and burst of
 * writes (an editor's save is often several).
 */
import { type FSWatcher, readdirSync, realpathSync, statSync, watch } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { CONTENT_EXTENSIONS } from '../content/registry.ts';

export type ContentChange = 'add' | 'change' | 'unlink';

export interface ContentWatch {
  /** A brief or profile was added, changed or removed (its absolute path). */
  changed(event: ContentChange, path: string): void;
  /** A folder could not be watched (such as the system's limit of watches): changes may be missed. */
  failed(error: Error): void;
}

/** What the content walk skips too (src/content/files.ts): hidden and unpublished names. */
const skipped = (name: string) => name.startsWith('.') || name.startsWith('_');
const isContentFile = (path: string) => CONTENT_EXTENSIONS.some((ext) => path.endsWith(ext));

/** Whether `path` is a file this module watches, which Vite's watcher is to leave alone. */
export function leftToContentWatcher(contentDir: string): (path: string) => boolean {
  const inside = resolve(contentDir) + sep;
  return (path) => path.startsWith(inside) && isContentFile(path);
}

interface Folder {
  watcher: FSWatcher;
  /** Its real path: a symbolic link to a folder watched already is not followed (a loop). */
  real: string;
  /** The names of its briefs and profiles, as last seen. */
  files: Set<string>;
}

/**
 * Watches the folder `dir` and every folder in it (and folders made later) until the function
 * returned is called. `settleMs`: how long a file's events are gathered before it is looked at.
 */
export function watchContentFolder(dir: string, tell: ContentWatch, settleMs = 50): () => void {
  const top = resolve(dir);
  const folders = new Map<string, Folder>();
  /** The real paths of `folders`. */
  const reals = new Set<string>();
  const waiting = new Map<string, NodeJS.Timeout>();
  let failed = false;

  const fail = (error: Error) => {
    if (failed) return;
    failed = true;
    stop();
    tell.failed(error);
  };

  /** Starts watching `folder` and those in it; `fresh`: a folder made since, whose files are new. */
  function follow(folder: string, fresh: boolean): void {
    if (failed || folders.has(folder)) return;
    let real: string;
    try {
      real = realpathSync(folder);
    } catch (error) {
      // Gone since it was seen, unless it is the content folder itself.
      if (folder === top) fail(error as Error);
      return;
    }
    if (reals.has(real)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: false }, (_event, name) => {
        if (name) settle(folder, name.toString());
        // Some systems do not say which file: every name in the folder, and every one known.
        else for (const each of namesIn(folder)) settle(folder, each);
      });
    } catch (error) {
      fail(error as Error);
      return;
    }
    // A folder removed ends its watch with an error on some systems: its files are told of then.
    watcher.on('error', (error) => (exists(folder) ? fail(error) : forget(folder)));
    const files = new Set<string>();
    folders.set(folder, { watcher, real, files });
    reals.add(real);
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (skipped(entry.name)) continue;
      const path = join(folder, entry.name);
      // A symbolic link is followed as the content walk follows it (src/content/files.ts).
      if (entry.isDirectory() || (entry.isSymbolicLink() && isFolder(path))) follow(path, fresh);
      else if (isContentFile(entry.name)) {
        files.add(entry.name);
        if (fresh) tell.changed('add', path);
      }
    }
  }

  /** Gathers the events of one name for `settleMs`, then looks at it once. */
  function settle(folder: string, name: string): void {
    if (skipped(name)) return;
    const path = join(folder, name);
    clearTimeout(waiting.get(path));
    waiting.set(
      path,
      setTimeout(() => {
        waiting.delete(path);
        look(folder, name);
      }, settleMs).unref(),
    );
  }

  function look(folder: string, name: string): void {
    const parent = folders.get(folder);
    if (!parent) return;
    const path = join(folder, name);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isDirectory()) return follow(path, true);
    // A folder removed (or replaced by a file): each of its files is gone.
    if (folders.has(path)) forget(path);
    if (!isContentFile(name)) return;
    const known = parent.files.has(name);
    if (stats) {
      parent.files.add(name);
      tell.changed(known ? 'change' : 'add', path);
    } else if (known) {
      parent.files.delete(name);
      tell.changed('unlink', path);
    }
  }

  /** Stops watching `folder` and those in it, and tells of each file in them as removed. */
  function forget(folder: string): void {
    for (const [path, { watcher, real, files }] of folders) {
      if (path !== folder && !path.startsWith(folder + sep)) continue;
      watcher.close();
      folders.delete(path);
      reals.delete(real);
      for (const name of files) tell.changed('unlink', join(path, name));
    }
  }

  function namesIn(folder: string): Set<string> {
    const names = new Set(folders.get(folder)?.files);
    try {
      for (const name of readdirSync(folder)) names.add(name);
    } catch {
      // Gone: its parent's watch tells of it.
    }
    return names;
  }

  function stop(): void {
    for (const timer of waiting.values()) clearTimeout(timer);
    waiting.clear();
    for (const { watcher } of folders.values()) watcher.close();
    folders.clear();
    reals.clear();
  }

  follow(top, false);
  return stop;
}

const exists = (path: string) => statSync(path, { throwIfNoEntry: false }) !== undefined;
const isFolder = (path: string) =>
  statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
