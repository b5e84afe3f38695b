/**
 * Validated content handed from `npm run build`'s content check to Astro's process.
 *
 * On a large site the build checks the content before Astro starts (scripts/build.ts), and
 * Astro's process then validated every file again: about 30 s of work at 100,000 briefs, against
 * 3 s to read the check's result back. So the check writes its result to the file
 * BRIEFING_CHECKED_CONTENT names (V8's serialisation: Dates, Maps and shared records survive it),
 * with the content folder's fingerprint taken before it read the folder; Astro's process takes
 * the result only if the folder's fingerprint is still the same, and validates anew otherwise.
 *
 * Bodies are not written: a record reads its body from its file when asked, as one validated in
 * Astro's process does (src/content/load.ts says why).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FromFile } from '../model/records.ts';
import { EntityIndex } from '../model/resolve.ts';
import { rereader } from './files.ts';
import { bodyOf } from './frontmatter.ts';
import type { ValidationResult } from './validate.ts';

/** The environment variable that names the file, set by scripts/build.ts for both processes. */
export const CHECKED_CONTENT = 'BRIEFING_CHECKED_CONTENT';

interface Handover {
  /** Which folder, root and build day the result is for (load.ts `locationKey`). */
  key: string;
  fingerprint: string;
  result: Omit<ValidationResult, 'index'>;
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

/** Writes a passed check's result for Astro's process (to a new file, then renamed into place). */
export function handOver(
  file: string,
  key: string,
  fingerprint: string,
  result: ValidationResult,
): void {
  const handover: Handover = {
    key,
    fingerprint,
    result: {
      settings: result.settings,
      briefs: result.briefs.map(withoutBody),
      entities: result.entities.map(withoutBody),
      problems: result.problems,
      warnings: result.warnings,
      unknown: result.unknown,
    },
  };
  writeFileSync(`${file}.partial`, serialize(handover));
  renameSync(`${file}.partial`, file);
}

/**
 * The result handed over for this folder as it is now (`key`, `fingerprint`), with bodies read
 * from the files under `root`; undefined when there is none, or it is for another folder or an
 * earlier state of this one.
 */
export function takeOver(
  file: string,
  root: string,
  key: string,
  fingerprint: string,
): ValidationResult | undefined {
  let handover: Handover;
  try {
    handover = deserialize(readFileSync(file)) as Handover;
  } catch {
    return undefined;
  }
  if (handover.key !== key || handover.fingerprint !== fingerprint) return undefined;
  const { result } = handover;
  for (const record of [...result.briefs, ...result.entities]) withBodyFromFile(record, root);
  return { ...result, index: new EntityIndex(result.entities) };
}
