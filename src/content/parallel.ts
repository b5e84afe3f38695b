/**
 * The briefs' own checks on every core, for a check that finds few of its briefs in the memo (a
 * cold check: at 100,000 briefs, 54 s on one core).
 *
 * Before anything is read, the briefs whose path the memo does not know are listed, and this
 * thread and worker threads take batches of them until none is left: each reads its batch, checks
 * each brief on its own (validate.ts `ownChecks`) and serializes what the memo keeps (memo.ts
 * `keepChunk`). The files come back to this thread as read, so no file is read twice.
 * validateContent then runs as it always does, taking those briefs from the memo, and does every
 * check across files; a brief with a problem is not remembered, so it is checked, and its
 * problems found, there. So is a brief the memo knows with another text.
 *
 * Nothing depends on a worker thread finishing: a brief it did not check is read and checked
 * by validateContent like any other. The check runs this (load.ts `loadContentInParallel`), and
 * so does the first look of `astro dev`, which runs src/ from its files; a worker thread needs
 * this folder's files as they are, which `astro build` bundles (its pages take the check's
 * result instead: handover.ts).
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { serialize } from 'node:v8';
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from 'node:worker_threads';
import {
  authorComponents,
  type Bodies,
  isProblem,
  listBriefFiles,
  readEntityFiles,
  readSettingsFile,
  readElsewhere,
  readSource,
  shownPath,
  type SourceFile,
} from './files.ts';
import { BriefMemo, type RememberedBrief } from './memo.ts';
import type { Problem } from './problems.ts';
import { ownChecks } from './validate.ts';

/** Below this many briefs to check, starting a thread (about half a second) is not worth it. */
export const PARALLEL_FROM = 2_000;

/**
 * At most this many threads: every thread reads and checks the profiles for itself, and this one
 * takes in what all the others found (measured on 2 cores only).
 */
const MOST_THREADS = 8;

/** Briefs a thread takes at a time: small enough that the threads end together. */
const BATCH = 250;

/** What every thread is given. */
export interface ThreadTask {
  root: string;
  contentDir: string;
  today: number | undefined;
  /** The briefs' files to check (absolute paths). */
  files: string[];
  /** Briefs in a batch. */
  batch: number;
  /** Whether the texts are sent back to be held, or only the digests (files.ts `readElsewhere`). */
  bodies: Bodies;
  /** The next batch to take, shared by every thread. */
  next: Int32Array;
}

/** What a worker thread is given: the task, and where to send each batch it checked. */
export interface WorkerTask extends ThreadTask {
  port: MessagePort;
}

/** A file read and let go: what reading it again must give (files.ts `readElsewhere`). */
interface Digested {
  path: string;
  digest: string | undefined;
  signature: string | undefined;
}

/** What a thread found in one batch: the files as read, and the memo's chunk of those that passed. */
export interface BatchDone {
  /** Each file as read; only its digest when the bodies are not held. */
  read: Array<[file: string, found: SourceFile | Problem | Digested]>;
  chunk: Uint8Array;
  /** The briefs in `chunk` (not sent by a worker thread: `chunk` is what it sends of them). */
  briefs?: Array<[string, RememberedBrief]>;
}

export interface ParallelOptions {
  /** Threads in all, this one included (by default one per core, up to `MOST_THREADS`). */
  threads?: number;
  /** The fewest briefs to check for which threads are started. */
  from?: number;
  /** Briefs a thread takes at a time. */
  batch?: number;
  /** Whether the files returned hold their texts (by default they do). */
  bodies?: Bodies;
}

/**
 * Checks the briefs `memo` does not know on their own, on every core, and keeps what it found in
 * `memo`. Returns every file read, by absolute path, for `readContentFiles` to take instead of
 * reading it again (none when there are too few to share out).
 */
