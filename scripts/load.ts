/**
 * `npm run load`: the built site, served by `npm run preview` (Astro's own preview server) on
 * 127.0.0.1, must answer 2,000 requests, 50 at a time, with no error. The requests go round
 * every page of the site and its feeds, scripts, styles and search files; autocannon sends
 * them and counts errors, timeouts and answers other than 2xx. The server is stopped at the end;
 * the exit code is 1 when anything failed.
 *
 * Options: --requests N (2000), --connections N (50). The site is BRIEFING_DIST (dist/).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { configOrReport } from './check.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    connections: { type: 'string', default: '50' },
  },
});
const total = Number(values.requests);
const connections = Number(values.connections);

const config = configOrReport();
if (!config) process.exit(1);
if (!existsSync(join(config.distDir, 'index.html'))) {
  console.error(`\n✗ there is no built site in ${config.distDir}: run npm run build first.\n`);
  process.exit(1);
}

/** Every page (as its URL path) and a sample of the other files: what readers ask for. */
function pathsOf(dir: string): string[] {
  const base = config!.basePath.replace(/\/$/, '');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) =>
    f.split(sep).join('/'),
  );
  const pages = files
    .filter((f) => f.endsWith('index.html'))
    .map((f) => `/${f.replace(/index\.html$/, '')}`);
  const others = files.filter(
    (f) => /\.(xml|json|css|js)$/.test(f) && !f.startsWith('pagefind/fragment/'),
  );
  return [...pages, ...others.slice(0, 200).map((f) => `/${f}`)].map((path) => `${base}${path}`);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

async function waitUntilUp(url: string, server: ChildProcess, seconds = 60): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    if (server.exitCode !== null)
      throw new Error(`npm run preview stopped (exit ${server.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`npm run preview did not answer at ${url} within ${seconds} s`);
}

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
// `npm run preview` is `astro preview --host 127.0.0.1`; the port is a free one.
const server = spawn(
  process.execPath,
  [
    resolve('node_modules/astro/bin/astro.mjs'),
    'preview',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
  ],
  { stdio: ['ignore', 'pipe', 'pipe'], env: process.env },
);
let serverLog = '';
server.stdout!.on('data', (chunk) => (serverLog += chunk));
server.stderr!.on('data', (chunk) => (serverLog += chunk));

let failed = true;
try {
  const paths = pathsOf(config.distDir);
  await waitUntilUp(`${origin}${config.basePath}`, server);
  console.log(
    `Sending ${total} requests, ${connections} at a time, over ${paths.length} paths of ${origin}…`,
  );
  const result = await autocannon({
    url: origin,
    connections,
    amount: total,
    timeout: 10,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  const ok = result['2xx'];
  const problems = {
    errors: result.errors,
    timeouts: result.timeouts,
    'non-2xx answers': result.non2xx,
    unanswered: total - result.requests.total,
  };
  console.log(
    `${result.requests.total} requests in ${result.duration.toFixed(1)} s: ${ok} answered 2xx; ` +
      `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  );
  const bad = Object.entries(problems).filter(([, n]) => n > 0);
  if (bad.length) console.error(`✗ ${bad.map(([what, n]) => `${n} ${what}`).join(', ')}`);
  else console.log('✓ no errors');
  failed = bad.length > 0;
} catch (error) {
  console.error(`✗ ${(error as Error).message}\n${serverLog}`);
} finally {
  server.kill();
}
process.exit(failed ? 1 : 0);
