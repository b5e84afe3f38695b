/**
 * Vitest global setup for site tests: builds the bundled sample site once, with the
 * project's real build command, into a folder of its own (never the user's dist/).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

export const TEST_DIST = resolve('.briefing/test-dist');

export default function setup(project: TestProject) {
  if (process.env.BRIEFING_TEST_REUSE_DIST !== '1') {
    rmSync(TEST_DIST, { recursive: true, force: true });
    const result = spawnSync(process.execPath, ['scripts/build.ts'], {
      env: { ...process.env, BRIEFING_DIST: TEST_DIST },
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(`The sample site did not build:\n${result.stdout}\n${result.stderr}`);
    }
  }
  project.provide('distDir', TEST_DIST);
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}
