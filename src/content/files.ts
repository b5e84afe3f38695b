/**
 * Reading the content folder from disk: the one place that lists and reads content files.
 * Everything after this works on the texts (src/content/validate.ts).
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import {
  closeSync,
  type Dirent,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { KnownFiles } from './known-files.ts';
import { signatureOf } from './known-files.ts';
import { AUTHOR_COMPONENTS_DIR } from './mdx-rules.ts';
import { MEDIA_TYPES, mediaType, svgProblem } from './media.ts';
import type { Problem } from './problems.ts';
import { BRIEFS_DIR, CONTENT_EXTENSIONS, KIND_IDS, type KindId, MEDIA_DIR } from './registry.ts';
import { SETTINGS_FILE } from './settings.ts';

export interface SourceFile {
  /** Path shown to the author, relative to the project root, e.g. content/briefs/2025/x.md */
  path: string;
  text: string;
  /** Hash of the text: what the incremental build and the search index compare. */
  digest?: string | undefined;
  /**
   * Reads the text from disk again: given when records are not to hold their bodies, so that a
   * record's body is read when asked (readContentFiles, 'read when asked').
   */
  reread?: (() => string) | undefined;
  /**
   * What `stat` said of the file as it was read, if it was not changed just before
   * (known-files.ts): the next run trusts the digest while the signature stays the same.
   */
  signature?: string | undefined;
}

/** A file found but not yet read: validation reads it when it comes to it, then lets it go. */
export interface UnreadFile {
  path: string;
  read(): SourceFile | Problem;
}

/** How records will keep their bodies (src/content/load.ts). */
export type Bodies = 'held' | 'read when asked';

export interface ContentFiles<File extends SourceFile | UnreadFile = SourceFile | UnreadFile> {
  /** content/site.yaml, when the folder has one. */
  settings?: SourceFile | undefined;
  briefs: File[];
  entities: Partial<Record<KindId, File[]>>;
  /** The components MDX bodies may use, by name (src/components/mdx/KeyDates.astro: KeyDates). */
  components?: string[] | undefined;
  /** Files that cannot be read or do not belong in the folder, each with what to do. */
  problems?: Problem[] | undefined;
  /** The project root the paths are relative to (MDX imports are resolved from it). */
  root?: string | undefined;
}

/** Files the content folder itself may hold besides the settings. */
const ROOT_FILES = new Set(['README.md', 'LICENSE.md', 'README', 'LICENSE', SETTINGS_FILE]);

/** What reading the folder found: the content files and the problems on the way. */
interface Walk {
  root: string;
  /** The content folder's real path: no link may lead outside it. */
  base: string;
  files: string[];
  problems: Problem[];
  /** Real paths of the folders walked, so a link back up cannot loop. */
  seen: Set<string>;
  /** The files this folder may hold (default: .md and .mdx), and what to say of another. */
  accepts?: { file: (name: string) => boolean; stray: (root: string, path: string) => Problem };
}

/**
 * Every .md/.mdx file under `dir`, skipping names that start with `_` or `.`. Anything else is
 * a problem: another kind of file, a symbolic link that leads outside the content folder,
 * nowhere, or round in a loop.
 */
function walk(state: Walk, dir: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      const target = linkTarget(path);
      let real: string;
      try {
        real = realpathSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        state.problems.push({
          file: shown(state.root, path),
          message: `is a symbolic link that ${code === 'ELOOP' ? 'loops back on itself' : 'points to nothing'} (→ ${target})`,
          hint: 'replace the link with the file itself, or delete it',
        });
        continue;
      }
      if (real !== state.base && !real.startsWith(state.base + sep)) {
        state.problems.push({
          file: shown(state.root, path),
          message: `is a symbolic link to ${target}, outside the content folder`,
          hint: 'content must live inside the content folder: copy the file in instead of linking to it',
        });
        continue;
      }
      isDirectory = statSync(real).isDirectory();
    }
    if (isDirectory) {
      const realDir = realpathSync(path);
      if (state.seen.has(realDir)) {
        state.problems.push({
          file: shown(state.root, path),
          message: `leads to a folder that is read already (${shown(state.root, realDir)}): a symbolic link makes a loop`,
          hint: 'delete the link',
        });
        continue;
      }
      state.seen.add(realDir);
      walk(state, path);
    } else if (
      state.accepts
        ? state.accepts.file(entry.name)
        : CONTENT_EXTENSIONS.some((ext) => entry.name.endsWith(ext))
    ) {
      state.files.push(path);
    } else {
      state.problems.push((state.accepts?.stray ?? strayFile)(state.root, path));
    }
  }
}

