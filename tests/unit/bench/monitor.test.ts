import { describe, expect, it } from 'vitest';
import { splitPeaks } from '../../../scripts/bench/monitor.ts';
import { CHECK_PROCESS_TITLE } from '../../../scripts/lib/process-titles.ts';

describe('splitPeaks', () => {
  it("counts the largest Node process as the site's, but not the build's check process", () => {
    expect(
      splitPeaks({
        MainThread: 1_200,
        [CHECK_PROCESS_TITLE]: 2_900,
        pagefind_extended: 260,
        esbuild: 16,
      }),
    ).toEqual({ peakRssAstroMB: 1_200, peakRssPagefindMB: 260 });
  });
});
