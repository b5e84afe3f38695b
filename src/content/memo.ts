/**
 * What checking each brief on its own found, remembered between runs by the file's digest: its
 * frontmatter's data, its wikilinks, its summary, the glossary terms it uses and its warnings.
 *
 * Checking a brief on its own (YAML, the schema, the editorial rules, the Markdown body's
 * wikilinks and HTML, the first paragraph, the glossary) is most of the work of a check: about
 * 35 s of the 45 s at 100,000 briefs. A rebuild after one edit did all of it again for 99,999
 * unchanged files. A remembered brief is still read and its digest compared (a digest and not a
 * modification time: a fresh clone in CI restores the cache with new times), and every check
 * across files (slugs, references, wikilinks, old addresses) runs again on every brief.
 *
 * Only briefs whose own checks found no error are remembered, so every error is found anew.
 * The memo is for one project, one set of settings and one day (`key`): any change of the code
 * that checks (src/content, src/model, the lock file of the dependencies), of content/site.yaml,
 * of the MDX components or of the build's day starts it afresh. A brief's glossary terms are
 * kept with the glossary they were found with (`glossary`), and found again when it changes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Problem } from './problems.ts';
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
  summary: string;
  /** Its glossary terms (`terms/slug`), found with the memo's `glossary`. */
  glossary: string[];
}

interface Stored {
  key: string;
  glossary: string;
  briefs: Map<string, RememberedBrief>;
}

export class BriefMemo {
  private readonly before: Stored;
  private readonly now = new Map<string, RememberedBrief>();
  private changed = false;
  /** The glossary of this run (GlossaryMatcher.signature); '' until validation sets it. */
  glossary = '';

  private readonly file: string;
  private readonly key: string;

  constructor(file: string, key: string) {
    this.file = file;
    this.key = key;
    let stored: Stored | undefined;
    try {
      stored = deserialize(readFileSync(file)) as Stored;
    } catch {
      // None yet, or unreadable: every brief is checked.
    }
    this.before = stored?.key === key ? stored : { key, glossary: '', briefs: new Map() };
  }

  /** The brief at `path` as remembered, if its text is still the one remembered. */
  take(path: string, digest: string | undefined): RememberedBrief | undefined {
    const remembered = this.before.briefs.get(path);
    if (!remembered || remembered.digest !== digest) return undefined;
    this.now.set(path, remembered);
    return remembered;
  }

  /** Whether a remembered brief's glossary terms were found with this run's glossary. */
  get sameGlossary(): boolean {
    return this.before.glossary === this.glossary;
  }

  keep(path: string, brief: RememberedBrief): void {
    this.now.set(path, brief);
    this.changed = true;
  }

  /** Writes what this run checked, if anything changed (a new file, then renamed into place). */
  save(): void {
    const same = !this.changed && this.sameGlossary && this.now.size === this.before.briefs.size;
    if (same) return;
    const stored: Stored = { key: this.key, glossary: this.glossary, briefs: this.now };
    writeWhole(this.file, serialize(stored));
  }
}

/**
 * Writes `bytes` to a new file, then renames it into place: a reader never sees half a file, and
 * two processes writing at once (the check and Astro's loader beside it) each write a whole one.
 */
export function writeWhole(file: string, bytes: Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
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
