/** `npm run load`: Astro's preview server answers 2,000 requests, 50 at a time, with no error. */
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/commands.ts';
import { distDir } from '../helpers/dist.ts';

describe('npm run load', () => {
  it('gets 2,000 answers from npm run preview, 50 at a time, with no error, and stops by itself', async () => {
    const { status, output } = await run('scripts/load.ts', { BRIEFING_DIST: distDir() });
    expect(output).toMatch(/2000 requests in [\d.]+ s: 2000 answered 2xx/);
    expect(output).toContain('✓ no errors');
    expect(status).toBe(0);
  }, 120_000);

  it('says what to do when there is no built site', async () => {
    const { status, output } = await run('scripts/load.ts', { BRIEFING_DIST: '/nonexistent/dist' });
    expect(status).toBe(1);
    expect(output).toContain('run npm run build first');
  });
});
