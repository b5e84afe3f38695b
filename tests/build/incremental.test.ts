/**
 * Rebuilds reuse unchanged pages (Astro's incremental build) and still show every edit
 * everywhere it appears.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  linkSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchFragmentText } from '../helpers/dist.ts';
import { scratchDir } from '../helpers/scratch.ts';

/**
 * Astro restores reused pages itself beside the check on a small site; on a large one (the check
 * first, as from BRIEFING_CHECK_FIRST_FROM files) the build links them in before Astro starts.
 */
const modes = [
  { mode: 'Astro restores reused pages', checkFirstFrom: '30000', linked: false },
  { mode: 'the build links reused pages in place first', checkFirstFrom: '1', linked: true },
];

describe.each(modes)('a rebuild after editing one brief ($mode)', ({ checkFirstFrom, linked }) => {
  function build(content: string, dist: string) {
    const result = spawnSync(process.execPath, ['scripts/build.ts'], {
      env: {
        ...process.env,
        BRIEFING_CONTENT_DIR: content,
        BRIEFING_DIST: dist,
        BRIEFING_CHECK_FIRST_FROM: checkFirstFrom,
      },
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    return result.stdout;
  }

  it('restores untouched pages and updates every page that shows the edit', () => {
    const dir = scratchDir('briefing-incremental-');
    const content = join(dir, 'content');
    const dist = join(dir, 'dist');
    cpSync(resolve('tests/fixtures/mini/content'), content, { recursive: true });
    build(content, dist);
    // A second name for a published page, made before a rebuild: the page as readers have it
    // until the new site is published, which the rebuild must not change in place.
    let witnesses = 0;
    const witness = (p: string) => {
      const name = join(dir, `witness-${witnesses++}`);
      linkSync(join(dist, p, 'index.html'), name);
      return () => readFileSync(name, 'utf8');
    };
    const beta = join(content, 'briefs/2025/beta.md');
    const publishedBeta = witness('briefs/beta');
    writeFileSync(
      beta,
      readFileSync(beta, 'utf8').replace(
        'title: Beta brief about MP Materials',
        'title: Renamed beta brief',
      ),
    );
    const log = build(content, dist);
    expect(log).toMatch(/restored/);
    const page = (p: string) => readFileSync(join(dist, p, 'index.html'), 'utf8');
    expect(page('briefs/beta')).toContain('Renamed beta brief');
    expect(publishedBeta(), 'the page published before was not written over').toContain(
      'Beta brief about MP Materials',
    );
    expect(statSync(join(dist, 'policies/eight-provisions/index.html')).nlink > 1).toBe(linked);
    expect(page('companies/mp-materials'), 'backlinks show the new title').toContain(
      'Renamed beta brief',
    );
    expect(page('briefs/alpha'), 'the neighbour link shows the new title').toContain(
      'Renamed beta brief',
    );
    expect(page('briefs')).toContain('Renamed beta brief');
    expect(readFileSync(join(dist, 'rss.xml'), 'utf8')).toContain('Renamed beta brief');
    // The export and the timeline have cache keys too (src/astro/cache-keys.ts).
    const file = (p: string) => readFileSync(join(dist, p), 'utf8');
    expect(file('api/briefs/2025.json')).toContain('Renamed beta brief');
    expect(page('timeline/2025')).toContain('Renamed beta brief');
    expect(page('policies/eight-provisions')).not.toContain('beta');
    // An unchanged MDX brief still renders on a rebuild (its module must stay registered).
    expect(page('briefs/delta')).toContain('Something happens.');

    // A brief that is gone must not come back with the pages restored from the last build.
    const publishedProfile = witness('companies/mp-materials');
    rmSync(beta);
    const after = build(content, dist);
    expect(publishedProfile(), 'nor, through the cache it shares, the next time').toContain(
      'Renamed beta brief',
    );
    expect(after).toMatch(/restored/);
    expect(existsSync(join(dist, 'briefs/beta')), 'the removed brief has no page').toBe(false);
    expect(page('briefs/alpha')).toContain('Alpha');
    expect(page('companies/mp-materials')).not.toContain('Renamed beta brief');
    expect(file('api/briefs/2025.json')).not.toContain('"beta"');
    expect(file('api/links/2025.json')).not.toContain('"beta"');
    expect(page('timeline/2025')).not.toContain('Renamed beta brief');

    // A body edited: its page is a new file, read again, and its search bundle indexed again,
    // while the unchanged pages are known by their digests (index-site.ts, page digests).
    const alpha = join(content, 'briefs/2025/alpha.md');
    writeFileSync(alpha, `${readFileSync(alpha, 'utf8')}\nA note on quillwort.\n`);
    expect(searchFragmentText(dist)).not.toContain('quillwort');
    build(content, dist);
    expect(page('briefs/alpha')).toContain('quillwort');
    expect(searchFragmentText(dist), 'the search index has the edit').toContain('quillwort');
  });
});
