/**
 * Drafts and scheduled briefs (dated after the build's day) are absent from every output of a
 * production build: pages, lists, counts, feeds, sitemap, JSON export, search index, related
 * briefs and the network. A build on the scheduled brief's day publishes it, and a rebuild
 * with the cache of the first updates every page that now shows it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, type Dirent, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers/scratch.ts';

const dir = scratchDir('briefing-scheduled-');
const content = join(dir, 'content');
const dist = join(dir, 'dist');

const SCHEDULED = `---
title: Epsilon Zephyrquartz outlook
date: 2025-10-15
redirect_from: [/2025/epsilon-outlook/]
summary: A brief written ahead of its day, about Zephyrquartz and Northern Rare Earth.
highlights: [Four.]
companies: [china-northern-rare-earth, mp-materials]
themes: [party-control-of-soes]
sources:
  - {title: E, publisher: Example, url: "https://example.com/e"}
---
Zephyrquartz body that mentions [[MP Materials]].
`;

function build(day: string) {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    env: {
      ...process.env,
      BRIEFING_CONTENT_DIR: content,
      BRIEFING_DIST: dist,
      BRIEFING_BUILD_DATE: day,
    },
    encoding: 'utf8',
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/** Every file of the built site as text; Pagefind's gzipped index files unpacked. */
function siteTexts(): Array<[string, string]> {
  return (readdirSync(dist, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile() && !e.name.endsWith('.wasm'))
    .map((e) => {
      const path = join(e.parentPath, e.name);
      const bytes = readFileSync(path);
      const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
      return [path.slice(dist.length), (gzipped ? gunzipSync(bytes) : bytes).toString('utf8')];
    });
}

const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const json = <T>(path: string) => JSON.parse(readFileSync(join(dist, path), 'utf8')) as T;

beforeAll(() => {
  cpSync(resolve('tests/fixtures/mini/content'), content, { recursive: true });
  writeFileSync(join(content, 'briefs/2025/epsilon-scheduled.md'), SCHEDULED);
});

describe('a build before a scheduled brief’s day', () => {
  let log = '';
  beforeAll(() => {
    log = build('2025-10-14');
  });

  it('leaves the scheduled brief and the draft out of every file it writes', () => {
    const texts = siteTexts();
    expect(texts.length).toBeGreaterThan(30);
    expect(texts.some(([path]) => path.includes('pf_fragment'))).toBe(true);
    for (const marker of [
      'epsilon-scheduled',
      'epsilon-outlook',
      'Zephyrquartz',
      'zephyrquartz',
      'gamma-draft',
      'Gamma draft',
    ])
      expect(
        texts.filter(([, text]) => text.includes(marker)).map(([path]) => path),
        marker,
      ).toEqual([]);
    expect(log, 'the build lists what it held back').toMatch(
      /Scheduled:[^\n]*\n\s+2025-10-15 .*epsilon-scheduled\.md/,
    );
  });

  it('counts only published briefs', () => {
    expect(page('')).toContain('All 3 briefs');
    const entities = json<Array<{ slug: string; briefs: number }>>('api/entities.json');
    expect(entities.find((e) => e.slug === 'china-northern-rare-earth')!.briefs).toBe(1);
    expect(entities.find((e) => e.slug === 'mp-materials')!.briefs).toBe(3);
    expect(json<unknown[]>('api/briefs.json')).toHaveLength(3);
  });
});

describe('a build on the scheduled brief’s day, reusing the first build’s cache', () => {
  let log = '';
  beforeAll(() => {
    log = build('2025-10-15');
  });

  it('publishes it everywhere', () => {
    expect(log, 'unchanged pages were reused').toMatch(/restored/);
    expect(page('briefs/epsilon-scheduled')).toContain('Epsilon Zephyrquartz outlook');
    expect(page('briefs/epsilon-scheduled')).not.toContain('Scheduled');
    expect(page('briefs/delta'), 'the previous newest brief links to it').toContain(
      'href="/briefs/epsilon-scheduled/"',
    );
    expect(page('companies/china-northern-rare-earth')).toContain('/briefs/epsilon-scheduled/');
    expect(page('')).toContain('All 4 briefs');
    expect(page('briefs')).toContain('Epsilon Zephyrquartz outlook');
    expect(page('2025/epsilon-outlook'), 'its old address now redirects').toContain(
      '/briefs/epsilon-scheduled/',
    );
    expect(readFileSync(join(dist, 'rss.xml'), 'utf8')).toContain('Epsilon Zephyrquartz outlook');
    expect(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')).toContain(
      '/briefs/epsilon-scheduled/',
    );
    const entities = json<Array<{ slug: string; briefs: number }>>('api/entities.json');
    expect(entities.find((e) => e.slug === 'china-northern-rare-earth')!.briefs).toBe(2);
    const texts = siteTexts().filter(([path]) => path.startsWith('/pagefind/'));
    expect(texts.some(([, text]) => text.includes('zephyrquartz'))).toBe(true);
    // Still never the draft.
    expect(siteTexts().filter(([, text]) => text.includes('Gamma draft'))).toEqual([]);
  });
});
