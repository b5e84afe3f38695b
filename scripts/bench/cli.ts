/**
 * `npm run bench -- --briefs N [--skip-baseline] [--skip-rebuild] [--skip-search]`
 *
 * The benchmark of issue 5 (figures and method in BENCHMARKS.md). In one run it:
 *
 * 1. generates a deterministic corpus of N briefs (corpus.ts) into bench/work/<N>/corpus,
 *    outside content/;
 * 2. snapshots the project (the working tree, or `--ref <commit>`) into bench/work/<N>/project
 *    with node_modules linked to the project's (snapshot.ts);
 * 3. times `node scripts/check.ts`, then a cold `node scripts/build.ts` (all caches cleared)
 *    with BRIEFING_CONTENT_DIR / BRIEFING_DIST, sampling the RSS and CPU of the whole process
 *    tree (/proc) and timestamping Astro's and Pagefind's log lines (builds.ts, monitor.ts);
 * 4. builds the same corpus with the minimal baseline site (bench/baseline: astro build,
 *    then Pagefind's Node API), also cold, and with Hugo (bench/hugo, then the same Pagefind
 *    step; skipped with a note where `hugo` is missing): scripts/bench/hugo.ts;
 * 5. edits one brief and rebuilds the project with its caches kept (rebuild.ts);
 * 6. serves the project's (and the baseline's) dist/ with gzip/brotli and measures, in headless
 *    Chromium, the bytes a first single-word search downloads: typed into the project's search
 *    page, and through Pagefind's JS API on the baseline (search.ts);
 * 7. merges `{ briefs, project, baseline, ... }` into bench/results.json (one entry per N)
 *    and prints a table with ratios and the issue's targets (report.ts).
 *
 * Options: --rebuild-variants ci|all (rebuild again keeping only Astro's cacheDir, or each
 * subset of the caches), --skip-hugo, --skip-dev (do not time `astro dev`'s first page), --search-only (measure the first search again on the last run's
 * sites), --seed S, --ref REF (snapshot a commit instead of the working tree),
 * --results PATH (default bench/results.json), --work DIR (default bench/work/<N>),
 * --profile (instead of the measurements: one cold `astro build` under `node --cpu-prof`,
 * summarised into <work>/profile-summary.txt; nothing is recorded), --skip-search, --quiet.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildBaseline, buildProject, checkCorpus, type Step } from './builds.ts';
import { CORPUS_FOLDERS, generateCorpus, writeCorpus } from './corpus.ts';
import { devFirstPage } from './dev.ts';
import { buildHugo, PeerFailed } from './hugo.ts';
import { profileBuild } from './profile.ts';
import { rebuildAfterEdit } from './rebuild.ts';
import { mergeResults, readResults, table } from './report.ts';
import { type BenchEntry, type ProjectResult, ratio, round, type SideResult } from './results.ts';
import { describeSearch, firstSearch, rarestWord } from './search.ts';
import { snapshotProject, WORKTREE } from './snapshot.ts';
import { emptyTrash, setAside, workspace } from './work.ts';

const ROOT = resolve(import.meta.dirname, '../..');

type Options = ReturnType<typeof parseOptions>;

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      briefs: { type: 'string', default: '1000' },
      seed: { type: 'string', default: 'briefing' },
      ref: { type: 'string', default: WORKTREE },
      results: { type: 'string', default: 'bench/results.json' },
      work: { type: 'string' },
      'skip-baseline': { type: 'boolean', default: false },
      'skip-hugo': { type: 'boolean', default: false },
      'skip-rebuild': { type: 'boolean', default: false },
      'skip-dev': { type: 'boolean', default: false },
      'skip-search': { type: 'boolean', default: false },
      'rebuild-variants': { type: 'string' },
      'search-only': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  return values;
}

/**
 * --search-only: measures the first search again on the sites the last run left in the work
 * folder, and updates that run's entry (useful after a change to search alone).
 */
