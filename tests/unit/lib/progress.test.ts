import { describe, expect, it } from 'vitest';
import { clock, progressText, startPhase } from '../../../scripts/lib/progress.ts';

describe('progress lines', () => {
  it('says what is done, the time taken and about how long is left', () => {
    expect(progressText('pages rendered', 5120, 10406, 41, ' (about)')).toBe(
      'pages rendered: 5,120 of 10,406 (about) · 0:41 · about 0:42 left',
    );
    expect(progressText('content check', 0, undefined, 3)).toBe('content check: 0 · 0:03');
    expect(progressText('search bundles indexed', 24, 24, 75)).toBe(
      'search bundles indexed: 24 of 24 · 1:15',
    );
    expect(clock(3725)).toBe('1:02:05');
  });

  it('prints one summary line per phase without a terminal, and nothing while it runs', () => {
    const lines: string[] = [];
    const phase = startPhase('pages rendered', { live: false, print: (l) => lines.push(l) });
    phase.update(10, 100);
    phase.update(100, 100);
    expect(lines).toEqual([]);
    phase.end('100 pages rendered');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^✓ 100 pages rendered \(\d+\.\d s\)$/);
    startPhase('publish', { live: false, print: (l) => lines.push(l) }).fail('publish');
    expect(lines[1]).toMatch(/^✗ publish/);
  });
});
