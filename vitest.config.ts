import { defineConfig } from 'vitest/config';
import { CORPUS_BUILD_DAY } from './scripts/bench/corpus.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/helpers/scratch-cleanup.ts'],
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Builds do not depend on the clock: a day after every synthetic brief (the benchmark's
          // corpus ends in 2026), so none is scheduled. Tests of scheduling set their own day.
          env: { BRIEFING_BUILD_DATE: CORPUS_BUILD_DAY },
          // Builds the sample site once; every site test reads or serves that build.
          globalSetup: ['tests/helpers/build-once.ts'],
          setupFiles: ['tests/helpers/scratch-cleanup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