function linkTarget(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '?';
  }
}

function strayFile(root: string, path: string): Problem {
  const markdown = /\.(markdown|mdown|mkd|mkdn|txt|text)$/i.exec(path);
  return {
    file: shown(root, path),
    message: 'is not a brief or a profile: only .md and .mdx files are published',
    hint: markdown
      ? `rename it to end in .md${/^\.(txt|text)$/i.test(markdown[0]) ? ' (and give it frontmatter)' : ''}, or start its name with _ to keep it unpublished`
      : 'move it out of the content folder, or start its name with _ to keep it unpublished',
  };
}

/**
 * A path as shown to authors: relative to `root`, with forward slashes. A path under a plain
 * absolute root is cut rather than resolved: `path.relative` resolves both paths each time, half a
 * second for the 100,000 briefs a check lists.
 */
function shown(root: string, path: string): string {
  const prefix = plainPrefix(root);
  if (prefix && path.startsWith(prefix) && !UNPLAIN.test(path.slice(prefix.length)))
    return sep === '/' ? path.slice(prefix.length) : path.slice(prefix.length).split(sep).join('/');
  return relative(root, path).split(sep).join('/');
}

/** Segments a path must not hold to be cut (`.`, `..`, empty ones), with either separator. */
const UNPLAIN = /(^|[\\/])\.{0,2}([\\/]|$)/;
let lastRoot: { root: string; prefix: string | undefined } | undefined;

/** `root` and a separator, if `root` is absolute and already in its resolved form. */
function plainPrefix(root: string): string | undefined {
  if (lastRoot?.root !== root) {
    const plain = isAbsolute(root) && resolve(root) === root.replace(/(?<=.)[\\/]+$/, '');
    lastRoot = { root, prefix: plain ? resolve(root).replace(/[\\/]?$/, sep) : undefined };
  }
  return lastRoot.prefix;
}

/**
 * The files of `content/media/` that are published (absolute paths; a link is listed by its
 * own path and leads inside the content folder), and the problems of those that are not: other
 * kinds of file, links out of the content folder, SVGs that hold script (src/content/media.ts).
 */
export function readMediaFiles(
  root: string,
  contentDir: string,
): { files: string[]; problems: Problem[] } {
  const base = resolve(root, contentDir);
  const state: Walk = {
    root,
    base: realBase(base),
    files: [],
    problems: [],
    seen: new Set(),
    accepts: {
      file: (name) => mediaType(name) !== undefined,
      stray: (from, path) => ({
        file: shown(from, path),
        message: `is not published: ${MEDIA_DIR}/ publishes only ${Object.keys(MEDIA_TYPES).join(' ')} files`,
        hint: 'a page of the site is a brief or a profile; start the name with _ to keep the file here unpublished',
      }),
    },
  };
  const folder = join(base, MEDIA_DIR);
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    return { files: [], problems: [] };
  }
  if (!real.startsWith(state.base + sep))
    return {
      files: [],
      problems: [
        {
          file: shown(root, folder),
          message: `is a symbolic link to ${real}, outside the content folder`,
          hint: 'content must live inside the content folder',
        },
      ],
    };
  state.seen.add(real);
  walk(state, folder);
  const files = state.files.filter((path) => {
    if (mediaType(path) !== MEDIA_TYPES['.svg']) return true;
    const problem = svgProblem(readFileSync(path, 'utf8'));
    if (problem) state.problems.push({ file: shown(root, path), message: problem });
    return !problem;
  });
  return { files, problems: state.problems };
}

/** Every .md/.mdx file under `dir` (the folder fingerprint needs no problems). */
export function listContentFiles(dir: string): string[] {
  const state: Walk = { root: dir, base: realBase(dir), files: [], problems: [], seen: new Set() };
  walk(state, dir);
  return state.files;
}

function realBase(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return resolve(dir);
  }
}

/** The digest of a text, from its UTF-8 bytes (the same as of the text, without encoding it again). */
function digestOf(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64url');
}

/**
 * The bytes of an open file whose size `stat` gave: readFileSync would ask for the size again (a
 * system call per file, 100,000 in a cold check). A file that grew meanwhile is read to its end.
 */
function readOpen(fd: number, size: number): Buffer {
  // One byte more than the size, so that a read that fills it tells a file that grew.
  let buffer = Buffer.allocUnsafe(size + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(length)]);
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) return buffer.subarray(0, length);
    length += read;
  }
}

