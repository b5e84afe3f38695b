/**
 * `npm run bench:import -- --posts 2000`: how long importing an archive takes. Generates a
 * WordPress export of N posts (wxr.ts), imports it into an empty folder with the importer
 * itself, imports it again (every file up to date), and checks the result, timing each step
 * in wall-clock and CPU seconds (the machine may be shared: CPU time is the steadier figure).
 * docs/migration.md records the figures.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from '../../src/content/load.ts';
import { runImport } from '../import/cli.ts';
import { generateWxr } from './wxr.ts';

const { values } = parseArgs({ options: { posts: { type: 'string', default: '2000' } } });
const posts = Number(values.posts);
if (!Number.isInteger(posts) || posts < 1) {
  console.error(`✗ --posts must be a whole number, not "${values.posts}"`);
  process.exit(1);
}

/** Runs `work`, printing its wall-clock and CPU seconds. */
function timed<T>(label: string, work: () => T, describe: (result: T) => string): T {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(cpu);
  const seconds = ((performance.now() - wall) / 1000).toFixed(1);
  const cpuSeconds = ((used.user + used.system) / 1e6).toFixed(1);
  console.log(
    `${label.padEnd(40)} ${seconds.padStart(6)} s wall ${cpuSeconds.padStart(6)} s CPU   ${describe(result)}`,
  );
  return result;
}

const dir = mkdtempSync(join(tmpdir(), 'briefing-import-bench-'));
try {
  const file = join(dir, 'export.xml');
  const xml = timed(
    `generate an export of ${posts} posts`,
    () => generateWxr(posts),
    (x) => `${(x.length / 1e6).toFixed(1)} MB`,
  );
  writeFileSync(file, xml);
  const into = join(dir, 'content');
  const describe = (r: ReturnType<typeof runImport>) =>
    `${r.written.created.length} new, ${r.written.updated.length} updated, ${r.written.unchanged.length} unchanged, ${r.plan.collisions.length} collisions`;
  timed('import into an empty folder', () => runImport('wordpress', file, { into }), describe);
  timed(
    'import again (every file up to date)',
    () => runImport('wordpress', file, { into }),
    describe,
  );
  timed(
    'check the imported content',
    () => loadContent({ root: dir, contentDir: into }),
    (r) =>
      `${r.problems.length} problems, ${r.warnings.length} warnings, ${r.briefs.length} briefs`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
