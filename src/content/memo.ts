/**
 * What checking each brief on its own found, remembered between runs by the file's digest: its
 * frontmatter's data, its wikilinks, its summary, the glossary terms it uses and its warnings.
 *
 * Checking a brief on its own (YAML, the schema, the editorial rules, the Markdown body's
 * wikilinks and HTML, the first paragraph, the glossary) is most of the work of a check: about
 * 35 s of the 45 s at 100,000 briefs. A rebuild after one edit did all of it again for 99,999
 * unchanged files. A brief is remembered by its digest and not a modification time (a fresh
 * clone in CI restores the cache with new times): it is read and its digest compared, unless
 * `stat` shows its file as it was when last read (known-files.ts). Every check across files
 * (slugs, references, wikilinks, old addresses) runs again on every brief.
 *
 * Only briefs whose own checks found no error are remembered, so every error is found anew.
 * The memo is for one project, one set of settings and one day (`key`): any change of the code
 * that checks (src/content, src/model, the lock file of the dependencies), of content/site.yaml,
 * of the MDX components or of the build's day starts it afresh. A brief's glossary terms are
 * kept with the glossary they were found with (`glossary`), and found again when it changes.
 *
 * The file holds briefs in chunks of a few hundred, each serialized on its own (`Chunk`): the
 * threads of a cold check serialize their own (parallel.ts), and a chunk whose briefs are all
 * still current is written again as it was read.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writev,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { threadId } from 'node:worker_threads';
import type { Problem } from './problems.ts';
import type { PlaceholderLeft } from './templates.ts';
import type { BodyFormat, Wikilink } from './wikilinks.ts';

export interface RememberedBrief {
  digest: string;
  /** The schema's output for its frontmatter. */
  data: unknown;
  format: BodyFormat;
  links: Wikilink[];
  bodyStartLine: number;
  /** Warnings of its own checks (its problems were none). */
  warnings: Problem[];
  /** Its first paragraph's text, when the frontmatter has no summary. */
  summary?: string;
  /** Its glossary terms (`terms/slug`), found with the memo's `glossary`. */
  glossary: string[];
  /** The placeholders of `npm run new` it still holds, if any. */
  placeholders?: PlaceholderLeft[];
}

interface Stored {
  key: string;
  glossary: string;
  briefs: Map<string, RememberedBrief>;
}

/**
 * Briefs serialized together, as they are in the file. Serializing 100,000 briefs took about 4 s
 * at the end of a cold check: threads that check briefs serialize theirs as they go
 * (parallel.ts), and a chunk none of whose briefs changed is written again as it was read.
 */
interface Chunk {
  bytes: Uint8Array;
  briefs: ReadonlyArray<readonly [string, RememberedBrief]>;
}

/** Briefs in a chunk the memo serializes itself; a chunk of far fewer is merged into new ones. */
const CHUNK = 250;

/**
 * The file: `MARK`, each chunk's bytes, the header (JSON, `Header`), and the header's length in
 * its last four bytes. The header comes last so that the chunks can be written before what it
 * holds is known (`BriefMemo.writeAhead`).
 */
const MARK = Buffer.from('BMm2');

interface Header {
  key: string;
  glossary: string;
  /** Where each chunk is in the file, in order. */
  chunks: Array<[offset: number, length: number]>;
}

/** What `file` holds, or undefined if it is missing or unreadable. */
function readChunks(file: string): { header: Header; chunks: Chunk[] } | undefined {
  try {
    const bytes = readFileSync(file);
    if (!bytes.subarray(0, MARK.length).equals(MARK)) return undefined;
    const end = bytes.length - 4;
    const json = bytes.subarray(end - bytes.readUInt32LE(end), end);
    const header = JSON.parse(json.toString('utf8')) as Header;
    const chunks = header.chunks.map(([at, size]) => {
      const chunk = bytes.subarray(at, at + size);
      return { bytes: chunk, briefs: deserialize(chunk) as Chunk['briefs'] };
    });
    return { header, chunks };
  } catch {
    return undefined;
  }
}

/**
 * A file written under a name of its own, then renamed into place: a reader never sees half a
 * file, and two processes writing at once (the check and Astro's loader beside it) each write a
 * whole one. Chunks can be written ahead on the thread pool (`writeAhead`) while this thread
 * goes on.
 */
class PartialFile {
  private readonly file: string;
  private readonly partial: string;
  private readonly fd: number;
  private end = 0;
  /** Where each chunk written ahead is. */
  private readonly aheadAt = new Map<Uint8Array, number>();
  private ahead: Promise<void> = Promise.resolve();

  constructor(file: string) {
    this.file = file;
    mkdirSync(dirname(file), { recursive: true });
    this.partial = `${file}.${process.pid}.${threadId}.partial`;
    this.fd = openSync(this.partial, 'w');
  }

