/**
 * Finding and launching a headless Chromium or Chrome for the browser tests, the benchmark and
 * the screenshots, driven by playwright-core: an installed browser if there is one (no
 * download), else the one Playwright downloads.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, win32 } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const NO_BROWSER =
  'No Chromium or Chrome found: install one (Debian: apt-get install chromium; ' +
  'macOS: brew install --cask chromium) or set CHROMIUM_PATH to its executable.';

/** A browser could not be had; the message is one line, meant to be shown as it is. */
export class BrowserNotFound extends Error {}

type Env = Record<string, string | undefined>;

const LINUX = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/usr/local/bin/chromium',
  '/usr/local/bin/google-chrome',
  '/opt/google/chrome/chrome',
];
const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
];

/** Windows' variable names are case-insensitive: look them up in upper case there. */
function variables(platform: NodeJS.Platform, env: Env): Env {
  if (platform !== 'win32') return env;
  return Object.fromEntries(
    Object.entries(env).map(([name, value]) => [name.toUpperCase(), value]),
  );
}

function windowsCandidates(env: Env): string[] {
  const [programs, programs86, local] = [
    env.PROGRAMFILES,
    env['PROGRAMFILES(X86)'],
    env.LOCALAPPDATA,
  ];
  const under = (bases: Array<string | undefined>, rest: string) =>
    bases.filter((b): b is string => !!b).map((base) => win32.join(base, rest));
  return [
    ...under([programs, programs86, local], 'Google\\Chrome\\Application\\chrome.exe'),
    ...under([local, programs, programs86], 'Chromium\\Application\\chrome.exe'),
    ...under([programs86, programs], 'Microsoft\\Edge\\Application\\msedge.exe'),
  ];
}

function macCandidates(env: Env): string[] {
  const home = env.HOME;
  const folders = ['/Applications', ...(home ? [posix.join(home, 'Applications')] : [])];
  const onPath = onSearchPath(env, ['chromium', 'google-chrome']);
  return [...folders.flatMap((f) => MAC_APPS.map((app) => posix.join(f, app))), ...onPath];
}

function onSearchPath(env: Env, names: string[]): string[] {
  const dirs = (env.PATH ?? '').split(posix.delimiter).filter(Boolean);
  return dirs.flatMap((dir) => names.map((name) => posix.join(dir, name)));
}

/** Where browsers are usually installed on `platform`, most likely first (CHROMIUM_PATH aside). */
export function browserCandidates(platform: NodeJS.Platform, environment: Env): string[] {
  const env = variables(platform, environment);
  const all =
    platform === 'win32'
      ? windowsCandidates(env)
      : platform === 'darwin'
        ? macCandidates(env)
        : [...LINUX, ...onSearchPath(env, LINUX_NAMES)];
  return [...new Set(all)];
}

export interface Lookup {
  platform: NodeJS.Platform;
  env: Env;
  /** Whether a file is there. */
  exists: (path: string) => boolean;
  /** Where Playwright keeps the Chromium it downloads (there or not); undefined if unsupported. */
  playwright: string | undefined;
}

export type Choice = { path: string } | { fetch: string } | { error: string };

/**
 * The browser to use: CHROMIUM_PATH when it is set (and nothing else, so that a mistake in
 * it is not hidden); else the first installed candidate, else Playwright's own download;
 * else `fetch`, the path where Playwright would download one.
 */
export function chooseBrowser({ platform, env, exists, playwright }: Lookup): Choice {
  const chosen = variables(platform, env).CHROMIUM_PATH;
  if (chosen) {
    if (exists(chosen)) return { path: chosen };
    const fix = 'set it to the executable of a Chromium or Chrome, or unset it.';
    return { error: `CHROMIUM_PATH is ${chosen}, which is not a file: ${fix}` };
  }
  const installed = browserCandidates(platform, env).find((path) => exists(path));
  if (installed) return { path: installed };
  if (!playwright) return { error: NO_BROWSER };
  return exists(playwright) ? { path: playwright } : { fetch: playwright };
}

/** Resolves the choice, fetching Playwright's Chromium if it comes to that. */
export async function locateBrowser(
  lookup: Lookup,
  fetch: () => Promise<boolean> = fetchPlaywrightChromium,
): Promise<string> {
  const choice = chooseBrowser(lookup);
  if ('path' in choice) return choice.path;
  if ('error' in choice) throw new BrowserNotFound(choice.error);
  if ((await fetch()) && lookup.exists(choice.fetch)) return choice.fetch;
  throw new BrowserNotFound(NO_BROWSER);
}

function playwrightPath(): string | undefined {
  try {
    return chromium.executablePath() || undefined;
  } catch {
    return undefined; // a platform Playwright has no build for
  }
}

/** `playwright-core install chromium`, quietly: true if it finished in time. */
function fetchPlaywrightChromium(timeoutMs = 300_000): Promise<boolean> {
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve('playwright-core/package.json')), 'cli.js');
  process.stderr.write("No Chromium or Chrome installed: fetching Playwright's Chromium…\n");
  // --no-shell: the headless shell is a second download, and launches use the full browser.
  const args = [cli, 'install', '--no-shell', 'chromium'];
  const child = spawn(process.execPath, args, { stdio: 'ignore', timeout: timeoutMs });
  return new Promise((done) => {
    child.on('error', () => done(false));
    child.on('close', (code) => done(code === 0));
  });
}

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

let found: Promise<string> | undefined;

/** The browser's executable, looked up once per process; rejects with BrowserNotFound. */
export function findBrowser(): Promise<string> {
  found ??= locateBrowser({
    platform: process.platform,
    env: process.env,
    exists: isFile,
    playwright: playwrightPath(),
  });
  return found;
}

export const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

export async function launchBrowser(executablePath?: string): Promise<Browser> {
  return chromium.launch({
    executablePath: executablePath ?? (await findBrowser()),
    args: BROWSER_ARGS,
  });
}
