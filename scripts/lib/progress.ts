/**
 * Progress of long commands (`npm run build`, `npm run bench`, importers), one phase at a time.
 * On a terminal each phase is one live line (Clack's progress bar, the library Astro's own
 * command-line tools use) with what is done, the elapsed time and an estimate of the time left;
 * without one (CI, a log file) each phase prints a single summary line when it ends.
 */
import { progress as clackProgress, spinner as clackSpinner } from '@clack/prompts';

export interface Phase {
  /** `done` of `total` units (the total may be an estimate, and may change). */
  update(done: number, total?: number): void;
  /** Ends the phase with its summary line. */
  end(summary: string): void;
  /** Ends the phase as failed. */
  fail(summary: string): void;
}

export interface ProgressOptions {
  /** Live lines: on by default when standard output is a terminal and CI is not set. */
  live?: boolean;
  /** Where summary lines go without a terminal. */
  print?: (line: string) => void;
}

const two = (n: number) => String(n).padStart(2, '0');

/** Seconds as `m:ss` (or `h:mm:ss`). */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/** The live line's text: `pages 5,120 of ~10,406 · 0:41 · about 0:38 left`. */
export function progressText(
  label: string,
  done: number,
  total: number | undefined,
  elapsed: number,
  unit = '',
): string {
  const count = total
    ? `${done.toLocaleString('en')} of ${total.toLocaleString('en')}${unit}`
    : `${done.toLocaleString('en')}${unit}`;
  const left =
    total && done > 0 && done < total
      ? ` · about ${clock((elapsed * (total - done)) / done)} left`
      : '';
  return `${label}: ${count} · ${clock(elapsed)}${left}`;
}

export function isLive(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.CI;
}

/**
 * Starts a phase. `unit` follows the count (e.g. ` pages`). Live, the line is redrawn at most
 * ten times a second; otherwise nothing is printed until the phase ends.
 */
export function startPhase(
  label: string,
  { live = isLive(), print = console.log }: ProgressOptions = {},
  unit = '',
): Phase {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const seconds = () => `${elapsed().toFixed(1)} s`;
  if (!live) {
    return {
      update: () => {},
      end: (summary) => print(`✓ ${summary} (${seconds()})`),
      fail: (summary) => print(`✗ ${summary} (${seconds()})`),
    };
  }
  let bar: ReturnType<typeof clackProgress> | undefined;
  const spin = clackSpinner({ withGuide: false });
  spin.start(label);
  let shown = 0;
  let lastDraw = 0;
  let lastTotal = 0;
  let last: [number, number | undefined] = [0, undefined];
  // The elapsed time and the estimate move on even while no work is reported.
  const ticker = setInterval(() => phase.update(...last), 1000);
  ticker.unref();
  const phase: Phase = {
    update(done, total) {
      last = [done, total];
      const now = performance.now();
      if (now - lastDraw < 100 && done !== total) return;
      lastDraw = now;
      const text = progressText(label, done, total, elapsed(), unit);
      if (!total) return spin.message(text);
      if (!bar || total !== lastTotal) {
        // A bar needs its size up front: start one (again) when the total is known or changes.
        if (bar) bar.clear();
        else spin.clear();
        bar = clackProgress({ withGuide: false, max: total });
        bar.start(text);
        shown = 0;
        lastTotal = total;
      }
      const step = Math.min(done, total) - shown;
      shown += step;
      bar.advance(step, text);
    },
    end(summary) {
      clearInterval(ticker);
      (bar ?? spin).stop(`${summary} (${seconds()})`);
    },
    fail(summary) {
      clearInterval(ticker);
      (bar ?? spin).error(`${summary} (${seconds()})`);
    },
  };
  return phase;
}
