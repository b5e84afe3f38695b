/**
 * Running a command while watching its process tree: peak memory and CPU time through /proc
 * (Linux), and the elapsed time at which its log reaches each phase (markers).
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { CHECK_PROCESS_TITLE } from '../lib/process-titles.ts';
import { isLive, startPhase } from '../lib/progress.ts';
import { round } from './results.ts';

export interface Marker {
  pattern: RegExp;
  /** Only look for this marker once that one has been seen. */
  after?: string;
}

export interface RunResult {
  seconds: number;
  /** User + system CPU seconds of every process in the tree, and of the Pagefind binary alone. */
  cpuSeconds: number;
  cpuPagefindSeconds: number;
  code: number | null;
  peakRssMB: number;
  peakByComm: Record<string, number>;
  /** Elapsed seconds at the first line matching each marker. */
  marks: Record<string, number>;
  lines: string[];
  /** Page lines in Astro's log, and how many of them Astro reused from its incremental cache. */
  pagesLogged: number;
  pagesReused: number;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  markers?: Record<string, Marker>;
  /**
   * On a terminal, a live line for the command (scripts/lib/progress.ts): its label, and about
   * how many page lines its log will have, if it is a build. The bench prints its own summary.
   */
  progress?: { label: string; pages?: number | undefined };
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface ProcessInfo {
  comm: string;
  ticks: number;
}

/** Every process in /proc: its name and CPU ticks, and the children of each parent. */
function processTable(): { info: Map<number, ProcessInfo>; children: Map<number, number[]> } {
  const children = new Map<number, number[]>();
  const info = new Map<number, ProcessInfo>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    const close = stat.lastIndexOf(')');
    // Fields after "(comm)": state ppid … utime (14th field) stime (15th).
    const fields = stat.slice(close + 2).split(' ');
    const ppid = Number(fields[1]);
    const pid = Number(name);
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    info.set(pid, { comm, ticks: Number(fields[11]) + Number(fields[12]) });
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  return { info, children };
}

/**
 * Watches a process and all its descendants through /proc every `intervalMs`: the peak of
 * the summed VmRSS, the peak per process name, and the CPU time each process has used
 * (its last reading; a process that lives under `intervalMs` may be missed).
 */
export class TreeMonitor {
  peakKB = 0;
  peakByComm = new Map<string, number>();
  private readonly ticks = new Map<number, ProcessInfo>();
  private timer: NodeJS.Timeout | undefined;
  private readonly rootPid: number;
  private readonly intervalMs: number;

  constructor(rootPid: number, intervalMs = 100) {
    this.rootPid = rootPid;
    this.intervalMs = intervalMs;
  }

  start() {
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.sample();
  }

  stop() {
    clearInterval(this.timer);
  }

  cpuSeconds(filter: (comm: string) => boolean = () => true): number {
    let ticks = 0;
    for (const entry of this.ticks.values()) if (filter(entry.comm)) ticks += entry.ticks;
    return ticks / CLOCK_TICKS;
  }

  sample() {
    const { info, children } = processTable();
    let total = 0;
    const perComm = new Map<string, number>();
    const stack = [this.rootPid];
    while (stack.length) {
      const pid = stack.pop()!;
      stack.push(...(children.get(pid) ?? []));
      const about = info.get(pid);
      if (about) this.ticks.set(pid, about);
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        total += kb;
        const name = about?.comm ?? '?';
        perComm.set(name, Math.max(perComm.get(name) ?? 0, kb));
      } catch {
        // the process ended between listing and reading
      }
    }
    this.peakKB = Math.max(this.peakKB, total);
    for (const [name, kb] of perComm) {
      this.peakByComm.set(name, Math.max(this.peakByComm.get(name) ?? 0, kb));
    }
  }
}

export const MB = (kb: number) => Math.round(kb / 1024);
export const isPagefind = (comm: string) => comm.startsWith('pagefind');

/**
 * Node's main thread is called "MainThread" in /proc, the build's check process
 * CHECK_PROCESS_TITLE, Pagefind's binary "pagefind…". The site's process is the largest other.
 */
