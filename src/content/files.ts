/**
 * Reading the content folder from disk: the one place that lists and reads content files.
 * Everything after this works on the texts (src/content/validate.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { BRIEFS_DIR, CONTENT_EXTENSIONS, KIND_IDS, type KindId } from './registry.ts';
import { SETTINGS_FILE } from './settings.ts';

export interface SourceFile {
  /** Path shown to the author, relative to the project root, e.g. content/briefs/2025/x.md */
  path: string;
  text: string;
  /** Hash of the text: what the incremental build and the search index compare. */
  digest?: string | undefined;
}

export interface ContentFiles {
  /** content/site.yaml, when the folder has one. */
  settings?: SourceFile | undefined;
  briefs: SourceFile[];
  entities: Partial<Record<KindId, SourceFile[]>>;
}

/** Every .md/.mdx file under `dir`, skipping names that start with `_` or `.`. */
export function listContentFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (name.startsWith('.') || name.startsWith('_')) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listContentFiles(path);
    return CONTENT_EXTENSIONS.some((ext) => name.endsWith(ext)) ? [path] : [];
  });
}

function digestOf(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

function readSource(root: string, path: string): SourceFile {
  const text = readFileSync(path, 'utf8');
  return { path: relative(root, path).split(sep).join('/'), text, digest: digestOf(text) };
}

function readFolder(root: string, contentDir: string, folder: string): SourceFile[] {
  return listContentFiles(join(resolve(root, contentDir), folder)).map((path) => readSource(root, path));
}

/**
 * `root` is the folder paths are shown relative to (the project root); `contentDir` the
 * content folder, relative to it or absolute (the benchmark points it at a generated corpus).
 */
export function readContentFiles(root: string, contentDir: string): ContentFiles {
  return { settings: readSettingsFile(root, contentDir), briefs: readFolder(root, contentDir, BRIEFS_DIR), entities: readEntityFiles(root, contentDir) };
}

/** The entity profiles alone (what resolving [[wikilinks]] needs), without reading any brief. */
export function readEntityFiles(root: string, contentDir: string): ContentFiles['entities'] {
  return Object.fromEntries(KIND_IDS.map((kind) => [kind, readFolder(root, contentDir, kind)]));
}

export function readSettingsFile(root: string, contentDir: string): SourceFile | undefined {
  const path = join(resolve(root, contentDir), SETTINGS_FILE);
  try {
    return readSource(root, path);
  } catch {
    return undefined;
  }
}

/**
 * A cheap fingerprint of the folder (paths, sizes and modification times), so that a dev
 * server can tell whether anything changed without reading every file again.
 */
export function fingerprintContent(root: string, contentDir: string): string {
  const hash = createHash('sha1');
  const base = resolve(root, contentDir);
  const add = (path: string) => {
    try {
      const stat = statSync(path);
      hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
    } catch {
      hash.update(`${path}\0-\n`);
    }
  };
  add(join(base, SETTINGS_FILE));
  for (const folder of [BRIEFS_DIR, ...KIND_IDS]) for (const path of listContentFiles(join(base, folder))) add(path);
  return hash.digest('hex');
}
