/**
 * The baseline's search index: Pagefind's Node API over the built site, after the build,
 * the way a minimal site would add it. `node bench/baseline/pagefind.ts <dist>`
 */
import { resolve } from 'node:path';
import { close, createIndex } from 'pagefind';

const dist = resolve(process.argv[2] ?? 'bench/baseline/dist');
const started = performance.now();
const { index, errors } = await createIndex({});
if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: dist });
if (added.errors.length) throw new Error(added.errors.join('; '));
const written = await index.writeFiles({ outputPath: resolve(dist, 'pagefind') });
if (written.errors.length) throw new Error(written.errors.join('; '));
await close();
console.log(`Pagefind indexed ${added.page_count} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
