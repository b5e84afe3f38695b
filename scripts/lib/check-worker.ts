/**
 * The content check of `npm run build`, in a worker thread (scripts/build.ts): it runs beside
 * Astro's start-up on the other core, and the records it reads (every body: about 2 GB at
 * 100,000 briefs) are freed with the worker, not kept in the build's main process while Astro
 * and Pagefind run. It sends back only what the build needs: the pages to index for search.
 */
import { parentPort } from 'node:worker_threads';
import { getConfig } from '../../src/config.ts';
import { KINDS } from '../../src/content/registry.ts';
import { buildGraph } from '../../src/model/graph.ts';
import { briefUrl, entityUrl } from '../../src/model/records.ts';
import { pagesToIndex, type PageToIndex } from '../../src/search/build/documents.ts';
import { checkContent } from '../check.ts';

export type CheckOutcome =
  | {
      ok: true;
      summary: string;
      pages: PageToIndex[];
      expectedPages: number;
      /** Each brief's and profile's page (`/briefs/x/`) and its file, for naming it in errors. */
      sources: Record<string, string>;
    }
  | { ok: false; report: string };

const lines: string[] = [];
const errors: string[] = [];
const config = getConfig();
const content = checkContent(
  config,
  (line) => lines.push(line),
  (line) => errors.push(line),
);
let outcome: CheckOutcome;
if (!content) outcome = { ok: false, report: errors.join('\n') };
else {
  const graph = buildGraph(content.briefs, content.entities);
  const years = new Set(graph.briefs.map((b) => b.date.getUTCFullYear())).size;
  const sources: Record<string, string> = {};
  for (const b of graph.briefs) if (b.filePath) sources[briefUrl(b.slug)] = b.filePath;
  for (const e of graph.entities) if (e.filePath) sources[entityUrl(e)] = e.filePath;
  outcome = {
    ok: true,
    sources,
    summary: lines.join('\n').replace(/^✓ /, ''),
    pages: pagesToIndex(graph, config.basePath),
    // About what Astro renders: a page per brief, a page and a feed per profile, a page per
    // year, two per kind, and the fixed pages (home, indexes, search, feeds, exports, 404).
    expectedPages: graph.briefs.length + 2 * graph.entities.length + years + 2 * KINDS.length + 10,
  };
}
parentPort!.postMessage(outcome);
