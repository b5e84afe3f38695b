/**
 * A frontmatter memo kept on disk between runs of `npm run check` (and of the check that
 * starts `npm run build`), so that a rebuild after editing one brief parses one YAML block,
 * not 10,000. Entries are keyed by a hash of the YAML text itself, so an edited file simply
 * misses; a file of the memo is rewritten with only the entries used in this run.
 *
 * A content folder's memo is split into shards by each file's path, so that an edit rewrites
 * one shard, not the whole memo (150 MB at 100,000 briefs, ten seconds to write).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FrontmatterMemo } from './frontmatter.ts';
import { installedVersion } from './installed-version.ts';

/** Bumped when parseFrontmatter's reading of YAML changes. */
const FORMAT = 1;

/** How many shards the briefs' entries are split into; each kind of profile has one. */
const BRIEF_SHARDS = 16;

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

/** Where the memo of a content folder lives: `.briefing/check/<hash of its path>/`. */
export function frontmatterMemoDir(root: string, contentDir: string): string {
  return join(
    root,
    '.briefing/check',
    createHash('sha1').update(contentDir).digest('hex').slice(0, 12),
  );
}

/** Which of the BRIEF_SHARDS a brief's entry is kept in, by its path (FNV-1a). */
function briefShard(path: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % BRIEF_SHARDS;
}

/** The shard a content file's entry is kept in; `section` is `briefs` or the profile's kind. */
export function memoShard(section: string, path: string): string {
  return section === 'briefs' ? `briefs-${briefShard(path)}` : section;
}

/** A content folder's memo: the shard each file's entry belongs to, and saving them. */
export interface ContentMemo {
  /** The memo for the file at `path` (relative to the project root, as problems show it). */
  forFile(section: string, path: string): FrontmatterMemo;
  /** Saves the shards that were used and changed. */
  save(): void;
}

/**
 * The memo in `dir`. A shard is read when one of its files is first looked up (reading only
 * the profiles reads only their shards).
 */
export function openContentMemo(dir: string): ContentMemo {
  const open = new Map<string, SavedFrontmatterMemo>();
  return {
    forFile(section, path) {
      const shard = memoShard(section, path);
      let memo = open.get(shard);
      if (!memo) open.set(shard, (memo = openFrontmatterMemo(join(dir, `${shard}.json`))));
      return memo;
    },
    save() {
      for (const memo of open.values()) memo.save();
      // The memo was one file beside this folder before it had shards: a cache kept by CI
      // would carry it forever.
      try {
        rmSync(`${dir}.json`, { force: true });
      } catch {
        // A read-only checkout: nothing to tidy.
      }
    },
  };
}
