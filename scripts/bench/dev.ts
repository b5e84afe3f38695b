/**
 * `npm run dev` on the corpus: seconds from starting `astro dev` to the first page it serves
 * (the home page, then one brief), as an author would wait after opening the project. Run after
 * the cold build, so the dev server finds the cache a working copy has (Astro's content store).
 */
import { spawn } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type Step } from './builds.ts';
import { round } from './results.ts';
import { projectEnv } from './work.ts';

const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

/** Seconds until `url` answers 200, polling; null after `limitMs`. */
async function firstAnswer(url: string, started: number, limitMs: number): Promise<number | null> {
  while (performance.now() - started < limitMs) {
    try {
      const response = await fetch(url);
      await response.text();
      if (response.ok) return (performance.now() - started) / 1000;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}

/** Starts `astro dev`, times the home page and a brief page, stops it. */
export async function devFirstPage(
  { ws, say }: Step,
  briefSlug: string,
): Promise<{ home: number | null; brief: number | null }> {
  const port = await freePort();
  const logFile = join(ws.logs, 'dev.log');
  writeFileSync(logFile, `$ astro dev --port ${port}\n`);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      join(ws.projectRoot, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    { cwd: ws.projectRoot, env: projectEnv(ws), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = (chunk: Buffer) => appendFileSync(logFile, chunk);
  child.stdout.on('data', log);
  child.stderr.on('data', log);
  try {
    const base = `http://127.0.0.1:${port}`;
    const home = await firstAnswer(`${base}/`, started, 600_000);
    const brief =
      home == null ? null : await firstAnswer(`${base}/briefs/${briefSlug}/`, started, 600_000);
    const shown = (s: number | null) => (s == null ? 'no answer' : `${s.toFixed(1)} s`);
    say(`dev: first page ${shown(home)}, a brief page ${shown(brief)} after start`);
    return { home: home && round(home, 1), brief: brief && round(brief, 1) };
  } finally {
    child.kill();
  }
}