  /**
   * Writes `chunks` on the thread pool, in one call, so that the writing goes on while this
   * thread is busy (it would not issue a next call until it is free).
   */
  writeAhead(chunks: readonly Uint8Array[]): void {
    const at = this.end;
    for (const chunk of chunks) {
      this.aheadAt.set(chunk, this.end);
      this.end += chunk.byteLength;
    }
    this.ahead = new Promise((done, fail) =>
      writev(this.fd, chunks as Uint8Array[], at, (error) => (error ? fail(error) : done())),
    );
  }

  /** Waits for what was written ahead; the file is removed if that failed. */
  async written(): Promise<void> {
    try {
      await this.ahead;
    } catch (error) {
      this.remove();
      throw error;
    }
  }

  /** Where `chunk` is in the file: written at its end, unless it was written ahead. */
  place(chunk: Uint8Array): number {
    return this.aheadAt.get(chunk) ?? this.append(chunk);
  }

  /** Writes `bytes` at the end of the file; where they start. */
  append(bytes: Uint8Array): number {
    const at = this.end;
    try {
      for (let done = 0; done < bytes.byteLength;)
        done += writeSync(this.fd, bytes, done, bytes.byteLength - done, at + done);
    } catch (error) {
      this.remove();
      throw error;
    }
    this.end += bytes.byteLength;
    return at;
  }

  /** Closes the file and renames it into place (call once what was written ahead is written). */
  commit(): void {
    closeSync(this.fd);
    try {
      renameSync(this.partial, this.file);
    } catch (error) {
      rmSync(this.partial, { force: true });
      throw error;
    }
  }

  /** Removes the file, once what was written ahead is written (the descriptor may be reused). */
  async abandon(): Promise<void> {
    await this.ahead.catch(() => {});
    this.remove();
  }

  private remove(): void {
    try {
      closeSync(this.fd);
    } catch {
      // closed already
    }
    rmSync(this.partial, { force: true });
  }
}

/** A new memo file, its first bytes `MARK`; `finishMemo` writes the rest. */
function startMemo(file: string): PartialFile {
  const memo = new PartialFile(file);
  memo.append(MARK);
  return memo;
}

