/**
 * Vitest global setup for site tests: finds the browser the browser tests use (stopping the
 * run with one line if none can be had), then builds the bundled sample site once, with the
 * project's real build command, into a folder of its own (never the user's dist/).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { BrowserNotFound, findBrowser } from '../../scripts/lib/browser.ts';

export const TEST_DIST = resolve('.briefing/test-dist');
export const TEST_TODAY = '2026-03-01';

export default async function setup(project: TestProject) {
  await requireBrowser();
  if (process.env.BRIEFING_TEST_REUSE_DIST !== '1') {
    rmSync(TEST_DIST, { recursive: true, force: true });
    const result = spawnSync(process.execPath, ['scripts/build.ts'], {
      // A fixed "today": policy statuses and next events depend on the day of the build.
      env: { ...process.env, BRIEFING_DIST: TEST_DIST, BRIEFING_BUILD_DATE: TEST_TODAY },
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(`The sample site did not build:\n${result.stdout}\n${result.stderr}`);
    }
  }
  project.provide('distDir', TEST_DIST);
}

/** Up front, before the build: without a browser every browser test would fail on its own. */
async function requireBrowser() {
  try {
    await findBrowser();
  } catch (error) {
    if (!(error instanceof BrowserNotFound)) throw error;
    // Thrown, it would come with a stack and Vitest's "No test files found": the line alone.
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}