export async function checkNewBriefs(
  where: { root: string; contentDir: string; today?: Date | undefined },
  memo: BriefMemo,
  {
    threads = Math.min(availableParallelism(), MOST_THREADS),
    from = PARALLEL_FROM,
    batch = BATCH,
    bodies = 'held',
  }: ParallelOptions = {},
): Promise<Map<string, SourceFile | Problem>> {
  const root = resolve(where.root);
  const read = new Map<string, SourceFile | Problem>();
  const files = listBriefFiles(root, where.contentDir).filter(
    (file) => !memo.knows(shownPath(root, file)),
  );
  if (threads < 2 || files.length < from) return read;
  const task: ThreadTask = {
    ...{ root, contentDir: where.contentDir, today: where.today?.getTime() },
    ...{ files, batch, bodies, next: new Int32Array(new SharedArrayBuffer(4)) },
  };
  const taken = (done: BatchDone) => {
    for (const [file, found] of done.read)
      read.set(file, 'message' in found || 'text' in found ? found : readElsewhere(file, found));
    memo.keepChunk(done.chunk, done.briefs);
  };
  const helpers = Array.from({ length: threads - 1 }, () => helper(task));
  // A worker's batches are taken between this thread's own: waiting for the end to take them all
  // left this thread deserializing them (about 2 s at 100,000 briefs) while the others idled.
  const takeSent = () => {
    for (const { port } of helpers)
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port))
        taken(m.message as BatchDone);
  };
  const { batches, entities } = batchChecker(task);
  // The profiles read here are taken by readContentFiles as well.
  for (const file of Object.values(entities).flat()) read.set(resolve(root, file.path), file);
  for (const done of batches()) {
    taken(done);
    takeSent();
    // This thread's other work between batches: a dev server answers while it checks.
    await new Promise(setImmediate);
  }
  await Promise.all(helpers.map(({ ended }) => ended));
  takeSent();
  return read;
}

/**
 * Takes batches of `task.files` until none is left, reading and checking each: what the main
 * thread and parallel-worker.ts both run.
 */
export function batchChecker({ root, contentDir, today, files, batch, bodies, next }: ThreadTask) {
  const entities = readEntityFiles(root, contentDir);
  const check = ownChecks(
    {
      settings: readSettingsFile(root, contentDir),
      entities,
      components: authorComponents(root),
      root,
    },
    today === undefined ? undefined : new Date(today),
  );
  const count = Math.ceil(files.length / batch);
  function* batches(): Generator<BatchDone> {
    for (let i = Atomics.add(next, 0, 1); i < count; i = Atomics.add(next, 0, 1)) {
      const read = files
        .slice(i * batch, (i + 1) * batch)
        .map((file): [string, SourceFile | Problem] => [file, readSource(root, file)]);
      const found = new BriefMemo(undefined, '');
      check(
        read.flatMap(([, source]) => (isProblem(source) ? [] : [source])),
        found,
      );
      // Serialized on the thread that checked them: the memo writes these bytes as they are.
      // Bodies not held are read again when asked: only the digest goes back.
      const sent =
        bodies === 'held' ? read : read.map(([file, source]) => [file, digested(source)]);
      const briefs = found.kept();
      yield { read: sent as BatchDone['read'], chunk: serialize(briefs), briefs };
    }
  }
  return { batches, entities };
}

const digested = (source: SourceFile | Problem): Digested | Problem =>
  isProblem(source)
    ? source
    : { path: source.path, digest: source.digest, signature: source.signature };

/** A worker thread, which sends its batches through `port`; `ended` settles when it ends. */
function helper(task: ThreadTask): { port: MessagePort; ended: Promise<void> } {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./parallel-worker.ts', import.meta.url), {
    workerData: { ...task, port: port2 } satisfies WorkerTask,
    transferList: [port2],
  });
  // A thread that fails leaves its briefs to validateContent, which reads and checks them (and
  // meets the same error, if it is one in the code, where it is reported).
  const ended = new Promise<void>((done) => {
    worker.once('error', () => done());
    worker.once('exit', () => done());
  });
  return { port: port1, ended };
}
