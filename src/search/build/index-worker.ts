/**
 * A worker thread that indexes search bundles for src/search/build/index-site.ts, one job at a
 * time: with its own copy of Pagefind's Node API, each worker drives a Pagefind process of its
 * own, so bundles are indexed on every core at once.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { type IndexJob, indexPages } from './index-site.ts';

// Lowest priority: the thread, and the Pagefind process it starts (which inherits it), take
// only the time Astro leaves while it renders beside them (on Linux a thread's priority is its own).
if ((workerData as { background?: boolean } | undefined)?.background) setPriority(19);

parentPort!.on('message', (job: IndexJob) => {
  indexPages(job.pages, job.dir, job.outDir, job.siteLanguage, job).then(
    () => parentPort!.postMessage({}),
    (error: unknown) => parentPort!.postMessage({ error: (error as Error).message }),
  );
});