/** A file's text, or the problem that keeps it from being read as text. */
export function readSource(
  root: string,
  path: string,
  bodies: Bodies = 'held',
): SourceFile | Problem {
  const file = shown(root, path);
  let bytes: Buffer;
  let signature: string | undefined;
  try {
    // Its signature before its bytes: a change while it is read leaves a signature that is not
    // the file's next time, so it is read again then.
    const fd = openSync(path, 'r');
    try {
      const stats = fstatSync(fd, { bigint: true });
      signature = signatureOf(stats, Date.now());
      bytes = readOpen(fd, Number(stats.size));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return { file, message: `cannot be read: ${(error as Error).message}` };
  }
  const lineAt = (index: number) => bytes.subarray(0, index).toString('latin1').split('\n').length;
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      file,
      line: lineAt(nul),
      message: 'contains a NUL byte: this is not a text file, or it was saved in UTF-16',
      hint: 'save it as UTF-8 text',
    };
  }
  if (!isUtf8(bytes)) {
    const lossy = bytes.toString('utf8');
    const bad = lossy.indexOf('\uFFFD');
    return {
      file,
      line: bad >= 0 ? lossy.slice(0, bad).split('\n').length : undefined,
      message:
        'is not valid UTF-8 text (it may be in another encoding, such as Windows-1252 or GBK)',
      hint: 'save it as UTF-8 in your editor',
    };
  }
  const text = bytes.toString('utf8');
  const source: SourceFile = { path: file, text, digest: digestOf(bytes), signature };
  if (bodies === 'read when asked') source.reread = rereader(path, file);
  return source;
}

/**
 * Reads a file's text again, mid-build; an error names the file if it is gone. Made out here:
 * a closure made in readSource would keep its bytes alive (they share one scope).
 */
export function rereader(path: string, file: string): () => string {
  return () => {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      throw new Error(
        `${file} could not be read again (${(error as NodeJS.ErrnoException).code}): was it moved or deleted while the site was being built?`,
        { cause: error },
      );
    }
  };
}

/**
 * A file another thread read (src/content/parallel.ts), known by its digest: its text is read
 * again when asked, as a record's body is.
 */
export function readElsewhere(
  file: string,
  {
    path,
    digest,
    signature,
  }: { path: string; digest: string | undefined; signature?: string | undefined },
): SourceFile {
  const reread = rereader(file, path);
  return {
    path,
    digest,
    signature,
    reread,
    get text() {
      return reread();
    },
  };
}

export const isProblem = (value: SourceFile | Problem): value is Problem => 'message' in value;

/** What readContentFiles may take instead of reading a file. */
export interface ReadOptions {
  /** Files read already (by absolute path), by other threads (src/content/parallel.ts). */
  readBefore?: ReadonlyMap<string, SourceFile | Problem> | undefined;
  /**
   * The briefs' files as last read (known-files.ts): each brief read is noted, and with bodies
   * read when asked, one still as it was is not read at all, its digest taken from here.
   */
  known?: KnownFiles | undefined;
}

/**
 * `root` is the folder paths are shown relative to (the project root); `contentDir` the
 * content folder, relative to it or absolute (the benchmark points it at a generated corpus).
 * Every text is read at once; with `bodies: 'read when asked'`, each file is read when
 * validation comes to it and let go after (at 100,000 briefs the texts take a gigabyte), and its
 * record's body is read from the file when asked.
 */
export function readContentFiles(
  root: string,
  contentDir: string,
  bodies?: 'held',
  options?: ReadOptions,
): ContentFiles<SourceFile>;
export function readContentFiles(
  root: string,
  contentDir: string,
  bodies: 'read when asked',
  options?: ReadOptions,
): ContentFiles<UnreadFile>;
export function readContentFiles(
  root: string,
  contentDir: string,
  bodies: Bodies,
  options?: ReadOptions,
): ContentFiles;
export function readContentFiles(
  root: string,
  contentDir: string,
  bodies: Bodies = 'held',
  { readBefore, known }: ReadOptions = {},
): ContentFiles {
  const { base, state, read, list } = folderReader(root, contentDir);
  /** A brief's file: as another thread read it, as it was last read, or read now. */
  const readBrief = (path: string): SourceFile | Problem => {
    const source =
      readBefore?.get(path) ??
      (bodies === 'held' ? undefined : known?.unchanged(path, shown(root, path))) ??
      readSource(root, path, bodies);
    if (!isProblem(source)) known?.note(path, source);
    return source;
  };
  const readOther = (path: string) => readBefore?.get(path) ?? readSource(root, path, bodies);
  const take = (folder: string, readOne = readOther) =>
    bodies === 'held'
      ? read(folder, readOne)
      : list(folder).map((path) => ({ path: shown(root, path), read: () => readOne(path) }));
  const briefs = take(BRIEFS_DIR, readBrief);
  const entities = Object.fromEntries(KIND_IDS.map((kind) => [kind, take(kind)]));
  strayAtRoot(root, base, new Set([BRIEFS_DIR, ...KIND_IDS]), state.problems);
  state.problems.push(...readMediaFiles(root, contentDir).problems);
  return {
    settings: readSettingsFile(root, contentDir, state.problems),
    briefs,
    entities,
    components: authorComponents(root),
    problems: state.problems,
    root: resolve(root),
  };
}