export function splitPeaks(peakByComm: Record<string, number>): {
  peakRssAstroMB: number;
  peakRssPagefindMB: number;
} {
  const entries = Object.entries(peakByComm);
  const isSite = (comm: string) => !isPagefind(comm) && comm !== CHECK_PROCESS_TITLE;
  return {
    peakRssAstroMB: Math.max(0, ...entries.filter(([k]) => isSite(k)).map(([, v]) => v)),
    peakRssPagefindMB: Math.max(0, ...entries.filter(([k]) => isPagefind(k)).map(([, v]) => v)),
  };
}

/** What a command's output says as it comes: the lines, the page count, the markers seen. */
class LogReader {
  readonly marks: Record<string, number> = {};
  readonly lines: string[] = [];
  pagesLogged = 0;
  pagesReused = 0;
  private readonly markers: Record<string, Marker>;

  constructor(markers: Record<string, Marker> = {}) {
    this.markers = markers;
  }

  read(line: string, t: number) {
    // Per-page lines are many: count them, keep the rest in memory for parsing.
    if (/^\s*\S+\s+[├└]─/.test(line)) {
      this.pagesLogged++;
      if (/\((?:cached|restored)\)\s*$/.test(line)) this.pagesReused++;
    } else this.lines.push(line);
    for (const [name, { pattern, after }] of Object.entries(this.markers)) {
      if (!(name in this.marks) && (!after || after in this.marks) && pattern.test(line)) {
        this.marks[name] = Number(t.toFixed(2));
      }
    }
  }
}

/** Calls `onLines` with the complete lines of each chunk of output, colours removed. */
function eachLine(stream: NodeJS.ReadableStream, onLines: (lines: string[]) => void) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop()!;
    onLines(parts.map((raw) => stripVTControlCharacters(raw)));
  });
}

/** Runs a command, logging its output with elapsed-time stamps to `logFile`. */
export function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  mkdirSync(dirname(options.logFile), { recursive: true });
  writeFileSync(options.logFile, `$ ${command} ${args.join(' ')}\n# cwd ${options.cwd}\n`);
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const monitor = new TreeMonitor(child.pid!);
  monitor.start();
  const log = new LogReader(options.markers);
  const phase = options.progress && isLive() ? startPhase(options.progress.label) : undefined;
  const expected = options.progress?.pages;
  const onLines = (lines: string[]) => {
    const t = (performance.now() - started) / 1000;
    for (const line of lines) log.read(line, t);
    phase?.update(log.pagesLogged, expected && Math.max(expected, log.pagesLogged));
    const stamped = lines.map((line) => `${t.toFixed(2).padStart(8)} ${line}`);
    if (stamped.length) appendFileSync(options.logFile, `${stamped.join('\n')}\n`);
  };
  eachLine(child.stdout!, onLines);
  eachLine(child.stderr!, onLines);
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      monitor.stop();
      if (code === 0) phase?.end(`${options.progress!.label}: done`);
      else phase?.fail(`${options.progress!.label}: exit ${code}`);
      const seconds = (performance.now() - started) / 1000;
      resolvePromise(finish(monitor, log, code, seconds, options.logFile));
    });
  });
}

function finish(
  monitor: TreeMonitor,
  log: LogReader,
  code: number | null,
  seconds: number,
  logFile: string,
): RunResult {
  const cpuSeconds = round(monitor.cpuSeconds(), 1);
  const cpuPagefindSeconds = round(monitor.cpuSeconds(isPagefind), 1);
  const peaks = [...monitor.peakByComm].map(([k, v]) => `${k} ${MB(v)} MB`).join(', ');
  const cpu = `CPU ${cpuSeconds} s (Pagefind ${cpuPagefindSeconds} s)`;
  const rss = `peak RSS of the tree ${MB(monitor.peakKB)} MB (largest per process: ${peaks})`;
  appendFileSync(logFile, `# exit ${code} after ${seconds.toFixed(2)} s, ${cpu}, ${rss}\n`);
  return {
    seconds,
    cpuSeconds,
    cpuPagefindSeconds,
    code,
    peakRssMB: MB(monitor.peakKB),
    peakByComm: Object.fromEntries([...monitor.peakByComm].map(([k, v]) => [k, MB(v)])),
    marks: log.marks,
    lines: log.lines,
    pagesLogged: log.pagesLogged,
    pagesReused: log.pagesReused,
  };
}
