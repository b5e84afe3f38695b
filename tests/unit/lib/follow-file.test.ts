import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { followFile } from '../../../scripts/lib/follow-file.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('followFile', () => {
  it('hands on what is appended, whole characters only, up to the last byte at stop', () => {
    const dir = mkdtempSync(join(tmpdir(), 'follow-'));
    dirs.push(dir);
    const path = join(dir, 'build.log');
    writeFileSync(path, '');
    const seen: string[] = [];
    const follower = followFile(path, (text) => seen.push(text), { everyMs: 60_000 });
    appendFileSync(path, 'line one\n');
    follower.poll();
    expect(seen.join('')).toBe('line one\n');
    // 稀 is three bytes: the first two arrive alone.
    const rare = Buffer.from('稀土\n');
    appendFileSync(path, rare.subarray(0, 2));
    follower.poll();
    expect(seen.join('')).toBe('line one\n');
    appendFileSync(path, rare.subarray(2));
    appendFileSync(path, `${'x'.repeat(100_000)}\nlast`);
    follower.stop();
    expect(seen.join('')).toBe(`line one\n稀土\n${'x'.repeat(100_000)}\nlast`);
    appendFileSync(path, 'after the end');
    follower.poll();
    expect(seen.join('')).not.toContain('after the end');
  });
});
