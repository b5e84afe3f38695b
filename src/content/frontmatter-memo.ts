/**
 * A frontmatter memo kept on disk between runs of `npm run check` (and of the check that
 * starts `npm run build`), so that a rebuild after editing one brief parses one YAML block,
 * not 10,000. Entries are keyed by a hash of the YAML text itself, so an edited file simply
 * misses; the file is rewritten with only the entries used in this run.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FrontmatterMemo } from './frontmatter.ts';
import { installedVersion } from './installed-version.ts';

/** Bumped when parseFrontmatter's reading of YAML changes. */
const FORMAT = 1;

export interface SavedFrontmatterMemo extends FrontmatterMemo {
  /** Writes the entries used since opening; a failure to write only costs speed. */
  save(): void;
}

export function openFrontmatterMemo(file: string): SavedFrontmatterMemo {
  const version = `${FORMAT}:${installedVersion('yaml')}`;
  let saved: Record<string, Record<string, unknown>> = {};
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as {
      version?: string;
      entries?: typeof saved;
    };
    if (json.version === version && json.entries) saved = json.entries;
  } catch {
    // No memo yet, or an unreadable one: start empty.
  }
  const used: typeof saved = {};
  /** Entries added since opening; with none, and every saved entry used, the file is current. */
  let added = 0;
  const key = (yaml: string) => createHash('sha1').update(yaml).digest('base64url');
  return {
    get(yaml) {
      const k = key(yaml);
      const data = saved[k];
      if (data) used[k] = data;
      return data;
    },
    set(yaml, data) {
      const k = key(yaml);
      if (!(k in used)) added++;
      used[k] = data;
    },
    save() {
      // Rewriting an unchanged memo costs seconds at 100,000 files.
      if (!added && Object.keys(used).length === Object.keys(saved).length) return;
      try {
        mkdirSync(dirname(file), { recursive: true });
        // A name of its own: the build's check and Astro's loader may save at the same time.
        const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
        writeFileSync(temporary, JSON.stringify({ version, entries: used }));
        renameSync(temporary, file);
      } catch {
        // A read-only checkout still checks, only without the memo.
      }
    },
  };
}

/** Where the memo of a content folder lives: `.briefing/check/<hash of its path>.json`. */
export function frontmatterMemoFile(root: string, contentDir: string): string {
  return join(
    root,
    '.briefing/check',
    `${createHash('sha1').update(contentDir).digest('hex').slice(0, 12)}.json`,
  );
}