async function searchAgain(step: Step, resultsPath: string): Promise<BenchEntry> {
  const { ws, briefs, say } = step;
  const file = resolve(ROOT, resultsPath);
  const entry = readResults(file).find((e) => e.briefs === briefs);
  if (!entry || !existsSync(ws.projectDist)) {
    const needs = `an entry in ${resultsPath} and ${ws.projectDist}`;
    throw new Error(`--search-only needs a previous run at ${briefs} briefs (${needs})`);
  }
  const measured = await firstSearch(
    ws.projectDist,
    entry.baseline ? ws.baselineDist : undefined,
    entry.corpus.rareWord,
  );
  Object.assign(entry.project, measured.project);
  if (entry.baseline && measured.baseline) Object.assign(entry.baseline, measured.baseline);
  mergeResults(file, entry);
  say(describeSearch(entry.project.firstSearch!));
  say(`\n${table(readResults(file))}`);
  return entry;
}

/** Step 1: the corpus, written into the work folder; what the entry records of it. */
function writeBenchCorpus({ ws, briefs, say }: Step, seed: string) {
  const started = performance.now();
  const files = generateCorpus({ briefs, seed });
  for (const folder of CORPUS_FOLDERS) setAside(ws, join(ws.corpus, folder));
  writeCorpus(ws.corpus, files, ROOT);
  // On disk before the first timed step: at 100,000 briefs the kernel was still writing the
  // corpus's 640 MB back while the cold check ran (28.3 s; 16.6 s on a quiet disk).
  spawnSync('sync');
  const bytes = files.reduce((s, f) => s + Buffer.byteLength(f.text), 0);
  const count = (folder: string) => files.filter((f) => f.path.startsWith(`${folder}/`)).length;
  const kinds = CORPUS_FOLDERS.filter((folder) => folder !== 'briefs');
  const entities = Object.fromEntries(kinds.map((k) => [k, count(k)]));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const size = `${files.length} files (${(bytes / 1e6).toFixed(1)} MB)`;
  say(`corpus: ${size} in ${ws.corpus}, ${seconds} s`);
  const briefFiles = files.filter((f) => f.path.startsWith('briefs/'));
  const rare = rarestWord(briefFiles.map((f) => f.text));
  const briefPaths = briefFiles.map((f) => f.path);
  return { record: { files: files.length, bytes, entities, rareWord: rare }, briefPaths, rare };
}

/** Step 2: the project's snapshot; where it came from. */
function snapshot({ ws, say }: Step, ref: string): BenchEntry['source'] {
  const source = { ref, ...snapshotProject(ROOT, ws.projectRoot, ref) };
  const what = ref === WORKTREE ? 'the working tree' : ref;
  const uncommitted = source.modified.length
    ? ` (+${source.modified.length} uncommitted files)`
    : '';
  say(
    `project: snapshot of ${what} at ${source.commit.slice(0, 10)}${uncommitted} in ${ws.projectRoot}`,
  );
  return source;
}

/** The Hugo peer, or why it has no result: a failing peer does not stop our own measurements. */
async function hugoPeer(step: Step): Promise<{ hugo: SideResult | null; hugoFailed?: string }> {
  try {
    return { hugo: await buildHugo(step) };
  } catch (error) {
    if (!(error instanceof PeerFailed)) throw error;
    step.say(`hugo: ${error.message}; the bench goes on without the peer`);
    return { hugo: null, hugoFailed: error.message };
  }
}

