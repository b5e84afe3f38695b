/**
 * One thread of the parallel content check (src/content/parallel-check.ts): reads its briefs,
 * runs each one's own checks, and sends back those that pass, with every problem and warning,
 * a batch at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readOrReport } from './files.ts';
import { openContentMemo } from './frontmatter-memo.ts';
import {
  BATCH,
  type BriefChecksRequest,
  type CheckedBriefRest,
  type CheckedBriefs,
} from './parallel-check.ts';
import type { Problem } from './problems.ts';
import { briefSchema } from './registry.ts';
import { checkContext, parseOne } from './validate.ts';

const request = workerData as BriefChecksRequest;
const memo = openContentMemo(request.memoDir);
const context = checkContext(
  request.settings,
  request.components,
  new Date(request.today),
  request.root,
);
let batch: CheckedBriefs;
let texts: string[];
let rest: CheckedBriefRest[];
let end = 0;
const start = () => {
  texts = [];
  rest = [];
  end = 0;
  batch = { texts: '', rest: '', problems: [], warnings: [], done: false };
  context.warnings = batch.warnings;
};
const send = (done: boolean) => {
  batch.texts = texts.join('');
  batch.rest = JSON.stringify(rest);
  batch.done = done;
  parentPort!.postMessage(batch);
};
start();
for (const path of request.paths) {
  const problems: Problem[] = batch!.problems;
  for (const file of readOrReport(request.root, path, problems)) {
    const checks = {
      schema: briefSchema,
      section: 'briefs',
      problems,
      context,
      memo: memo.forFile,
    };
    const parsed = parseOne(file, checks);
    if (!parsed) continue;
    texts!.push(file.text);
    end += file.text.length;
    rest!.push({
      path: file.path,
      end,
      digest: file.digest,
      frontmatter: parsed.parsed.data,
      format: parsed.format,
      links: parsed.links,
    });
  }
  if (rest!.length >= BATCH) {
    send(false);
    start();
  }
}
memo.save();
send(true);
