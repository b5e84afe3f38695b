/**
 * What each brief's file was when it was last read: its digest, and what `stat` said of it then
 * (size, modification and change times, inode). A brief whose file is still as it was need not be
 * read to learn its digest: with the memo of checked briefs (memo.ts), a check of an unchanged
 * folder then stats its files instead of reading them (at 100,000 briefs, 100,000 reads of
 * 640 MB took about 16 s of a 27 s check with the disk's cache cold, as on a first `npm run dev`).
 *
 * The change time cannot be set by any tool (copying, unpacking or checking out a file sets it
 * to now), so a file rewritten since it was read has another signature, whatever its size and
 * modification time say. As in git's index, a file whose times were within `RACY_MS` of the read
 * is not trusted: a file system keeps coarse times, and one written again in the same tick
 * would look unchanged. A fresh clone or a copied folder gives every file a new signature: each
 * is then read and its digest compared, as before.
 */
import { type BigIntStats, readFileSync, statSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { readElsewhere, type SourceFile } from './files.ts';
import { writeWhole } from './memo.ts';

/** Times closer than this to the moment of reading make a file's signature untrusted. */
export const RACY_MS = 2000;
/** Bumped when the digest or the signature changes meaning. */
const VERSION = 1;

export interface KnownFile {
  signature: string;
  digest: string;
}

/**
 * What `stat` says of a file, as a string to compare; undefined if it was changed (or its times
 * lie) within RACY_MS of `readAt` (ms since the epoch).
 */
export function signatureOf(stats: BigIntStats, readAt: number): string | undefined {
  const newest = Number((stats.mtimeNs > stats.ctimeNs ? stats.mtimeNs : stats.ctimeNs) / 1000000n);
  if (newest > readAt - RACY_MS) return undefined;
  return `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}:${stats.dev}`;
}

/** The signature of the file at `path` now, or undefined (missing, or changed just now). */
export function signatureNow(path: string): string | undefined {
  try {
    return signatureOf(statSync(path, { bigint: true }), Date.now());
  } catch {
    return undefined;
  }
}

export class KnownFiles {
  private readonly before: Map<string, KnownFile>;
  /** The files met in this run, as they are now: written back, so deleted files drop out. */
  private readonly now = new Map<string, KnownFile>();

  private readonly file: string | undefined;

  /** `file`: where they are kept between runs; none for a run that keeps nothing. */
  constructor(file: string | undefined) {
    this.file = file;
    this.before = (file && readKnown(file)) || new Map();
  }

  /**
   * The file at absolute `path` (shown to authors as `shown`) if it is as it was when its digest
   * was taken: its text is read only when asked (files.ts `readElsewhere`).
   */
  unchanged(path: string, shown: string): SourceFile | undefined {
    const known = this.before.get(path);
    if (!known || signatureNow(path) !== known.signature) return undefined;
    this.now.set(path, known);
    return readElsewhere(path, { path: shown, ...known });
  }

  /**
   * The digest noted for `path` when its signature was `signature` (in this run or the last), or
   * undefined; for files whose signature the caller takes itself (search/build/index-site.ts).
   */
  recall(path: string, signature: string): string | undefined {
    const known = this.now.get(path) ?? this.before.get(path);
    if (known?.signature !== signature) return undefined;
    this.now.set(path, known);
    return known.digest;
  }

  /** Notes a file as read (if it was text and not changed just before). */
  note(path: string, source: Partial<SourceFile>): void {
    if (source.signature && source.digest)
      this.now.set(path, { signature: source.signature, digest: source.digest });
  }

  /** Writes what this run met, if it differs from what was read. */
  save(): void {
    if (!this.file || sameEntries(this.before, this.now)) return;
    writeWhole(this.file, serialize({ version: VERSION, files: [...this.now] }));
  }
}

function readKnown(file: string): Map<string, KnownFile> | undefined {
  try {
    const stored = deserialize(readFileSync(file)) as {
      version: number;
      files: Array<[string, KnownFile]>;
    };
    return stored.version === VERSION ? new Map(stored.files) : undefined;
  } catch {
    return undefined;
  }
}

function sameEntries(a: Map<string, KnownFile>, b: Map<string, KnownFile>): boolean {
  if (a.size !== b.size) return false;
  for (const [path, known] of b) {
    const other = a.get(path);
    if (other?.signature !== known.signature || other.digest !== known.digest) return false;
  }
  return true;
}