function ratios(
  project: ProjectResult,
  baseline: SideResult | null,
  hugo: SideResult | null,
): BenchEntry['ratios'] {
  return {
    hugo: ratio(project.buildSeconds, hugo?.buildSeconds),
    hugoCpu: ratio(project.cpuSeconds, hugo?.cpuSeconds),
    build: ratio(project.buildSeconds, baseline?.buildSeconds),
    cpu: ratio(project.cpuSeconds, baseline?.cpuSeconds),
    astro: ratio(project.astroSeconds, baseline?.astroSeconds),
    pagefind: ratio(project.pagefindSeconds, baseline?.pagefindSeconds),
    peakRss: ratio(project.peakRssMB, baseline?.peakRssMB),
    distBytes: ratio(project.distBytes, baseline?.distBytes),
    indexBytes: ratio(project.indexBytes, baseline?.indexBytes),
    rebuildOfCold: ratio(project.rebuildSeconds, project.buildSeconds),
  };
}

function machine(): BenchEntry['machine'] {
  const cpuModel = cpus()[0]?.model ?? '?';
  const memoryGB = round(totalmem() / 2 ** 30, 1);
  return { cpus: cpus().length, cpuModel, memoryGB, node: process.version };
}

export async function bench(argv = process.argv.slice(2)): Promise<BenchEntry | null> {
  const values = parseOptions(argv);
  const briefs = Number(values.briefs);
  if (!Number.isInteger(briefs) || briefs < 1) {
    throw new Error(`--briefs must be a positive whole number, got ${values.briefs}`);
  }
  const say = (text: string) => values.quiet || console.log(text);
  const ws = workspace(ROOT, resolve(ROOT, values.work ?? `bench/work/${briefs}`));
  mkdirSync(ws.logs, { recursive: true });
  const step: Step = { ws, briefs, say };
  if (values['search-only']) return searchAgain(step, values.results);
  try {
    return await measure(step, values, argv);
  } finally {
    // After the measurements: see setAside().
    emptyTrash(ws);
  }
}

async function measure(step: Step, values: Options, argv: string[]): Promise<BenchEntry | null> {
  const { ws, briefs, say } = step;
  const corpus = writeBenchCorpus(step, values.seed);
  const source = snapshot(step, values.ref);
  const check = await checkCorpus(step);
  if (values.profile) {
    await profileBuild(step);
    return null;
  }
  const { project, coldSeconds } = await buildProject(step, check);
  const baseline = values['skip-baseline'] ? null : await buildBaseline(step);
  const { hugo, hugoFailed } = values['skip-hugo'] ? { hugo: null } : await hugoPeer(step);
  if (!values['skip-dev']) {
    const slug = corpus.briefPaths[0]!.split('/')
      .pop()!
      .replace(/\.mdx?$/, '');
    project.devFirstPageSeconds = (await devFirstPage(step, slug)).home;
  }
  if (!values['skip-rebuild']) {
    const variants = values['rebuild-variants'];
    await rebuildAfterEdit(step, project, coldSeconds, corpus.briefPaths, variants);
  }
  // The first search, bytes on the wire (the baseline's too, for comparison).
  if (!values['skip-search']) {
    const measured = await firstSearch(
      ws.projectDist,
      baseline ? ws.baselineDist : undefined,
      corpus.rare,
    );
    Object.assign(project, measured.project);
    if (baseline && measured.baseline) Object.assign(baseline, measured.baseline);
    say(describeSearch(project.firstSearch!));
  }

  const entry: BenchEntry = {
    briefs,
    seed: values.seed,
    date: new Date().toISOString(),
    command: `npm run bench -- ${argv.join(' ')}`.trim(),
    machine: machine(),
    source,
    corpus: corpus.record,
    project,
    baseline,
    hugo,
    ...(hugoFailed && { hugoFailed }),
    ratios: ratios(project, baseline, hugo),
  };
  const results = resolve(ROOT, values.results);
  mergeResults(results, entry);
  const where = `results: ${relative(ROOT, results)}; logs: ${relative(ROOT, ws.logs)}`;
  say(`\n${table(readResults(results))}\n${where}`);
  return entry;
}

if (import.meta.main) {
  try {
    await bench();
  } catch (error) {
    console.error(`\n✗ bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
