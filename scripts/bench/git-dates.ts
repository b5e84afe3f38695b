/**
 * `node scripts/bench/git-dates.ts --briefs 10000`: how long the one `git log` pass of the
 * build (src/content/git-dates.ts) takes on a synthetic corpus committed into a temporary
 * repository in two shapes: all files in one commit, and a history of one commit per brief
 * (dated in order) plus a revision of every tenth brief. The commits are written with
 * `git fast-import`, so making 11,000 of them takes seconds. Prints the median of 3 runs (wall time, and the CPU time of git and
 * of parsing its output);
 * `--keep` keeps the repositories.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readGitDates } from '../../src/content/git-dates.ts';
import { type CorpusFile, generateCorpus } from './corpus.ts';

function fastImport(repo: string, commits: Array<{ seconds: number; files: CorpusFile[] }>) {
  const chunks: Buffer[] = [];
  const add = (text: string) => chunks.push(Buffer.from(text));
  commits.forEach(({ seconds, files }, i) => {
    add(`commit refs/heads/main\nmark :${i + 1}\n`);
    add(`committer Bench <bench@example.com> ${seconds} +0000\n`);
    const message = `commit ${i + 1}\n`;
    add(`data ${Buffer.byteLength(message)}\n${message}`);
    if (i > 0) add(`from :${i}\n`);
    for (const file of files) {
      const data = Buffer.from(file.text);
      add(`M 100644 inline content/${file.path}\ndata ${data.length}\n`);
      chunks.push(data, Buffer.from('\n'));
    }
  });
  spawnSync('git', ['init', '-q', '-b', 'main', repo]);
  const result = spawnSync('git', ['fast-import', '--quiet'], {
    cwd: repo,
    input: Buffer.concat(chunks),
  });
  if (result.status !== 0) throw new Error(`git fast-import failed: ${result.stderr}`);
  spawnSync('git', ['checkout', '-q', 'main'], { cwd: repo });
}

/**
 * CPU seconds used by finished child processes (Linux: /proc/self/stat, fields 16–17 in clock
 * ticks of 1/100 s), so a measurement on a busy machine still says what git itself costs.
 */
function childCpuSeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function time(repo: string, runs = 3) {
  const wall: number[] = [];
  const cpu: number[] = [];
  let files = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpuBefore = childCpuSeconds();
    const ownBefore = process.cpuUsage();
    files = readGitDates(join(repo, 'content'))?.files.size ?? 0;
    wall.push((performance.now() - started) / 1000);
    const own = process.cpuUsage(ownBefore);
    const cpuAfter = childCpuSeconds();
    if (cpuBefore !== undefined && cpuAfter !== undefined)
      cpu.push(cpuAfter - cpuBefore + (own.user + own.system) / 1e6);
  }
  return { wall: median(wall), cpu: cpu.length ? median(cpu) : undefined, files };
}

const { values } = parseArgs({
  options: { briefs: { type: 'string', default: '10000' }, keep: { type: 'boolean' } },
});
const corpus = generateCorpus({ briefs: Number(values.briefs) });
const briefs = corpus.filter((f) => f.path.startsWith('briefs/'));
const profiles = corpus.filter((f) => !f.path.startsWith('briefs/'));
const work = mkdtempSync(join(tmpdir(), 'briefing-bench-git-'));
try {
  const start = Date.UTC(2015, 0, 1) / 1000;
  const one = join(work, 'one-commit');
  fastImport(one, [{ seconds: start, files: corpus }]);
  const history = join(work, 'history');
  const commits = [
    { seconds: start, files: profiles },
    ...briefs.map((file, i) => ({ seconds: start + (i + 1) * 3600, files: [file] })),
    ...briefs
      .filter((_, i) => i % 10 === 0)
      .map((file, i) => ({
        seconds: start + (briefs.length + i + 1) * 3600,
        files: [{ ...file, text: `${file.text}\nRevised.\n` }],
      })),
  ];
  fastImport(history, commits);
  for (const [name, repo, count] of [
    ['one commit', one, 1],
    ['one commit per brief, every tenth revised', history, commits.length],
  ] as const) {
    const { wall, cpu, files } = time(repo);
    const cpuText = cpu === undefined ? '' : `, CPU ${cpu.toFixed(2)} s`;
    console.log(`${name} (${count} commits, ${files} files): ${wall.toFixed(2)} s${cpuText}`);
  }
} finally {
  if (values.keep) console.log(`kept the repositories in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
