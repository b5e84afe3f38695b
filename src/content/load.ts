/**
 * Reading and validating a content folder in one call: what `npm run check`, the Astro
 * loader, the pages and the wikilink resolution of MDX all use.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FromFile } from '../model/records.ts';
import { fingerprintContent, readContentFiles } from './files.ts';
import { bodyOf } from './frontmatter.ts';
import { frontmatterMemoDir, openContentMemo } from './frontmatter-memo.ts';
import { validateContent, type ValidationResult } from './validate.ts';

export interface ContentLocation {
  /** The folder paths in messages are relative to: the project root. */
  root: string;
  /** The content folder, relative to `root` or absolute. */
  contentDir: string;
  /** The build's day (config.buildDay): policy statuses depend on it. The clock's day by default. */
  today?: Date | undefined;
}

/**
 * Reads and validates every file; parsed frontmatter is remembered on disk between runs.
 * `bodies`: whether the records hold their bodies, or read them from their files when asked
 * (see readBodyWhenAsked).
 */
export function loadContent(
  { root, contentDir, today }: ContentLocation,
  bodies: 'held' | 'read when asked' = 'held',
): ValidationResult {
  const memo = openContentMemo(frontmatterMemoDir(root, resolve(root, contentDir)));
  const result = validateContent(readContentFiles(root, contentDir), memo.forFile, today);
  memo.save();
  if (bodies === 'read when asked')
    for (const record of [...result.briefs, ...result.entities]) readBodyWhenAsked(record, root);
  return result;
}

/**
 * A record's body read from its file each time it is asked for instead of held: what Astro's
 * process does, which keeps the content for the whole build while a page asks for its body once
 * or twice (100,000 bodies held took about 1.1 GB of its memory and slowed every garbage
 * collection). A short run such as `npm run check` holds them: it asks for every body again.
 * A record copied with a spread holds its body again: copy its property descriptors instead, as
 * src/astro/site-graph.ts does.
 */
function readBodyWhenAsked(record: FromFile, root: string): void {
  if (!record.filePath) return;
  const path = resolve(root, record.filePath);
  const file = record.filePath;
  Object.defineProperty(record, 'body', {
    enumerable: true,
    get(): string {
      try {
        return bodyOf(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new Error(
          `${file} could not be read again (${(error as NodeJS.ErrnoException).code}): was it moved or deleted while the site was being built?`,
          { cause: error },
        );
      }
    },
  });
}

interface Remembered {
  key: string;
  fingerprint: string;
  checkedAt: number;
  result: ValidationResult;
}

/**
 * Kept on globalThis, not in this module: Astro runs the content loader and the pages in one
 * process but loads this module twice (with the config, and in the pages' bundle). One memory
 * for both reads and holds the content once, not twice (at 100,000 briefs, a minute and some
 * gigabytes of records).
 */
const REMEMBERED = Symbol.for('briefing.loadContentCached');
const shared = globalThis as { [REMEMBERED]?: Remembered };

/**
 * The same, remembered for as long as no content file changes: a dev server asks on every
 * request, the loader once per collection, and reading 10,000 files each time would be slow.
 * The folder is looked at again at most every `maxAgeMs`.
 */
export function loadContentCached(location: ContentLocation, maxAgeMs = 0): ValidationResult {
  // The loader is given Astro's root (with a trailing slash), the pages the config's.
  const key = `${resolve(location.root)}\0${resolve(location.root, location.contentDir)}\0${location.today?.getTime()}`;
  const now = Date.now();
  const last = shared[REMEMBERED];
  if (last?.key === key && now - last.checkedAt < maxAgeMs) return last.result;
  const fingerprint = fingerprintContent(location.root, location.contentDir);
  if (last?.key === key && last.fingerprint === fingerprint) {
    last.checkedAt = now;
    return last.result;
  }
  const result = loadContent(location, 'read when asked');
  shared[REMEMBERED] = { key, fingerprint, checkedAt: now, result };
  return result;
}
