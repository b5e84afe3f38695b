/**
 * A worker thread of parallel.ts: takes batches of briefs to read and check, as the main thread
 * does, and sends each back: the files as read, and the memo's chunk of the briefs that passed.
 */
import { workerData } from 'node:worker_threads';
import { batchChecker, type WorkerTask } from './parallel.ts';

const task = workerData as WorkerTask;
for (const { read, chunk } of batchChecker(task).batches()) task.port.postMessage({ read, chunk });
task.port.close();
