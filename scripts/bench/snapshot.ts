/**
 * Copies of the project (the working tree or a commit) and of the baseline site to build in the
 * work folder, with node_modules linked to the project's: the run has caches of its own, and
 * neither disturbs nor is disturbed by builds and edits other people make in the tree meanwhile.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, sep } from 'node:path';

/** `ref` for the working tree as it is, uncommitted changes included. */
export const WORKTREE = 'worktree';

/** Folders and files a build does not need. */
const SKIP = /^(content|tests|docs|bench|source-articles|dist[^/]*|\.ci|\.github)\//;
const SKIP_FILES = /^(\.gitignore|README\.md)$/;
/** Without git: dependencies, outputs and caches. */
const NOT_SOURCE = /^(node_modules|\.git|\.astro|\.briefing|test-results)(\/|$)/;

interface ProjectFiles {
  files: string[];
  read: (file: string) => Buffer;
}

/** Files of the project a build needs (everything but content, tests, docs and the bench). */
function projectFiles(root: string, ref: string): ProjectFiles {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const skip = (f: string) => SKIP.test(f) || SKIP_FILES.test(f);
  if (ref === WORKTREE) {
    let listed: string[];
    try {
      listed = git('ls-files', '-co', '--exclude-standard').split('\n');
    } catch {
      // Not a git checkout: every file but dependencies, outputs and caches.
      listed = readdirSync(root, { recursive: true, encoding: 'utf8' })
        .map((f) => f.split(sep).join('/'))
        .filter((f) => !NOT_SOURCE.test(f) && statSync(join(root, f)).isFile());
    }
    const files = listed.filter((f) => f && !skip(f) && existsSync(join(root, f)));
    return { files, read: (f) => readFileSync(join(root, f)) };
  }
  const files = git('ls-tree', '-r', '--name-only', ref)
    .split('\n')
    .filter((f) => f && !skip(f));
  const read = (f: string) =>
    execFileSync('git', ['show', `${ref}:${f}`], { cwd: root, maxBuffer: 256 << 20 });
  return { files, read };
}

/** A node_modules of symlinks to the project's packages, but with its own .astro/.vite caches. */
function linkNodeModules(root: string, dest: string) {
  const target = join(dest, 'node_modules');
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    const link = join(target, name);
    if (!existsSync(link)) symlinkSync(join(root, 'node_modules', name), link);
  }
}

/** Empties `dest` but for its node_modules (links, and the caches the bench clears itself). */
function emptyBut(dest: string) {
  for (const entry of existsSync(dest) ? readdirSync(dest) : []) {
    if (entry !== 'node_modules') rmSync(join(dest, entry), { recursive: true, force: true });
  }
}

/** git's output, or '' where git fails (not a checkout, no such ref). */
function gitQuietly(root: string, ...args: string[]): string {
  try {
    return execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return '';
  }
}

/** Copies the project at `ref` into `dest`; returns its commit and the uncommitted files. */
export function snapshotProject(
  root: string,
  dest: string,
  ref: string,
): { commit: string; modified: string[] } {
  emptyBut(dest);
  const { files, read } = projectFiles(root, ref);
  for (const file of files) {
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    writeFileSync(join(dest, file), read(file));
  }
  linkNodeModules(root, dest);
  const commit = gitQuietly(root, 'rev-parse', ref === WORKTREE ? 'HEAD' : ref).trim() || 'unknown';
  if (ref !== WORKTREE) return { commit, modified: [] };
  const status = ['status', '--porcelain', '--', '.', ':!content', ':!tests', ':!docs', ':!bench'];
  const modified = gitQuietly(root, ...status)
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3));
  return { commit, modified };
}

/** Copies the baseline site (bench/baseline) into `dest`. */
export function snapshotBaseline(root: string, dest: string) {
  emptyBut(dest);
  const src = join(root, 'bench/baseline');
  const copy = (rel: string) => {
    const from = join(src, rel);
    if (statSync(from).isDirectory()) {
      for (const name of readdirSync(from)) copy(join(rel, name));
    } else {
      mkdirSync(dirname(join(dest, rel)), { recursive: true });
      copyFileSync(from, join(dest, rel));
    }
  };
  for (const name of ['astro.config.mjs', 'pagefind.ts', 'src']) copy(name);
  linkNodeModules(root, dest);
}