/**
 * The briefs' files, listed but not read (absolute paths): what threads that read and check
 * briefs of their own are given (src/content/parallel.ts).
 */
export function listBriefFiles(root: string, contentDir: string): string[] {
  return folderReader(root, contentDir).list(BRIEFS_DIR);
}

/** The path of `file` shown to authors: relative to the project root `root`. */
export const shownPath = (root: string, file: string) => shown(root, file);

/** The entity profiles alone (what resolving [[wikilinks]] needs), without reading any brief. */
export function readEntityFiles(
  root: string,
  contentDir: string,
): ContentFiles<SourceFile>['entities'] {
  const { read } = folderReader(root, contentDir);
  return Object.fromEntries(KIND_IDS.map((kind) => [kind, read(kind)]));
}

/** Reads one folder of the content folder at a time; problems collect in `state`. */
function folderReader(root: string, contentDir: string) {
  const base = resolve(root, contentDir);
  const state: Walk = { root, base: realBase(base), files: [], problems: [], seen: new Set() };
  const list = (folder: string): string[] => {
    state.files = [];
    let real: string;
    try {
      real = realpathSync(join(base, folder));
    } catch {
      return []; // no such folder (or a dangling link: reported at the top)
    }
    if (!real.startsWith(state.base + sep)) {
      state.problems.push({
        file: shown(root, join(base, folder)),
        message: `is a symbolic link to ${real}, outside the content folder`,
        hint: 'content must live inside the content folder',
      });
      return [];
    }
    state.seen.add(real);
    walk(state, join(base, folder));
    return state.files;
  };
  const read = (folder: string, readOne = (path: string) => readSource(root, path)): SourceFile[] =>
    list(folder).flatMap((path) => {
      const source = readOne(path);
      if (isProblem(source)) {
        state.problems.push(source);
        return [];
      }
      return [source];
    });
  return { base, state, read, list };
}

/** Files and folders at the top of the content folder that Briefing does not read. */
function strayAtRoot(root: string, base: string, folders: Set<string>, problems: Problem[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(base, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
    // media/ holds the site's own images and documents, published as they are.
    if (folders.has(entry.name) || ROOT_FILES.has(entry.name) || entry.name === MEDIA_DIR) continue;
    const path = join(base, entry.name);
    let directory = entry.isDirectory();
    try {
      directory = statSync(path).isDirectory();
    } catch {
      // A dangling link at the top: reported as a file that is not content.
    }
    problems.push(
      directory
        ? {
            file: `${shown(root, path)}/`,
            message: `is not a folder Briefing reads (${[...folders, MEDIA_DIR].join(', ')})`,
            hint: 'move briefs into briefs/ and profiles into the folder of their kind; a new kind needs an entry in src/content/registry.ts (docs/authoring.md, "Adding a kind"); start the name with _ to keep it here unread',
          }
        : {
            ...strayFile(root, path),
            message: `is not read: the content folder holds ${SETTINGS_FILE}, README.md, LICENSE.md and the folders ${[...folders].join(', ')}`,
          },
    );
  }
}

/** The names of the author components (src/components/mdx/*.astro). */
export function authorComponents(root: string): string[] {
  try {
    return readdirSync(join(root, AUTHOR_COMPONENTS_DIR))
      .filter((name) => /^[A-Z][A-Za-z0-9]*\.astro$/.test(name))
      .map((name) => name.replace(/\.astro$/, ''))
      .sort();
  } catch {
    return [];
  }
}

export function readSettingsFile(
  root: string,
  contentDir: string,
  problems?: Problem[],
): SourceFile | undefined {
  const path = join(resolve(root, contentDir), SETTINGS_FILE);
  try {
    statSync(path);
  } catch {
    return undefined;
  }
  const source = readSource(root, path);
  if (!isProblem(source)) return source;
  problems?.push(source);
  return undefined;
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
  for (const folder of [BRIEFS_DIR, ...KIND_IDS])
    for (const path of listContentFiles(join(base, folder))) add(path);
  return hash.digest('hex');
}
