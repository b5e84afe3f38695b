/**
 * The content check's whole result, kept for the next process that needs the same content.
 *
 * `npm run build` checks the content in a process of its own (scripts/build.ts), and Astro's
 * process validated every file again: about 30 s of work at 100,000 briefs, against 3 s to read
 * the check's result back (at 10,000, 5 s against 0.3 s). So the build's check writes its result
 * beside Astro's caches (V8's serialisation: Dates, Maps and shared records survive it), with the
 * content folder's fingerprint (each file's path, size and modification time) taken before it
 * read the folder. A process takes the result only while the fingerprint and the key (the folder,
 * the day, the code that checks, the settings: load.ts `resultKey`) are the same, and validates
 * anew otherwise. Astro's process in the build takes it (on a small site Astro starts beside the
 * check, and its content loader waits for the result: `handedOver`), and so does `npm run dev`,
 * which then starts without checking 100,000 files on a site the last build checked.
 *
 * Bodies are not written: a record reads its body from its file when asked, as one validated in
 * Astro's process does (src/content/load.ts says why). The key and the fingerprint come first in
 * the file, so that a result for other content is turned down without reading the rest.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FromFile } from '../model/records.ts';
import { EntityIndex } from '../model/resolve.ts';
import { rereader } from './files.ts';
import { bodyOf } from './frontmatter.ts';
import { writeWhole } from './memo.ts';
import type { ValidationResult } from './validate.ts';

/** What the result is for: the content (`key`) as it was (`fingerprint`). */
interface Header {
  key: string;
  fingerprint: string;
}

/** A record from a file without its body (a copy: the checked one keeps it). */
function withoutBody<R extends FromFile>(record: R): R {
  if (!record.filePath) return record;
  const descriptors: PropertyDescriptorMap = Object.getOwnPropertyDescriptors(record);
  delete descriptors.body;
  return Object.defineProperties({}, descriptors) as R;
}

/** Gives a record read back a body read from its file when asked. */
function withBodyFromFile(record: FromFile, root: string): void {
  if (!record.filePath || Object.hasOwn(record, 'body')) return;
  const reread = rereader(resolve(root, record.filePath), record.filePath);
  Object.defineProperty(record, 'body', { enumerable: true, get: () => bodyOf(reread()) });
}

/** Writes a passed check's result (to a new file, then renamed into place). */
export function handOver(
  file: string,
  key: string,
  fingerprint: string,
  result: ValidationResult,
): void {
  const kept: Omit<ValidationResult, 'index'> = {
    settings: result.settings,
    briefs: result.briefs.map(withoutBody),
    entities: result.entities.map(withoutBody),
    problems: result.problems,
    warnings: result.warnings,
    unknown: result.unknown,
    unfinished: result.unfinished,
  };
  const header = Buffer.from(JSON.stringify({ key, fingerprint } satisfies Header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  // In parts: one buffer of the whole would copy about 200 MB again at 100,000 briefs.
  writeWhole(file, [length, header, serialize(kept)]);
}

/** `length` bytes of the file from `position`, or undefined if it is shorter. */
function readAt(fd: number, length: number, position: number): Buffer | undefined {
  const bytes = Buffer.allocUnsafe(length);
  for (let at = 0; at < length;) {
    const read = readSync(fd, bytes, at, length - at, position + at);
    if (read === 0) return undefined;
    at += read;
  }
  return bytes;
}

/** The header of the result kept in `file`, if there is one that this version can read. */
function readHeader(fd: number): { header: Header; start: number } | undefined {
  const length = readAt(fd, 4, 0)?.readUInt32LE();
  if (length === undefined) return undefined;
  const header = JSON.parse(readAt(fd, length, 4)?.toString('utf8') ?? 'null') as Header | null;
  return header ? { header, start: 4 + length } : undefined;
}

/**
 * Waits until a result was written into `file` at `since` (ms) or later: by the check of the build
 * that started then, in a process of its own (or by another build of the same content meanwhile:
 * `takeOver` then tells whether it is for the same content), or until `timeoutMs` passed. The
 * build stops this process if its check fails.
 */
export async function handedOver(file: string, since: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const written = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (written !== undefined && written >= since) return;
    await new Promise((wake) => setTimeout(wake, 20));
  }
}

/**
 * The result kept for this content as it is now (`key`, `fingerprint`), with bodies read from
 * the files under `root`; undefined when there is none, or it is for other content or an earlier
 * state of this one.
 */
export function takeOver(
  file: string,
  root: string,
  key: string,
  fingerprint: string,
): ValidationResult | undefined {
  let result: Omit<ValidationResult, 'index'>;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const kept = readHeader(fd);
    if (!kept || kept.header.key !== key || kept.header.fingerprint !== fingerprint)
      return undefined;
    const bytes = readAt(fd, fstatSync(fd).size - kept.start, kept.start);
    if (!bytes) return undefined;
    result = deserialize(bytes) as Omit<ValidationResult, 'index'>;
  } catch {
    // None, or not one this version can read: the content is validated anew.
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  for (const record of [...result.briefs, ...result.entities]) withBodyFromFile(record, root);
  return { ...result, index: new EntityIndex(result.entities) };
}
