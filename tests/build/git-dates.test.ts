/**
 * Git dates in a built site: a brief revised after its first commit shows "Updated" with the
 * day of its last commit and links to its history on the forge; a shallow clone (what CI
 * checks out by default) builds too, without dates it cannot know.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers/scratch.ts';

const repo = scratchDir('briefing-gitdates-');
const content = join(repo, 'content');

function git(cwd: string, day: string, ...args: string[]) {
  const env = {
    ...process.env,
    GIT_AUTHOR_DATE: `${day}T09:00:00Z`,
    GIT_COMMITTER_DATE: `${day}T09:00:00Z`,
  };
  const result = spawnSync(
    'git',
    ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args],
    { cwd, env, encoding: 'utf8' },
  );
  expect(result.status, result.stderr).toBe(0);
}

function build(contentDir: string, dist: string) {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    env: { ...process.env, BRIEFING_CONTENT_DIR: contentDir, BRIEFING_DIST: dist },
    encoding: 'utf8',
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
}

const meta = (dist: string, slug: string) =>
  parse(readFileSync(join(dist, 'briefs', slug, 'index.html'), 'utf8')).querySelector(
    'header .meta',
  )!;

beforeAll(() => {
  cpSync(resolve('tests/fixtures/mini/content'), content, { recursive: true });
  writeFileSync(
    join(content, 'site.yaml'),
    'title: Mini\nrepository: https://github.com/org/briefing\n',
  );
  git(repo, '2025-09-02', 'init', '-q');
  git(repo, '2025-09-02', 'add', '-A');
  git(repo, '2025-09-02', 'commit', '-q', '-m', 'First briefs');
  const alpha = join(content, 'briefs/2025/alpha.md');
  writeFileSync(
    alpha,
    readFileSync(alpha, 'utf8').replace('One takeaway.', 'One revised takeaway.'),
  );
  git(repo, '2025-10-20', 'commit', '-q', '-am', 'Revise alpha');
});

describe('a site built from a git checkout', () => {
  const dist = join(repo, 'dist');
  beforeAll(() => build(content, dist));

  it('shows "Updated" on a brief revised after its first commit, and not on the others', () => {
    expect(meta(dist, 'alpha').text).toContain('Updated 20 October 2025');
    expect(meta(dist, 'alpha').querySelector('time[datetime="2025-10-20"]')).not.toBeNull();
    expect(meta(dist, 'beta').text).not.toContain('Updated');
    const exported = JSON.parse(readFileSync(join(dist, 'api/briefs.json'), 'utf8')) as Array<{
      slug: string;
      updated?: string;
    }>;
    expect(exported.find((b) => b.slug === 'alpha')!.updated).toBe('2025-10-20');
    expect(exported.find((b) => b.slug === 'beta')!.updated).toBeUndefined();
  });

  it('links each brief to its history on the forge', () => {
    const link = meta(dist, 'delta').querySelector('a[rel="external"]')!;
    expect(link.text.trim()).toBe('History of changes');
    expect(link.getAttribute('href')).toBe(
      'https://github.com/org/briefing/commits/HEAD/content/briefs/2025/delta.mdx',
    );
  });
});

describe('a site built from a shallow clone', () => {
  it('builds, and shows no date it cannot know', () => {
    const clone = scratchDir('briefing-gitdates-shallow-');
    const result = spawnSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    expect(result.status).toBe(0);
    const dist = join(clone, 'dist');
    build(join(clone, 'content'), dist);
    // Alpha's revision is the boundary commit itself: its first commit is unknown, so is a later one.
    expect(meta(dist, 'alpha').text).not.toContain('Updated');
    expect(meta(dist, 'alpha').querySelector('a[rel="external"]')!.getAttribute('href')).toBe(
      'https://github.com/org/briefing/commits/HEAD/content/briefs/2025/alpha.md',
    );
  });
});
