/** Reads the content folder from disk into the shape validateContent() takes. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { BRIEFS_DIR, CONTENT_DIR, CONTENT_EXTENSIONS, KIND_IDS } from './registry.ts';
import type { ContentFiles, SourceFile } from './validate.ts';

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

function read(root: string, folder: string): SourceFile[] {
  return listContentFiles(join(root, folder)).map((path) => ({
    path: relative(root, path).split(sep).join('/'),
    text: readFileSync(path, 'utf8'),
  }));
}

/**
 * `root` is the folder that holds content/ (the project root by default);
 * `contentDir` lets the benchmark point at a generated corpus elsewhere.
 */
export function loadContentFiles(root = process.cwd(), contentDir = CONTENT_DIR): ContentFiles {
  return { briefs: readFolder(root, contentDir, BRIEFS_DIR), entities: loadEntityFiles(root, contentDir) };
}

/** The entity profiles alone (what resolving [[wikilinks]] needs), without reading any brief. */
export function loadEntityFiles(root = process.cwd(), contentDir = CONTENT_DIR): ContentFiles['entities'] {
  return Object.fromEntries(KIND_IDS.map((kind) => [kind, readFolder(root, contentDir, kind)]));
}

/** The files of one folder of the content, with paths relative to `root`. */
function readFolder(root: string, contentDir: string, folder: string): SourceFile[] {
  const base = resolve(root, contentDir);
  const prefix = relative(root, base);
  return read(base, folder).map((f) => ({ ...f, path: prefix ? `${prefix}/${f.path}` : f.path }));
}
