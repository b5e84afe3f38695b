/**
 * The content check of `npm run build`, in a child process (scripts/build.ts): it runs beside
 * Astro's start-up on the other core, and the memory of the records it reads (every body: about
 * 2 GB at 100,000 briefs) goes back to the system when it ends, instead of staying with the
 * build's main process while Astro and Pagefind run. It keeps its whole result for Astro's
 * process (src/content/handover.ts), and sends back only what the build needs: its report, the
 * pages and entities to index for search, and the files the published site must hold.
 */
import { siteGraph } from '../../src/astro/site-graph.ts';
import { getConfig } from '../../src/config.ts';
import { fingerprintContent } from '../../src/content/files.ts';
import { handOver } from '../../src/content/handover.ts';
import { contentLocation, resultKey } from '../../src/content/load.ts';
import { KINDS } from '../../src/content/registry.ts';
import { briefUrl, entityUrl } from '../../src/model/records.ts';
import {
  entitiesToLookup,
  type EntityToLookup,
  pagesToIndex,
  type PageToIndex,
} from '../../src/search/build/documents.ts';
import { checkContent } from '../check.ts';
import { CHECK_PROCESS_TITLE } from './process-titles.ts';
import { expectedFiles } from './verify-site.ts';

export type CheckOutcome =
  | {
      ok: true;
      summary: string;
      /** The warnings' report, printed after the check's line. */
      warnings: string;
      pages: PageToIndex[];
      entities: EntityToLookup[];
      /** Every file the published site must hold (scripts/lib/verify-site.ts). */
      expected: string[];
      expectedPages: number;
      /** Each brief's and profile's page (`/briefs/x/`) and its file, for naming it in errors. */
      sources: Record<string, string>;
    }
  | { ok: false; report: string };

process.title = CHECK_PROCESS_TITLE;

const lines: string[] = [];
const warnings: string[] = [];
const errors: string[] = [];
const config = getConfig();
/** Warnings count as errors (`npm run build -- --strict`). */
const strict = process.argv.includes('--strict');
// Astro's process takes the result over (src/content/handover.ts): the folder's fingerprint from
// before the check read it tells whether it is still this content.
const location = contentLocation(config);
const fingerprint = fingerprintContent(location.root, location.contentDir);
const content = await checkContent(config, {
  strict,
  // The search documents below read every body (pagesToIndex).
  bodies: 'held',
  print: {
    log: (text) => lines.push(text),
    warn: (text) => warnings.push(text),
    error: (text) => errors.push(text),
  },
});
let outcome: CheckOutcome;
if (!content) outcome = { ok: false, report: errors.join('\n') };
else {
  handOver(location.handover!, resultKey(location), fingerprint, content);
  const graph = siteGraph(content, config);
  const years = new Set(graph.briefs.map((b) => b.date.getUTCFullYear())).size;
  const sources: Record<string, string> = {};
  for (const b of graph.briefs) if (b.filePath) sources[briefUrl(b.slug)] = b.filePath;
  for (const e of graph.entities) if (e.filePath) sources[entityUrl(e)] = e.filePath;
  const pages = pagesToIndex(graph, config.basePath);
  outcome = {
    ok: true,
    sources,
    summary: lines.join('\n').replace(/^✓ /, ''),
    warnings: warnings.join('\n'),
    pages,
    entities: entitiesToLookup(graph, config.basePath),
    expected: expectedFiles(graph, pages),
    // About what Astro renders: a page per brief, a page and a feed per profile, a page per
    // year, two per kind, and the fixed pages (home, indexes, search, feeds, exports, 404).
    expectedPages: graph.briefs.length + 2 * graph.entities.length + years + 2 * KINDS.length + 16,
  };
}
// Sent, then the channel closed, so the process ends once the message is out.
process.send!(outcome, () => process.disconnect());