/** Writes `chunks` (those not written ahead), then the header, and renames the file into place. */
function finishMemo(
  memo: PartialFile,
  header: Omit<Header, 'chunks'>,
  chunks: readonly Uint8Array[],
): void {
  const placed = chunks.map((chunk): [number, number] => [memo.place(chunk), chunk.byteLength]);
  const json = Buffer.from(JSON.stringify({ ...header, chunks: placed } satisfies Header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  memo.append(json);
  memo.append(length);
  memo.commit();
}

/** What a memo file holds (for tests that change it), or undefined. */
export function readMemo(file: string): Stored | undefined {
  const read = readChunks(file);
  if (!read) return undefined;
  const { key, glossary } = read.header;
  return { key, glossary, briefs: new Map(read.chunks.flatMap((chunk) => chunk.briefs)) };
}

/** Writes `stored` as a memo file (for tests that change one). */
export function writeMemo(file: string, { key, glossary, briefs }: Stored): void {
  finishMemo(startMemo(file), { key, glossary }, [serialize([...briefs])]);
}

export class BriefMemo {
  private readonly before: Stored;
  private readonly now = new Map<string, RememberedBrief>();
  /** Briefs checked in this run, whose glossary terms are this run's. */
  private readonly fresh = new Set<string>();
  /** The chunks read, and those serialized in this run. */
  private readonly chunks: Chunk[];
  private changed = false;
  /** The new file, while chunks are written ahead (`writeAhead`). */
  private writing: PartialFile | undefined;
  /** The glossary of this run (GlossaryMatcher.signature); '' until validation sets it. */
  glossary = '';

  private readonly file: string | undefined;
  private readonly key: string;

  /** `file`: where the memo is kept; none for one that lives in memory only (a worker thread's). */
  constructor(file: string | undefined, key: string) {
    this.file = file;
    this.key = key;
    // None yet, unreadable or another's: every brief is checked.
    const read = file ? readChunks(file) : undefined;
    this.chunks = read?.header.key === key ? read.chunks : [];
    const briefs = new Map(this.chunks.flatMap((chunk) => chunk.briefs));
    this.before = { key, glossary: this.chunks.length ? read!.header.glossary : '', briefs };
  }

  /** The brief at `path` as remembered, if its text is still the one remembered. */
  take(path: string, digest: string | undefined): RememberedBrief | undefined {
    const remembered = this.now.get(path) ?? this.before.briefs.get(path);
    if (!remembered || remembered.digest !== digest) return undefined;
    this.now.set(path, remembered);
    return remembered;
  }

  /** Whether a brief at `path` is remembered, with this text or another. */
  knows(path: string): boolean {
    return this.now.has(path) || this.before.briefs.has(path);
  }

  /** Whether the glossary terms remembered for `path` were found with this run's glossary. */
  termsCurrent(path: string): boolean {
    return this.fresh.has(path) || this.before.glossary === this.glossary;
  }

  /** Keeps what a brief's own checks found in this run. */
  keep(path: string, brief: RememberedBrief): void {
    this.now.set(path, brief);
    this.fresh.add(path);
    this.changed = true;
  }

  /** What this run's checks found (what a thread sends). */
  kept(): Array<[string, RememberedBrief]> {
    return [...this.fresh].map((path) => [path, this.now.get(path)!]);
  }

  /** Keeps briefs checked in this run (by another thread), with their serialized bytes. */
  keepChunk(bytes: Uint8Array, briefs: Chunk['briefs'] = deserialize(bytes) as Chunk['briefs']) {
    for (const [path, brief] of briefs) this.keep(path, brief);
    this.chunks.push({ bytes, briefs });
  }

  /**
   * Starts writing the chunks kept so far into a new memo file, on the thread pool, if any are
   * new (a cold check's threads serialized theirs): at 100,000 briefs, about a second of writing
   * that goes on while validation does. `saveWhenWritten` ends it.
   */
  writeAhead(): void {
    if (!this.file || !this.changed || this.writing) return;
    this.writing = startMemo(this.file);
    this.writing.writeAhead(this.chunks.filter(large).map((chunk) => chunk.bytes));
  }

  /** Writes what this run checked, if anything changed (a new file, then renamed into place). */
  save(): void {
    if (this.writing) throw new Error('the memo is being written: call saveWhenWritten');
    const sameGlossary = this.before.glossary === this.glossary;
    const same = !this.changed && sameGlossary && this.now.size === this.before.briefs.size;
    if (same || !this.file) return;
    finishMemo(startMemo(this.file), { key: this.key, glossary: this.glossary }, this.current());
  }

  /** The same, once the chunks written ahead (if any) are written. */
  async saveWhenWritten(): Promise<void> {
    const writing = this.writing;
    if (!writing) return this.save();
    this.writing = undefined;
    await writing.written();
    finishMemo(writing, { key: this.key, glossary: this.glossary }, this.current());
  }

  /** Leaves the new file unwritten (once what was written ahead is: the file is still open). */
  async stopWriting(): Promise<void> {
    const writing = this.writing;
    this.writing = undefined;
    await writing?.abandon();
  }

  /** The chunks of what is remembered now: each read or kept that is still current, and new ones. */
  private current(): Uint8Array[] {
    // A chunk is written again as it is when each of its briefs is still the one remembered.
    const chunks: Uint8Array[] = [];
    const written = new Set<string>();
    for (const chunk of this.chunks) {
      const current = chunk.briefs.every(([p, b]) => this.now.get(p) === b && !written.has(p));
      if (!current || !large(chunk)) continue;
      chunks.push(chunk.bytes);
      for (const [path] of chunk.briefs) written.add(path);
    }
    const rest = [...this.now].filter(([path]) => !written.has(path));
    for (let i = 0; i < rest.length; i += CHUNK) chunks.push(serialize(rest.slice(i, i + CHUNK)));
    return chunks;
  }
}

/** A chunk of far fewer briefs than `CHUNK` is merged into new ones. */
const large = (chunk: Chunk) => chunk.briefs.length >= CHUNK / 4;

/** Writes `bytes` to a new file, then renames it into place (see `PartialFile`). */
export function writeWhole(file: string, bytes: Uint8Array | readonly Uint8Array[]): void {
  const whole = new PartialFile(file);
  for (const part of bytes instanceof Uint8Array ? [bytes] : bytes) whole.append(part);
  whole.commit();
}

/**
 * What the remembered checks depend on besides each file: the code that checks (as found in the
 * project at `root`), the settings file, the MDX components and the day.
 */
export function memoKey(
  root: string,
  parts: {
    settings?: string | undefined;
    components?: readonly string[] | undefined;
    today?: Date | undefined;
  },
): string {
  const hash = createHash('sha1');
  for (const folder of ['src/content', 'src/model']) {
    const dir = join(root, folder);
    let names: string[] = [];
    try {
      names = readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name)
        .sort();
    } catch {
      // Not a Briefing project (a test's folder): the settings and the day still count.
    }
    for (const name of names) hash.update(`${name}\0`).update(readFileSync(join(dir, name)));
  }
  try {
    hash.update(readFileSync(join(root, 'package-lock.json')));
  } catch {
    // No lock file.
  }
  hash.update(`\0${parts.settings ?? ''}\0${(parts.components ?? []).join(',')}\0`);
  hash.update(String(parts.today?.getTime()));
  return hash.digest('hex');
}
